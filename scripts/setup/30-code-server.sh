#!/usr/bin/env bash
# code-server (a real VS Code: server, extension host and web workbench) runs the VS Code extension's
# end-to-end tests (test/e2e-vscode). @vscode/test-electron downloads VS Code from Microsoft and cannot here;
# code-server comes from npm. Recipe: /work/shared/notes/real-vscode-and-chromium-in-tests.md, ADR 0002.
# Idempotent: returns at once when the marker of a finished install is present.
set -euo pipefail

# 4.100.3 is VS Code 1.100.3 and runs on Node 20; the newest code-server@4 (4.139) needs Node 24.
VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$ROOT/.tools/code-server"
MARKER="$TOOLS/.installed-$VERSION"
[ -f "$MARKER" ] && exit 0

# Native modules are rebuilt from source (node-gyp needs a compiler and python3); ripgrep replaces the
# binary that code-server's postinstall would download from GitHub.
PACKAGES=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep build-essential python3)
missing=()
for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# node-gyp would download Node's headers from nodejs.org, which these machines cannot reach: point it at the
# headers installed with Node itself (Debian's nodejs-dev, NodeSource and the official tarballs all ship them).
NODE_PREFIX="$(dirname "$(dirname "$(command -v node)")")"
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$NODE_PREFIX/include/node/node.h" ]; then export npm_config_nodedir="$NODE_PREFIX"; fi

mkdir -p "$TOOLS"
cd "$TOOLS"
[ -f package.json ] || echo '{"name":"code-server-tools","private":true}' > package.json
echo "code-server: installing $VERSION into $TOOLS (a few minutes, once)"
npm install --no-audit --no-fund --loglevel=error --ignore-scripts "code-server@$VERSION"

cd node_modules/code-server/lib/vscode
npm install --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild --loglevel=error @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog node-pty
ln -sfn node_modules node_modules.asar
(cd extensions && npm install --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts)
cd "$TOOLS"
npm rebuild --loglevel=error argon2

# Its own config file, so code-server never writes one into the home directory.
CODE_SERVER_CONFIG="$TOOLS/config.yaml" node node_modules/code-server/out/node/entry.js --version
touch "$MARKER"
