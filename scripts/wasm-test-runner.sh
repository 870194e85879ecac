#!/usr/bin/env bash
# The runner cargo uses for the browser tests (.cargo/config.toml):
# wasm-bindgen-test-runner, with a temporary folder of its own that is
# removed when it ends, however it ends.
#
# Why: the runner starts chromedriver, which gives Chromium a fresh profile
# in the temporary folder (org.chromium.Chromium.scoped_dir.*, about 45 MB,
# and an org.chromium.Chromium.* folder for its socket). At the end the
# runner closes the window and kills chromedriver, which never gets to
# delete them: each browser test binary left about 45 MB in /tmp, and a
# day of test runs filled the disk.
set -uo pipefail
# A short name: Chromium's socket in it needs a path under 108 bytes.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mbc-wbt.XXXXXX") || exit 1
clean() {
  # Chromium may still be closing its profile: try again for a few seconds.
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    rm -rf "$tmp" 2>/dev/null
    [ -e "$tmp" ] || return 0
    sleep 0.5
  done
  echo "wasm-test-runner: could not remove $tmp" >&2
}
trap clean EXIT
trap 'exit 130' INT TERM
TMPDIR=$tmp wasm-bindgen-test-runner "$@"
