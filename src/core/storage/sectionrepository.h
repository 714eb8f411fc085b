#pragma once

#include "domain/section.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Database;

class SectionRepository
{
    Q_DECLARE_TR_FUNCTIONS(SectionRepository)

public:
    explicit SectionRepository(Database& db) : m_db(db) {}

    // Ordered by position then name (accent-insensitive).
    Result<QList<Section>> list(bool activeOnly = false) const;
    Result<qint64> insert(const Section& section, const QString& nowIso);
    // Conflict when `section.version` is stale.
    Status update(const Section& section, const QString& nowIso);
    Result<qint64> countTrainees(qint64 sectionId) const;
    Status remove(qint64 sectionId);

private:
    Database& m_db;
};

} // namespace etabli
