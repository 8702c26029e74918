#!/usr/bin/env bash
# curl runs the request builder's exported curl commands against a local verifying server in tests.
set -euo pipefail
command -v curl >/dev/null && exit 0
apt-get update -qq && apt-get install -y -qq curl >/dev/null
