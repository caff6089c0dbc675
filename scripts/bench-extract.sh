#!/usr/bin/env bash
# Article-extraction benchmark: Parallax beside rs-trafilatura 0.2 and dom_smoothie 0.19 on the same
# pages (body F1 over 4-gram word shingles, precision, recall, pages/s on one core, peak RSS).
#
#   scripts/bench-extract.sh <pages-dir>
#
# <pages-dir> holds one folder per page with source.html and expected.html (+ expected-metadata.json),
# e.g. mozilla/readability's test pages (Apache-2.0), which are not committed here:
#   git clone --depth 1 https://github.com/mozilla/readability /tmp/readability
#   scripts/bench-extract.sh /tmp/readability/test/test-pages
# News pages (fundus, newspaper: outlets' pages with known article text and dates) are made by
#   scripts/bench-extract/make-news-sets.py --fundus <fundus clone> --newspaper <newspaper clone> /tmp/sets
#   scripts/bench-extract.sh /tmp/sets/fundus-dev        # tune on this one and on newspaper
#   scripts/bench-extract.sh /tmp/sets/fundus-heldout    # report, never tune on it (other outlets)
# Several folders at once print one table each: scripts/bench-extract.sh /tmp/sets/*
# BENCH_WORST=1 also lists the 25 worst pages per extractor.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
[[ $# -ge 1 ]] || { echo "usage: scripts/bench-extract.sh <pages-dir>..." >&2; exit 2; }
cargo build -q --release --manifest-path "$here/bench/extract/Cargo.toml"
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi
if [[ $# -eq 1 || $1 == --* ]]; then
  exec "${pin[@]}" "$here/bench/extract/target/release/parallax-bench-extract" "$@"
fi
for dir in "$@"; do
  echo "## $(basename "$dir")"
  "${pin[@]}" "$here/bench/extract/target/release/parallax-bench-extract" "$dir"
done
