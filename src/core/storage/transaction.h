#pragma once

#include "util/error.h"

#include <QCoreApplication>
#include <type_traits>
#include <utility>

namespace etabli {

class Database;

// A write transaction: BEGIN IMMEDIATE on SQLite (so a second writer waits
// for the busy timeout instead of failing mid-way), BEGIN on PostgreSQL.
// Rolls back unless committed; a failed COMMIT is rolled back too.
class Transaction
{
    Q_DECLARE_TR_FUNCTIONS(Transaction)

public:
    explicit Transaction(Database& db);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    Status begin();
    Status commit();
    void rollback();
    bool isActive() const { return m_active; }

private:
    Database& m_db;
    bool m_active = false;
    QString m_savepoint; // non-empty: an inner transaction
};

// Runs `work` (returning Status or Result<T>) inside one transaction.
template <typename F> auto inTransaction(Database& db, F&& work) -> decltype(work())
{
    Transaction tx(db);
    if (auto started = tx.begin(); !started)
        return std::unexpected(started.error());
    auto result = std::forward<F>(work)();
    if (!result)
        return result;
    if (auto committed = tx.commit(); !committed)
        return std::unexpected(committed.error());
    return result;
}

} // namespace etabli
