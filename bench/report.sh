#!/usr/bin/env bash
# The benchmark of issue 7, in one run against one release build:
#   1. bytes per file of the first load, raw / gzip -9 / brotli (bench/sizes.mjs),
#      for our page and for a plain static page with the same opening text;
#   2. Lighthouse 12.2.3 mobile, ours against that static page, both served
#      compressed from 127.0.0.1, with ratios and the failed audits
#      (bench/lighthouse.mjs);
#   3. input-to-paint latencies and memory after the journey with 300
#      questions (bench/interactions.mjs);
#   4. the same latencies at 4x CPU slowdown, a mid-range phone (issue 16);
#   5. a headline table of all of it (bench/summary.mjs), each figure beside
#      the static page's (for inputs: the floor, a click that does no work).
# Prints figures and fails only when a step cannot run. Builds the release
# into dist-bench/ (the interaction benchmark's folder), so dist/ is left alone.
#
#   bench/report.sh [--no-build] [--runs N (Lighthouse runs per page, 3)]
#                   [--samples N (interaction samples per action, 20)]
set -euo pipefail
cd "$(dirname "$0")/.."

build=1 runs=3 samples=20
while (($#)); do
  case "$1" in
    --no-build) build=0 ;;
    --runs) runs="$2"; shift ;;
    --samples) samples="$2"; shift ;;
    *) echo "usage: bench/report.sh [--no-build] [--runs N] [--samples N]" >&2; exit 2 ;;
  esac
  shift
done

dist=dist-bench
static=bench/out/static
mkdir -p bench/out
if [ ! -d node_modules/lighthouse ] || [ ! -d node_modules/playwright-core ]; then
  echo "bench/report.sh: npm packages missing; run scripts/setup.sh first" >&2
  exit 1
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }
section() { printf '\n== %s (load average %s) ==\n' "$1" "$(load)"; }

if ((build)); then
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  started=$SECONDS
  if ! scripts/build.sh --dist "$dist" >"$log" 2>&1; then
    cat "$log" >&2
    echo "bench/report.sh: the release build failed" >&2
    exit 1
  fi
  built="built in $((SECONDS - started)) s"
else
  [ -f "$dist/index.html" ] || { echo "bench/report.sh: $dist/index.html is missing; run without --no-build" >&2; exit 1; }
  built="reused, built $(date -r "$dist/index.html" '+%F %T')"
fi

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src static index.html Cargo.toml Cargo.lock Trunk.toml content build.rs 2>/dev/null || commit="$commit + uncommitted changes"
echo "mbc-guide benchmark: $(date '+%F %T'), commit $commit, release build in $dist/ ($built)"
echo "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?'), node $(node --version), $(nproc) cores, load average $(load)"

node bench/static-page.mjs "$dist" "$static" >/dev/null

section "1. Bytes of the first load: ours ($dist)"
node bench/sizes.mjs "$dist"
section "1. Bytes of the first load: plain static page ($static)"
node bench/sizes.mjs "$static"

section "2. Lighthouse, ours against the plain static page"
node bench/lighthouse.mjs --dist "$dist" --runs "$runs"

section "3. Interactions with 300 questions, and memory"
interactions=bench/out/interactions.txt
MBC_DIST="$PWD/$dist" node bench/interactions.mjs --samples "$samples" | tee "$interactions"

section "4. Interactions with 300 questions at 4x CPU (a mid-range phone)"
interactions4x=bench/out/interactions-4x.txt
MBC_DIST="$PWD/$dist" node bench/interactions.mjs --samples "$samples" --cpu-throttle 4 | tee "$interactions4x"

section "Summary"
node bench/summary.mjs "$dist" "$static" "$interactions" "$interactions4x"
echo "load average at the end: $(load) on $(nproc) cores (figures from a busy machine read high; rerun when it is quiet)"
