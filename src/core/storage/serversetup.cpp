#include "storage/serversetup.h"

#include "storage/database.h"
#include "util/logging.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <spdlog/spdlog.h>

namespace etabli {

namespace {

bool isRoleName(const QString& name)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    return plain.match(name).hasMatch();
}

// A statement as the administrator; its text (which may hold a new
// password) is never logged.
Status run(QSqlDatabase& admin, const QString& sql, const QString& what)
{
    QSqlQuery q(admin);
    if (!q.exec(sql))
        return fail(Error::Code::Storage, ServerSetup::tr("The server refused to %1.").arg(what),
                    DatabaseLocation::maskPasswords(q.lastError().text()));
    return {};
}

Result<bool> exists(QSqlDatabase& admin, const QString& sql)
{
    QSqlQuery q(admin);
    if (!q.exec(sql))
        return fail(Error::Code::Storage, ServerSetup::tr("Cannot read the server's databases and roles."),
                    q.lastError().text());
    return q.next() && q.value(0).toInt() > 0;
}

} // namespace

QString ServerSetup::generatePassword()
{
    static const QString alphabet =
        QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"); // no 0/O, 1/l/I
    QString out;
    for (int i = 0; i < 24; ++i)
        out += alphabet.at(static_cast<qsizetype>(QRandomGenerator::system()->bounded(alphabet.size())));
    return out;
}

Result<ServerSetup::Made> ServerSetup::init(const DatabaseLocation& admin, const QString& databaseName,
                                            const QString& ownerRole, const QString& dailyRole)
{
    for (const QString& name : {databaseName, ownerRole, dailyRole})
        if (!isRoleName(name))
            return fail(Error::Code::InvalidInput,
                        tr("“%1” is not a PostgreSQL name (lower-case letters, digits and _).").arg(name));
    if (ownerRole == dailyRole)
        return fail(Error::Code::InvalidInput, tr("The owner and the daily role must be two roles."));

    const QString connectionName = QStringLiteral("etabli-server-init");
    const auto removeConnection =
        qScopeGuard([&connectionName]() { QSqlDatabase::removeDatabase(connectionName); });
    Made made;
    {
        QSqlDatabase server = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        server.setHostName(admin.host);
        server.setPort(admin.port);
        server.setUserName(admin.user);
        server.setPassword(admin.password);
        server.setDatabaseName(admin.databaseName.isEmpty() ? QStringLiteral("postgres")
                                                            : admin.databaseName);
        server.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=etabli;sslmode=") +
                                 codeOf(admin.tls));
        if (!server.open()) {
            // Said as Database says it: the server, the password, the database.
            auto why = Database::open(admin, Database::OpenMode::ReadOnly);
            return fail(why ? Error::Code::Storage : why.error().code,
                        why || why.error().code == Error::Code::Foreign
                            ? tr("Cannot connect to the server %1 as %2.").arg(admin.host, admin.user)
                            : why.error().message,
                        server.lastError().text());
        }
        auto taken =
            exists(server,
                   QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = '%1'").arg(databaseName));
        if (!taken)
            return std::unexpected(taken.error());
        if (*taken)
            return fail(Error::Code::Conflict,
                        tr("The server already has a database “%1”: nothing was changed. Choose another name "
                           "(--dbname), or move a school into it with etabli-cli migrate.")
                            .arg(databaseName));
        for (const QString& role : {ownerRole, dailyRole}) {
            auto roleTaken = exists(
                server, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = '%1'").arg(role));
            if (!roleTaken)
                return std::unexpected(roleTaken.error());
            if (*roleTaken)
                return fail(Error::Code::Conflict,
                            tr("The server already has a role “%1”: nothing was changed. Choose other names "
                               "(--owner, --daily-role).")
                                .arg(role));
        }
        made.owner = admin;
        made.owner.user = ownerRole;
        made.owner.password = generatePassword();
        made.owner.databaseName = databaseName;
        made.daily = made.owner;
        made.daily.user = dailyRole;
        made.daily.password = generatePassword();
        // The roles and the database; undone if a later step fails.
        Status done = run(
            server, QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(ownerRole, made.owner.password),
            tr("create the role %1").arg(ownerRole));
        if (done)
            done =
                run(server,
                    QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(dailyRole, made.daily.password),
                    tr("create the role %1").arg(dailyRole));
        if (done)
            done = run(server,
                       QStringLiteral("CREATE DATABASE %1 OWNER %2 ENCODING 'UTF8' TEMPLATE template0")
                           .arg(databaseName, ownerRole),
                       tr("create the database %1").arg(databaseName));
        if (done)
            done = run(server, QStringLiteral("REVOKE ALL ON DATABASE %1 FROM PUBLIC").arg(databaseName),
                       tr("close the database to other roles"));
        if (done)
            done =
                run(server, QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(databaseName, dailyRole),
                    tr("open the database to the daily role"));
        // The tables, made by their owner, and the daily role's rights on them.
        if (done) {
            auto schema = Database::open(made.owner, Database::OpenMode::CreateNew);
            if (!schema)
                done = std::unexpected(schema.error());
            else
                done = (*schema)->grantDailyRole(dailyRole);
        }
        if (!done) {
            (void)run(server, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(databaseName),
                      {});
            (void)run(server, QStringLiteral("DROP ROLE IF EXISTS %1").arg(dailyRole), {});
            (void)run(server, QStringLiteral("DROP ROLE IF EXISTS %1").arg(ownerRole), {});
            return std::unexpected(done.error());
        }
        server.close();
    }
    logging::get("storage")->info("server {}: database {} set up (owner {}, daily role {})",
                                  admin.host.toStdString(), databaseName.toStdString(),
                                  ownerRole.toStdString(), dailyRole.toStdString());
    return made;
}

} // namespace etabli
