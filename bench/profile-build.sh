#!/usr/bin/env bash
# A copy of a release dist/ whose wasm keeps its function names, for reading
# CPU profiles (bench/interactions.mjs --profile 1), from bench/named-wasm.sh.
# Not for shipping: it is larger.
#
#   bench/profile-build.sh DIST OUT    (DIST: a finished scripts/build.sh output)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
dist=${1:?usage: bench/profile-build.sh DIST OUT} out=${2:?usage: bench/profile-build.sh DIST OUT}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bench/named-wasm.sh "$work"
rm -rf "$out"
cp -r "$dist" "$out"
find "$out" -name '*.br' -delete -o -name '*.gz' -delete
js=$(basename "$(ls "$out"/mbc-guide-*.js | grep -v _bg)")
wasm=$(basename "$(ls "$out"/mbc-guide-*_bg.wasm)")
cp "$work/mbc_guide.js" "$out/$js"
cp "$work/named.wasm" "$out/$wasm"
# The hashes in index.html no longer match: drop them (and the service worker).
sed -i -E 's/ integrity="[^"]*"//g' "$out/index.html"
rm -f "$out/sw.js"
echo "named build in $out ($(wc -c < "$out/$wasm") bytes of wasm)"
