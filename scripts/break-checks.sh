#!/usr/bin/env bash
# Breaks each accessibility, Lighthouse and budget check of e2e/ once, on a
# copy of a release build, and shows that its test then fails (issue 7: the
# checks "fail when broken"); then does the same for a set of native and
# browser (cargo) checks, by a one-string change to the Rust source. Each
# test also runs once unbroken. Prints a table; exits non-zero if any check
# passes when broken (a check that cannot fail is a defect) or fails
# unbroken. Local only, not CI: it takes tens of minutes. The e2e part needs
# no trunk: it works on a built folder, which it never changes (every
# breakage is made on a temp copy). The cargo part edits the source in place
# and always puts it back (also on Ctrl-C); do not edit src/ while it runs.
#
#   scripts/break-checks.sh [dist (default dist/)] [--only REGEX (checks or files)]
#
# The breakages and what each failure must say are in scripts/break-checks.mjs.
# Every e2e breakage edits the built CSS, index.html's <head>, boot.js or the
# embed's loader (mbc-guide.js): the wasm replaces the prerendered body at
# start, so an edit there would be undone. Changed files get their hashes
# again (index.html, the loader's Subresource Integrity, sw.js), as a rebuild
# would give them.
# Not covered, because breaking them needs a change to the Rust source and a
# release rebuild:
#   - the live-region announcements and their words (journey test; written by
#     src/ announce code inside the wasm);
#   - accessible names, roles and states in the ARIA snapshots (quality test):
#     they come from the wasm's markup; only hiding a part with CSS is covered;
#   - axe rules about markup (labels, names, roles, ARIA attributes, lang on
#     the widget): the markup is the wasm's; axe is proven with contrast;
#   - keyboard behaviour: focus moving to the step heading, arrow keys,
#     Escape in dialogs (journey test; event handlers in the wasm);
#   - the shadow-DOM canary (embed test): it is itself the proof that the
#     shadow-root scan can fail, by planting an image without alt.
#   - native tests other than those in NATIVE_CASES: each was broken by hand
#     once (see the commits that added them).
set -euo pipefail
cd "$(dirname "$0")/.."
exec node scripts/break-checks.mjs "$@"
