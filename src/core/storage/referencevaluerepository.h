#pragma once

#include "reports/indicators.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Database;

// The reference values shown beside the school's indicators.
class ReferenceValueRepository
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceValueRepository)

public:
    explicit ReferenceValueRepository(Database& db) : m_db(db) {}

    Result<QList<ReferenceValue>> list() const;
    Status update(const ReferenceValue& value, const QString& nowIso);

private:
    Database& m_db;
};

} // namespace etabli
