#pragma once

#include "util/error.h"

#include <QDate>
#include <QList>
#include <QString>

namespace etabli {

class Database;

// Read-only counts for the dashboard, each one SQL aggregate.
class DashboardQueries
{
public:
    explicit DashboardQueries(Database& db) : m_db(db) {}

    struct SectionCount
    {
        QString section;
        qint64 enrolled = 0;
        qint64 candidates = 0;
    };

    struct Counts
    {
        qint64 activeSections = 0;
        qint64 enrolled = 0;
        qint64 candidates = 0;
        qint64 entrantsThisYear = 0;
        qint64 exitsThisYear = 0;
        qint64 traineesEver = 0;
        qint64 traineeRecords = 0; // any status: a candidate counts
        qint64 accounts = 0;
        qint64 catalogueItems = 0;
        QList<SectionCount> bySection;
    };

    // `yearStart`..`yearEnd`: the current school year, for entrants and exits.
    Result<Counts> counts(const QDate& yearStart, const QDate& yearEnd) const;

private:
    Database& m_db;
};

} // namespace etabli
