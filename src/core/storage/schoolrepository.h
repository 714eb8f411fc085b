#pragma once

#include "domain/legal.h"
#include "domain/school.h"
#include "util/error.h"

#include <QCoreApplication>

namespace etabli {

class Database;

// The one row of the `school` table.
class SchoolRepository
{
    Q_DECLARE_TR_FUNCTIONS(SchoolRepository)

public:
    explicit SchoolRepository(Database& db) : m_db(db) {}

    // NotFound when the school was never set up.
    Result<SchoolIdentity> load() const;
    // Inserts the row (version 0) or updates it when `identity.version`
    // still matches the stored one (Conflict otherwise). Returns the new version.
    Result<int> save(const SchoolIdentity& identity, const QString& nowIso);
    Status saveRetention(int traineeYears, int invoiceYears, int candidateMonths, const QString& nowIso);

    Result<FundamentalTargets> targets() const;
    Status saveTargets(const FundamentalTargets& targets, const QString& nowIso);
    // The legal amounts (thresholds, ceilings) with their year and source.
    Result<QList<LegalAmount>> legalAmounts() const;
    // Conflict when `amount.version` is stale.
    Status saveLegalAmount(const LegalAmount& amount, const QString& nowIso);

private:
    Database& m_db;
};

} // namespace etabli
