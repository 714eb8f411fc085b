#!/usr/bin/env bash
# Refreshes resources/translations/etabli_fr.ts from the sources (lupdate),
# then, given TSV files of "English<TAB>French" lines, fills the unfinished
# entries with them. Prints how many French strings are still unfinished.
set -euo pipefail
cd "$(dirname "$0")/.."
ts=resources/translations/etabli_fr.ts
/usr/lib/qt6/bin/lupdate -silent -no-obsolete -locations relative src ui -ts "$ts"
python3 scripts/fill-translations.py "$ts" "$@"
