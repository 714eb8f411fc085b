#pragma once

#include "domain/section.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QHash>
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
    // Deletes the section and the list of what it prepares.
    Status remove(qint64 sectionId);

    // The certifications each section prepares: section id → certification ids.
    Result<QHash<qint64, QList<qint64>>> preparedCertifications() const;
    // Replaces the list of the certifications a section prepares.
    Status setPreparedCertifications(qint64 sectionId, const QList<qint64>& certificationIds);

private:
    Database& m_db;
};

} // namespace etabli
