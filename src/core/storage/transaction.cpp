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
    if (m_db.transactionDepth() > 0) {
        m_savepoint = QStringLiteral("etabli_%1").arg(m_db.transactionDepth());
        SqlQuery q(m_db);
        if (auto r = q.exec(QStringLiteral("SAVEPOINT ") + m_savepoint); !r)
            return r;
        m_db.setTransactionDepth(m_db.transactionDepth() + 1);
        m_active = true;
        return {};
    }
    const QString sql = m_db.dialect() == Database::Dialect::SQLite ? QStringLiteral("BEGIN IMMEDIATE")
                                                                    : QStringLiteral("BEGIN");
    {
        SqlQuery q(m_db);
        auto started = q.exec(sql);
        if (!started && started.error().code == Error::Code::ConnectionLost) {
            // The server may have dropped us (restart, idle timeout): nothing
            // was begun, so reconnecting once loses nothing.
            if (auto again = m_db.reconnect(); !again)
                return again;
            SqlQuery retry(m_db);
            started = retry.exec(sql);
        }
        if (!started)
            return started;
    }
    m_db.setTransactionDepth(1);
    m_active = true;
    return {};
}

Status Transaction::commit()
{
    if (!m_active)
        return fail(Error::Code::Storage, tr("Internal error: no transaction in progress."));
    if (m_savepoint.isEmpty()) {
        if (auto told = m_db.announceChanges(); !told) {
            rollback();
            return told;
        }
    }
    SqlQuery q(m_db);
    auto done = q.exec(m_savepoint.isEmpty() ? QStringLiteral("COMMIT")
                                             : QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint);
    if (!done) {
        rollback();
        return done;
    }
    m_active = false;
    m_db.setTransactionDepth(m_db.transactionDepth() - 1);
    if (m_savepoint.isEmpty())
        m_db.transactionEnded(true);
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    m_db.setTransactionDepth(m_db.transactionDepth() - 1);
    SqlQuery q(m_db);
    if (m_savepoint.isEmpty()) {
        (void)q.exec(QStringLiteral("ROLLBACK"));
        m_db.transactionEnded(false);
        return;
    }
    (void)q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + m_savepoint);
    SqlQuery release(m_db);
    (void)release.exec(QStringLiteral("RELEASE SAVEPOINT ") + m_savepoint);
}

} // namespace etabli
