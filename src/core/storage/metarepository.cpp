#include "storage/metarepository.h"

#include "storage/database.h"
#include "storage/sqlquery.h"

namespace etabli {

Result<QString> MetaRepository::value(const QString& key) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT value FROM etabli_meta WHERE key = :key")));
    q.bind(QStringLiteral("key"), key);
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return v->toString();
}

Status MetaRepository::setValue(const QString& key, const QString& value)
{
    SqlQuery del(m_db);
    if (auto r = del.prepare(QStringLiteral("DELETE FROM etabli_meta WHERE key = :key")); !r)
        return r;
    del.bind(QStringLiteral("key"), key);
    if (auto r = del.exec(); !r)
        return r;
    SqlQuery ins(m_db);
    if (auto r = ins.prepare(QStringLiteral("INSERT INTO etabli_meta (key, value) VALUES (:key, :value)"));
        !r)
        return r;
    ins.bind(QStringLiteral("key"), key).bind(QStringLiteral("value"), value);
    return ins.exec();
}

} // namespace etabli
