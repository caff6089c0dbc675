#!/usr/bin/env bash
# Builds the seed corpus bundle with the native `parallax` CLI. Called by trunk's pre_build hook
# (output in $TRUNK_STAGING_DIR) or by hand (output path as $1).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-${TRUNK_STAGING_DIR:-dist}/corpus.plx}"
# This is a native build: build-std only applies to --target builds and would break it.
unset CARGO_UNSTABLE_BUILD_STD
cargo run -q --release -p parallax-cli -- build corpus/raw --entities corpus/entities.toml -o "$out"
