#pragma once

#include "domain/codes.h"
#include "domain/money.h"

#include <QList>
#include <QString>

namespace etabli {

// An amount the law sets and may change (a threshold, a ceiling), kept as
// data with the year it applies from and its source, so that a school
// follows a new law without a new version of Établi.
enum class LegalAmountKind
{
    FranchiseGoods,       // franchise en base, sales of goods (art. 293 B)
    FranchiseServices,    // franchise en base, services (art. 293 B)
    AssociationFranchise, // non-profit's accessory commercial receipts (art. 206-1 bis, 261-7-1° b)
    CashCeiling,          // cash payment of a debt, payer domiciled in France (L112-6, D112-3)
};

struct LegalAmount
{
    LegalAmountKind kind = LegalAmountKind::CashCeiling;
    Money amount;
    int year = 0;
    QString source;
    int version = 0;
};

// Stored in legal_amount.code.
template <> struct Codes<LegalAmountKind>
{
    static constexpr CodeEntry<LegalAmountKind> entries[] = {
        {LegalAmountKind::FranchiseGoods, "franchise_goods",
         QT_TRANSLATE_NOOP("etabli::Codes", "Franchise threshold, sales of goods")},
        {LegalAmountKind::FranchiseServices, "franchise_services",
         QT_TRANSLATE_NOOP("etabli::Codes", "Franchise threshold, services")},
        {LegalAmountKind::AssociationFranchise, "association_franchise",
         QT_TRANSLATE_NOOP("etabli::Codes", "Non-profit association's threshold (commercial receipts)")},
        {LegalAmountKind::CashCeiling, "cash_ceiling",
         QT_TRANSLATE_NOOP("etabli::Codes", "Cash payment ceiling (payer living in France)")},
    };
};

// Each invoice says what it sells: goods, services or both (e-invoicing reform).
enum class Operations
{
    Goods,
    Services,
    Mixed,
};

} // namespace etabli
