#!/usr/bin/env bash
# zsh and fish load the generated completion scripts in test/cli/completion.test.ts (bash is always there).
set -euo pipefail
command -v zsh >/dev/null && command -v fish >/dev/null && exit 0
apt-get update -qq && apt-get install -y -qq --no-install-recommends zsh fish >/dev/null
