#!/usr/bin/env bash
# Installs whatever Parallax needs that this machine lacks, and nothing it already has, then writes
# target/parallax-env.sh: the environment every wasm build and browser test sources.
#
# What it installs, each only when missing:
#   - the wasm32-unknown-unknown target: rustup first (an ordinary laptop); where rustup cannot fetch
#     it, Debian's rustc-web + rust-web-src + lld, building std from source (-Zbuild-std);
#   - wasm-bindgen-cli at exactly the version Cargo.lock pins (trunk and the test runner need it);
#   - trunk (needs rustc >= 1.96.1: tries stable, then +nightly, then trunk 0.21.14 on stable);
#   - Chromium and ChromeDriver (Debian packages) for browser tests, only with `--browser`;
#   - npm packages in tests/e2e (playwright-core, binaryen's wasm-opt, axe-core, minisearch);
#   - cargo-fuzz, where the nightly toolchain is there (scripts/fuzz.sh says loudly when it is not).
# Usage: scripts/setup.sh [--browser]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
want_browser=0
[[ "${1:-}" == "--browser" ]] && want_browser=1

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
export PATH="$HOME/.cargo/bin:$PATH"

apt_updated=0
apt_install() {
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  if [[ $apt_updated -eq 0 ]]; then
    $sudo apt-get update -qq >/dev/null
    apt_updated=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# --- 1. A compiler that can target wasm32-unknown-unknown -------------------------------------------
mkdir -p target
envfile=target/parallax-env.sh
rustup_has_wasm() { have rustup && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; }
debian_has_wasm() { [[ -x /usr/bin/cargo && -d /usr/lib/rustlib/src/rust/library ]] && have wasm-ld; }

mode=""
if rustup_has_wasm; then
  mode=rustup
elif debian_has_wasm; then
  mode=debian
elif have rustup && timeout 60 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
  mode=rustup
else
  say "rustup cannot install wasm32-unknown-unknown here; using Debian's rustc-web with std built from source"
  apt_install rustc-web cargo-web rust-web-src lld
  mode=debian
fi
say "wasm toolchain: $mode"

{
  echo "# Written by scripts/setup.sh: the environment for wasm builds and browser tests ($mode)."
  echo "export PATH=\"$root/tests/e2e/node_modules/.bin:\$HOME/.cargo/bin:\$PATH\""
  if [[ $mode == debian ]]; then
    # Debian's rustc first; std for wasm32 is compiled from rust-web-src. Native builds must not see
    # CARGO_UNSTABLE_BUILD_STD (it needs --target), so scripts/native.sh unsets it.
    echo 'export PATH="/usr/bin:$PATH"'
    echo 'export RUSTC_BOOTSTRAP=1'
    echo 'export CARGO_UNSTABLE_BUILD_STD=std,panic_abort'
    echo 'export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld'
  fi
  echo "export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner"
  echo "export CHROMEDRIVER=/usr/bin/chromedriver"
  echo "export WASM_BINDGEN_TEST_TIMEOUT=120"
} >"$envfile"

# --- 2. wasm-bindgen-cli, matching Cargo.lock exactly -------------------------------------------------
[[ -f Cargo.lock ]] || cargo generate-lockfile -q
wb_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb_version\$"; then
  say "installing wasm-bindgen-cli $wb_version (about 3 minutes)"
  cargo install -q wasm-bindgen-cli --version "$wb_version" --force
fi

# --- 3. trunk ----------------------------------------------------------------------------------------
if ! trunk --version >/dev/null 2>&1; then
  say "installing trunk (about 12 minutes)"
  # trunk 0.22 needs rustc >= 1.96.1; pick the route that can build it instead of failing late.
  if rustc --version | awk '{split($2, v, "."); exit !(v[1] > 1 || v[2] > 96 || (v[2] == 96 && v[3] >= 1))}'; then
    cargo install -q trunk
  elif have rustup && rustup toolchain list | grep -q '^nightly'; then
    cargo +nightly install -q trunk
  else
    cargo install -q trunk --version 0.21.14 --locked
  fi
fi

# --- 4. npm packages: wasm-opt (binaryen), playwright-core, axe-core, minisearch ----------------------
if [[ ! -x tests/e2e/node_modules/.bin/wasm-opt || tests/e2e/package-lock.json -nt tests/e2e/node_modules/.stamp ]]; then
  say "npm ci in tests/e2e"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.stamp)
fi

# --- 5. Chromium and ChromeDriver, for the browser tests ---------------------------------------------
if [[ $want_browser -eq 1 ]] && { [[ ! -x /usr/bin/chromium ]] || [[ ! -x /usr/bin/chromedriver ]]; }; then
  apt_install chromium chromium-driver
fi
# --- 6. cargo-fuzz, for scripts/fuzz.sh (libFuzzer needs the nightly toolchain) ----------------------
if have rustup && rustup toolchain list | grep -q '^nightly' && ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz (about 2 minutes)"
  cargo install -q cargo-fuzz
fi
say "ready (environment in $envfile)"
