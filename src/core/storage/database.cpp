#include "storage/database.h"

#include "io/files.h"
#include "storage/auditrepository.h"
#include "storage/checklists.h"
#include "storage/contactrepository.h"
#include "storage/metarepository.h"
#include "storage/pgconnection.h"
#include "storage/sqlquery.h"
#include "storage/sqlscript.h"
#include "storage/transaction.h"
#include "util/logging.h"

#include <atomic>
#include <map>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QStorageInfo>
#include <QUrl>
#include <spdlog/spdlog.h>

namespace etabli {

namespace {

struct Migration
{
    int version;
    QString name;
    QString script;
};

const std::map<int, Migration>& migrations()
{
    static const std::map<int, Migration> all = [] {
        std::map<int, Migration> m;
        static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
        const QDir dir(QStringLiteral(":/migrations"));
        for (const QString& file : dir.entryList(QDir::Files, QDir::Name)) {
            const auto match = pattern.match(file);
            if (!match.hasMatch())
                continue;
            QFile f(dir.filePath(file));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const int version = match.captured(1).toInt();
            m[version] = Migration{version, match.captured(2), QString::fromUtf8(f.readAll())};
        }
        return m;
    }();
    return all;
}

std::atomic<int> migrationCeiling{0};

QString dialectName(Database::Dialect d)
{
    return d == Database::Dialect::SQLite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

// The code a migration runs where its script says "-- etabli: run-code".
Status runMigrationCode(Database& db, int version)
{
    if (version == 22)
        return AuditRepository(db).digestLegacyPersonalValues(
            QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (version == 26)
        return ContactRepository(db).fillCityKeys();
    if (version == 28)
        return writeCheckListsAsComparisons(db);
    if (version == 32)
        return allowOnlinePayments(db);
    return {};
}
} // namespace

Database::Database(DatabaseLocation location, Dialect dialect, QString connectionName, bool readOnly)
    : m_location(std::move(location)), m_dialect(dialect), m_connectionName(std::move(connectionName)),
      m_readOnly(readOnly)
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::latestSchemaVersion()
{
    const auto& all = migrations();
    return all.empty() ? 0 : all.rbegin()->first;
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseLocation& location, OpenMode mode)
{
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("etabli-%1").arg(++counter);
    const Dialect dialect = location.isSqlite() ? Dialect::SQLite : Dialect::PostgreSQL;
    const QString shown = location.displayName();
    bool createdFile = false;

    if (dialect == Dialect::SQLite) {
        const QFileInfo fi(location.path);
        if (fi.exists() && fi.isDir())
            return fail(Error::Code::InvalidInput, tr("“%1” is a folder, not a database.").arg(shown));
        if (mode != OpenMode::CreateNew) {
            if (!fi.exists())
                return fail(Error::Code::NotFound, tr("The database “%1” cannot be found.").arg(shown));
            if (fi.size() == 0)
                return fail(Error::Code::Foreign,
                            tr("The file “%1” is empty: it is not an Établi database, or it was damaged. If "
                               "it is the school's, restore a backup (File → Restore a backup).")
                                .arg(shown));
        } else {
            if (fi.exists() && fi.size() > 0)
                return fail(
                    Error::Code::Conflict,
                    tr("The file “%1” already exists: Établi does not overwrite it. Choose another name.")
                        .arg(shown));
            if (!QDir().mkpath(fi.absolutePath()))
                return fail(
                    Error::Code::Io,
                    tr("Cannot create the folder “%1”.").arg(QDir::toNativeSeparators(fi.absolutePath())));
            createdFile = !fi.exists();
            if (createdFile) {
                // Created empty and the owner's only before SQLite writes a
                // byte: its -wal and -shm take the same rights.
                QFile f(location.path);
                if (!f.open(QIODevice::WriteOnly))
                    return std::unexpected(files::error(f, location.path));
                f.close();
                files::restrictToOwner(location.path);
            }
        }
        if (fi.exists() && fi.size() > 0) {
            QFile f(location.path);
            if (!f.open(QIODevice::ReadOnly))
                return fail(Error::Code::Io, tr("Cannot read the file “%1”.").arg(shown), f.errorString());
            const QByteArray header = f.read(16);
            if (header != QByteArray("SQLite format 3\0", 16))
                return fail(Error::Code::Foreign,
                            tr("The file “%1” is not an Établi database, or it was damaged. If it is the "
                               "school's, restore a backup (File → Restore a backup).")
                                .arg(shown));
        }
        if (mode != OpenMode::ReadOnly && mode != OpenMode::ReadOnlyChecked && fi.exists() &&
            !fi.isWritable())
            return fail(Error::Code::ReadOnly,
                        tr("The database “%1” is read-only: Établi cannot save into it. Copy it to a folder "
                           "where you can write.")
                            .arg(shown));
    }

    std::unique_ptr<Database> db(new Database(
        location, dialect, name, mode == OpenMode::ReadOnly || mode == OpenMode::ReadOnlyChecked));
    const auto cleanupCreated = [&]() {
        db.reset();
        if (createdFile) {
            QFile::remove(location.path);
            QFile::remove(location.path + QStringLiteral("-wal"));
            QFile::remove(location.path + QStringLiteral("-shm"));
            QFile::remove(location.path + QStringLiteral("-journal"));
        }
    };

    if (auto opened = db->openConnection(); !opened) {
        cleanupCreated();
        return std::unexpected(opened.error());
    }
    bool isNew = false;
    if (auto checked = db->checkBeforeWriting(mode, &isNew); !checked) {
        cleanupCreated();
        Error e = checked.error();
        // A page the first reads stumbled on: the file is damaged, whatever read it.
        const QString notADatabase =
            tr("The file “%1” is damaged or is not a database. Restore a backup (File → "
               "Restore a backup).")
                .arg(shown);
        if (e.code == Error::Code::Corrupt && e.message != notADatabase && dialect == Dialect::SQLite)
            e.message =
                tr("The database “%1” is damaged. Restore a backup (File → Restore a backup).").arg(shown);
        return std::unexpected(e);
    }
    if (mode == OpenMode::ReadOnly || mode == OpenMode::ReadOnlyChecked)
        return db;
    if (dialect == Dialect::SQLite) {
        if (auto configured = db->configureSqlite(); !configured) {
            cleanupCreated();
            return std::unexpected(configured.error());
        }
        // A database made by an older version may be readable by all: its owner tightens it.
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            files::restrictToOwner(location.path + suffix);
    }
    if (auto migrated = db->migrate(); !migrated) {
        cleanupCreated();
        return std::unexpected(migrated.error());
    }
    logging::get("storage")->info("opened {} (schema {})", shown.toStdString(), db->schemaVersion());
    return db;
}

Status Database::openConnection()
{
    QSqlDatabase db;
    if (m_dialect == Dialect::SQLite) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_location.path);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        if (m_readOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        // A file nobody may write (a read-only file, a CD, a USB key locked
        // against writing) cannot change under us: read as immutable, SQLite
        // creates no -wal or -shm beside it, which it could not anyway.
        const QFileInfo file(m_location.path);
        if (m_readOnly && file.exists() &&
            (!file.isWritable() || !QFileInfo(file.absolutePath()).isWritable() ||
             QStorageInfo(file.absolutePath()).isReadOnly())) {
            options += QStringLiteral(";QSQLITE_OPEN_URI");
            db.setDatabaseName(QUrl::fromLocalFile(file.absoluteFilePath()).toString(QUrl::FullyEncoded) +
                               QStringLiteral("?immutable=1"));
        }
        db.setConnectOptions(options);
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        db.setHostName(m_location.host);
        db.setPort(m_location.port);
        db.setUserName(m_location.user);
        db.setPassword(m_location.password);
        db.setDatabaseName(m_location.databaseName);
        QString options = QStringLiteral("connect_timeout=10;application_name=etabli");
        options += QStringLiteral(";sslmode=") + codeOf(m_location.tls);
        if (!m_location.sslRootCert.isEmpty())
            options += QStringLiteral(";sslrootcert=") + m_location.sslRootCert;
        db.setConnectOptions(options);
    }
    if (!db.isValid())
        return fail(
            Error::Code::Storage,
            tr("The %1 database driver is not installed.")
                .arg(m_dialect == Dialect::SQLite ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL")));
    if (!db.open()) {
        if (m_dialect == Dialect::PostgreSQL) {
            const QString detail = DatabaseLocation::maskPasswords(db.lastError().text());
            const QString server = m_location.port == 5432
                                       ? m_location.host
                                       : QStringLiteral("%1:%2").arg(m_location.host).arg(m_location.port);
            switch (pg::whyRefused(m_location)) {
            case pg::Refusal::PasswordNeeded:
                return fail(Error::Code::PasswordNeeded,
                            tr("The PostgreSQL server asks for the password of “%1”: put it in PGPASSWORD or "
                               "in a .pgpass file, or type it when Établi asks for it.")
                                .arg(m_location.user),
                            detail);
            case pg::Refusal::WrongPassword:
                return fail(Error::Code::WrongPassword,
                            tr("The server %1 refuses the password of “%2”. Check it (capital letters "
                               "included) and try again.")
                                .arg(server, m_location.user),
                            detail);
            case pg::Refusal::Unreachable:
                return fail(Error::Code::Unreachable,
                            tr("No PostgreSQL server answers at %1 (port %2). Check the server's name, that "
                               "the server is on and PostgreSQL running, and that its firewall lets the port "
                               "through.")
                                .arg(m_location.host)
                                .arg(m_location.port),
                            detail);
            case pg::Refusal::NoSuchDatabase:
                return fail(Error::Code::NotFound,
                            tr("The server %1 has no database “%2”. Check its name (etabli-cli server init "
                               "printed it).")
                                .arg(server, m_location.databaseName),
                            detail);
            case pg::Refusal::CertificateRefused:
                return fail(Error::Code::Storage,
                            tr("The secure connection to %1 failed: the server does not offer it, or its "
                               "certificate is not the one given. Check the security setting and the "
                               "server's certificate.")
                                .arg(server),
                            detail);
            case pg::Refusal::None:
            case pg::Refusal::Other:
                break;
            }
            return fail(
                Error::Code::Storage,
                tr("Cannot connect to the PostgreSQL database “%1”. Check the server, the user name and "
                   "the password.")
                    .arg(m_location.displayName()),
                detail);
        }
        return fail(Error::Code::Io, tr("Cannot open the database “%1”.").arg(m_location.displayName()),
                    db.lastError().text());
    }
    if (m_dialect == Dialect::PostgreSQL) {
        SqlQuery q(*this);
        if (auto r = q.exec(QStringLiteral("SET client_min_messages TO warning")); !r)
            return r;
        // Établi reads pages of a hundred rows: starting parallel workers costs
        // more than they save (decision 59: a dense search 130–170 ms with
        // them, 35 ms without, on the federation demo).
        if (auto r = q.exec(QStringLiteral("SET max_parallel_workers_per_gather TO 0")); !r)
            return r;
    }
    return {};
}

Status Database::grantDailyRole(const QString& role)
{
    if (m_dialect != Dialect::PostgreSQL)
        return fail(Error::Code::InvalidInput, tr("A daily role is for PostgreSQL databases only."));
    static const QRegularExpression name(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    if (!name.match(role).hasMatch())
        return fail(Error::Code::InvalidInput,
                    tr("“%1” is not a PostgreSQL role name (lower-case letters, digits and _).").arg(role));
    const QString r = QLatin1Char('"') + role + QLatin1Char('"');
    Transaction tx(*this);
    if (auto b = tx.begin(); !b)
        return b;
    for (const QString& sql :
         {QStringLiteral("GRANT USAGE ON SCHEMA public TO %1"),
          QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1"),
          QStringLiteral("REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, schema_migrations FROM %1"),
          QStringLiteral("REVOKE INSERT ON schema_migrations FROM %1"),
          QStringLiteral("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %1"),
          QStringLiteral("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON "
                         "TABLES TO %1"),
          QStringLiteral("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES "
                         "TO %1")}) {
        SqlQuery q(*this);
        if (auto e = q.exec(sql.arg(r)); !e)
            return e;
    }
    SqlQuery remember(*this);
    if (auto p =
            remember.prepare(QStringLiteral("INSERT INTO etabli_meta (key, value) VALUES ('pg_daily_role', "
                                            ":role) ON CONFLICT (key) DO UPDATE SET value = :role2"));
        !p)
        return p;
    remember.bind(QStringLiteral("role"), role).bind(QStringLiteral("role2"), role);
    if (auto e = remember.exec(); !e)
        return e;
    return tx.commit();
}

Result<QString> Database::grantKnownDailyRole(const QString& role)
{
    QString granted = role;
    if (granted.isEmpty()) {
        auto known = MetaRepository(*this).value(QStringLiteral("pg_daily_role"));
        if (!known)
            return std::unexpected(known.error());
        granted = *known;
    }
    if (!granted.isEmpty())
        ETABLI_TRY(grantDailyRole(granted));
    return granted;
}

Status Database::reconnect()
{
    {
        QSqlDatabase db = connection();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    logging::get("storage")->warn("reconnecting to {}", m_location.displayName().toStdString());
    m_lostNoted = false;
    auto opened = openConnection();
    if (opened && m_onRemoteChange)
        opened = subscribe(); // the new connection listens as the old one did
    if (!opened &&
        (opened.error().code == Error::Code::Storage || opened.error().code == Error::Code::Unreachable))
        return fail(Error::Code::ConnectionLost,
                    tr("The connection to the database server was lost and cannot be made again yet: the "
                       "server or the network is still down. Check them, then try again."),
                    opened.error().detail);
    return opened;
}

Status Database::announceChanges()
{
    if (m_dialect != Dialect::PostgreSQL || m_pendingChanges.toInt() == 0)
        return {};
    QStringList channels;
    for (const DataKind kind : dataKindsIn(m_pendingChanges))
        channels << QLatin1Char('\'') + channelOf(kind) + QLatin1Char('\'');
    SqlQuery q(*this);
    return q.exec(QStringLiteral("SELECT pg_notify(c, '') FROM unnest(ARRAY[%1]) AS c")
                      .arg(channels.join(QStringLiteral(", "))));
}

Status Database::listenToOtherComputers(std::function<void(DataKinds)> listener)
{
    m_onRemoteChange = std::move(listener);
    return subscribe();
}

Status Database::subscribe()
{
    if (m_dialect != Dialect::PostgreSQL)
        return {};
    QSqlDriver* driver = connection().driver();
    if (!driver)
        return {};
    QObject::disconnect(driver, &QSqlDriver::notification, nullptr, nullptr);
    if (!m_onRemoteChange) {
        for (const QString& channel : driver->subscribedToNotifications())
            driver->unsubscribeFromNotification(channel);
        return {};
    }
    for (const DataKind kind : dataKindsIn(allDataKinds())) {
        if (!driver->subscribedToNotifications().contains(channelOf(kind)) &&
            !driver->subscribeToNotification(channelOf(kind)))
            return fail(Error::Code::Storage, tr("Établi cannot follow the other computers' changes."),
                        driver->lastError().text());
    }
    QObject::connect(driver, &QSqlDriver::notification, driver,
                     [this](const QString& channel, QSqlDriver::NotificationSource source, const QVariant&) {
                         if (source != QSqlDriver::OtherSource || !m_onRemoteChange)
                             return;
                         if (const auto kind = kindOfChannel(channel))
                             m_onRemoteChange(*kind);
                     });
    return {};
}

void Database::transactionEnded(bool committed)
{
    const DataKinds changed = std::exchange(m_pendingChanges, DataKinds());
    if (committed && changed.toInt() != 0 && m_onChange)
        m_onChange(changed);
}

bool Database::isConnectionLost() const
{
    return m_dialect == Dialect::PostgreSQL && pg::isBroken(connection());
}

void Database::noteConnectionLost() const
{
    if (m_lostNoted)
        return;
    m_lostNoted = true;
    if (m_onConnectionLost)
        m_onConnectionLost();
}

Status Database::checkBeforeWriting(OpenMode mode, bool* isNew)
{
    const QString shown = m_location.displayName();
    const auto refuseForeign = [&]() {
        return fail(Error::Code::Foreign,
                    tr("“%1” is a database that does not belong to Établi: it was not changed.").arg(shown));
    };

    qint64 tableCount = 0;
    bool ours = false;
    if (m_dialect == Dialect::SQLite) {
        SqlQuery q(*this);
        if (auto r = q.exec(QStringLiteral("PRAGMA application_id")); !r) {
            Error e = r.error();
            if (e.code == Error::Code::Corrupt || e.code == Error::Code::Storage)
                e = Error{Error::Code::Corrupt,
                          tr("The file “%1” is damaged or is not a database. Restore a backup (File → "
                             "Restore a backup).")
                              .arg(shown),
                          e.detail};
            return std::unexpected(e);
        }
        const int appId = q.next() ? q.value(0).toInt() : 0;
        q.finish();
        ours = appId == kApplicationId;
        SqlQuery t(*this);
        if (auto r = t.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'")); !r)
            return r;
        tableCount = t.next() ? t.value(0).toLongLong() : 0;
        t.finish();
    } else {
        SqlQuery t(*this);
        if (auto r = t.exec(
                QStringLiteral("SELECT count(*), "
                               "sum(CASE WHEN table_name = 'etabli_meta' THEN 1 ELSE 0 END) "
                               "FROM information_schema.tables WHERE table_schema = current_schema()"));
            !r)
            return r;
        if (t.next()) {
            tableCount = t.value(0).toLongLong();
            ours = t.value(1).toLongLong() > 0;
        }
        t.finish();
        if (ours) {
            SqlQuery a(*this);
            if (auto r = a.exec(QStringLiteral("SELECT value FROM etabli_meta WHERE key = 'application'"));
                !r)
                return r;
            ours = a.next() && a.value(0).toString() == QLatin1String("etabli");
            a.finish();
        }
    }

    *isNew = tableCount == 0;
    if (!ours && !*isNew)
        return refuseForeign();
    if (mode == OpenMode::CreateNew && !*isNew)
        return fail(Error::Code::Conflict,
                    tr("“%1” already holds an Établi database: it was not changed.").arg(shown));
    if (mode != OpenMode::CreateNew && *isNew)
        return fail(Error::Code::Foreign, tr("“%1” is empty: it is not an Établi database.").arg(shown));

    // No PRAGMA quick_check here: its cost grows with the file (seconds at a
    // federation's size). Opening checks what costs the same whatever the
    // size — the header and application id, that the tables are Établi's,
    // the schema version, the write probe below; the full check runs in
    // `etabli-cli check`, on each backup's copy and every week in the
    // background (IntegrityWatch; decision 53).

    if (!*isNew) {
        const int version = schemaVersion();
        if (version > latestSchemaVersion())
            return fail(Error::Code::TooNew,
                        tr("The database “%1” was made by a newer version of Établi (schema %2; this version "
                           "knows schema %3). Install the latest version of Établi.")
                            .arg(shown)
                            .arg(version)
                            .arg(latestSchemaVersion()));
    }

    if (mode != OpenMode::ReadOnly && mode != OpenMode::ReadOnlyChecked && m_dialect == Dialect::SQLite) {
        // Probe for write access and locks before changing anything.
        SqlQuery q(*this);
        if (auto r = q.exec(QStringLiteral("BEGIN IMMEDIATE")); !r) {
            Error e = r.error();
            if (e.code == Error::Code::Busy)
                e.message = tr("The database “%1” is locked by another program or computer. Close it, then "
                               "try again.")
                                .arg(shown);
            else if (e.code == Error::Code::ReadOnly)
                e.message =
                    tr("The database “%1” is read-only: Établi cannot save into it. Copy it to a folder "
                       "where you can write.")
                        .arg(shown);
            return std::unexpected(e);
        }
        SqlQuery rb(*this);
        (void)rb.exec(QStringLiteral("ROLLBACK"));
    }
    return {};
}

Status Database::configureSqlite()
{
    const QStringList pragmas = {
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA busy_timeout = 5000"),
        QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = FULL"),
        // 32 MiB of pages kept in memory (the default is 2 MiB): an import
        // writing into a big file's indexes, or a list walked back and forth,
        // reads its pages once instead of again from the system.
        QStringLiteral("PRAGMA cache_size = -32768"),
    };
    for (const QString& sql : pragmas) {
        SqlQuery q(*this);
        if (auto r = q.exec(sql); !r)
            return r;
        if (sql.contains(QLatin1String("journal_mode"))) {
            const QString mode = q.next() ? q.value(0).toString() : QString();
            if (mode != QLatin1String("wal"))
                return fail(Error::Code::Storage,
                            tr("Cannot configure the database “%1”.").arg(m_location.displayName()),
                            QStringLiteral("journal_mode is ") + mode);
        }
        q.finish();
    }
    SqlQuery check(*this);
    if (auto r = check.exec(QStringLiteral("PRAGMA foreign_keys")); !r)
        return r;
    if (!check.next() || check.value(0).toInt() != 1)
        return fail(Error::Code::Storage, tr("Cannot turn foreign keys on."));
    return {};
}

int Database::schemaVersion() const
{
    const QString exists =
        m_dialect == Dialect::SQLite
            ? QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                             "name = 'schema_migrations'")
            : QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE "
                             "table_schema = current_schema() AND table_name = 'schema_migrations'");
    SqlQuery q(*this);
    if (!q.exec(exists) || !q.next() || q.value(0).toInt() == 0)
        return 0;
    q.finish();
    SqlQuery v(*this);
    if (!v.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) || !v.next())
        return 0;
    return v.value(0).toInt();
}

void Database::setMigrationCeiling(int version)
{
    migrationCeiling = version;
}

Status Database::migrate()
{
    const QString dialect = dialectName(m_dialect);
    for (const auto& [version, migration] : migrations()) {
        if (version <= schemaVersion())
            continue;
        if (migrationCeiling > 0 && version > migrationCeiling)
            break;
        // SQLite cannot change a constraint: such a step rebuilds tables, with
        // foreign keys off (they cannot be switched inside a transaction) and
        // renames that leave other tables' triggers as written; the keys are
        // checked before the step commits.
        const bool rebuilds = m_dialect == Dialect::SQLite &&
                              migration.script.contains(QLatin1String("\n-- etabli: rebuilds-tables\n"));
        if (rebuilds) {
            SqlQuery pragma(*this);
            for (const char* p : {"PRAGMA foreign_keys = OFF", "PRAGMA legacy_alter_table = ON"})
                if (auto r = pragma.exec(QLatin1String(p)); !r)
                    return r;
        }
        const auto restore = qScopeGuard([this, rebuilds]() {
            if (!rebuilds)
                return;
            SqlQuery pragma(*this);
            for (const char* p : {"PRAGMA legacy_alter_table = OFF", "PRAGMA foreign_keys = ON"})
                if (auto r = pragma.exec(QLatin1String(p)); !r)
                    logging::get("storage")->error("restoring {} failed", p);
        });
        Transaction tx(*this);
        if (auto r = tx.begin(); !r)
            return r;
        if (m_dialect == Dialect::PostgreSQL) {
            // Two PCs starting a new version at once: one migrates, the other waits.
            SqlQuery lock(*this);
            if (auto r = lock.exec(QStringLiteral("SELECT pg_advisory_xact_lock(4554423)")); !r)
                return r;
            lock.finish();
        }
        if (version <= schemaVersion())
            continue; // applied meanwhile by another PC
        // A step may run code where its script says so, between its statements.
        const QStringList parts =
            sqlscript::forDialect(migration.script, dialect).split(QLatin1String("\n-- etabli: run-code\n"));
        for (qsizetype part = 0; part < parts.size(); ++part) {
            if (part > 0) {
                if (auto r = runMigrationCode(*this, version); !r)
                    return fail(Error::Code::Storage,
                                tr("Upgrading the database “%1” (step %2) failed: this step changed nothing.")
                                    .arg(m_location.displayName())
                                    .arg(version),
                                r.error().message + QLatin1Char(' ') + r.error().detail);
            }
            for (const QString& statement : sqlscript::split(parts.at(part))) {
                SqlQuery q(*this);
                if (auto r = q.exec(statement); !r) {
                    if (r.error().code == Error::Code::AccessDenied)
                        return fail(Error::Code::AccessDenied,
                                    tr("The database “%1” must be upgraded to this version of Établi by the "
                                       "account that owns its tables: run etabli-cli migrate --database … as "
                                       "that account (docs/security.md). Nothing was changed.")
                                        .arg(m_location.displayName()),
                                    r.error().detail);
                    return fail(Error::Code::Storage,
                                tr("Upgrading the database “%1” (step %2) failed: this step changed nothing.")
                                    .arg(m_location.displayName())
                                    .arg(version),
                                r.error().detail);
                }
            }
        }
        if (rebuilds) {
            SqlQuery keys(*this);
            if (auto r = keys.exec(QStringLiteral("PRAGMA foreign_key_check")); !r)
                return r;
            if (keys.next())
                return fail(Error::Code::Storage,
                            tr("Upgrading the database “%1” (step %2) failed: this step changed nothing.")
                                .arg(m_location.displayName())
                                .arg(version),
                            QStringLiteral("foreign key broken in %1 after the rebuild")
                                .arg(keys.value(0).toString()));
        }
        SqlQuery record(*this);
        if (auto r = record.prepare(QStringLiteral("INSERT INTO schema_migrations (version, name, "
                                                   "applied_at) VALUES (:version, :name, :applied_at)"));
            !r)
            return r;
        record.bind(QStringLiteral("version"), version)
            .bind(QStringLiteral("name"), migration.name)
            .bind(QStringLiteral("applied_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        if (auto r = record.exec(); !r)
            return r;
        if (auto r = tx.commit(); !r)
            return r;
        logging::get("storage")->info("applied migration {} {}", version, migration.name.toStdString());
    }
    return {};
}

Result<Database::IntegrityReport> Database::checkIntegrity() const
{
    IntegrityReport report;
    report.schemaVersion = schemaVersion();
    report.latestSchemaVersion = latestSchemaVersion();
    if (m_dialect == Dialect::PostgreSQL) {
        SqlQuery q(*this);
        ETABLI_TRY(q.exec(QStringLiteral("SELECT 1")));
        report.quickCheck = {QStringLiteral("ok")};
        return report;
    }
    SqlQuery q(*this);
    ETABLI_TRY(q.exec(QStringLiteral("PRAGMA quick_check")));
    while (q.next())
        report.quickCheck << q.value(0).toString();
    q.finish();
    SqlQuery fk(*this);
    ETABLI_TRY(fk.exec(QStringLiteral("PRAGMA foreign_key_check")));
    while (fk.next()) {
        report.foreignKeyCheck << QStringLiteral("%1 #%2 → %3")
                                      .arg(fk.value(0).toString(), fk.value(1).toString(),
                                           fk.value(2).toString());
    }
    return report;
}

} // namespace etabli
