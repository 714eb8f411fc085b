#include "gui/common/session.h"
#include "gui/dashboard/dashboardpage.h"
#include "gui/shell/mainwindow.h"
#include "services/backupplan.h"
#include "services/demogenerator.h"
#include "support/testdatabase.h"
#include "util/appsettings.h"

#include <catch2/catch.hpp>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QTest>

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
