#pragma once

#include "domain/budget.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Database;

struct SubsidyFilter
{
    qint64 financialYearId = 0;
    qint64 funderId = 0;
    bool openOnly = false; // not refused and not yet accounted for
};

// Subsidies and their instalments.
class SubsidyRepository
{
    Q_DECLARE_TR_FUNCTIONS(SubsidyRepository)

public:
    explicit SubsidyRepository(Database& db) : m_db(db) {}

    Result<qint64> insert(const Subsidy& subsidy, const QString& nowIso);
    // Also replaces the instalments.
    Status update(const Subsidy& subsidy, const QString& nowIso);
    // With its instalments.
    Result<Subsidy> get(qint64 id) const;
    // Newest request first, with their instalments.
    Result<QList<Subsidy>> list(const SubsidyFilter& filter) const;

private:
    Status writeInstalments(qint64 subsidyId, const QList<SubsidyInstalment>& instalments);
    Status readInstalments(QList<Subsidy>& subsidies) const;
    Status writeBudget(qint64 subsidyId, const QList<ActionBudgetLine>& lines);
    Status readBudget(Subsidy& subsidy) const;

    Database& m_db;
};

} // namespace etabli
