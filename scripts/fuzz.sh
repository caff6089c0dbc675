#!/usr/bin/env bash
# Fuzzes Parallax: each target of fuzz/ (cargo-fuzz, libFuzzer) for SECONDS, one after another, then
# prints every target's executions and verdict. A panic, an input taking over 1 s, or an allocation
# over 1 GiB fails the target; its input is saved in fuzz/artifacts/<target>/.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   SECONDS  per target (default 300; scripts/test.sh runs 45 per target)
#   TARGET   clean pipeline bundle search compare storage report chunk (default: all)
# Seed corpora are written to fuzz/corpus/<target>/ by the `seeds` program (fuzz/src/bin/seeds.rs);
# fuzz/regressions/<target>/ (committed) holds inputs that once failed, replayed on every run.
#
# Needs the nightly toolchain (`cargo +nightly`) and cargo-fuzz (scripts/setup.sh installs it).
# Without nightly it says so loudly and runs the stable fallback instead: the same harnesses over
# the seed corpora and regressions, then over deterministic random mutations of them (no coverage
# feedback, so it finds less), for the same time.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true
all_targets=(clean pipeline bundle search compare storage report chunk)
if [[ $# -gt 0 ]]; then targets=("$@"); else targets=("${all_targets[@]}"); fi
say() { printf '\033[1;34m[fuzz]\033[0m %s\n' "$*" >&2; }
loud() { printf '\n\033[1;41m[fuzz] %s\033[0m\n\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

have_nightly=0
if cargo +nightly --version >/dev/null 2>&1 && cargo fuzz --version >/dev/null 2>&1; then
  have_nightly=1
fi

say "seed corpora -> fuzz/corpus/"
(cd fuzz && cargo run -q --release --no-default-features --features tools --bin seeds -- corpus >/dev/null)

summary=()
failed=0
if [[ $have_nightly -eq 1 ]]; then
  say "building the fuzz targets (cargo +nightly fuzz build: optimised, with debug assertions and overflow checks, no sanitizer)"
  (cd fuzz && cargo +nightly fuzz build -s none)
  for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t" "fuzz/regressions/$t" "fuzz/artifacts/$t"
    log="fuzz/artifacts/$t/last-run.log"
    say "$t: ${seconds}s"
    set +e
    (cd fuzz && cargo +nightly fuzz run -s none "$t" "corpus/$t" "regressions/$t" -- \
      -max_total_time="$seconds" -timeout=1 -rss_limit_mb=1024 -malloc_limit_mb=1024 \
      -print_final_stats=1 -close_fd_mask=1) >"$log" 2>&1
    status=$?
    set -e
    runs=$(awk '/stat::number_of_executed_units/ {print $NF}' "$log" | tail -1)
    if [[ $status -eq 0 ]]; then
      summary+=("$t: ${runs:-?} executions, no panic, hang or allocation over 1 GiB")
    else
      failed=1
      summary+=("$t: FAILED after ${runs:-?} executions (see $log and fuzz/artifacts/$t/)")
      grep -E "panicked at|ERROR: libFuzzer|allocation over 1 GiB|Test unit written" "$log" | head -5 >&2 || true
    fi
  done
else
  loud "cargo +nightly or cargo-fuzz is missing: NOT running libFuzzer. Running the stable fallback (fuzz/src/bin/replay.rs: seeds, regressions and random mutations, no coverage feedback). Install nightly with rustup and run scripts/setup.sh for real fuzzing."
  (cd fuzz && cargo build -q --release --no-default-features --features tools --bin replay)
  for t in "${targets[@]}"; do
    say "$t: ${seconds}s (fallback)"
    if line=$(fuzz/target/release/replay "$t" "$seconds" "fuzz/corpus/$t" "fuzz/regressions/$t"); then
      summary+=("$line")
    else
      failed=1
      summary+=("$t: FAILED (fallback; input saved in fuzz/artifacts/$t/)")
    fi
  done
fi

printf '\n\033[1m%s\033[0m\n' "Fuzzing, ${seconds}s per target:"
printf '  %s\n' "${summary[@]}"
exit $failed
