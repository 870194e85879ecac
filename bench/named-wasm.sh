#!/usr/bin/env bash
# Builds the release wasm with its function names kept into OUT: the same
# cargo profile, wasm-bindgen and wasm-opt -Oz as the real build, plus -g.
# Writes OUT/named.wasm and wasm-bindgen's own glue OUT/mbc_guide.js (its
# import names not shortened). Used by bench/twiggy.sh and
# bench/profile-build.sh.
#
#   bench/named-wasm.sh OUT
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
out=${1:?usage: bench/named-wasm.sh OUT}
cargo build --quiet --release --target wasm32-unknown-unknown --no-default-features --lib
wasm-bindgen --target web --keep-debug --out-dir "$out" target/wasm32-unknown-unknown/release/mbc_guide.wasm
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/mbc_guide_bg.wasm" -o "$out/named.wasm"
