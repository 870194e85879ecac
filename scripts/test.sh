#!/usr/bin/env bash
# Runs every check and every test layer. This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_COLOR=never

step() { printf '\n== %s\n' "$*"; }
started=$(date +%s)

step "set-up"
scripts/setup.sh

step "format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets --features ssr -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings
# The JavaScript we write: the standalone page's boot.js, and the loader and
# service worker templates that mbc-postbuild fills in.
for js in static/boot.js static/loader.template.js static/sw.template.js; do node --check "$js"; done

step "layer 1: native tests (cargo test)"
cargo test --features ssr

step "layer 2: browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=60 \
  cargo test --target wasm32-unknown-unknown --no-default-features --test browser --test browser_storage --test browser_share

step "release build"
scripts/build.sh

step "layer 3: end-to-end (playwright-core, Chromium, the release build)"
node --test --test-concurrency=1 e2e/

printf '\nall test layers passed in %ss\n' "$(( $(date +%s) - started ))"
