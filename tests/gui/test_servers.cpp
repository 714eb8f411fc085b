// Several PCs on the school's server (issue 20): connecting from the GUI.

#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/serverpasswords.h"
#include "gui/common/session.h"
#include "gui/shell/connectdialog.h"
#include "gui/shell/mainwindow.h"
#include "gui/shell/movetoserverdialog.h"
#include "gui/shell/welcomedialog.h"
#include "storage/database.h"
#include "storage/databasecopy.h"
#include "support/guidialogs.h"
#include "support/testdatabase.h"
#include "util/appsettings.h"

#include <catch2/catch.hpp>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace etabli;

namespace {

bool hasPostgreSQL()
{
    return test::backends().size() > 1;
}

template <typename W> W* field(QWidget* dialog, const char* name)
{
    auto* w = dialog->findChild<W*>(QLatin1String(name));
    REQUIRE(w);
    return w;
}

void typeInto(QWidget* dialog, const char* name, const QString& text)
{
    auto* edit = field<QLineEdit>(dialog, name);
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

// Clicks "Tester la connexion" and returns what the dialog says.
QString testConnection(QWidget* dialog)
{
    QTest::mouseClick(field<QPushButton>(dialog, "testConnection"), Qt::LeftButton);
    return dialog->findChild<MessageBanner*>()->text();
}

} // namespace

TEST_CASE("The welcome dialog offers to connect to the school's server", "[gui][welcome][servers]")
{
    WelcomeDialog dialog;
    dialog.show();
    auto* server = dialog.findChild<QCommandLinkButton*>(QStringLiteral("serverButton"));
    REQUIRE(server);
    CHECK(server->text() == QStringLiteral("Se connecter au serveur de l'école…"));
    QTest::mouseClick(server, Qt::LeftButton);
    CHECK(dialog.choice() == WelcomeDialog::Choice::Server);
}

TEST_CASE(
    "The connection dialog says in French what fails, then connects, and the password is never saved in the "
    "settings",
    "[gui][servers][postgresql]")
{
    if (!hasPostgreSQL()) {
        WARN("No PostgreSQL test server (ETABLI_TEST_PG): the dialog is not tried on a server.");
        return;
    }
    test::TestDatabase t("postgresql");
    test::createSchool(t.db());
    test::PasswordRole role(t);
    if (!role.isUsable()) {
        WARN("The PostgreSQL test server asks no password (scripts/test.sh sets one up).");
        return;
    }
    // Outside Établi's reach: a database of another program, and one of a newer Établi.
    test::TestDatabase foreign("postgresql");
    REQUIRE(test::rawExec(foreign.db(), QStringLiteral("CREATE TABLE stock (id INTEGER)")));
    REQUIRE(test::rawExec(foreign.db(), QStringLiteral("DROP TABLE etabli_meta CASCADE")));
    test::TestDatabase newer("postgresql");
    REQUIRE(
        test::rawExec(newer.db(), QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) "
                                                 "VALUES (999, 'future', '2030-01-01T00:00:00Z')")));
    const DatabaseLocation server = role.location();

    ServerPasswords::setDisabled(true); // this machine's keychain is not the test's
    QTemporaryDir dir;
    const QString settingsFile = dir.filePath(QStringLiteral("etabli.ini"));
    AppSettings settings(settingsFile);

    QStringList said;
    bool keychainRefused = false;
    test::onNextDialog<FormDialog>([&](FormDialog* dialog) {
        CHECK(dialog->windowTitle() == QStringLiteral("Se connecter au serveur de l'école"));
        typeInto(dialog, "host", server.host);
        field<QSpinBox>(dialog, "port")->setValue(server.port);
        typeInto(dialog, "database", server.databaseName);
        typeInto(dialog, "user", server.user);
        typeInto(dialog, "password", QStringLiteral("pas-le-bon"));
        said << testConnection(dialog); // a wrong password
        typeInto(dialog, "password", role.password());
        field<QSpinBox>(dialog, "port")->setValue(1);
        said << testConnection(dialog); // nobody on that port
        field<QSpinBox>(dialog, "port")->setValue(server.port);
        typeInto(dialog, "database", QStringLiteral("nulle_part"));
        said << testConnection(dialog); // no such database
        // As the server's administrator (no password): the other databases.
        typeInto(dialog, "user", QStringLiteral("etabli"));
        typeInto(dialog, "database", foreign.location().databaseName);
        said << testConnection(dialog); // another program's
        typeInto(dialog, "database", newer.location().databaseName);
        said << testConnection(dialog); // a newer Établi's
        // The school's, with the right password.
        typeInto(dialog, "user", server.user);
        typeInto(dialog, "database", server.databaseName);
        said << testConnection(dialog);
        // Asked to remember it on a PC without a keychain: said, not connected yet.
        field<QCheckBox>(dialog, "remember")->setChecked(true);
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        keychainRefused = dialog->isVisible() && !field<QCheckBox>(dialog, "remember")->isChecked();
        said << dialog->banner()->text();
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    auto db = ConnectDialog::ask(nullptr, settings);
    REQUIRE(said.size() == 7);
    CHECK(said.at(0).contains(QStringLiteral("refuse le mot de passe de « %1 »").arg(server.user)));
    CHECK(said.at(1).contains(QStringLiteral("Aucun serveur PostgreSQL ne répond")));
    CHECK(said.at(2).contains(QStringLiteral("n'a pas de base « nulle_part »")));
    CHECK(said.at(3).contains(QStringLiteral("n'appartient pas à Établi")));
    CHECK(said.at(4).contains(QStringLiteral("version plus récente")));
    CHECK(said.at(5) == QStringLiteral("La connexion fonctionne : une base Établi, prête."));
    CHECK(keychainRefused);
    CHECK(said.at(6).contains(QStringLiteral("trousseau")));
    REQUIRE(db);
    CHECK(db->location().user == server.user);
    CHECK(db->location().databaseName == server.databaseName);
    db.reset();

    // Remembered without its password, in the settings and their file.
    settings.sync();
    const QStringList saved = settings.value(AppSettings::Key::SavedServers).toStringList();
    REQUIRE(saved.size() == 1);
    CHECK(saved.first().contains(server.user));
    CHECK(settings.lastDatabase() == saved.first());
    QFile file(settingsFile);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK_FALSE(file.readAll().contains(role.password().toUtf8()));

    // Next time the saved connection is offered, its fields filled, the password to type.
    bool offered = false;
    test::onNextDialog<FormDialog>([&](FormDialog* dialog) {
        auto* savedBox = dialog->findChild<QComboBox*>(QStringLiteral("savedConnections"));
        offered = savedBox && savedBox->count() == 1 &&
                  field<QLineEdit>(dialog, "host")->text() == server.host &&
                  field<QLineEdit>(dialog, "user")->text() == server.user &&
                  field<QLineEdit>(dialog, "password")->text().isEmpty();
        test::closeThrowingAway(dialog);
    });
    CHECK_FALSE(ConnectDialog::ask(nullptr, settings));
    CHECK(offered);
    ServerPasswords::setDisabled(false);
}

TEST_CASE("The director moves the school's file onto the server from the GUI, checked, and the PCs' login is "
          "proposed",
          "[gui][servers][postgresql]")
{
    if (!hasPostgreSQL()) {
        WARN("No PostgreSQL test server (ETABLI_TEST_PG): the move is not tried.");
        return;
    }
    test::TestDatabase file("sqlite");
    const UserContext director = test::createSchool(file.db(), QStringLiteral("Juralternance"));
    file.close();
    // The server's databases: one made ready by server init, one holding a school already.
    test::TestDatabase ready("postgresql");
    REQUIRE(test::rawExec(ready.db(), QStringLiteral("INSERT INTO etabli_meta (key, value) VALUES "
                                                     "('pg_daily_role', 'etabli_postes')")));
    test::TestDatabase taken("postgresql");
    test::createSchool(taken.db(), QStringLiteral("Une autre école"));
    const DatabaseLocation server = ready.location();

    QStringList said;
    QString summary;
    test::onNextDialog<FormDialog>([&](FormDialog* dialog) {
        said << dialog->windowTitle();
        typeInto(dialog, "host", server.host);
        field<QSpinBox>(dialog, "port")->setValue(server.port);
        typeInto(dialog, "user", server.user);
        field<QLineEdit>(dialog, "database")->clear();
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton); // no database given
        said << dialog->banner()->text();
        typeInto(dialog, "database", taken.location().databaseName);
        said << testConnection(dialog);
        typeInto(dialog, "database", server.databaseName);
        said << testConnection(dialog);
        test::onNextDialog<QMessageBox>([&](QMessageBox* box) {
            summary = box->text();
            box->accept();
        });
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    const auto forThePcs = MoveToServerDialog::ask(nullptr, file.location());
    REQUIRE(said.size() == 4);
    CHECK(said.at(0) == QStringLiteral("Déplacer l'école sur le serveur"));
    CHECK(said.at(1).contains(QStringLiteral("Donnez le nom de la base")));
    CHECK(said.at(2).contains(QStringLiteral("contient déjà une école")));
    CHECK(said.at(3).contains(QStringLiteral("Le serveur est prêt")));
    CHECK(said.at(3).contains(QStringLiteral("« etabli_postes »")));
    CHECK(summary.contains(QStringLiteral("L'école est sur le serveur %1, dans la base « %2 »")
                               .arg(server.host, server.databaseName)));
    CHECK(summary.contains(QStringLiteral("« etabli_postes »")));

    // The PCs connect to that database with their own login, no password kept.
    REQUIRE(forThePcs);
    CHECK(forThePcs->databaseName == server.databaseName);
    CHECK(forThePcs->user == QStringLiteral("etabli_postes"));
    CHECK(forThePcs->password.isEmpty());
    // The connection dialog that follows shows it, the cursor in the password.
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("etabli.ini")));
    QString focused;
    QString proposedUser;
    test::onNextDialog<FormDialog>([&](FormDialog* dialog) {
        QTest::qWait(50);
        focused = QApplication::focusWidget() ? QApplication::focusWidget()->objectName() : QString();
        proposedUser = field<QLineEdit>(dialog, "user")->text();
        test::closeThrowingAway(dialog);
    });
    CHECK_FALSE(ConnectDialog::ask(nullptr, settings, *forThePcs));
    CHECK(proposedUser == QStringLiteral("etabli_postes"));
    CHECK(focused == QStringLiteral("password"));
    // The school is there, the same as in the file; the other database untouched.
    auto original = file.reopen(Database::OpenMode::ReadOnly);
    REQUIRE(original);
    auto same = DatabaseCopy::compare(**original, ready.db());
    REQUIRE(same);
    CHECK(same->isEmpty());
    CHECK(test::rawScalar(ready.db(), QStringLiteral("SELECT name FROM school")).toString() ==
          QStringLiteral("Juralternance"));
    CHECK(test::rawScalar(taken.db(), QStringLiteral("SELECT name FROM school")).toString() ==
          QStringLiteral("Une autre école"));

    // The file opened again later (an old shortcut, the recent files): the
    // window says where the school went and offers to go there.
    original->reset();
    auto again = file.reopen();
    REQUIRE(again);
    Session session;
    session.setDatabase(std::move(*again));
    session.setUser(director);
    MainWindow window(session, settings);
    window.show();
    auto* moved = window.findChild<MessageBanner*>(QStringLiteral("movedBanner"));
    REQUIRE(moved);
    CHECK(moved->isVisible());
    INFO(moved->text().toStdString());
    CHECK(moved->text().startsWith(
        QStringLiteral("Cette école a été déplacée sur le serveur (%1) le ").arg(server.displayName())));
    CHECK(moved->text().contains(QStringLiteral("Ce que vous saisissez ici ne sera pas sur le serveur.")));
}
