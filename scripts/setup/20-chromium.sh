#!/usr/bin/env bash
# Debian's Chromium runs the browser extension's end-to-end tests (test/e2e-browser) under playwright-core.
# Never `playwright install`: it downloads a browser from a CDN these machines cannot reach.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq chromium >/dev/null
