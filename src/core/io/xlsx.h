#pragma once

#include "util/error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariant>

namespace etabli::xlsx {

// What a column holds, so that a spreadsheet computes with it: a date is a
// date, an amount a number shown in euros (issue 22, item 5).
enum class Kind
{
    Text,
    Integer, // qint64
    Money,   // qint64 cents, shown "1 234,56 €"
    Date,    // QDate, shown dd/mm/yyyy
    Decimal, // double, shown with two decimals (hours)
};

struct Column
{
    QString header;
    Kind kind = Kind::Text;
    double width = 0; // characters; 0: from the header and the values
};

// One sheet: its name (cut to 31 characters, without the characters a sheet
// name may not hold) and its rows, one value per column (an invalid
// QVariant or a null date: an empty cell).
struct Sheet
{
    QString name;
    // When given: written bold in the first row, above the headings (a
    // list's name and its filters).
    QString title;
    QList<Column> columns;
    QList<QList<QVariant>> rows;
};

// The workbook as bytes: each sheet's header row bold and frozen, its
// columns as wide as their contents, texts as texts (a cell typed "=…" is
// never a formula).
Result<QByteArray> workbook(const QList<Sheet>& sheets);

// The same rows as French texts, for a CSV file: dates dd/MM/yyyy, amounts
// and decimals with a decimal comma ("1234,56"), empty cells empty.
QList<QStringList> frenchTexts(const Sheet& sheet);
QStringList headers(const Sheet& sheet);

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(Xlsx)
};

} // namespace etabli::xlsx
