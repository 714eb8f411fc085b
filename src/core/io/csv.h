#pragma once

#include "util/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace etabli::csv {

// A parsed CSV file: the header and the rows, each with its line number in
// the file (for error reports).
struct Table
{
    QStringList header;
    QList<QStringList> rows;
    QList<int> lines;
    QString encoding; // "UTF-8" or "Windows-1252"
    QChar separator;  // ';' or ','
};

// Reads a spreadsheet export: UTF-8 (with or without BOM) or Windows-1252,
// ';' or ',' (detected on the header), quotes, CRLF. Refuses with the line
// number: a NUL byte, an unterminated quote, a field over 1 MB, a file over
// 20 MB, corrupted UTF-8.
Result<Table> parse(const QByteArray& bytes);

// The text of a file as spreadsheets and banks write it: UTF-8 (with or
// without BOM), UTF-16 with its BOM or without, or Windows-1252; `encoding`
// says which. Refused in French when it is none of them.
Result<QString> decodeText(const QByteArray& bytes, QString* encoding);

// Writes ';'-separated UTF-8 with a BOM and CRLF (what French Excel opens),
// quoting where needed; a cell that a spreadsheet would run as a formula
// (= + - @ at the start) is prefixed with an apostrophe.
QByteArray write(const QStringList& header, const QList<QStringList>& rows);

// Whether a cell would be taken for a formula by a spreadsheet.
bool looksLikeFormula(const QString& cell);

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(Csv)
};

} // namespace etabli::csv
