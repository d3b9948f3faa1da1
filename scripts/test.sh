#!/usr/bin/env bash
# One command to run the whole test suite on a fresh machine: setup, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx vitest run "$@"
