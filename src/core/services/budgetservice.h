#pragma once

#include "domain/budget.h"
#include "domain/user.h"
#include "storage/budgetrepository.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Clock;
class Database;

// The budget: forecasts per category and financial year, other income and
// expenses as dated entries (corrected, never changed), the apprenticeship
// tax, the members and their dues. Nothing dated in a closed financial year
// is written. funding.read to read, funding.write to write.
class BudgetService
{
    Q_DECLARE_TR_FUNCTIONS(BudgetService)

public:
    BudgetService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    // Each with its name on screen: a category a new database has, in the
    // interface's language (categoryName).
    Result<QList<BudgetCategory>> categories() const;
    static QString categoryName(const QString& stored);
    Result<QList<BudgetForecast>> forecasts(qint64 financialYearId) const;
    // funderId only for the subsidies' category (one line per funder).
    Status setForecast(const BudgetForecast& forecast);

    Result<qint64> recordEntry(const BudgetEntry& entry);
    // Records the opposite amount, dated `day`, naming the entry it undoes.
    Result<qint64> correctEntry(qint64 entryId, const QDate& day, const QString& reason);
    Result<Page<BudgetEntry>> entries(const BudgetEntryFilter& filter, const PageRequest& request) const;
    Result<qint64> countEntries(const BudgetEntryFilter& filter, int cap = 10000) const;

    Result<QList<ApprenticeshipTax>> apprenticeshipTaxes(int year) const;
    // Inserts (id 0) or updates the expected and received amounts of a company for a year.
    Result<qint64> saveApprenticeshipTax(const ApprenticeshipTax& tax);

    Result<QList<Member>> members() const;
    Result<qint64> saveMember(const Member& member);
    Result<QList<MembershipDue>> dues(qint64 memberId) const;
    Result<qint64> recordDue(const MembershipDue& due);
    Result<int> activeMembers(int year) const;

private:
    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
