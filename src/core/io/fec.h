#pragma once

#include "domain/accounting.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QStringList>

namespace etabli {

// The fichier des écritures comptables (art. A47 A-1 of the Livre des
// procédures fiscales): one line per entry line, the 18 columns of the
// decree separated by tabs, dates AAAAMMJJ, amounts with a decimal comma,
// in ISO 8859-15 as the administration reads it (decision 70).
namespace fec {

// The 18 column names, in the decree's order.
const QStringList& columns();
// The file: the header line, then each entry's lines in the entries' order.
// Each entry's validation date is its own date (Établi freezes what it books
// when it is recorded).
QByteArray text(const QList<LedgerEntry>& entries);
// The name the decree gives the file: SIREN + "FEC" + the closing date.
QString fileName(const QString& siren, const QDate& yearEnd);
// "1234,56" from cents.
QString amount(qint64 cents);
// ISO 8859-15 (Latin-9: the euro sign, œ, Š…); a character it lacks becomes "?".
QByteArray latin9(const QString& text);

} // namespace fec
} // namespace etabli
