#include "gui/shell/databaseactions.h"

#include "gui/access/directordialog.h"
#include "gui/access/logindialog.h"
#include "gui/access/passworddialog.h"
#include "io/files.h"
#include "services/authservice.h"
#include "services/backupservice.h"
#include "services/demogenerator.h"
#include "services/schoolservice.h"
#include "storage/backup.h"
#include "util/clock.h"
#include "util/logging.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QStandardPaths>
#include <spdlog/spdlog.h>

namespace etabli {

DatabaseActions::Opened DatabaseActions::open(const DatabaseLocation& location)
{
    return Database::open(location, Database::OpenMode::OpenExisting);
}

DatabaseActions::Opened DatabaseActions::openAsking(QWidget* parent, DatabaseLocation location)
{
    auto db = open(location);
    if (db || db.error().code != Error::Code::PasswordNeeded)
        return db;
    // Asked while the server refuses (most often a mistyped password), three times at most.
    const QString question =
        tr("The PostgreSQL server %1 asks for the password of “%2”:").arg(location.host, location.user);
    const auto askAgain = [&db]() {
        return !db && (db.error().code == Error::Code::PasswordNeeded ||
                       db.error().code == Error::Code::WrongPassword);
    };
    for (int tries = 0; tries < 3 && askAgain(); ++tries) {
        QInputDialog ask(parent);
        ask.setObjectName(QStringLiteral("serverPassword"));
        ask.setWindowTitle(tr("PostgreSQL server"));
        ask.setLabelText(tries == 0 ? question : db.error().message + QStringLiteral("\n\n") + question);
        if (auto* label = ask.findChild<QLabel*>())
            label->setWordWrap(true);
        ask.setMinimumWidth(480);
        ask.setTextEchoMode(QLineEdit::Password);
        ask.setOkButtonText(tr("Connect"));
        if (ask.exec() != QDialog::Accepted)
            return db;
        location.password = ask.textValue();
        db = open(location);
    }
    return db;
}

DatabaseActions::Opened DatabaseActions::createSchool(const DatabaseLocation& location,
                                                      const QString& schoolName,
                                                      const SetupService::Director& director,
                                                      const QStringList& sections)
{
    auto db = Database::open(location, Database::OpenMode::CreateNew);
    if (!db)
        return db;
    SystemClock clock;
    if (auto r = SetupService(**db, clock).createSchool(schoolName, director, sections); !r) {
        db->reset();
        if (location.isSqlite())
            QFile::remove(location.path);
        return std::unexpected(r.error());
    }
    return db;
}

QString DatabaseActions::suggestedNewPath()
{
    const QString first = DatabaseLocation::defaultSqlitePath();
    const QDir dir = QFileInfo(first).dir();
    QString path = first;
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = dir.filePath(QStringLiteral("ecole-%1.sqlite").arg(n));
    return path;
}

QString DatabaseActions::defaultDemoPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demonstration.sqlite"));
}

DatabaseActions::Opened DatabaseActions::openDemo(const QString& path)
{
    const DatabaseLocation location = DatabaseLocation::sqlite(path);
    if (QFileInfo::exists(path))
        return open(location);
    auto db = Database::open(location, Database::OpenMode::CreateNew);
    if (!db)
        return db;
    if (auto r = DemoGenerator(**db, DemoGenerator::Options{}).run(); !r) {
        db->reset();
        QFile::remove(path);
        return std::unexpected(r.error());
    }
    return db;
}

void DatabaseActions::showError(QWidget* parent, const QString& title, const Error& error)
{
    logging::get("gui")->warn("{}: {} ({})", title.toStdString(), error.message.toStdString(),
                              error.detail.toStdString());
    QMessageBox box(QMessageBox::Warning, title, error.message, QMessageBox::Ok, parent);
    if (!error.detail.isEmpty())
        box.setDetailedText(error.detail);
    box.exec();
}

std::unique_ptr<Database> DatabaseActions::askCreateSchool(QWidget* parent, UserContext* user)
{
    DirectorDialog dialog(true, parent);
    if (dialog.exec() != QDialog::Accepted)
        return nullptr;
    QString suggested = suggestedNewPath();
    files::makePrivateFolder(QFileInfo(suggested).absolutePath());
    const QString path = QFileDialog::getSaveFileName(parent, tr("Where to keep the database"), suggested,
                                                      tr("Établi database (*.sqlite)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return nullptr;
    const SetupService::Director director{dialog.login(), dialog.displayName(), dialog.password()};
    auto db = createSchool(DatabaseLocation::sqlite(path), dialog.schoolName(), director, dialog.sections());
    if (!db) {
        dialog.clearPasswords();
        showError(parent, tr("Create my school's database"), db.error());
        return nullptr;
    }
    SystemClock clock;
    auto context = AuthService(**db, clock).login(director.login, director.password);
    dialog.clearPasswords();
    if (!context) {
        showError(parent, tr("Create my school's database"), context.error());
        return nullptr;
    }
    *user = *context;
    return std::move(*db);
}

std::optional<UserContext> DatabaseActions::askLogIn(QWidget* parent, Database& db, const Clock& clock)
{
    AuthService auth(db, clock);
    auto firstRun = auth.needsFirstDirector();
    if (!firstRun) {
        showError(parent, tr("Log in"), firstRun.error());
        return std::nullopt;
    }
    if (*firstRun) {
        DirectorDialog dialog(false, parent);
        while (dialog.exec() == QDialog::Accepted) {
            const SetupService::Director director{dialog.login(), dialog.displayName(), dialog.password()};
            auto created = SetupService(db, clock).createFirstDirector(director);
            if (created) {
                auto context = auth.login(director.login, director.password);
                dialog.clearPasswords();
                if (context)
                    return *context;
                showError(parent, tr("Log in"), context.error());
                return std::nullopt;
            }
            dialog.clearPasswords();
            showError(parent, tr("The director's account"), created.error());
        }
        return std::nullopt;
    }
    const UserContext nobody;
    SchoolService school(db, clock, nobody);
    const auto identity = school.identity();
    LoginDialog dialog(
        identity ? identity->name : QString(),
        [&auth](const QString& login, const QString& password) { return auth.login(login, password); },
        parent);
    if (school.isDemo())
        dialog.showDemoAccounts(DemoGenerator::demoLogins(), DemoGenerator::demoPassword());
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    UserContext user = dialog.user();
    if (user.mustChangePassword) {
        PasswordDialog change(
            tr("Choose your own password"), true,
            [&db, &clock, &user](const QString& current, const QString& next) {
                return UserService(db, clock, user).changeOwnPassword(current, next);
            },
            parent);
        if (change.exec() != QDialog::Accepted)
            return std::nullopt;
        user.mustChangePassword = false;
    }
    return user;
}

std::unique_ptr<Database> DatabaseActions::askOpen(QWidget* parent)
{
    const QString path = QFileDialog::getOpenFileName(
        parent, tr("Open a database"), QFileInfo(DatabaseLocation::defaultSqlitePath()).absolutePath(),
        tr("Établi database (*.sqlite);;All files (*)"));
    if (path.isEmpty())
        return nullptr;
    auto db = open(DatabaseLocation::sqlite(path));
    if (!db) {
        showError(parent, tr("Open a database"), db.error());
        return nullptr;
    }
    return std::move(*db);
}

void DatabaseActions::askSaveCopy(QWidget* parent, Database& db, const Clock& clock, const UserContext& user)
{
    // A server's database is saved as a file named after it.
    const QFileInfo current(db.location().isSqlite()
                                ? db.location().path
                                : db.location().databaseName + QStringLiteral(".sqlite"));
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(QStringLiteral("%1-copie-%2.sqlite")
                          .arg(current.completeBaseName(), QDate::currentDate().toString(Qt::ISODate)));
    const QString path =
        QFileDialog::getSaveFileName(parent, tr("Save a copy"), suggested, tr("Établi database (*.sqlite)"));
    if (path.isEmpty())
        return;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    // The file dialog has already asked before replacing an existing file.
    auto r = BackupService(db, clock, user).copyTo(path, true);
    QGuiApplication::restoreOverrideCursor();
    if (!r) {
        showError(parent, tr("Save a copy"), r.error());
        return;
    }
    QMessageBox::information(parent, tr("Save a copy"),
                             tr("A verified copy was saved to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace etabli
