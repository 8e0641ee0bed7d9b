#!/usr/bin/env bash
# Sets up everything (scripts/setup.sh) and runs every test tier: npm test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm test
