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

// A day as people type it: "12/03/2011", "12/3/11", "12-03-2011",
// "12.03.2011", the digits only ("12032011", "120311") or ISO "2011-03-12",
// with nothing else around it. A two-digit year is taken in the century that
// puts it no more than ten years after `today` ("11" is 2011, "95" 1995).
// Null when the text is not a day of the calendar.
QDate parseTypedDate(const QString& text, const QDate& today);

// A name any file system accepts: / \ : * ? " < > | and control characters
// become "-" ("Reçus 2026/2027" -> "Reçus 2026-2027").
QString safeFileName(const QString& name);

} // namespace etabli::text
