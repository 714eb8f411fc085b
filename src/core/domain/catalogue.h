#pragma once

#include "domain/codes.h"
#include "domain/money.h"

#include <QString>
#include <QStringList>

namespace etabli {

// The unit an item is counted in, on the catalogue, the production log and
// the documents' lines; the codes are the database's and are hashed into
// issued invoices: they never change.
enum class Unit
{
    Piece,
    Hour,
    Kg,
    Metre,
    Flat // forfait
};
template <> struct Codes<Unit>
{
    static constexpr CodeEntry<Unit> entries[] = {
        {Unit::Piece, "piece", QT_TRANSLATE_NOOP("etabli::Codes", "piece")},
        {Unit::Hour, "hour", QT_TRANSLATE_NOOP("etabli::Codes", "hour")},
        {Unit::Kg, "kg", QT_TRANSLATE_NOOP("etabli::Codes", "kg")},
        {Unit::Metre, "metre", QT_TRANSLATE_NOOP("etabli::Codes", "metre")},
        {Unit::Flat, "flat", QT_TRANSLATE_NOOP("etabli::Codes", "flat rate")},
    };
};

// An item a workshop makes or sells.
struct CatalogueItem
{
    qint64 id = 0;
    qint64 sectionId = 0;
    QString code;  // "MONT-EQ"
    QString label; // "Montage et équilibrage d'un pneu"
    Unit unit = Unit::Piece;
    Money unitPrice;      // excluding VAT
    int vatRateBp = 2000; // basis points: 2000 = 20 %
    bool active = true;
    int version = 0;
};

} // namespace etabli
