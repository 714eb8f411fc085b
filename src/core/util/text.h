#pragma once

#include <QString>

namespace etabli::text {

// Lower case without diacritics ("Cédric Lœuvre" -> "cedric loeuvre"): the
// key stored beside names so that SQL search and sorting ignore accents
// (SQLite folds ASCII only).
QString fold(const QString& text);

// Key for French alphabetical order of a person: "last first", folded.
QString personSortKey(const QString& lastName, const QString& firstName);

} // namespace etabli::text
