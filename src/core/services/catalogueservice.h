#pragma once

#include "domain/catalogue.h"
#include "domain/user.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Clock;
class Database;

// The workshops' catalogue. Every role reads it (trainers pick items in the
// production log); changing it needs settings.edit. Audited.
class CatalogueService
{
    Q_DECLARE_TR_FUNCTIONS(CatalogueService)

public:
    CatalogueService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Result<QList<CatalogueItem>> list(qint64 sectionId, bool activeOnly = true,
                                      const QString& text = {}) const;
    Result<CatalogueItem> item(qint64 id) const;
    Result<qint64> add(const CatalogueItem& item);
    Status update(const CatalogueItem& item);

    static Status validate(const CatalogueItem& item);

private:
    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
