#pragma once

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

inline QList<LegalAmountKind> legalAmountKinds()
{
    return {LegalAmountKind::FranchiseGoods, LegalAmountKind::FranchiseServices,
            LegalAmountKind::AssociationFranchise, LegalAmountKind::CashCeiling};
}

// The code stored in legal_amount.code.
inline QString legalAmountCode(LegalAmountKind k)
{
    switch (k) {
    case LegalAmountKind::FranchiseGoods:
        return QStringLiteral("franchise_goods");
    case LegalAmountKind::FranchiseServices:
        return QStringLiteral("franchise_services");
    case LegalAmountKind::AssociationFranchise:
        return QStringLiteral("association_franchise");
    case LegalAmountKind::CashCeiling:
        break;
    }
    return QStringLiteral("cash_ceiling");
}

// Each invoice says what it sells: goods, services or both (e-invoicing reform).
enum class Operations
{
    Goods,
    Services,
    Mixed,
};

} // namespace etabli
