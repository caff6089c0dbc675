#!/usr/bin/env bash
# Installs whatever is missing, then runs every Parallax test: formatting and lints, the engine and
# CLI natively, a bounded run of every fuzz target (fuzz/), the app's components in headless Chromium
# (wasm-bindgen-test), a release build of dist/, the `parallax` CLI with that app built in, and the
# end-to-end tests (Playwright driving headless Chromium against dist/ and against sites `parallax
# site` writes).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1;32m==> %s\033[0m\n' "$*"; }

step "setup"
scripts/setup.sh --browser

# Native steps run with the developer's own toolchain (never with build-std in the environment).
step "format and lints"
cargo fmt --all -- --check
cargo clippy -q --workspace --all-targets -- -D warnings

step "native tests: engine, CLI, app state"
cargo test -q --workspace

# libFuzzer on nightly (or, loudly, the stable fallback): 45 s per target, six targets. Any panic,
# input over 1 s or allocation over 1 GiB fails. Longer runs: scripts/fuzz.sh [seconds].
step "fuzzing: every target of fuzz/ for 45 s"
scripts/fuzz.sh 45

# Wasm steps use the environment setup.sh chose (rustup's target, or Debian's with build-std).
# shellcheck disable=SC1091
source target/parallax-env.sh

step "browser tests: app components in headless Chromium"
cargo test --target wasm32-unknown-unknown -p parallax-app --test browser

step "release build: dist/"
trunk build --release

step "the parallax CLI with dist/ built in (for \`parallax site\` in the end-to-end tests)"
(unset CARGO_UNSTABLE_BUILD_STD && cargo build -q --profile cli -p parallax-cli)

step "end-to-end tests against dist/"
(cd tests/e2e && node --test --test-concurrency=1 --test-reporter=spec .)
