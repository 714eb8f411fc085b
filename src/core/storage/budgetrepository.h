#pragma once

#include "domain/budget.h"
#include "domain/paging.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Database;

struct BudgetEntryFilter
{
    QDate from;
    QDate to;
    qint64 categoryId = 0;
    std::optional<BudgetKind> kind; // none: both
    QString search;                 // in the label, the reference and the contact's name
};

// The budget's categories and forecasts, the dated entries, the
// apprenticeship tax, the members and their dues.
class BudgetRepository
{
    Q_DECLARE_TR_FUNCTIONS(BudgetRepository)

public:
    explicit BudgetRepository(Database& db) : m_db(db) {}

    // Resources first, in their order.
    Result<QList<BudgetCategory>> categories() const;
    Result<BudgetCategory> category(qint64 id) const;

    Result<QList<BudgetForecast>> forecasts(qint64 financialYearId) const;
    // Inserts or replaces the forecast of a line.
    Status setForecast(const BudgetForecast& forecast, const QString& nowIso);

    Result<qint64> insertEntry(const BudgetEntry& entry, const QString& nowIso);
    Result<BudgetEntry> entry(qint64 id) const;
    // Newest first.
    // A page of the entries, newest first (keyset: see sql::PagedQuery); counted up to `cap`.
    Result<Page<BudgetEntry>> entries(const BudgetEntryFilter& filter, const PageRequest& request) const;
    Result<qint64> countEntries(const BudgetEntryFilter& filter, int cap) const;

    // By company name; year 0: every year.
    Result<QList<ApprenticeshipTax>> apprenticeshipTaxes(int year) const;
    Result<ApprenticeshipTax> apprenticeshipTax(qint64 id) const;
    Result<qint64> insertApprenticeshipTax(const ApprenticeshipTax& tax, const QString& nowIso);
    Status updateApprenticeshipTax(const ApprenticeshipTax& tax, const QString& nowIso);

    // By name.
    Result<QList<Member>> members() const;
    Result<Member> member(qint64 id) const;
    Result<qint64> insertMember(const Member& member, const QString& nowIso);
    Status updateMember(const Member& member, const QString& nowIso);
    Result<QList<MembershipDue>> dues(qint64 memberId) const;
    Result<qint64> insertDue(const MembershipDue& due, const QString& nowIso);
    // Members whose dues for `year` are paid.
    Result<int> activeMembers(int year) const;

private:
    Database& m_db;
};

} // namespace etabli
