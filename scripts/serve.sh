#!/usr/bin/env bash
# Sets up, builds the release widget and serves it on http://127.0.0.1:8080
# with the headers a hospital should send (see EMBEDDING.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node scripts/static-server.mjs dist 8080 --csp
