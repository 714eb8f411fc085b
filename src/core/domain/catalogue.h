#pragma once

#include "domain/money.h"

#include <QString>
#include <QStringList>

namespace etabli {

// piece, hour, kg, metre, flat (forfait)
inline QStringList catalogueUnits()
{
    return {QStringLiteral("piece"), QStringLiteral("hour"), QStringLiteral("kg"), QStringLiteral("metre"),
            QStringLiteral("flat")};
}

// An item a workshop makes or sells.
struct CatalogueItem
{
    qint64 id = 0;
    qint64 sectionId = 0;
    QString code;  // "MONT-EQ"
    QString label; // "Montage et équilibrage d'un pneu"
    QString unit = QStringLiteral("piece");
    Money unitPrice;      // excluding VAT
    int vatRateBp = 2000; // basis points: 2000 = 20 %
    bool active = true;
    int version = 0;
};

} // namespace etabli
