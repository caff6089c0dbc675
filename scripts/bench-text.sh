#!/usr/bin/env bash
# Benchmark (not a test) of cleaning copied page text: article-body F1 (word 4-gram shingles),
# precision and recall against known article text, beside keeping everything; outlet and date hit
# rates; speed; the worst pages.
#
# Usage: scripts/bench-text.sh <dir> [--worst N] [--show PAGE] [--losses [--examples N]]
#   <dir> has one folder per page: page.txt, expected.txt, optional metadata.json. Two sources:
#   - engine/tests/copied/dev and engine/tests/copied/heldout: invented pages (committed);
#   - mozilla/readability's test pages (Apache-2.0), never committed. Make them with:
#       git clone --depth 1 https://github.com/mozilla/readability /tmp/readability
#       scripts/setup.sh --browser                      # Chromium + playwright-core
#       node scripts/bench-text/innertext.mjs /tmp/readability/test/test-pages /tmp/devset-text
#       scripts/bench-text.sh /tmp/devset-text
#     (pages whose source.html is under 10 kB are readability's unit-test snippets and are skipped).
#   - news pages (fundus, newspaper; see scripts/bench-extract.sh), the same way:
#       node scripts/bench-text/innertext.mjs /tmp/sets/fundus-dev /tmp/text/fundus-dev
#     fundus-heldout is the held-out set: report it, never tune on it.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 1 ]] || { sed -n '2,15p' "$0"; exit 2; }
cargo run -q --release -p parallax-engine --example bench_text -- "$@"
