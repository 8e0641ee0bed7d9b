#!/usr/bin/env bash
# Sets up everything (scripts/setup.sh) and opens Chinese Reader on seeds/ in a real
# VS Code: the desktop `code` when installed, otherwise code-server, printing its URL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node scripts/demo.mjs
