#!/usr/bin/env bash
# One command to run the whole test suite on a fresh machine: setup, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "test: typecheck (sources, tests, benchmarks)"
npx tsc -p tsconfig.test.json
echo "test: typecheck (web pages)"
npx tsc -p src/web/tsconfig.json
npx vitest run "$@"
