#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "gui/dashboard/dashboardpage.h"
#include "gui/shell/databaseactions.h"
#include "gui/shell/mainwindow.h"
#include "services/backupplan.h"
#include "services/demogenerator.h"
#include "support/testdatabase.h"
#include "util/appsettings.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSet>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <vector>

using namespace etabli;

namespace {

struct DemoWindow
{
    test::TestDatabase t;
    AppSettings settings;
    Session session;
    std::unique_ptr<MainWindow> window;

    DemoWindow()
        : t("sqlite", test::DemoSpec::school()),
          settings(QDir(t.dir()).filePath(QStringLiteral("settings.ini")))
    {
        auto db = t.reopen();
        REQUIRE(db);
        session.setClock(std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC)));
        session.setDatabase(std::move(*db));
        session.setUser(
            test::logIn(session.database(), QStringLiteral("direction"), DemoGenerator::demoPassword()));
        window = std::make_unique<MainWindow>(session, settings);
        window->show();
    }
};

} // namespace

TEST_CASE("The main window shows the dashboard of the school in French", "[gui][mainwindow]")
{
    DemoWindow w;
    CHECK(w.window->windowTitle() == QStringLiteral("Juralternance — Établi"));
    CHECK(w.window->currentPage() == MainWindow::DashboardPageIndex);
    auto* name = w.window->findChild<QLabel*>(QStringLiteral("schoolName"));
    REQUIRE(name);
    CHECK(name->text() == QStringLiteral("Juralternance"));
    auto* year = w.window->findChild<QLabel*>(QStringLiteral("schoolYear"));
    CHECK(year->text().startsWith(QStringLiteral("Année scolaire 2026-2027")));
    CHECK(year->text().contains(QStringLiteral("novembre")));
    CHECK(w.window->dashboardPage()->summary().enrolled > 0);
    CHECK(w.window->statusText().contains(QStringLiteral("Base : ")));
    CHECK(w.window->statusText().contains(QStringLiteral("démonstration")));
    CHECK(w.window->statusText().contains(QStringLiteral("Connecté : Martine Vuillemin (direction)")));

    QStringList menus;
    for (QAction* a : w.window->menuBar()->actions())
        menus << a->text().remove(QLatin1Char('&'));
    CHECK(menus.contains(QStringLiteral("Fichier")));
    CHECK(menus.contains(QStringLiteral("Aide")));

    // A school in a file: its director may move it onto the server; nobody else sees it.
    auto* move = w.window->findChild<QAction*>(QStringLiteral("moveToServer"));
    REQUIRE(move);
    CHECK(move->isVisible());
    CHECK(move->text().remove(QLatin1Char('&')) == QStringLiteral("Déplacer l'école sur le serveur…"));
    UserContext office = w.session.user();
    office.role = Role::Secretariat;
    office.permissions.remove(permission::BackupRestore);
    w.session.setUser(office);
    CHECK_FALSE(move->isVisible());
}

TEST_CASE("The navigation switches pages by click and by keyboard", "[gui][mainwindow]")
{
    DemoWindow w;
    auto* nav = w.window->findChild<QListWidget*>(QStringLiteral("navigation"));
    auto* pages = w.window->findChild<QStackedWidget*>(QStringLiteral("pages"));
    REQUIRE(nav);
    REQUIRE(pages);
    REQUIRE(nav->count() == MainWindow::PageCount);
    const QStringList expected = {QStringLiteral("Tableau de bord"), QStringLiteral("Jeunes"),
                                  QStringLiteral("Ateliers"),        QStringLiteral("Ventes et clients"),
                                  QStringLiteral("Financements"),    QStringLiteral("Rapports"),
                                  QStringLiteral("Paramètres")};
    for (int i = 0; i < nav->count(); ++i)
        CHECK(nav->item(i)->text() == expected.at(i));

    for (int i = MainWindow::PageCount - 1; i >= 0; --i) {
        const QRect rect = nav->visualItemRect(nav->item(i));
        QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, rect.center());
        CHECK(pages->currentIndex() == i);
    }
    // Ctrl+7 goes to the settings, Ctrl+1 back to the dashboard.
    QApplication::setActiveWindow(w.window.get());
    QTest::keyClick(w.window.get(), Qt::Key_7, Qt::ControlModifier);
    CHECK(w.window->currentPage() == MainWindow::SettingsPageIndex);
    QTest::keyClick(w.window.get(), Qt::Key_1, Qt::ControlModifier);
    CHECK(w.window->currentPage() == MainWindow::DashboardPageIndex);
}

TEST_CASE("Closing the window keeps its state and takes the day's backup", "[gui][mainwindow]")
{
    DemoWindow w;
    w.window->showPage(MainWindow::SettingsPageIndex);
    const QString path = w.session.database().location().path;
    REQUIRE(w.window->close());
    CHECK(w.settings.value(AppSettings::Key::LastNavigationPage).toInt() == MainWindow::SettingsPageIndex);
    CHECK_FALSE(w.settings.value(AppSettings::Key::MainWindowGeometry).toByteArray().isEmpty());
    const auto backups = BackupPlan(path).list();
    REQUIRE(backups.size() == 1);
    CHECK(backups.first().date == QDate(2026, 11, 27));

    // A new window comes back on the page it was closed on.
    MainWindow again(w.session, w.settings);
    CHECK(again.currentPage() == MainWindow::SettingsPageIndex);
}

TEST_CASE("The dashboard exports a one-page PDF", "[gui][mainwindow]")
{
    DemoWindow w;
    const QString pdf = QDir(w.t.dir()).filePath(QStringLiteral("tableau.pdf"));
    REQUIRE(w.window->dashboardPage()->exportPdf(pdf));
    QFile f(pdf);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(f.read(5) == QByteArray("%PDF-"));
}

TEST_CASE("On PostgreSQL the window asks the server's password, then offers to reconnect when the "
          "connection is lost",
          "[gui][mainwindow][postgresql][connection]")
{
    const auto backends = test::backends();
    if (std::find(backends.begin(), backends.end(), "postgresql") == backends.end()) {
        SUCCEED("no PostgreSQL server for the tests");
        return;
    }
    test::TestDatabase t("postgresql");
    test::createSchool(t.db());
    test::PasswordRole role(t);
    if (!role.isUsable()) {
        WARN("the PostgreSQL test server asks no password (scripts/test.sh sets one up)");
        return;
    }
    qunsetenv("PGPASSWORD");
    qputenv("PGPASSFILE", QDir(t.dir()).filePath(QStringLiteral("none")).toLocal8Bit());

    // The dialogs, answered as a person would: a mistyped password first.
    QStringList asked;
    QStringList boxes;
    MainWindow* shown = nullptr;
    const auto shownErrors = [&shown]() {
        QStringList errors;
        if (shown)
            for (MessageBanner* banner : shown->findChildren<MessageBanner*>())
                if (!banner->isHidden() && banner->kind() == MessageBanner::Kind::Error)
                    errors << banner->text();
        return errors;
    };
    QStringList pageErrors;
    QTimer answering;
    answering.setInterval(20);
    QObject::connect(&answering, &QTimer::timeout, [&]() {
        QWidget* modal = QApplication::activeModalWidget();
        if (auto* ask = qobject_cast<QInputDialog*>(modal);
            ask && ask->objectName() == QLatin1String("serverPassword")) {
            asked << ask->labelText();
            CHECK(ask->textEchoMode() == QLineEdit::Password);
            ask->setTextValue(asked.size() == 1 ? QStringLiteral("mal-tapé") : role.password());
            ask->accept();
        } else if (auto* box = qobject_cast<QMessageBox*>(modal)) {
            boxes << box->text();
            box->accept();
        }
    });
    answering.start();
    auto db = DatabaseActions::openAsking(nullptr, role.location());
    REQUIRE(db);
    REQUIRE(asked.size() == 2);
    CHECK(asked.at(0) == QStringLiteral("Le serveur PostgreSQL %1 demande le mot de passe de « %2 » :")
                             .arg(role.location().host, role.name()));
    CHECK(asked.at(1).contains(QStringLiteral("refuse le mot de passe de « %1 »").arg(role.name())));
    CHECK_FALSE(asked.join(QString()).contains(role.password()));

    AppSettings settings(QDir(t.dir()).filePath(QStringLiteral("settings.ini")));
    Session session;
    session.setClock(std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC)));
    session.setDatabase(std::move(*db));
    session.setUser(test::logIn(session.database(), QStringLiteral("direction"), test::directorPassword()));
    MainWindow window(session, settings);
    window.show();
    shown = &window;
    auto* reconnect = window.findChild<QAction*>(QStringLiteral("reconnect"));
    REQUIRE(reconnect);
    CHECK(reconnect->isVisible());
    CHECK(reconnect->text().remove(QLatin1Char('&')) == QStringLiteral("Se reconnecter au serveur"));
    CHECK_FALSE(window.findChild<QAction*>(QStringLiteral("moveToServer"))->isVisible()); // already there

    // An administrator ends the session: the next reload finds out; the window
    // says so above the pages, without a box in the way, and reconnects by itself.
    const qint64 pid =
        test::rawScalar(session.database(), QStringLiteral("SELECT pg_backend_pid()")).toLongLong();
    test::pgAdminExec(QStringLiteral("SELECT pg_terminate_backend(%1, 5000)").arg(pid));
    auto* banner = window.findChild<MessageBanner*>(QStringLiteral("connectionBanner"));
    REQUIRE(banner);
    session.notifyDataChanged();
    for (int i = 0; i < 250 && banner->isHidden(); ++i)
        QTest::qWait(20);
    REQUIRE_FALSE(banner->isHidden());
    CHECK(banner->text().startsWith(QStringLiteral("Connexion au serveur perdue — nouvelle tentative…")));
    pageErrors = shownErrors();
    for (int i = 0; i < 400 && !banner->isHidden(); ++i)
        QTest::qWait(20);
    answering.stop();
    INFO(boxes.join(QStringLiteral(" | ")).toStdString());
    CHECK(banner->isHidden());
    CHECK(boxes.isEmpty()); // nothing modal interrupted the user
    CHECK_FALSE(session.database().isConnectionLost());
    CHECK(test::rawScalar(session.database(), QStringLiteral("SELECT count(*) FROM app_user")).toInt() >= 1);
    CHECK(window.statusBar()->currentMessage() == QStringLiteral("Reconnecté au serveur."));
    // The pages said it in their own place; once reconnected and reloaded, they no longer do.
    REQUIRE_FALSE(pageErrors.isEmpty());
    CHECK(pageErrors.first().startsWith(
        QStringLiteral("La connexion au serveur de la base de données a été perdue")));
    CHECK(shownErrors().isEmpty());
}

TEST_CASE("Every table of every page is a model that passes the model checks while the pages reload",
          "[gui][mainwindow]")
{
    DemoWindow w;
    auto* pages = w.window->findChild<QStackedWidget*>(QStringLiteral("pages"));
    REQUIRE(pages);
    // Every page and every tab shown once, so that each fills its tables.
    const auto visitAll = [&]() {
        for (int i = 0; i < MainWindow::PageCount; ++i) {
            w.window->showPage(i);
            QCoreApplication::processEvents();
            for (QTabWidget* tabs : pages->widget(i)->findChildren<QTabWidget*>()) {
                for (int t = 0; t < tabs->count(); ++t) {
                    tabs->setCurrentIndex(t);
                    QCoreApplication::processEvents();
                }
            }
        }
    };
    visitAll();
    // A model that breaks the rules (rows announced but not there, bad parents,
    // changes not signalled) stops the test at once (Fatal).
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
    QSet<QAbstractItemModel*> seen;
    int tables = 0;
    for (QAbstractItemView* view : w.window->findChildren<QAbstractItemView*>()) {
        if (!view->model() || seen.contains(view->model()))
            continue;
        seen.insert(view->model());
        if (qobject_cast<QTableView*>(view))
            ++tables;
        testers.push_back(std::make_unique<QAbstractItemModelTester>(
            view->model(), QAbstractItemModelTester::FailureReportingMode::Fatal));
    }
    CHECK(tables >= 25);
    // Pages reload on a change of data and when shown again: the models reset under the checks.
    w.session.notifyDataChanged();
    QCoreApplication::processEvents();
    visitAll();
    CHECK(static_cast<int>(testers.size()) == seen.size());
}
