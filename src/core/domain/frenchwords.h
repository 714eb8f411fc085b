#pragma once

#include "domain/money.h"

#include <QString>

namespace etabli {

// Numbers and amounts written out in French words, as a tax receipt wants
// them ("mille deux cent trente-quatre euros et cinquante-six centimes").
// Traditional spelling: "vingt et un", "soixante et onze", "quatre-vingts"
// and "deux cents" with their s only at the end, "mille" invariable,
// "million" and "milliard" nouns ("un million d'euros"). Always French,
// whatever the language of the screens: the document is French.
QString numberInFrenchWords(qint64 number);
QString amountInFrenchWords(const Money& amount);

} // namespace etabli
