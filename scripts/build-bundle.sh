#!/usr/bin/env bash
# Builds the seed corpus bundle with the native `parallax` CLI. Called by trunk's pre_build hook
# (output in $TRUNK_STAGING_DIR) or by hand (output path as $1).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-${TRUNK_STAGING_DIR:-dist}/corpus.plx}"
# This is a native build: build-std only applies to --target builds and would break it. The hooks'
# CLI never embeds the app (cli/build.rs), and is a dev build (the engine is optimised even there), so
# trunk builds never rebuild the release CLI that `parallax site` ships the app in.
unset CARGO_UNSTABLE_BUILD_STD
export PARALLAX_APP_DIST=none
cargo run -q -p parallax-cli -- build corpus/raw --entities corpus/entities.toml -o "$out"
