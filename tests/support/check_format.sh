#!/usr/bin/env bash
# The tree follows .clang-format (docs/development.md): every C++ source and
# header under src/ and tests/ is already formatted; the test lists those
# that are not. Fix with: clang-format -i FILE (clang-format 14, Debian 12).
set -euo pipefail
root=$1
cd "$root"
files=$(find src tests -name '*.cpp' -o -name '*.h' | sort)
bad=$(clang-format --dry-run $files 2>&1 | grep -o '^[^:]*\.\(cpp\|h\):' | sort -u | tr -d ':' || true)
if [ -n "$bad" ]; then
  echo "Pas au format .clang-format (clang-format -i) :"
  echo "$bad"
  exit 1
fi
echo "$(echo "$files" | wc -l) fichiers au format"
