#!/usr/bin/env bash
# The layering rules of docs/architecture.md, checked on the tree and on the
# link lines: SQL only in src/core/storage, no Gui in etabli_core, and the
# headless CLI (which links only etabli_core) loads no Qt Gui library.
set -euo pipefail
src=$1
cli=$2
fail=0
sql=$(grep -rl -E "QSql(Query|Database|TableModel|QueryModel)" "$src/src" | grep -v "/src/core/storage/" || true)
if [ -n "$sql" ]; then echo "SQL outside src/core/storage: $sql"; fail=1; fi
gui=$(grep -rl -E "#include <Q(Widget|Dialog|MessageBox|Application|GuiApplication|Painter|PdfWriter|Printer|Image|Pixmap)" "$src/src/core" || true)
if [ -n "$gui" ]; then echo "Gui headers in src/core: $gui"; fail=1; fi
if ldd "$cli" | grep -q -E "libQt6(Gui|Widgets)"; then echo "etabli-cli links Qt Gui"; fail=1; fi
[ $fail -eq 0 ] && echo "layers respected"
exit $fail
