#pragma once

#include "domain/datakind.h"
#include "storage/databaselocation.h"
#include "util/error.h"

#include <functional>
#include <memory>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace etabli {

// The one owner of a connection to a school's database. Made in main() (or a
// worker thread, which opens its own); code reaches the connection through it.
// Opening checks before anything is written: existence, foreign or corrupted
// file, newer schema, read-only or locked file; then sets the SQLite PRAGMAs
// and applies the pending migrations, each in its own transaction.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class Dialect
    {
        SQLite,
        PostgreSQL
    };

    enum class OpenMode
    {
        OpenExisting, // must exist and be an Établi database; migrates it
        CreateNew,    // must not exist (or be empty); creates the schema
        ReadOnly,     // must exist; never written, never migrated
        // A second, read-only connection to a database this process has
        // opened and checked already (a worker thread's): not checked again.
        ReadOnlyChecked,
    };

    struct IntegrityReport
    {
        int schemaVersion = 0;
        int latestSchemaVersion = 0;
        QStringList quickCheck;      // "ok" when sound
        QStringList foreignKeyCheck; // empty when sound
        bool ok() const
        {
            return quickCheck == QStringList{QStringLiteral("ok")} && foreignKeyCheck.isEmpty() &&
                   schemaVersion <= latestSchemaVersion;
        }
    };

    static Result<std::unique_ptr<Database>> open(const DatabaseLocation& location, OpenMode mode);

    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    QSqlDatabase connection() const;
    QString connectionName() const { return m_connectionName; }
    Dialect dialect() const { return m_dialect; }
    const DatabaseLocation& location() const { return m_location; }
    bool isReadOnly() const { return m_readOnly; }

    int schemaVersion() const;
    static int latestSchemaVersion();
    // For tests of an upgrade: opening then migrates no further than this
    // version (0, the default: to the latest).
    static void setMigrationCeiling(int version);

    Result<IntegrityReport> checkIntegrity() const;

    // For PostgreSQL: reopen after the server dropped the connection.
    Status reconnect();
    // PostgreSQL: has the server dropped this connection?
    bool isConnectionLost() const;
    // Called once when a query finds the connection lost (the GUI offers to
    // reconnect), again only after a reconnect. Runs on the caller's thread.
    void setConnectionLostHandler(std::function<void()> handler) { m_onConnectionLost = std::move(handler); }
    void noteConnectionLost() const;

    // PostgreSQL, run as the tables' owner (init, migrate): lets the login
    // role `role` do the daily work — read and write rows, use sequences,
    // also on the tables later migrations add — without owning anything,
    // so that it cannot drop or disable the triggers that keep the audit
    // trail, the invoices and the receipts as they were written; the trail
    // it may only read and append to. The role is remembered (etabli_meta).
    Status grantDailyRole(const QString& role);
    // Grants `role`, or when it is empty the daily role remembered here, its
    // rights again (after a migration added tables, after a school was
    // copied in). The role granted; empty when none is known.
    Result<QString> grantKnownDailyRole(const QString& role = {});

    // What the open transaction changed (AuditTrail notes it): told to the
    // listener once the outermost transaction commits, forgotten on a
    // rollback. The GUI's Session listens to reload the pages that show it.
    void noteChange(DataKinds kinds) { m_pendingChanges |= kinds; }
    void setChangeListener(std::function<void(DataKinds)> listener) { m_onChange = std::move(listener); }
    // Called by Transaction at the end of the outermost transaction.
    void transactionEnded(bool committed);
    // PostgreSQL, by Transaction just before the outermost COMMIT: tells the
    // other PCs what is being committed (a NOTIFY per kind, delivered with
    // the commit, never with a rollback). Nothing on SQLite.
    Status announceChanges();
    // PostgreSQL: calls `listener` (on this connection's thread, from its
    // event loop) with what another PC committed; kept across reconnects.
    // Nothing on SQLite. An empty listener stops listening.
    Status listenToOtherComputers(std::function<void(DataKinds)> listener);

    // How many Transaction objects are open on this connection: an inner one
    // is a savepoint, so that services compose (the demo calls them inside
    // its one transaction).
    int transactionDepth() const { return m_transactionDepth; }
    void setTransactionDepth(int depth) { m_transactionDepth = depth; }

    // SQLite application_id that marks an Établi file ("ETB1").
    static constexpr int kApplicationId = 0x45544231;

private:
    Database(DatabaseLocation location, Dialect dialect, QString connectionName, bool readOnly);
    Status openConnection();
    Status checkBeforeWriting(OpenMode mode, bool* isNew);
    Status configureSqlite();
    Status migrate();
    Status subscribe();

    DatabaseLocation m_location;
    Dialect m_dialect;
    QString m_connectionName;
    bool m_readOnly;
    int m_transactionDepth = 0;
    std::function<void()> m_onConnectionLost;
    std::function<void(DataKinds)> m_onChange;
    std::function<void(DataKinds)> m_onRemoteChange;
    DataKinds m_pendingChanges;
    mutable bool m_lostNoted = false;
};

} // namespace etabli
