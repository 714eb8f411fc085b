#pragma once

#include "domain/catalogue.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Database;

class CatalogueRepository
{
    Q_DECLARE_TR_FUNCTIONS(CatalogueRepository)

public:
    explicit CatalogueRepository(Database& db) : m_db(db) {}

    // Items of a section (0: all), by code; `text` matches code or label,
    // accents and case ignored.
    Result<QList<CatalogueItem>> list(qint64 sectionId, bool activeOnly, const QString& text = {}) const
    {
        return list(sectionId, activeOnly, text, 0);
    }
    Result<CatalogueItem> get(qint64 id) const;
    Result<qint64> insert(const CatalogueItem& item, const QString& nowIso);
    Status update(const CatalogueItem& item, const QString& nowIso);

private:
    Result<QList<CatalogueItem>> list(qint64 sectionId, bool activeOnly, const QString& text,
                                      qint64 id) const;

    Database& m_db;
};

} // namespace etabli
