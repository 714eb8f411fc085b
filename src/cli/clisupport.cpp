#include "cli/clisupport.h"

#include "services/authservice.h"
#include "storage/databasecopy.h"
#include "storage/pgconnection.h"
#include "util/logging.h"

#include <QProcessEnvironment>
#include <QStandardPaths>
#include <spdlog/spdlog.h>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace etabli::cli {

// --user LOGIN of the commands that act on the school's data.
QCommandLineOption actingUserOption()
{
    return QCommandLineOption(QStringLiteral("user"),
                              Commands::tr("Account to act as (password from ETABLI_PASSWORD or asked)."),
                              Commands::tr("LOGIN"));
}

QCommandLineOption dailyRoleOption()
{
    return QCommandLineOption(
        QStringLiteral("daily-role"),
        Commands::tr("PostgreSQL: the login role the application uses every day; it gets "
                     "the rights to read and write rows, and owns nothing."),
        Commands::tr("ROLE"));
}

// Parses a sub-command's arguments; returns -1 to go on, or an exit code.
int parseCommand(QCommandLineParser& parser, const CommonOptions& common, const QString& command,
                 const QString& description, const QStringList& args, QTextStream& out, QTextStream& err,
                 int positionals)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addOption(common.database);
    parser.addOption(common.logLevel);
    QStringList argv = args;
    argv[0] = QStringLiteral("etabli-cli %1").arg(command);
    if (!parser.parse(argv)) {
        err << parser.errorText() << Qt::endl;
        err << Commands::tr("See “etabli-cli %1 --help”.").arg(command) << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        out.flush();
        return Success;
    }
    if (parser.positionalArguments().size() > positionals) {
        err << Commands::tr("Unexpected argument: “%1”.").arg(parser.positionalArguments().at(positionals))
            << Qt::endl;
        return BadUsage;
    }
    logging::Level level = logging::Level::Warning;
    if (!logging::parseLevel(parser.value(common.logLevel), &level)) {
        err << Commands::tr("Unknown log level: “%1”.").arg(parser.value(common.logLevel)) << Qt::endl;
        return BadUsage;
    }
    logging::init(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation), level);
    return -1;
}

Result<DatabaseLocation> resolveDatabase(const QCommandLineParser& parser, const CommonOptions& common)
{
    QString text = parser.value(common.database);
    if (text.isEmpty())
        text = QProcessEnvironment::systemEnvironment().value(QStringLiteral("ETABLI_DATABASE"));
    if (text.isEmpty())
        text = DatabaseLocation::defaultSqlitePath();
    return DatabaseLocation::parse(text);
}

namespace {

bool onTerminal()
{
#ifdef Q_OS_UNIX
    return ::isatty(STDIN_FILENO) != 0;
#else
    return false;
#endif
}

// Asks on the terminal without echo; never logged.
QString askOnTerminal(QTextStream& err, const QString& prompt)
{
    // Echo goes off before the prompt shows: what is typed as soon as it
    // appears is never written back to the screen.
#ifdef Q_OS_UNIX
    termios old{};
    ::tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
#endif
    err << prompt << Qt::flush;
    QTextStream in(stdin);
    const QString line = in.readLine();
#ifdef Q_OS_UNIX
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
#endif
    err << Qt::endl;
    return line;
}

} // namespace

// The password comes from ETABLI_PASSWORD, or is asked on the terminal
// without echo. Never logged.
Result<QString> readPassword(QTextStream& err, const QString& prompt)
{
    const QString fromEnv = QProcessEnvironment::systemEnvironment().value(QStringLiteral("ETABLI_PASSWORD"));
    if (!fromEnv.isEmpty())
        return fromEnv;
    if (onTerminal())
        return askOnTerminal(err, prompt);
    return fail(Error::Code::InvalidInput,
                Commands::tr("No password: set ETABLI_PASSWORD or run the command in a terminal."));
}

Result<std::unique_ptr<Database>> openDatabase(DatabaseLocation location, Database::OpenMode mode,
                                               QTextStream& err)
{
    auto db = Database::open(location, mode);
    if (db || db.error().code != Error::Code::PasswordNeeded || !onTerminal())
        return db;
    location.password = askOnTerminal(
        err, Commands::tr("PostgreSQL password of %1 on %2: ").arg(location.user, location.host));
    return Database::open(location, mode);
}

Result<std::unique_ptr<Database>> openForNewSchool(const DatabaseLocation& location, QTextStream& err)
{
    auto db = openDatabase(location, Database::OpenMode::CreateNew, err);
    if (db || location.isSqlite() || db.error().code != Error::Code::Conflict)
        return db;
    auto existing = openDatabase(location, Database::OpenMode::OpenExisting, err);
    if (!existing)
        return existing;
    auto empty = DatabaseCopy::holdsNoSchool(**existing);
    if (!empty)
        return std::unexpected(empty.error());
    if (!*empty)
        return db; // "already holds an Établi database"
    return existing;
}

Status askServerPassword(DatabaseLocation& location, QTextStream& err)
{
    if (location.isSqlite() || !location.password.isEmpty() || !pg::serverWantsPassword(location))
        return {};
    if (!onTerminal())
        return fail(
            Error::Code::PasswordNeeded,
            Commands::tr("The PostgreSQL server asks for the password of “%1”: put it in PGPASSWORD or "
                         "in a .pgpass file.")
                .arg(location.user));
    location.password = askOnTerminal(
        err, Commands::tr("PostgreSQL password of %1 on %2: ").arg(location.user, location.host));
    return {};
}

// Logs the --user in (password from ETABLI_PASSWORD or the terminal).
Result<UserContext> logIn(Database& db, const Clock& clock, const QString& login, QTextStream& err)
{
    if (login.isEmpty())
        return fail(Error::Code::InvalidInput, Commands::tr("Give the account to act as with --user LOGIN."));
    auto password = readPassword(err, Commands::tr("Password of %1: ").arg(login));
    if (!password)
        return std::unexpected(password.error());
    return AuthService(db, clock).login(login, *password);
}

// Opens the command's database and logs its --user in.
Result<Acting> openAs(const QCommandLineParser& parser, const CommonOptions& common, const QString& login,
                      const Clock& clock, QTextStream& err)
{
    auto location = resolveDatabase(parser, common);
    if (!location)
        return std::unexpected(location.error());
    auto db = openDatabase(*location, Database::OpenMode::OpenExisting, err);
    if (!db && db.error().code == Error::Code::ReadOnly && location->isSqlite()) {
        // On a read-only medium what only reads works (export, print, a
        // backup); a command that writes stops at its first write.
        db = Database::open(*location, Database::OpenMode::ReadOnly);
        if (db && (*db)->schemaVersion() != Database::latestSchemaVersion())
            return fail(Error::Code::ReadOnly,
                        Commands::tr("The database “%1” is read-only and was made by another version of "
                                     "Établi: copy it to a folder where you can write, so that it is "
                                     "brought up to date.")
                            .arg(location->displayName()));
        if (db)
            err << Commands::tr("The database is read-only: it is read, nothing is written to it, not even "
                                "to its audit trail.")
                << Qt::endl;
    }
    if (!db)
        return std::unexpected(db.error());
    auto actor = logIn(**db, clock, login, err);
    if (!actor)
        return std::unexpected(actor.error());
    return Acting{std::move(*db), *actor};
}

int report(QTextStream& err, const Error& error)
{
    err << error.message << Qt::endl;
    logging::get("cli")->error("{} ({})", error.message.toStdString(), error.detail.toStdString());
    return Failure;
}

} // namespace etabli::cli
