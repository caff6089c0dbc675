#!/usr/bin/env bash
# Writes the home page's first view into index.html (src/bin/prerender.rs), then the service worker
# (sw.js) for a built explorer: the list of every file with its SHA-256 and the build id made from
# them, then the worker's code (assets/sw.js). Called by trunk's
# post_build hook (on $TRUNK_STAGING_DIR, offline worker for release builds, a self-removing one for
# debug builds such as `trunk serve`), or by hand after changing a file of dist/ (e.g. a new
# corpus.plx): scripts/precache.sh [dir] [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-${TRUNK_STAGING_DIR:-dist}}"
dev=()
if [[ "${2:-}" == "--dev" || "${TRUNK_PROFILE:-release}" == "debug" ]]; then
  dev=(--dev)
fi
# Native build of the CLI: build-std only applies to --target builds and would break it, and this
# CLI need not embed the app (see cli/build.rs), which keeps it from rebuilding on every trunk build.
unset CARGO_UNSTABLE_BUILD_STD
export PARALLAX_APP_DIST=none
# First the home page's article list as static HTML in index.html (src/prerender.rs), from the
# corpus.plx beside it, so the list shows before the wasm has started; then the list of files,
# which hashes that index.html.
if [[ -f "$dir/corpus.plx" ]]; then
  cargo run -q -p parallax-app --bin prerender -- "$dir"
fi
cargo run -q -p parallax-cli -- precache "$dir" "${dev[@]}"
