// Issue 18, item 13: a new school's first day — its own workshops, the
// "Premiers pas" of its home page, its file where it can see it.

#include "gui/access/directordialog.h"
#include "gui/dashboard/dashboardpage.h"
#include "gui/settings/settingspage.h"
#include "gui/shell/databaseactions.h"
#include "gui/shell/mainwindow.h"
#include "gui/shell/welcomedialog.h"
#include "gui/workshops/cataloguepage.h"
#include "services/schoolservice.h"
#include "services/userservice.h"
#include "support/guidemo.h"
#include "support/testdatabase.h"
#include "util/appsettings.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QCommandLinkButton>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace etabli;

namespace {

int stepsDone(const DashboardPage& page)
{
    int done = 0;
    for (int i = 0; i < 5; ++i)
        done +=
            page.findChild<QLabel*>(QStringLiteral("stepMark%1").arg(i))->property("done").toBool() ? 1 : 0;
    return done;
}

} // namespace

TEST_CASE("A new school's home page shows its first steps, ticked as they are done", "[gui][firstday]")
{
    test::TestDatabase t("sqlite");
    {
        SystemClock clock;
        const SetupService::Director director{QStringLiteral("direction"), QStringLiteral("Marie Dupont"),
                                              test::directorPassword()};
        REQUIRE(SetupService(t.db(), clock)
                    .createSchool(QStringLiteral("École de production de Roanne"), director, {}));
    }
    Session session;
    auto db = t.reopen();
    REQUIRE(db);
    session.setClock(std::make_unique<FixedClock>(QDateTime(test::kDemoToday, QTime(9, 0), Qt::UTC)));
    session.setDatabase(std::move(*db));
    session.setUser(test::logIn(session.database(), QStringLiteral("direction"), test::directorPassword()));
    AppSettings settings(QDir(t.dir()).filePath(QStringLiteral("settings.ini")));
    MainWindow window(session, settings);
    window.show();
    auto* home = window.findChild<DashboardPage*>();
    REQUIRE(home);
    // No workshop was made up: the sample school's are not there.
    CHECK(SchoolService(session.database(), session.clock(), session.user()).sections()->isEmpty());
    CHECK(home->firstStepsBox()->isVisible());
    CHECK(stepsDone(*home) == 0);

    // "Ses ateliers": the settings, where workshops are added.
    QTest::mouseClick(home->findChild<QPushButton*>(QStringLiteral("step1")), Qt::LeftButton);
    CHECK(window.currentPage() == MainWindow::SettingsPageIndex);
    CHECK(window.findChild<QTabWidget*>(QStringLiteral("settingsTabs"))->currentWidget() ==
          window.findChild<SettingsPage*>());
    REQUIRE(SchoolService(session.database(), session.clock(), session.user())
                .addSection(QStringLiteral("Menuiserie")));
    // The catalogue's step opens the workshops' catalogue.
    window.openFirstStep(DashboardPage::FirstStep::Catalogue);
    CHECK(window.currentPage() == MainWindow::WorkshopsPageIndex);
    CHECK(window.findChild<CataloguePage*>()->isVisible());

    window.showPage(MainWindow::DashboardPageIndex);
    QTRY_COMPARE(stepsDone(*home), 1);
    CHECK(home->findChild<QLabel*>(QStringLiteral("stepMark1"))->property("done").toBool());
    CHECK(home->firstStepsBox()->isVisible());
}

TEST_CASE("The demo school has done its first steps: its home page does not show them", "[gui][firstday]")
{
    test::GuiDemo d("direction");
    DashboardPage home(d.session);
    home.show();
    CHECK(home.summary().firstSteps.done());
    CHECK_FALSE(home.firstStepsBox()->isVisible());
}

TEST_CASE("The first-run dialog asks for the workshops, the welcome says where the file will be",
          "[gui][firstday]")
{
    DirectorDialog dialog(true);
    auto* sections = dialog.findChild<QPlainTextEdit*>(QStringLiteral("sections"));
    REQUIRE(sections);
    sections->setPlainText(QStringLiteral("Mécanique\n\nMenuiserie\n"));
    CHECK(dialog.sections() == QStringList{QStringLiteral("Mécanique"), QStringLiteral("Menuiserie")});

    WelcomeDialog welcome;
    const QString where =
        welcome.findChild<QCommandLinkButton*>(QStringLiteral("createButton"))->description();
    const QString path = DatabaseActions::suggestedNewPath();
    CHECK(path.endsWith(QStringLiteral("/Établi/ecole.sqlite")));
    CHECK_FALSE(path.contains(QStringLiteral("/."))); // not in a hidden folder
    CHECK(where.contains(QDir::toNativeSeparators(path)));
    CHECK(where.contains(QStringLiteral("sauvegardes")));
}
