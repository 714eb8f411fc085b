#pragma once

#include "util/error.h"

#include <QString>

namespace etabli {

class Database;

// Key/value facts about the database itself (etabli_meta): "application",
// "demo" for demonstration databases…
class MetaRepository
{
public:
    explicit MetaRepository(Database& db) : m_db(db) {}
    Result<QString> value(const QString& key) const; // empty when absent
    Status setValue(const QString& key, const QString& value);

private:
    Database& m_db;
};

} // namespace etabli
