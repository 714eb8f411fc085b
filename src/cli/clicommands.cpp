#include "cli/clicommands.h"

#include "cli/clisupport.h"
#include "io/files.h"
#include "services/backupservice.h"
#include "services/demogenerator.h"
#include "services/donationservice.h"
#include "services/invoiceservice.h"
#include "services/passwordhasher.h"
#include "services/personaldataservice.h"
#include "services/productionservice.h"
#include "services/schoolservice.h"
#include "services/traineeimportservice.h"
#include "services/userservice.h"
#include "storage/auditrepository.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/databasecheck.h"
#include "storage/databasecopy.h"
#include "storage/traineelistquery.h"
#include "util/clock.h"
#include "util/logging.h"
#include "util/text.h"

#include <memory>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>
#include <spdlog/spdlog.h>

namespace etabli::cli {

void Commands::usage(QTextStream& s) const
{
    s << tr("Usage: etabli-cli <command> [options]") << Qt::endl
      << Qt::endl
      << tr("Commands:") << Qt::endl
      << tr("  init     creates an empty database for a school") << Qt::endl
      << tr("  demo     creates a realistic demonstration database") << Qt::endl
      << tr("  check    checks a database (schema, integrity, foreign keys)") << Qt::endl
      << tr("  migrate  upgrades a database to this version; on PostgreSQL, as the tables' owner, and "
            "sets up the daily role (--daily-role)")
      << Qt::endl
      << tr("  migrate --from DATABASE --to DATABASE   moves a whole school to the server, or back to a file")
      << Qt::endl
      << tr("  backup   writes a verified copy of a database in use") << Qt::endl
      << tr("  server init --host HOST --admin LOGIN   sets up the school's PostgreSQL server for several "
            "PCs")
      << Qt::endl
      << tr("  export-person  writes everything held about one person (JSON and HTML)") << Qt::endl
      << tr("  retention      lists, then with --apply anonymises, the trainees past the retention time")
      << Qt::endl
      << tr("  import trainees FILE   imports trainees from a CSV or .xlsx file (all or nothing)") << Qt::endl
      << tr("  import contacts FILE   imports contacts (spreadsheet, Dolibarr, Paheko); --duplicates "
            "merge|skip|create")
      << Qt::endl
      << tr("  import framework FILE  loads a diploma's skill framework (bloc;code;compétence;critère); "
            "--certification CODE")
      << Qt::endl
      << tr("  export trainees        writes the list of trainees as CSV") << Qt::endl
      << tr("  export production      writes the production log as CSV (--from, --to, --section)") << Qt::endl
      << tr("  export facturx --from DATE --to DATE --out FOLDER   writes the period's invoices and credit "
            "notes "
            "as Factur-X")
      << Qt::endl
      << tr("  export fec --year YEAR --out FILE   writes the accountant's file (FEC) of the financial year "
            "closed in YEAR")
      << Qt::endl
      << tr("  print invoice NUMBER   writes an invoice or a credit note as PDF (--out FILE.pdf)") << Qt::endl
      << tr("  report funding --year YEAR   the funding split, targets and forecast against actual (--format "
            "json|csv)")
      << Qt::endl
      << tr("  report receipts --year YEAR  the yearly declaration of gifts and tax receipts (art. 222 bis "
            "CGI)")
      << Qt::endl
      << tr("  close [--until YYYY-MM]      closes the sales month by month (sealed, chained closings)")
      << Qt::endl
      << tr("  archive --year YEAR --out FOLDER   writes the signed archive of a closed year") << Qt::endl
      << tr("  verify-archive FOLDER        checks an archive against its signed manifest") << Qt::endl
      << tr("  list invoices|quotes|orders|trainees|contacts|gifts|production [--search T] [--unpaid] "
            "[--after KEY] [--limit N] [--format csv|json]   a page of a list, as its page shows it")
      << Qt::endl
      << Qt::endl
      << tr("Commands that read or write the school's data act as an account: --user LOGIN, with the "
            "password "
            "in ETABLI_PASSWORD or typed at the prompt.")
      << Qt::endl
      << Qt::endl
      << tr("General options: --help, --version. Help on a command: etabli-cli <command> --help") << Qt::endl;
}

int Commands::run(const QStringList& arguments)
{
    if (arguments.size() < 2) {
        usage(m_err);
        return BadUsage;
    }
    const QString command = arguments.at(1);
    const QStringList rest = QStringList{arguments.at(0)} + arguments.mid(2);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        m_out << QStringLiteral("etabli-cli %1").arg(QStringLiteral(ETABLI_VERSION)) << Qt::endl;
        return Success;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        usage(m_out);
        return Success;
    }
    if (command == QLatin1String("init"))
        return init(rest);
    if (command == QLatin1String("demo"))
        return demo(rest);
    if (command == QLatin1String("migrate"))
        return migrate(rest);
    if (command == QLatin1String("check"))
        return check(rest);
    if (command == QLatin1String("backup"))
        return backup(rest);
    if (command == QLatin1String("export-person"))
        return exportPerson(rest);
    if (command == QLatin1String("retention"))
        return retention(rest);
    if (command == QLatin1String("import"))
        return importData(rest);
    if (command == QLatin1String("export") && rest.value(1) == QLatin1String("facturx"))
        return exportFacturX(rest);
    if (command == QLatin1String("export") && rest.value(1) == QLatin1String("fec"))
        return exportFec(rest);
    if (command == QLatin1String("export"))
        return exportData(rest);
    if (command == QLatin1String("print"))
        return printDocument(rest);
    if (command == QLatin1String("report"))
        return reportData(rest);
    if (command == QLatin1String("close"))
        return close(rest);
    if (command == QLatin1String("archive"))
        return archive(rest);
    if (command == QLatin1String("verify-archive"))
        return verifyArchive(rest);
    if (command == QLatin1String("list"))
        return list(rest);
    if (command == QLatin1String("server"))
        return server(rest);
    m_err << tr("Unknown command: “%1”.").arg(command) << Qt::endl << Qt::endl;
    usage(m_err);
    return BadUsage;
}

int Commands::init(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption name(QStringLiteral("school-name"), tr("Name of the school."), tr("NAME"),
                                  tr("My production school"));
    const QCommandLineOption user(
        QStringLiteral("user"),
        tr("Login of the director's account to create (password from ETABLI_PASSWORD "
           "or asked)."),
        tr("LOGIN"));
    const QCommandLineOption displayName(QStringLiteral("display-name"), tr("The director's full name."),
                                         tr("NAME"));
    const QCommandLineOption section(QStringLiteral("section"),
                                     tr("A workshop of the school (repeat it for each: --section Mécanique "
                                        "--section Menuiserie); more can be added in the settings."),
                                     tr("NAME"));
    const QCommandLineOption dailyRole = dailyRoleOption();
    parser.addOption(name);
    parser.addOption(section);
    parser.addOption(user);
    parser.addOption(displayName);
    parser.addOption(dailyRole);
    if (int rc = parseCommand(parser, common, QStringLiteral("init"),
                              tr("Creates an empty database for a school, with its workshops."), args, m_out,
                              m_err);
        rc >= 0)
        return rc;
    if (parser.value(name).trimmed().isEmpty()) {
        m_err << tr("The school's name cannot be empty.") << Qt::endl;
        return BadUsage;
    }
    if (parser.value(user).isEmpty()) {
        m_err << tr("Give the director's login with --user LOGIN.") << Qt::endl;
        return BadUsage;
    }
    if (auto r = UserService::validateLogin(parser.value(user)); !r) {
        m_err << r.error().message << Qt::endl;
        return BadUsage;
    }
    auto password = readPassword(m_err, tr("Password of the new account %1: ").arg(parser.value(user)));
    if (!password)
        return report(m_err, password.error());
    if (auto r = PasswordHasher::checkStrength(*password); !r)
        return report(m_err, r.error());
    auto location = resolveDatabase(parser, common);
    if (!location)
        return report(m_err, location.error());
    if (parser.isSet(dailyRole) && location->isSqlite()) {
        m_err << tr("--daily-role is for a PostgreSQL database.") << Qt::endl;
        return BadUsage;
    }
    auto db = openForNewSchool(*location, m_err);
    if (!db)
        return report(m_err, db.error());
    SystemClock clock;
    const SetupService::Director director{parser.value(user), parser.value(displayName), *password};
    if (auto r = SetupService(**db, clock).createSchool(parser.value(name), director, parser.values(section));
        !r) {
        const QString path = location->path;
        db->reset();
        if (location->isSqlite())
            QFile::remove(path);
        return report(m_err, r.error());
    }
    if (parser.isSet(dailyRole)) {
        if (auto r = (*db)->grantDailyRole(parser.value(dailyRole)); !r)
            return report(m_err, r.error());
        m_out << tr("Daily role: %1 (reads and writes rows, owns nothing)").arg(parser.value(dailyRole))
              << Qt::endl;
    }
    m_out << tr("Database created: %1").arg(location->displayName()) << Qt::endl;
    if (!parser.isSet(section))
        m_out << tr("No workshop yet: add them in Établi (Settings), or create the database with --section "
                    "NAME.")
              << Qt::endl;
    return Success;
}

int Commands::migrate(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption dailyRole = dailyRoleOption();
    const QCommandLineOption from(QStringLiteral("from"),
                                  tr("With --to: the database to copy (an SQLite file or postgresql://…)."),
                                  tr("DATABASE"));
    const QCommandLineOption to(QStringLiteral("to"),
                                tr("With --from: where to copy it (a new SQLite file, or an empty "
                                   "PostgreSQL database, addressed as its tables' owner)."),
                                tr("DATABASE"));
    parser.addOption(dailyRole);
    parser.addOption(from);
    parser.addOption(to);
    if (int rc =
            parseCommand(parser, common, QStringLiteral("migrate"),
                         tr("Upgrades a database to this version of Établi. On PostgreSQL, run it as the "
                            "role that owns the tables; the daily role (given, or the one set up before) "
                            "gets its rights on the new tables. With --from and --to: moves a whole school "
                            "from one database to another (a file to the school's server, or back), checked "
                            "row by row."),
                         args, m_out, m_err);
        rc >= 0)
        return rc;
    if (parser.isSet(from) || parser.isSet(to))
        return moveSchool(parser.value(from), parser.value(to), parser.value(dailyRole));
    auto location = resolveDatabase(parser, common);
    if (!location)
        return report(m_err, location.error());
    if (parser.isSet(dailyRole) && location->isSqlite()) {
        m_err << tr("--daily-role is for a PostgreSQL database.") << Qt::endl;
        return BadUsage;
    }
    auto db = openDatabase(*location, Database::OpenMode::OpenExisting, m_err); // migrates
    if (!db)
        return report(m_err, db.error());
    if (!location->isSqlite()) {
        auto role = (*db)->grantKnownDailyRole(parser.value(dailyRole));
        if (!role)
            return report(m_err, role.error());
        if (!role->isEmpty())
            m_out << tr("Daily role: %1 (reads and writes rows, owns nothing)").arg(*role) << Qt::endl;
    }
    m_out << tr("Database %1: schema version %2 (up to date)")
                 .arg(location->displayName())
                 .arg((*db)->schemaVersion())
          << Qt::endl;
    return Success;
}

int Commands::moveSchool(const QString& fromText, const QString& toText, const QString& dailyRole)
{
    if (fromText.isEmpty() || toText.isEmpty()) {
        m_err << tr("Give both the database to copy (--from) and where to copy it (--to).") << Qt::endl;
        return BadUsage;
    }
    auto from = DatabaseLocation::parse(fromText);
    if (!from)
        return report(m_err, from.error());
    auto to = DatabaseLocation::parse(toText);
    if (!to)
        return report(m_err, to.error());
    if (!dailyRole.isEmpty() && to->isSqlite()) {
        m_err << tr("--daily-role is for a PostgreSQL database.") << Qt::endl;
        return BadUsage;
    }
    // A password the addresses lack is asked here, once, as when opening.
    for (DatabaseLocation* where : {&*from, &*to})
        if (auto asked = askServerPassword(*where, m_err); !asked)
            return report(m_err, asked.error());
    m_out << tr("Copying %1 to %2…").arg(from->displayName(), to->displayName()) << Qt::endl;
    auto moved = DatabaseCopy::move(
        *from, *to, [this](const QString& table) { m_out << QStringLiteral("  ") << table << Qt::endl; });
    if (!moved)
        return report(m_err, moved.error());
    qint64 rows = 0;
    for (const DatabaseCopy::TableRows& t : std::as_const(moved->tables))
        rows += t.target;
    if (!to->isSqlite()) {
        auto db = openDatabase(*to, Database::OpenMode::OpenExisting, m_err);
        if (!db)
            return report(m_err, db.error());
        auto role = (*db)->grantKnownDailyRole(dailyRole);
        if (!role)
            return report(m_err, role.error());
        if (!role->isEmpty())
            m_out << tr("Daily role: %1 (reads and writes rows, owns nothing)").arg(*role) << Qt::endl;
    }
    for (const DatabaseCheck::Line& line : std::as_const(moved->check.chains))
        m_out << line.text << Qt::endl;
    m_out << tr("Copy done and checked: %1 tables, %2 rows, the same in %3 as in %4.")
                 .arg(moved->tables.size())
                 .arg(rows)
                 .arg(to->displayName(), from->displayName())
          << Qt::endl;
    if (from->isSqlite() && !to->isSqlite())
        m_out
            << (moved->sourceMarked
                    ? tr("The file %1 is marked as moved: opened again, it says the school is on the server.")
                    : tr("The file %1 could not be marked as moved (read-only?): do not work in it any "
                         "more."))
                   .arg(from->displayName())
            << Qt::endl;
    return Success;
}

int Commands::demo(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption scale(
        QStringLiteral("scale"),
        tr("Size: “school” (one school over 10 years, the default) or “federation” (about twenty "
           "schools, for benchmarks)."),
        tr("SIZE"), QStringLiteral("school"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Generator seed (same seed, same database)."),
                                  tr("N"), QStringLiteral("2011"));
    const QCommandLineOption today(QStringLiteral("today"), tr("Reference date YYYY-MM-DD (default: today)."),
                                   tr("DATE"));
    parser.addOption(scale);
    parser.addOption(seed);
    parser.addOption(today);
    if (int rc = parseCommand(parser, common, QStringLiteral("demo"),
                              tr("Creates a realistic and reproducible demonstration database."), args, m_out,
                              m_err);
        rc >= 0)
        return rc;
    DemoGenerator::Options options;
    auto parsedScale = DemoGenerator::parseScale(parser.value(scale));
    if (!parsedScale) {
        m_err << parsedScale.error().message << Qt::endl;
        return BadUsage;
    }
    options.scale = *parsedScale;
    bool ok = false;
    options.seed = parser.value(seed).toULongLong(&ok);
    if (!ok) {
        m_err << tr("The seed must be a positive integer (“%1”).").arg(parser.value(seed)) << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(today)) {
        options.referenceDate = QDate::fromString(parser.value(today), Qt::ISODate);
        if (!options.referenceDate.isValid()) {
            m_err << tr("Invalid date: “%1” (expected: YYYY-MM-DD).").arg(parser.value(today)) << Qt::endl;
            return BadUsage;
        }
    }
    auto location = resolveDatabase(parser, common);
    if (!location)
        return report(m_err, location.error());
    auto db = openForNewSchool(*location, m_err);
    if (!db)
        return report(m_err, db.error());
    auto summary = DemoGenerator(**db, options).run();
    if (!summary) {
        const QString path = location->path;
        db->reset();
        if (location->isSqlite())
            QFile::remove(path);
        return report(m_err, summary.error());
    }
    m_out << tr("Demonstration database created: %1").arg(location->displayName()) << Qt::endl
          << tr("%1 sections, %2 trainees over %3 school years.")
                 .arg(summary->sections)
                 .arg(summary->trainees)
                 .arg(summary->schoolYears)
          << Qt::endl
          << tr("Accounts: %1 — password: %2")
                 .arg(DemoGenerator::demoLogins().join(QStringLiteral(", ")), DemoGenerator::demoPassword())
          << Qt::endl;
    return Success;
}

int Commands::check(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    if (int rc = parseCommand(
            parser, common, QStringLiteral("check"),
            tr("Checks a database without changing it: schema version, integrity, foreign keys. Exit "
               "code 1 when a problem is found."),
            args, m_out, m_err);
        rc >= 0)
        return rc;
    auto location = resolveDatabase(parser, common);
    if (!location)
        return report(m_err, location.error());
    auto db = openDatabase(*location, Database::OpenMode::ReadOnly, m_err);
    if (!db)
        return report(m_err, db.error());
    auto result = DatabaseCheck::run(**db);
    if (!result)
        return report(m_err, result.error());
    const auto& r = result->integrity;
    m_out << tr("Database: %1").arg(location->displayName()) << Qt::endl;
    m_out << tr("Schema version: %1").arg(r.schemaVersion);
    if (r.schemaVersion == r.latestSchemaVersion)
        m_out << tr(" (up to date)");
    else
        m_out << tr(" (will be upgraded to version %1 when next opened)").arg(r.latestSchemaVersion);
    m_out << Qt::endl;
    m_out << tr("Integrity check (quick_check): %1").arg(r.quickCheck.join(QStringLiteral("; "))) << Qt::endl;
    m_out << tr("Foreign keys (foreign_key_check): %1")
                 .arg(r.foreignKeyCheck.isEmpty() ? QStringLiteral("ok")
                                                  : r.foreignKeyCheck.join(QStringLiteral("; ")))
          << Qt::endl;
    if (r.quickCheck != QStringList{QStringLiteral("ok")}) {
        // Nothing more is read from a damaged file.
        m_err << tr("The database “%1” is damaged. Restore a backup (File → Restore a backup).")
                     .arg(location->displayName())
              << Qt::endl;
        return Failure;
    }
    if (!result->chainsChecked)
        m_out << tr("Hash chains: checked once the database is upgraded (open it once with Établi, then run "
                    "check again).")
              << Qt::endl;
    for (const DatabaseCheck::Line& line : result->chains)
        m_out << line.text << Qt::endl;
    if (!result->ok()) {
        m_err << tr("The database has problems.") << Qt::endl;
        return Failure;
    }
    return Success;
}

int Commands::backup(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption outOption(QStringList{QStringLiteral("o"), QStringLiteral("out")},
                                       tr("File of the copy (must not exist)."), tr("FILE"));
    const QCommandLineOption user = actingUserOption();
    parser.addOption(outOption);
    parser.addOption(user);
    if (int rc =
            parseCommand(parser, common, QStringLiteral("backup"),
                         tr("Writes a consistent, verified copy of a database, even while it is in use."),
                         args, m_out, m_err);
        rc >= 0)
        return rc;
    if (parser.value(outOption).isEmpty()) {
        m_err << tr("Give the file of the copy with --out FILE.") << Qt::endl;
        return BadUsage;
    }
    const QString target = QFileInfo(parser.value(outOption)).absoluteFilePath();
    if (QFileInfo::exists(target)) {
        m_err
            << tr("The file “%1” already exists: it was not replaced.").arg(QDir::toNativeSeparators(target))
            << Qt::endl;
        return Failure;
    }
    if (parser.value(user).isEmpty()) {
        m_err << tr("Give the account to act as with --user LOGIN.") << Qt::endl;
        return BadUsage;
    }
    SystemClock clock;
    auto acting = openAs(parser, common, parser.value(user), clock, m_err);
    if (!acting)
        return report(m_err, acting.error());
    if (auto r = BackupService(*acting->db, clock, acting->user).copyTo(target); !r)
        return report(m_err, r.error());
    m_out << tr("Verified copy written to %1").arg(QDir::toNativeSeparators(target)) << Qt::endl;
    return Success;
}

int Commands::exportPerson(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption user = actingUserOption();
    const QCommandLineOption trainee(QStringLiteral("trainee"), tr("Number of the trainee."), tr("N"));
    const QCommandLineOption contact(
        QStringLiteral("contact"), tr("Number of the contact of the directory (customer, donor…)."), tr("N"));
    const QCommandLineOption staff(QStringLiteral("staff"), tr("Number of the staff member or volunteer."),
                                   tr("N"));
    const QCommandLineOption account(QStringLiteral("account"), tr("Login of the user account."),
                                     tr("LOGIN"));
    const QCommandLineOption outDir(QStringList{QStringLiteral("o"), QStringLiteral("out")},
                                    tr("Folder where the two files are written."), tr("FOLDER"));
    for (const QCommandLineOption& o : {user, trainee, contact, staff, account, outDir})
        parser.addOption(o);
    if (int rc =
            parseCommand(parser, common, QStringLiteral("export-person"),
                         tr("Writes everything Établi holds about one person (GDPR right of access): a JSON "
                            "file and a readable HTML page."),
                         args, m_out, m_err);
        rc >= 0)
        return rc;
    const QList<std::pair<const QCommandLineOption*, PersonalDataService::PersonKind>> kinds = {
        {&trainee, PersonalDataService::PersonKind::Trainee},
        {&contact, PersonalDataService::PersonKind::Contact},
        {&staff, PersonalDataService::PersonKind::Staff}};
    int given = parser.isSet(account) ? 1 : 0;
    const QCommandLineOption* chosen = nullptr;
    PersonalDataService::PersonKind kind = PersonalDataService::PersonKind::Trainee;
    for (const auto& [option, k] : kinds)
        if (parser.isSet(*option)) {
            ++given;
            chosen = option;
            kind = k;
        }
    if (given != 1) {
        m_err << tr("Give one of --trainee N, --contact N, --staff N or --account LOGIN.") << Qt::endl;
        return BadUsage;
    }
    if (parser.value(outDir).isEmpty() || parser.value(user).isEmpty()) {
        m_err << tr("Give the account to act as with --user LOGIN and the folder with --out FOLDER.")
              << Qt::endl;
        return BadUsage;
    }
    bool ok = true;
    const qint64 personId = chosen ? parser.value(*chosen).toLongLong(&ok) : 0;
    if (!ok || (chosen && personId <= 0)) {
        m_err << tr("The number must be a positive integer (“%1”).").arg(parser.value(*chosen)) << Qt::endl;
        return BadUsage;
    }
    SystemClock clock;
    auto acting = openAs(parser, common, parser.value(user), clock, m_err);
    if (!acting)
        return report(m_err, acting.error());
    Database& db = *acting->db;
    const UserContext& actor = acting->user;
    PersonalDataService service(db, clock, actor);
    auto data = chosen ? service.exportPerson(kind, personId) : service.exportAccount(parser.value(account));
    if (!data)
        return report(m_err, data.error());
    auto written = service.write(*data, parser.value(outDir));
    if (!written)
        return report(m_err, written.error());
    for (const QString& path : *written)
        m_out << QDir::toNativeSeparators(path) << Qt::endl;
    return Success;
}

int Commands::retention(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption user = actingUserOption();
    const QCommandLineOption apply(QStringLiteral("apply"),
                                   tr("Anonymise the trainees listed (otherwise only list)."));
    parser.addOption(user);
    parser.addOption(apply);
    if (int rc =
            parseCommand(parser, common, QStringLiteral("retention"),
                         tr("Lists the trainees whose retention time is over; with --apply, anonymises them "
                            "(names, address, day and month of birth) and records it in the log of changes."),
                         args, m_out, m_err);
        rc >= 0)
        return rc;
    if (parser.value(user).isEmpty()) {
        m_err << tr("Give the account to act as with --user LOGIN.") << Qt::endl;
        return BadUsage;
    }
    SystemClock clock;
    auto acting = openAs(parser, common, parser.value(user), clock, m_err);
    if (!acting)
        return report(m_err, acting.error());
    Database& db = *acting->db;
    const UserContext& actor = acting->user;
    PersonalDataService service(db, clock, actor);
    auto years = service.retention();
    auto preview = service.retentionPreview(clock.today());
    if (!preview)
        return report(m_err, preview.error());
    m_out
        << tr("Rule: anonymise the trainees %1 years after they left, the candidates not admitted %2 months "
              "after the decision.")
               .arg(years ? years->traineeYears : 0)
               .arg(years ? years->candidateMonths : 0)
        << Qt::endl;
    const QLocale locale;
    QList<qint64> ids;
    for (const auto& hit : *preview) {
        m_out << QStringLiteral("  n°%1  %2 %3  (%4)")
                     .arg(hit.id)
                     .arg(hit.lastName, hit.firstName,
                          (hit.refused ? tr("not admitted on %1") : tr("left on %1"))
                              .arg(locale.toString(hit.exitDate, QStringLiteral("dd/MM/yyyy"))))
              << Qt::endl;
        ids << hit.id;
    }
    m_out << tr("%n trainee(s) concerned.", nullptr, static_cast<int>(ids.size())) << Qt::endl;
    if (!parser.isSet(apply)) {
        if (!ids.isEmpty())
            m_out << tr("Nothing was changed. Run again with --apply to anonymise them.") << Qt::endl;
        return Success;
    }
    auto done = service.applyRetention(clock.today(), ids);
    if (!done)
        return report(m_err, done.error());
    m_out << tr("%n record(s) anonymised.", nullptr, *done) << Qt::endl;
    return Success;
}

int Commands::exportData(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption user = actingUserOption();
    const QCommandLineOption outOption(QStringList{QStringLiteral("o"), QStringLiteral("out")},
                                       tr("File to write (CSV; the production log also as .xlsx)."),
                                       tr("FILE"));
    const QCommandLineOption fromOption(QStringLiteral("from"), tr("production: first day (YYYY-MM-DD)."),
                                        tr("DATE"));
    const QCommandLineOption toOption(QStringLiteral("to"), tr("production: last day (YYYY-MM-DD)."),
                                      tr("DATE"));
    const QCommandLineOption sectionOption(QStringLiteral("section"),
                                           tr("production: one workshop (name or number)."), tr("SECTION"));
    parser.addOption(user);
    parser.addOption(outOption);
    parser.addOption(fromOption);
    parser.addOption(toOption);
    parser.addOption(sectionOption);
    parser.addPositionalArgument(QStringLiteral("what"), tr("What to export: trainees or production."));
    if (int rc = parseCommand(
            parser, common, QStringLiteral("export"),
            tr("Writes the list of trainees, or the production log, as CSV (';', UTF-8), ready for "
               "a spreadsheet."),
            args, m_out, m_err, 1);
        rc >= 0)
        return rc;
    const QString what = parser.positionalArguments().value(0);
    const bool production = what == QLatin1String("production");
    if ((what != QLatin1String("trainees") && !production) || parser.value(outOption).isEmpty() ||
        parser.value(user).isEmpty() ||
        (production && (parser.value(fromOption).isEmpty() || parser.value(toOption).isEmpty()))) {
        m_err << tr("Usage: etabli-cli export trainees --out FILE --user LOGIN") << Qt::endl
              << tr("       etabli-cli export production --from DATE --to DATE [--section S] --out FILE "
                    "--user LOGIN")
              << Qt::endl;
        return BadUsage;
    }
    ProductionFilter filter;
    if (production) {
        filter.from = QDate::fromString(parser.value(fromOption), Qt::ISODate);
        filter.to = QDate::fromString(parser.value(toOption), Qt::ISODate);
        if (!filter.from.isValid() || !filter.to.isValid() || filter.to < filter.from) {
            m_err << tr("Give the period as two dates YYYY-MM-DD, the first before the second.") << Qt::endl;
            return BadUsage;
        }
    }
    // A spreadsheet's own file when its name says so (dates as dates, hours as numbers).
    const bool xlsx = parser.value(outOption).endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive);
    if (xlsx && !production) {
        m_err << tr("The list of trainees is written as CSV only (a FILE ending in .csv).") << Qt::endl;
        return BadUsage;
    }
    SystemClock clock;
    auto acting = openAs(parser, common, parser.value(user), clock, m_err);
    if (!acting)
        return report(m_err, acting.error());
    Result<QByteArray> bytes;
    if (production) {
        if (const QString wanted = parser.value(sectionOption); !wanted.isEmpty()) {
            auto sections = SchoolService(*acting->db, clock, acting->user).sections(false);
            if (!sections)
                return report(m_err, sections.error());
            for (const Section& s : *sections) {
                if (QString::number(s.id) == wanted || text::fold(s.name) == text::fold(wanted))
                    filter.sectionId = s.id;
            }
            if (filter.sectionId == 0) {
                m_err << tr("No workshop is called “%1”.").arg(wanted) << Qt::endl;
                return Failure;
            }
        }
        ProductionService log(*acting->db, clock, acting->user);
        bytes = xlsx ? log.exportXlsx(filter) : log.exportCsv(filter);
    } else {
        TraineeFilter trainees;
        trainees.includeArchived = true;
        bytes = TraineeImportService(*acting->db, clock, acting->user).exportCsv(trainees);
    }
    if (!bytes)
        return report(m_err, bytes.error());
    // Names of minors: the owner's only.
    if (auto written = files::write(parser.value(outOption), *bytes, true); !written)
        return report(m_err, written.error());
    m_out << (production ? tr("Production log written to %1") : tr("List written to %1"))
                 .arg(QDir::toNativeSeparators(parser.value(outOption)))
          << Qt::endl;
    return Success;
}

} // namespace etabli::cli
