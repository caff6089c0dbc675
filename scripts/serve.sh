#!/usr/bin/env bash
# Installs whatever is missing, then serves the explorer with `trunk serve` (rebuilding on every
# edit) at http://127.0.0.1:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# shellcheck disable=SC1091
source target/parallax-env.sh
echo "Parallax will be at http://127.0.0.1:8080/ once the first build is done (Ctrl-C to stop)."
exec trunk serve "$@"
