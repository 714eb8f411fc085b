// etabli-cli server init: a school's PostgreSQL server made ready for Établi.

#include "cli/clicommands.h"
#include "cli/clisupport.h"
#include "storage/serversetup.h"

namespace etabli::cli {

int Commands::server(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption host(QStringLiteral("host"),
                                  tr("The server: its name on the network or its address."), tr("HOST"),
                                  QStringLiteral("localhost"));
    const QCommandLineOption port(QStringLiteral("port"), tr("PostgreSQL's port on the server."), tr("PORT"),
                                  QStringLiteral("5432"));
    const QCommandLineOption admin(
        QStringLiteral("admin"),
        tr("The server's administrator (a PostgreSQL superuser); the password from "
           "PGPASSWORD, a .pgpass file or typed at the prompt."),
        tr("LOGIN"), QStringLiteral("postgres"));
    const QCommandLineOption dbname(QStringLiteral("dbname"), tr("The school's database to create."),
                                    tr("NAME"), QStringLiteral("ecole"));
    const QCommandLineOption owner(QStringLiteral("owner"),
                                   tr("The role that owns the tables and runs the upgrades (made here)."),
                                   tr("ROLE"), QStringLiteral("etabli_proprietaire"));
    QCommandLineOption daily = dailyRoleOption();
    daily.setDefaultValue(QStringLiteral("etabli_postes"));
    parser.addOption(host);
    parser.addOption(port);
    parser.addOption(admin);
    parser.addOption(dbname);
    parser.addOption(owner);
    parser.addOption(daily);
    parser.addPositionalArgument(QStringLiteral("init"), tr("Sets the server up for a school."));
    if (int rc =
            parseCommand(parser, common, QStringLiteral("server"),
                         tr("Sets up a school's PostgreSQL server, as its administrator: the database, the "
                            "role that owns its tables, the daily role the PCs use, with generated "
                            "passwords; then prints what to type on each PC."),
                         args, m_out, m_err, 1);
        rc >= 0)
        return rc;
    if (parser.positionalArguments().value(0) != QLatin1String("init")) {
        m_err << tr("Usage: etabli-cli server init --host HOST --admin LOGIN") << Qt::endl;
        return BadUsage;
    }
    bool portOk = false;
    const int portNumber = parser.value(port).toInt(&portOk);
    if (!portOk || portNumber < 1 || portNumber > 65535) {
        m_err << tr("The port must be a number from 1 to 65535 (“%1”).").arg(parser.value(port)) << Qt::endl;
        return BadUsage;
    }
    DatabaseLocation server;
    server.kind = DatabaseLocation::Kind::PostgreSQL;
    server.host = parser.value(host);
    server.port = portNumber;
    server.user = parser.value(admin);
    server.databaseName = QStringLiteral("postgres");
    if (auto asked = askServerPassword(server, m_err); !asked)
        return report(m_err, asked.error());
    auto made = ServerSetup::init(server, parser.value(dbname), parser.value(owner), parser.value(daily));
    if (!made)
        return report(m_err, made.error());
    DatabaseLocation ownerAddress = made->owner;
    ownerAddress.password.clear();
    m_out << tr("Server ready: the database “%1” on %2 (port %3), with Établi's tables and no school yet.")
                 .arg(made->daily.databaseName, made->daily.host)
                 .arg(made->daily.port)
          << Qt::endl
          << Qt::endl
          << tr("On each PC, in Établi: File → Connect to the school's server…") << Qt::endl
          << tr("  Server: %1").arg(made->daily.host) << Qt::endl
          << tr("  Port: %1").arg(made->daily.port) << Qt::endl
          << tr("  Database: %1").arg(made->daily.databaseName) << Qt::endl
          << tr("  PostgreSQL login: %1").arg(made->daily.user) << Qt::endl
          << tr("  Password: %1").arg(made->daily.password) << Qt::endl
          << Qt::endl
          << tr("To move the school there (once, from the PC that has its file) and for upgrades, the owner:")
          << Qt::endl
          << tr("  Login: %1   Password: %2").arg(made->owner.user, made->owner.password) << Qt::endl
          << tr("  in Établi: File → Move the school onto the server…, or:") << Qt::endl
          << QStringLiteral("  etabli-cli migrate --from ecole.sqlite --to %1").arg(ownerAddress.toString())
          << Qt::endl
          << Qt::endl
          << tr("Keep these passwords in a safe place: they are written nowhere else. The server must also "
                "accept the PCs of the school's network (pg_hba.conf, listen_addresses: see the guide, "
                "“Installer Établi sur plusieurs postes”).")
          << Qt::endl;
    return Success;
}

} // namespace etabli::cli
