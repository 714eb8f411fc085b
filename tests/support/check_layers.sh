#!/usr/bin/env bash
# The layering rules of docs/architecture.md, checked on the tree and on the
# link lines: SQL only in src/core/storage, no Gui in etabli_core (sources
# and its CMake link line). etabli-cli links etabli_print for `print`
# (docs/decisions.md), so it loads Qt Gui but opens no window.
set -euo pipefail
src=$1
cli=$2
fail=0
sql=$(grep -rl -E "QSql(Query|Database|TableModel|QueryModel)" "$src/src" | grep -v "/src/core/storage/" || true)
if [ -n "$sql" ]; then echo "SQL outside src/core/storage: $sql"; fail=1; fi
gui=$(grep -rl -E "#include <Q(Widget|Dialog|MessageBox|Application|GuiApplication|Painter|PdfWriter|Printer|Image|Pixmap)" "$src/src/core" || true)
if [ -n "$gui" ]; then echo "Gui headers in src/core: $gui"; fail=1; fi
# etabli-cli links etabli_print (PrintSupport pulls Widgets in) for `print`;
# it must still run its other commands without a display: it is a
# QCoreApplication unless the command is `print` (src/cli/main.cpp).
if ! grep -q "QCoreApplication" "$src/src/cli/main.cpp"; then echo "etabli-cli is not a console program"; fail=1; fi
[ -x "$cli" ] || { echo "no etabli-cli at $cli"; fail=1; }
core_link=$(sed -n '/^target_link_libraries(etabli_core/,/)/p' "$src/src/core/CMakeLists.txt")
if echo "$core_link" | grep -q -E "Qt6::(Gui|Widgets|PrintSupport)"; then echo "etabli_core links Qt Gui"; fail=1; fi
[ $fail -eq 0 ] && echo "layers respected"
exit $fail
