#include "services/backupplan.h"
#include "services/schoolservice.h"
#include "storage/backup.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <catch2/catch.hpp>

using namespace etabli;
using etabli::test::TestDatabase;

TEST_CASE("A hot copy of a live database is complete and verified", "[backup]")
{
    TestDatabase t;
    SystemClock clock;
    const UserContext director = test::createSchool(t.db());
    const QString target = t.dir() + QStringLiteral("/copies/copie.sqlite");
    REQUIRE(Backup::hotCopy(t.db(), target));
    REQUIRE(QFileInfo::exists(target));
    CHECK(Backup::verify(target));
    auto copy = Database::open(DatabaseLocation::sqlite(target), Database::OpenMode::ReadOnly);
    REQUIRE(copy);
    CHECK(SchoolService(**copy, clock, director).identity()->name == QStringLiteral("Juralternance"));
    // No temporary file is left beside it.
    CHECK(QDir(t.dir() + QStringLiteral("/copies")).entryList(QDir::Files | QDir::Hidden).size() == 1);

    SECTION("an existing target is not replaced")
    {
        const QByteArray before = test::fileHash(target);
        auto again = Backup::hotCopy(t.db(), target);
        REQUIRE_FALSE(again);
        CHECK(again.error().code == Error::Code::Conflict);
        CHECK(test::fileHash(target) == before);
    }
    SECTION("the database itself is not a target")
    {
        CHECK_FALSE(Backup::hotCopy(t.db(), t.location().path, true));
    }
}

TEST_CASE("Restoring keeps the current file aside and never overwrites blind", "[backup]")
{
    TestDatabase t;
    SystemClock clock;
    const UserContext director = test::createSchool(t.db(), QStringLiteral("Avant"));
    const QString backup = t.dir() + QStringLiteral("/sauvegarde.sqlite");
    REQUIRE(Backup::hotCopy(t.db(), backup));
    SchoolIdentity s = *SchoolService(t.db(), clock, director).identity();
    s.name = QStringLiteral("Après");
    REQUIRE(SchoolService(t.db(), clock, director).saveIdentity(s));
    t.close();

    const QByteArray current = test::fileHash(t.location().path);
    auto aside = Backup::restore(t.location().path, backup, QDateTime(QDate(2026, 11, 27), QTime(8, 0), Qt::UTC));
    REQUIRE(aside);
    CHECK(test::fileHash(*aside) == current);
    CHECK(SchoolService(t.db(), clock, director).identity()->name == QStringLiteral("Avant"));

    SECTION("a damaged backup is refused before anything moves")
    {
        t.close();
        const QString bad = t.dir() + QStringLiteral("/abimee.sqlite");
        QFile f(bad);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("pas une base");
        f.close();
        const QByteArray before = test::fileHash(t.location().path);
        auto r = Backup::restore(t.location().path, bad, QDateTime::currentDateTimeUtc());
        REQUIRE_FALSE(r);
        CHECK(test::fileHash(t.location().path) == before);
    }
}

TEST_CASE("Automatic backups keep 7 days and the last 4 weeks", "[backup]")
{
    const QDate today(2026, 11, 27); // a Friday
    QList<QDate> dates;
    for (int i = 0; i < 60; ++i)
        dates << today.addDays(-i);
    const QList<QDate> kept = BackupPlan::keep(dates, today);
    // The 7 most recent days...
    for (int i = 0; i < 7; ++i)
        CHECK(kept.contains(today.addDays(-i)));
    // ...plus one per week for the 4 weeks before: 11 in all.
    CHECK(kept.size() == 11);
    CHECK_FALSE(kept.contains(today.addDays(-59)));
    // The weekly ones are the newest of their week.
    CHECK(kept.contains(QDate(2026, 11, 20)));
    CHECK_FALSE(kept.contains(QDate(2026, 11, 19)));

    // Gaps (holidays) do not matter: older weeks are still found.
    const QList<QDate> sparse = {today, today.addDays(-30), today.addDays(-31), today.addDays(-100),
                                 today.addDays(-200), today.addDays(-300), today.addDays(-400)};
    const QList<QDate> keptSparse = BackupPlan::keep(sparse, today);
    CHECK(keptSparse.size() == 5);
    CHECK_FALSE(keptSparse.contains(today.addDays(-31)));
}

TEST_CASE("The automatic backup writes today's copy and rotates", "[backup]")
{
    TestDatabase t;
    SystemClock clock;
    const UserContext director = test::createSchool(t.db());
    BackupPlan plan(t.location().path);
    const QDate today(2026, 11, 27);
    // Old copies from earlier runs.
    QDir().mkpath(plan.directory());
    for (int i = 1; i < 40; ++i)
        REQUIRE(QFile::copy(t.location().path, plan.fileFor(today.addDays(-i))));
    auto written = plan.run(t.db(), today);
    REQUIRE(written);
    CHECK(*written == plan.fileFor(today));
    const auto entries = plan.list();
    CHECK(entries.size() == 11);
    CHECK(entries.first().date == today);
    CHECK(Backup::verify(*written));
    // Running again the same day replaces today's copy.
    REQUIRE(plan.run(t.db(), today));
    CHECK(plan.list().size() == 11);
}
