#pragma once

#include <QDate>
#include <QString>

namespace etabli::text {

// Lower case without diacritics ("Cédric Lœuvre" -> "cedric loeuvre"): the
// key stored beside names so that SQL search and sorting ignore accents
// (SQLite folds ASCII only).
QString fold(const QString& text);

// Key for French alphabetical order of a person: "last first", folded.
QString personSortKey(const QString& lastName, const QString& firstName);

// A day as the French read it: "05/03/2025".
QString frenchDate(const QDate& day);
// "5 mars 2025".
QString frenchLongDate(const QDate& day);

} // namespace etabli::text
