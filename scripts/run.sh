#!/usr/bin/env bash
# Installs what is missing, builds Établi in Release and starts it.
# Extra arguments go to the application (e.g. --database FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec build/release/src/app/etabli "$@"
