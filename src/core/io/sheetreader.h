#pragma once

#include "io/csv.h"
#include "util/error.h"

#include <QByteArray>
#include <QCoreApplication>

namespace etabli::sheet {

// A table out of a spreadsheet file, whichever the office saved: an Excel
// workbook (.xlsx, its first sheet) or a CSV file (csv::parse). The table is
// texts as the spreadsheet shows them in French, so that one set of import
// rules reads both: a date cell becomes "dd/mm/yyyy", a number "1234,5"
// (integers without decimals: a SIRET or a postcode typed as a number stays
// whole), a boolean "oui"/"non". Each row keeps its line number in the sheet;
// empty rows are left out. An old .xls, an OpenDocument sheet or a
// password-protected workbook is refused with what to do instead.
Result<csv::Table> read(const QByteArray& bytes);

// The first sheet of an .xlsx workbook.
Result<csv::Table> readXlsx(const QByteArray& bytes);

// The cell references of a sheet: "A" → 0, "AB" → 27.
int columnIndex(QStringView letters);

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(Sheet)
};

} // namespace etabli::sheet
