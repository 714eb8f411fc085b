#pragma once

// What the command files of etabli-cli share: the common options, parsing a
// sub-command, opening the database as the --user, reporting an error.

#include "cli/clicommands.h"
#include "domain/user.h"
#include "storage/database.h"
#include "storage/databaselocation.h"
#include "util/error.h"

#include <memory>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTextStream>

namespace etabli {
class Clock;
}

namespace etabli::cli {

struct CommonOptions
{
    QCommandLineOption database{
        QStringList{QStringLiteral("d"), QStringLiteral("database")},
        Commands::tr("Database: an SQLite file or postgresql://user[:password]@host[:port]/dbname "
                     "(default: ETABLI_DATABASE, then the default database)."),
        Commands::tr("DATABASE")};
    QCommandLineOption logLevel{QStringLiteral("log-level"),
                                Commands::tr("Log level: trace, debug, info, warning, error, off."),
                                Commands::tr("LEVEL"), QStringLiteral("warning")};
};

// --user LOGIN of the commands that act on the school's data.
QCommandLineOption actingUserOption();
// --daily-role ROLE of init and migrate on PostgreSQL (Database::grantDailyRole).
QCommandLineOption dailyRoleOption();

// Parses a sub-command's arguments; returns -1 to go on, or an exit code.
int parseCommand(QCommandLineParser& parser, const CommonOptions& common, const QString& command,
                 const QString& description, const QStringList& args, QTextStream& out, QTextStream& err,
                 int positionals = 0);

Result<DatabaseLocation> resolveDatabase(const QCommandLineParser& parser, const CommonOptions& common);

// The password comes from ETABLI_PASSWORD, or is asked on the terminal
// without echo. Never logged.
Result<QString> readPassword(QTextStream& err, const QString& prompt);

// Opens the database; when the PostgreSQL server asks for a password that
// neither the address, PGPASSWORD nor a .pgpass file gave, asks it on the
// terminal (without echo) and tries once more.
Result<std::unique_ptr<Database>> openDatabase(DatabaseLocation location, Database::OpenMode mode,
                                               QTextStream& err);

// A PostgreSQL address without a password, whose server asks for one that
// neither PGPASSWORD nor a .pgpass file gives: asks it on the terminal and
// keeps it in `location` (refused when no one is at the terminal).
Status askServerPassword(DatabaseLocation& location, QTextStream& err);

// A database for a new school: created, or on a server one made ready by
// `server init` (Établi's tables, no school yet).
Result<std::unique_ptr<Database>> openForNewSchool(const DatabaseLocation& location, QTextStream& err);

// Logs the --user in (password from ETABLI_PASSWORD or the terminal).
Result<UserContext> logIn(Database& db, const Clock& clock, const QString& login, QTextStream& err);

struct Acting
{
    std::unique_ptr<Database> db;
    UserContext user;
};

// Opens the command's database and logs its --user in.
Result<Acting> openAs(const QCommandLineParser& parser, const CommonOptions& common, const QString& login,
                      const Clock& clock, QTextStream& err);

// Writes the error for the user and to the log; returns Failure.
int report(QTextStream& err, const Error& error);

} // namespace etabli::cli
