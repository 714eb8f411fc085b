#pragma once

#include "domain/school.h"

namespace etabli::test {

// The identity the printed documents' tests put on their pages.
inline SchoolIdentity sampleSchool()
{
    SchoolIdentity s;
    s.name = QStringLiteral("Juralternance");
    s.organisationName = QStringLiteral("ECCOFOR");
    s.addressLine1 = QStringLiteral("8 rue Jacquard");
    s.postcode = QStringLiteral("39100");
    s.city = QStringLiteral("Dole");
    s.siret = QStringLiteral("75312468000012");
    s.rna = QStringLiteral("W392000000");
    s.mayIssueTaxReceipts = true;
    return s;
}

} // namespace etabli::test
