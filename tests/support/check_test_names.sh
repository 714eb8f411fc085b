#!/usr/bin/env bash
# ctest registers each Catch test by its name and splits a name on ';' into
# two tests that both fail: no test name may hold one. Arguments: the test
# executables.
set -euo pipefail
export QT_QPA_PLATFORM=offscreen
status=0
for binary in "$@"; do
    if names=$("$binary" --list-test-names-only 2>/dev/null | grep ';'); then
        echo "$(basename "$binary"): a test name holds ';' (use a comma):"
        echo "$names"
        status=1
    fi
done
exit $status
