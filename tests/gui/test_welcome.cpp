#include "gui/shell/databaseactions.h"
#include "gui/shell/welcomedialog.h"
#include "services/schoolservice.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QCommandLinkButton>
#include <QFileInfo>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

using namespace etabli;

TEST_CASE("The welcome dialog offers its ways in, in French", "[gui][welcome]")
{
    WelcomeDialog dialog;
    dialog.show();
    auto* create = dialog.findChild<QCommandLinkButton*>(QStringLiteral("createButton"));
    auto* demo = dialog.findChild<QCommandLinkButton*>(QStringLiteral("demoButton"));
    auto* open = dialog.findChild<QCommandLinkButton*>(QStringLiteral("openButton"));
    REQUIRE(create);
    REQUIRE(demo);
    REQUIRE(open);
    CHECK(create->text() == QStringLiteral("Créer la base de mon école"));
    CHECK(demo->text() == QStringLiteral("Découvrir l'école de démonstration"));
    CHECK(dialog.windowTitle() == QStringLiteral("Bienvenue dans Établi"));

    QTest::mouseClick(demo, Qt::LeftButton);
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.choice() == WelcomeDialog::Choice::Demo);
}

TEST_CASE("The welcome dialog is usable from the keyboard", "[gui][welcome]")
{
    WelcomeDialog dialog;
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    auto* create = dialog.findChild<QCommandLinkButton*>(QStringLiteral("createButton"));
    create->setFocus();
    QTest::keyClick(create, Qt::Key_Space);
    CHECK(dialog.choice() == WelcomeDialog::Choice::Create);

    WelcomeDialog other;
    other.show();
    QTest::keyClick(&other, Qt::Key_Escape);
    CHECK(other.result() == QDialog::Rejected);
    CHECK(other.choice() == WelcomeDialog::Choice::None);
}

TEST_CASE("Choosing the demonstration makes the demo school once, then reopens it", "[gui][welcome]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demonstration.sqlite"));
    {
        auto db = DatabaseActions::openDemo(path);
        REQUIRE(db);
        SystemClock clock;
        const UserContext nobody;
        SchoolService school(**db, clock, nobody);
        CHECK(school.identity()->name == QStringLiteral("Juralternance"));
        CHECK(school.isDemo());
    }
    const QByteArray first = test::fileHash(path);
    auto again = DatabaseActions::openDemo(path);
    REQUIRE(again);
    CHECK(QFileInfo(path).size() > 0);
}

TEST_CASE("Creating a school from the GUI's action makes a usable database", "[gui][welcome]")
{
    QTemporaryDir dir;
    const auto location = DatabaseLocation::sqlite(dir.filePath(QStringLiteral("mon-ecole.sqlite")));
    const SetupService::Director director{QStringLiteral("m.dupont"), QStringLiteral("Marie Dupont"),
                                          test::directorPassword()};
    auto db =
        DatabaseActions::createSchool(location, QStringLiteral("École de production de Roanne"), director,
                                      {QStringLiteral("Menuiserie"), QStringLiteral(" Usinage  ")});
    REQUIRE(db);
    SystemClock clock;
    const UserContext marie = test::logIn(**db, QStringLiteral("m.dupont"), test::directorPassword());
    CHECK(marie.role == Role::Direction);
    CHECK(SchoolService(**db, clock, marie).identity()->name ==
          QStringLiteral("École de production de Roanne"));
    CHECK_FALSE(SchoolService(**db, clock, marie).isDemo());
    // Its own workshops, not the sample school's.
    auto sections = SchoolService(**db, clock, marie).sections();
    REQUIRE(sections);
    REQUIRE(sections->size() == 2);
    CHECK(sections->at(0).name == QStringLiteral("Menuiserie"));
    CHECK(sections->at(1).name == QStringLiteral("Usinage"));
    db->reset();
    auto refused = DatabaseActions::createSchool(location, QStringLiteral("Autre"), director, {});
    REQUIRE_FALSE(refused);
}
