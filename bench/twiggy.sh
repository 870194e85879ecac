#!/usr/bin/env bash
# Where the wasm's bytes go. Builds a copy of the release wasm with its
# function names kept (the same profile, wasm-bindgen and wasm-opt -Oz as the
# real build, plus -g so names survive), then prints with twiggy:
#   - the top items by retained size (an item and everything only it keeps);
#   - bytes by crate;
#   - bytes by component (src/components/*.rs) and by module of our own crate.
# Sizes are of the uncompressed wasm; twiggy cannot see compression. Prints,
# never fails on a figure.
#
#   bench/twiggy.sh [--top N]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
top=25
[ "${1:-}" = "--top" ] && top=${2:-25}
# twiggy 0.8.0 calls itself "twiggy-opt 0.8.0"; set up only what is missing.
command -v twiggy >/dev/null && command -v wasm-opt >/dev/null || scripts/setup.sh >/dev/null
command -v twiggy >/dev/null || { echo "twiggy is missing: scripts/setup.sh installs it"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bench/named-wasm.sh "$work"
# Names cost bytes; the shipped wasm has none. Report its size for scale,
# with the build's wasm-opt flags (index.html's data-wasm-opt-params).
wasm-opt -Oz --converge --strip-producers --strip-target-features --strip-debug --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$work/named.wasm" -o "$work/plain.wasm"
printf 'wasm without names: %s bytes raw, %s gzip -9 (the shipped one is this, then its import names are shortened: scripts/wasm-names.mjs)\n\n' \
  "$(wc -c < "$work/plain.wasm")" "$(gzip -9 -c "$work/plain.wasm" | wc -c)"

echo "== top $top items by retained size"
twiggy top --retained -n "$top" "$work/named.wasm"
echo
twiggy top --format csv "$work/named.wasm" > "$work/all.csv"
node bench/twiggy-groups.mjs "$work/all.csv"
