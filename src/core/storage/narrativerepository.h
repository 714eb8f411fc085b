#pragma once

#include "reports/narrative.h"
#include "util/error.h"

namespace etabli {

class Database;

// The activity report's narrative, one row per school year and part.
class NarrativeRepository
{
public:
    explicit NarrativeRepository(Database& db) : m_db(db) {}

    // Empty parts when nothing was written for that year.
    Result<ReportNarrative> find(const QString& schoolYear) const;
    // Writes the three parts (insert or update).
    Status save(const ReportNarrative& narrative, const QString& nowIso);

private:
    Database& m_db;
};

} // namespace etabli
