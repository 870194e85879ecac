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
# The script embed's loader (mbc-guide.js) checks the glue and the wasm
# against the build's hashes (Subresource Integrity): give every file that
# names the old ones the named build's, or the embed refuses to start.
sri() { printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | base64 -w0)"; }
for file in "$js" "$wasm"; do
  old=$(sri "$dist/$file") new=$(sri "$out/$file")
  grep -qF "$old" "$out/mbc-guide.js" || { echo "profile-build: $out/mbc-guide.js does not name $file's hash" >&2; exit 1; }
  grep -rlF --include='*.js' --include='*.html' "$old" "$out" | xargs sed -i "s|$old|$new|g"
done
# The service worker's list has the old files' sha256: a worker that keeps
# nothing instead, so the page registers it without a 404 and every request
# goes to the network (the files just built).
printf '%s\n' '// bench/profile-build.sh: a named build for CPU profiles keeps nothing offline.' \
  "self.addEventListener('install', () => self.skipWaiting());" > "$out/sw.js"
echo "named build in $out ($(wc -c < "$out/$wasm") bytes of wasm)"
