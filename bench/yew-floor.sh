#!/usr/bin/env bash
# The floor under the first load's byte budget: a Yew 0.23 "hello world"
# (one component with a counter), built exactly like the widget (the same
# locked crate versions and release profile, tracing compiled out, talc as
# the allocator, wasm-bindgen 0.2.130, wasm-opt -Oz with the build's flags,
# terser on the glue, then short import names (scripts/wasm-names.mjs)).
# Prints its wasm and glue, raw, gzip -9 and Brotli, next to the parts of our first load that any
# version of the widget must carry: the English text (the pack in the wasm)
# and the prerendered first screen. Builds in a temporary folder; prints,
# never fails on a figure.
#
#   bench/yew-floor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"
cat > "$work/Cargo.toml" <<'TOML'
[package]
name = "yew-floor"
version = "0.1.0"
edition = "2021"
[lib]
crate-type = ["cdylib"]
[dependencies]
yew = { version = "0.23", features = ["csr"] }
wasm-bindgen = "=0.2.130"
tracing = { version = "0.1", default-features = false, features = ["release_max_level_off"] }
talc = { version = "5.1.1", default-features = false }
[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"
TOML
cat > "$work/src/lib.rs" <<'RUST'
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[component]
fn App() -> Html {
    let n = use_state(|| 0u32);
    let onclick = {
        let n = n.clone();
        Callback::from(move |_| n.set(*n + 1))
    };
    html! { <main><p>{ "Hello" }</p><button {onclick}>{ "Count " }{ *n }</button></main> }
}

#[wasm_bindgen(start)]
pub fn run() {
    yew::Renderer::<App>::new().render();
}
RUST
# The same versions as the widget, and no network.
cp Cargo.lock "$work/"
(cd "$work" && cargo build --quiet --offline --release --target wasm32-unknown-unknown)
wasm-bindgen --target web --out-dir "$work/out" "$work/target/wasm32-unknown-unknown/release/yew_floor.wasm"
wasm-opt -Oz --converge --strip-producers --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$work/out/yew_floor_bg.wasm" -o "$work/out/floor.wasm"
node --input-type=module -e "
  import { readFileSync, writeFileSync } from 'node:fs';
  import { minify } from 'terser';
  import { shortenWasmNames } from '$ROOT/scripts/wasm-names.mjs';
  const [js, wasm] = process.argv.slice(1);
  const glue = (await minify(readFileSync(js, 'utf8'), { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true })).code;
  const out = shortenWasmNames(readFileSync(wasm), glue);
  writeFileSync(js, out.glue);
  writeFileSync(wasm, out.wasm);
" "$work/out/yew_floor.js" "$work/out/floor.wasm"

gz() { gzip -9 -c "$1" | wc -c; }
br() { brotli -q 11 -c "$1" | wc -c; }
row() { printf '%-46s %9s %9s %9s\n' "$1" "$(wc -c < "$2")" "$(gz "$2")" "$(br "$2")"; }
printf '%-46s %9s %9s %9s\n' "" raw "gzip -9" Brotli
row "Yew hello world: wasm" "$work/out/floor.wasm"
row "Yew hello world: glue (minified)" "$work/out/yew_floor.js"
pack=$(ls -t target/wasm32-unknown-unknown/release/build/mbc-guide-*/out/en.pack 2>/dev/null | head -1 || true)
if [ -n "$pack" ]; then row "our English text (en.pack, inside our wasm)" "$pack"; fi
if [ -f dist/index.html ]; then row "our prerendered page (dist/index.html)" dist/index.html; fi
echo "The rest of our first load (bench/size.sh) is the widget's own code, the stylesheet and boot.js."
