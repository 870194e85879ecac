#!/usr/bin/env bash
# Interaction benchmark: builds the release into dist-bench/ and measures,
# in headless Chromium with 300 questions in the list, the time from an
# input to the next paint for four actions (median and p95 of each), plus
# the memory in use afterwards. Prints figures; asserts nothing, so it is
# not part of scripts/test.sh. Extra arguments go to the node script
# (e.g. --samples 60 --runs 3 --cpu-throttle 4 --trace 1).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true \
  trunk build --release --dist dist-bench >"$log" 2>&1; then
  cat "$log" >&2
  echo "bench/interactions.sh: the release build failed" >&2
  exit 1
fi
MBC_DIST="$PWD/dist-bench" node bench/interactions.mjs "$@"
