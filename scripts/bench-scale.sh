#!/usr/bin/env bash
# Scale benchmark (not a test), issue 10: builds `parallax synth N` corpora and, beside Pagefind on
# the same text in the same run, prints build time and peak memory, bytes and milliseconds from a
# cold navigation to the first article list and to the first search results, and warm search
# p50/p95 over a fixed query set (bench/scale/bench-scale.mjs says exactly how each is measured).
#
# Usage: scripts/bench-scale.sh [N (10000) | seed] [--build-timeout SECONDS (3600)] [--tag NAME]
#                              [--only bundle,chunked,pagefind]
#   Three sites: Parallax with one bundle, Parallax chunked (`parallax site --chunks`), Pagefind;
#   --only builds and visits just those named.
#   `seed`: the seed explorer's first visit (dist/ or --dist DIR): gzip bytes and the median time
#   to the article list over five cold visits. --tag keeps a run's sites apart from other runs'.
#   Needs a release explorer in dist/ (`trunk build --release`): it is embedded into the release
#   CLI that `parallax site` runs. Installs Pagefind (npm) into bench/scale/node_modules on first
#   use, and needs Chromium and tests/e2e/node_modules (scripts/setup.sh --browser). Runs under
#   `nice -n 19`. Corpora, sites and the report (report-N.md) are kept in target/bench-scale/.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
shift || true
[[ -f dist/index.html ]] || { echo "bench-scale: no dist/; run \`trunk build --release\` first" >&2; exit 2; }
[[ -d tests/e2e/node_modules/playwright-core ]] || { echo "bench-scale: run scripts/setup.sh --browser first" >&2; exit 2; }
[[ -x bench/scale/node_modules/@pagefind/linux-x64/bin/pagefind_extended ]] || (cd bench/scale && npm install --no-audit --no-fund)
# The native CLI: build-std settings from target/parallax-env.sh only apply to wasm.
env -u CARGO_UNSTABLE_BUILD_STD nice -n 19 cargo build -q --profile cli -p parallax-cli
exec nice -n 19 node bench/scale/bench-scale.mjs "${CARGO_TARGET_DIR:-target}/cli/parallax" "$n" "$@"
