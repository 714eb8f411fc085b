#include "storage/transaction.h"

#include "storage/database.h"
#include "storage/sqlquery.h"

namespace etabli {

Transaction::Transaction(Database& db) : m_db(db) {}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

Status Transaction::begin()
{
    if (m_db.isReadOnly())
        return fail(Error::Code::ReadOnly, tr("The database is open read-only."));
    const QString sql = m_db.dialect() == Database::Dialect::SQLite ? QStringLiteral("BEGIN IMMEDIATE")
                                                                    : QStringLiteral("BEGIN");
    {
        SqlQuery q(m_db);
        auto started = q.exec(sql);
        if (!started && m_db.dialect() == Database::Dialect::PostgreSQL) {
            // The server may have dropped us (restart, idle timeout): reconnect once.
            if (auto again = m_db.reconnect(); !again)
                return again;
            SqlQuery retry(m_db);
            started = retry.exec(sql);
        }
        if (!started)
            return started;
    }
    m_active = true;
    return {};
}

Status Transaction::commit()
{
    if (!m_active)
        return fail(Error::Code::Storage, tr("Internal error: no transaction in progress."));
    SqlQuery q(m_db);
    auto done = q.exec(QStringLiteral("COMMIT"));
    if (!done) {
        rollback();
        return done;
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    SqlQuery q(m_db);
    (void)q.exec(QStringLiteral("ROLLBACK"));
}

} // namespace etabli
