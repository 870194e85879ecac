#!/usr/bin/env bash
# Installs every tool the build and the tests need, at pinned versions.
# Idempotent: each tool is skipped when it is already there at the right
# version, because a cold `cargo install trunk` takes about 11 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14
TWIGGY_VERSION=0.8.0          # bench/twiggy.sh only; about 2 minutes to build
WASM_BINDGEN_VERSION=0.2.130   # must equal the `=` pin in Cargo.toml
APT_PACKAGES=(chromium chromium-driver poppler-utils brotli)

say() { printf 'setup: %s\n' "$*"; }
has() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"; }

# Debian packages: the browser and its driver for the tests, pdftotext for
# the print checks, brotli for the size report.
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  say "installing ${missing[*]} with apt"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
else
  say "apt packages present"
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

if has trunk "trunk $TRUNK_VERSION"; then say "trunk $TRUNK_VERSION present"; else
  say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# No --locked: the CLI's own lock file pins a webpki-roots the registry no
# longer serves.
if has wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION"; then say "wasm-bindgen $WASM_BINDGEN_VERSION present"; else
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3.5 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if has twiggy " $TWIGGY_VERSION"; then say "twiggy $TWIGGY_VERSION present"; else
  say "installing twiggy $TWIGGY_VERSION (bench/twiggy.sh)"
  cargo install twiggy --version "$TWIGGY_VERSION" --locked
fi

# npm packages from the committed lock: playwright-core, axe-core,
# binaryen (wasm-opt 132), terser and csso (scripts/minify.mjs), lighthouse.
# Reinstalled only when the lock file changes.
stamp=node_modules/.mbc-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x node_modules/.bin/wasm-opt ]; then
  say "npm packages present"
else
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi

has wasm-opt "version_132" || { say "wasm-opt 132 is missing from node_modules/.bin"; exit 1; }
say "ready"
