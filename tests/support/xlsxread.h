#pragma once

#include <QString>
#include <QStringList>

namespace etabli::test {

// A workbook as openpyxl (Debian's python3-openpyxl) reads it, as a
// spreadsheet would: per sheet "sheet|name|frozen cell", then per filled cell
// "coordinate|python type|value|number format" ("B2|datetime|2025-03-12
// 00:00:00|dd/mm/yyyy"). Fails the test when the file cannot be read.
QStringList xlsxCells(const QString& path);

} // namespace etabli::test
