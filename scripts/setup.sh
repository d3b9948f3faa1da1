#!/usr/bin/env bash
# Installs what earshot needs on a fresh Debian machine (apt packages, npm packages, the build,
# the language models it builds). Safe to run again: each step skips what is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  pocketsphinx pocketsphinx-en-us libpocketsphinx3 sphinxbase-utils   # speech engine + English models
  pocketsphinx-testdata                                               # real English speech for tests
  flite sox libsox-fmt-all                                            # synthetic test calls, audio conversion
  postgresql                                                          # the scaled-out store (tests start their own)
  chromium fonts-liberation                                           # the pages' browser tests (playwright-core drives it)
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing apt packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# onnxruntime-node's postinstall would fetch CUDA add-ons from the internet; the CPU build is in the package.
export ONNXRUNTIME_NODE_INSTALL_CUDA=skip
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.earshot-lock-hash ] || [ "$(cat node_modules/.earshot-lock-hash)" != "$lock_hash" ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.earshot-lock-hash
fi

echo "setup: build"
npx tsc -p tsconfig.json
npx tsx scripts/build-web.ts   # the pages (src/web → dist/web)

if [ -f scripts/lm/build.ts ]; then
  echo "setup: language models"
  npm run --silent build:lm
fi
echo "setup: done"
