#!/usr/bin/env bash
# Builds the release widget into dist/ with trunk, offline-safe: every tool
# trunk needs is on PATH at the version Trunk.toml names, so it downloads nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
trunk build --release "$@"
