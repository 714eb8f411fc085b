#include "gui/shell/startup.h"

#include "gui/common/serverpasswords.h"
#include "gui/common/session.h"
#include "gui/common/wheelguard.h"
#include "gui/shell/connectdialog.h"
#include "gui/shell/databaseactions.h"
#include "gui/shell/mainwindow.h"
#include "gui/shell/welcomedialog.h"
#include "services/authservice.h"
#include "storage/database.h"
#include "util/appsettings.h"
#include "util/logging.h"
#include "util/translations.h"

#include <optional>
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTimer>
#include <spdlog/spdlog.h>

namespace etabli {

namespace {

struct Opened
{
    std::unique_ptr<Database> db;
    std::optional<UserContext> user;
};

Opened runWelcome(AppSettings& settings, const Clock& clock)
{
    while (true) {
        WelcomeDialog welcome;
        if (welcome.exec() != QDialog::Accepted)
            return {};
        Opened opened;
        switch (welcome.choice()) {
        case WelcomeDialog::Choice::Create: {
            UserContext user;
            opened.db = DatabaseActions::askCreateSchool(&welcome, &user);
            if (opened.db)
                opened.user = user;
            break;
        }
        case WelcomeDialog::Choice::Open:
            opened.db = DatabaseActions::askOpen(&welcome);
            break;
        case WelcomeDialog::Choice::Server:
            opened.db = ConnectDialog::ask(&welcome, settings);
            break;
        case WelcomeDialog::Choice::Demo: {
            auto demo = DatabaseActions::openDemo();
            if (demo)
                opened.db = std::move(*demo);
            else
                DatabaseActions::showError(&welcome, Startup::tr("Demonstration school"), demo.error());
            break;
        }
        case WelcomeDialog::Choice::None:
            break;
        }
        if (!opened.db)
            continue;
        if (!opened.user)
            opened.user = DatabaseActions::askLogIn(&welcome, *opened.db, clock);
        if (!opened.user)
            continue;
        if (opened.db->location().isSqlite())
            settings.setValue(AppSettings::Key::LastDatabase, opened.db->location().path);
        return opened;
    }
}

// The database opened last: a file still there, or a server.
std::optional<DatabaseLocation> lastDatabase(const AppSettings& settings)
{
    const QString last = settings.lastDatabase();
    if (last.isEmpty())
        return std::nullopt;
    auto location = DatabaseLocation::parse(last);
    if (!location || (location->isSqlite() && !QFileInfo::exists(location->path)))
        return std::nullopt;
    return *location;
}

} // namespace

int Startup::run(QApplication& app)
{
    installWheelGuard(app);
    AppSettings settings;
    translations::install(app, translations::resolve(settings.language()));

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Établi — management of a production school"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption databaseOption(
        QStringList{QStringLiteral("d"), QStringLiteral("database")},
        tr("Database: an SQLite file or postgresql://user[:password]@host[:port]/dbname."), tr("DATABASE"));
    const QCommandLineOption logLevelOption(
        QStringLiteral("log-level"), tr("Log level: trace, debug, info, warning, error, off."), tr("LEVEL"),
        settings.value(AppSettings::Key::LogLevel).toString());
    const QCommandLineOption quitAfterOption(QStringLiteral("quit-after"),
                                             tr("Close the window after this many milliseconds (for tests)."),
                                             tr("MS"));
    const QCommandLineOption userOption(
        QStringLiteral("user"),
        tr("Log in as this account, with the password in ETABLI_PASSWORD (for "
           "automation; otherwise the login window asks)."),
        tr("LOGIN"));
    parser.addOption(databaseOption);
    parser.addOption(userOption);
    parser.addOption(logLevelOption);
    parser.addOption(quitAfterOption);
    parser.process(app);

    logging::Level level = logging::Level::Info;
    if (!logging::parseLevel(parser.value(logLevelOption), &level)) {
        QMessageBox::critical(nullptr, QStringLiteral("Établi"),
                              tr("Unknown log level: “%1”.").arg(parser.value(logLevelOption)));
        return 2;
    }
    logging::init(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation), level);
    logging::get("gui")->info("Établi {} starting", ETABLI_VERSION);

    Session session;
    QString requested = parser.value(databaseOption);
    if (requested.isEmpty())
        requested = QProcessEnvironment::systemEnvironment().value(QStringLiteral("ETABLI_DATABASE"));
    if (!requested.isEmpty()) {
        auto location = DatabaseLocation::parse(requested);
        auto db = location ? DatabaseActions::openAsking(nullptr, *location)
                           : DatabaseActions::Opened(std::unexpected(location.error()));
        if (db)
            session.setDatabase(std::move(*db));
        else
            DatabaseActions::showError(nullptr, tr("Open a database"), db.error());
    } else if (auto last = lastDatabase(settings)) {
        // The school's server: its password from the keychain when it was
        // remembered, otherwise asked.
        if (!last->isSqlite())
            last->password = ServerPasswords::read(*last).value_or(QString());
        auto db = DatabaseActions::openAsking(nullptr, *last);
        if (db)
            session.setDatabase(std::move(*db));
        else
            DatabaseActions::showError(nullptr, tr("Open a database"), db.error());
    }
    const QString password =
        QProcessEnvironment::systemEnvironment().value(QStringLiteral("ETABLI_PASSWORD"));
    if (session.isOpen() && parser.isSet(userOption) && !password.isEmpty()) {
        auto user =
            AuthService(session.database(), session.clock()).login(parser.value(userOption), password);
        if (user)
            session.setUser(*user);
        else
            DatabaseActions::showError(nullptr, tr("Log in"), user.error());
    }
    if (session.isOpen() && session.isLoggedIn()) {
        // Logged in from the command line.
    } else if (session.isOpen()) {
        auto user = DatabaseActions::askLogIn(nullptr, session.database(), session.clock());
        if (!user)
            return 0;
        session.setUser(*user);
    } else {
        auto opened = runWelcome(settings, session.clock());
        if (!opened.db)
            return 0;
        session.setDatabase(std::move(opened.db));
        session.setUser(*opened.user);
    }

    MainWindow window(session, settings);
    window.showFitted();
    if (parser.isSet(quitAfterOption)) {
        const int ms = parser.value(quitAfterOption).toInt();
        QTimer::singleShot(std::max(0, ms), &window, &QWidget::close);
    }
    const int rc = QApplication::exec();
    settings.sync();
    logging::get("gui")->info("Établi closed");
    logging::shutdown();
    return rc;
}

} // namespace etabli
