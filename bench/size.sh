#!/usr/bin/env bash
# Builds the release and prints each file of the first load with its raw,
# gzip -9 and brotli size, and the total. Also checks the node figures
# against the gzip and brotli command-line tools for the wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
scripts/build.sh >/dev/null 2>&1 || scripts/build.sh
node bench/sizes.mjs dist
wasm=$(ls dist/*_bg.wasm)
printf '\ncross-check with the command-line tools for %s: gzip -9 %s bytes, brotli -q 11 %s bytes\n' \
  "$(basename "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)" "$(brotli -q 11 -c "$wasm" | wc -c)"
