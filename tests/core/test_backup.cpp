#include "io/files.h"
#include "services/backupplan.h"
#include "services/backupservice.h"
#include "services/contactservice.h"
#include "services/personaldataservice.h"
#include "services/schoolservice.h"
#include "services/traineeimportservice.h"
#include "storage/backup.h"
#include "support/smalldisk.h"
#include "support/testdatabase.h"
#include "util/clock.h"
#include "util/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

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
    auto aside =
        Backup::restore(t.location().path, backup, QDateTime(QDate(2026, 11, 27), QTime(8, 0), Qt::UTC));
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
    const QList<QDate> sparse = {today,
                                 today.addDays(-30),
                                 today.addDays(-31),
                                 today.addDays(-100),
                                 today.addDays(-200),
                                 today.addDays(-300),
                                 today.addDays(-400)};
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

TEST_CASE("The database, its journal, backups, exports and the log are their owner's only", "[backup][files]")
{
#ifdef Q_OS_UNIX
    // Whatever the session's umask, the code itself sets the rights.
    const mode_t before = umask(022);
    const auto restore = qScopeGuard([before]() { umask(before); });
    const auto mode = [](const QString& path) {
        struct stat st
        {
        };
        REQUIRE(::stat(QFile::encodeName(path).constData(), &st) == 0);
        return static_cast<int>(st.st_mode & 0777);
    };
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ecole.sqlite"));
    auto db = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::CreateNew);
    REQUIRE(db);
    const UserContext director = test::createSchool(**db);
    CHECK(mode(path) == 0600);
    for (const QString& suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
        if (QFileInfo::exists(path + suffix))
            CHECK(mode(path + suffix) == 0600);

    BackupPlan plan(path);
    auto copy = plan.run(**db, QDate(2026, 11, 27));
    REQUIRE(copy);
    CHECK(mode(*copy) == 0600);
    CHECK(mode(plan.directory()) == 0700);
    const QString chosen = dir.filePath(QStringLiteral("cle-usb/copie.sqlite"));
    REQUIRE(Backup::hotCopy(**db, chosen));
    CHECK(mode(chosen) == 0600);

    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
    PersonalDataService gdpr(**db, clock, director);
    PersonalDataService::Export data;
    data.title = QStringLiteral("Données détenues sur un compte");
    data.baseName = QStringLiteral("donnees-test");
    auto written = gdpr.write(data, dir.path());
    REQUIRE(written);
    for (const QString& file : std::as_const(*written))
        CHECK(mode(file) == 0600);

    // The log the tests write, set up like the application's.
    REQUIRE_FALSE(logging::filePath().isEmpty());
    CHECK(mode(logging::filePath()) == 0600);
    CHECK(mode(QFileInfo(logging::filePath()).absolutePath()) == 0700);

    // A database made world-readable by an older version is tightened when opened to write.
    db->reset();
    REQUIRE(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ReadOther | QFileDevice::ReadGroup));
    REQUIRE(Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::OpenExisting));
    CHECK(mode(path) == 0600);
#else
    SUCCEED("file rights are the folder's on this system (docs/security.md)");
#endif
}

using test::SmallDisk;

TEST_CASE("A full disk is reported as a full disk, and leaves nothing behind", "[backup][files]")
{
    TestDatabase t;
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));

    // Writing: the database may not grow (SQLite answers as on a full disk).
    const qint64 pages = test::rawScalar(t.db(), QStringLiteral("PRAGMA page_count")).toLongLong();
    REQUIRE(test::rawExec(t.db(), QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));
    ContactService contacts(t.db(), clock, director);
    Result<qint64> added = 0;
    int written = 0;
    for (int i = 0; i < 2000 && added; ++i) {
        Contact c;
        c.name = QStringLiteral("Client %1 avec un nom assez long pour remplir les pages").arg(i);
        c.city = QStringLiteral("Dole");
        added = contacts.add(c, true);
        written += added ? 1 : 0;
    }
    REQUIRE_FALSE(added);
    INFO(added.error().message.toStdString());
    CHECK(added.error().code == Error::Code::DiskFull);
    CHECK(added.error().message.contains(QStringLiteral("disque est plein")));
    CHECK_FALSE(added.error().message.contains(QStringLiteral("endommag")));
    CHECK_FALSE(added.error().message.contains(QStringLiteral("Restaurer")));
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM contact")).toInt() == written);

    // Importing: the same words, and no trainee half-imported.
    QStringList lines{QStringLiteral("Nom;Prénom;Date de naissance;Sexe;Section;Date d'entrée;Année")};
    for (int i = 0; i < 300; ++i)
        lines << QStringLiteral("Nom%1;Prénom;12/03/2009;M;Pneus et services;02/09/2026;1").arg(i);
    TraineeImportService importer(t.db(), clock, director);
    auto preview = importer.prepare(lines.join(QStringLiteral("\r\n")).toUtf8());
    REQUIRE(preview);
    REQUIRE(preview->validCount() == 300);
    auto imported = importer.apply(*preview, false);
    REQUIRE_FALSE(imported);
    CHECK(imported.error().code == Error::Code::DiskFull);
    CHECK(imported.error().message.contains(QStringLiteral("disque est plein")));
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM trainee")).toInt() == 0);
    REQUIRE(test::rawExec(t.db(), QStringLiteral("PRAGMA max_page_count = 1073741823")));

    // Copying onto a disk too small for the copy.
    SmallDisk disk(64);
    if (!disk.mounted) {
        WARN("no tmpfs can be mounted here: the copy to a full disk is not tried");
        return;
    }
    BackupService backups(t.db(), clock, director);
    const auto exports = [&]() {
        return test::rawScalar(t.db(),
                               QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'database' "
                                              "AND action = 'export'"))
            .toInt();
    };
    const int before = exports();
    auto copied = backups.copyTo(disk.path(QStringLiteral("copie.sqlite")));
    REQUIRE_FALSE(copied);
    INFO(copied.error().message.toStdString());
    CHECK(copied.error().code == Error::Code::DiskFull);
    CHECK(copied.error().message.contains(QStringLiteral("disque est plein")));
    CHECK_FALSE(copied.error().message.contains(QStringLiteral("endommag")));
    CHECK(QDir(disk.dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
    CHECK(exports() == before); // not recorded as written

    // A file written on it (an export): the same words.
    const auto exported = files::write(disk.path(QStringLiteral("export.csv")), QByteArray(200 * 1024, 'x'));
    REQUIRE_FALSE(exported);
    INFO(exported.error().message.toStdString() << " | " << exported.error().detail.toStdString());
    CHECK(exported.error().code == Error::Code::DiskFull);
    CHECK(exported.error().message.contains(QStringLiteral("disque est plein")));
    CHECK(QDir(disk.dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());

    // Opening a database on a disk filled since: SQLite cannot make its
    // files beside it; a full disk, not a damaged file.
    t.close();
    SmallDisk full(2 * 1024);
    REQUIRE(full.mounted);
    const QString onFull = full.path(QStringLiteral("ecole.sqlite"));
    REQUIRE(QFile::copy(t.location().path, onFull));
    {
        QFile filler(full.path(QStringLiteral("remplissage")));
        REQUIRE(filler.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
    }
    auto opened = Database::open(DatabaseLocation::sqlite(onFull), Database::OpenMode::OpenExisting);
    REQUIRE_FALSE(opened);
    INFO(opened.error().message.toStdString() << " | " << opened.error().detail.toStdString());
    CHECK(opened.error().code == Error::Code::DiskFull);
    CHECK(opened.error().message.contains(QStringLiteral("disque est plein")));
    CHECK_FALSE(opened.error().message.contains(QStringLiteral("endommag")));
    CHECK_FALSE(opened.error().message.contains(QStringLiteral("sauvegarde")));
}

TEST_CASE("A database on a read-only medium is read and copied, with nothing created beside it",
          "[backup][files]")
{
    TestDatabase t;
    test::createSchool(t.db());
    t.close();
    SmallDisk medium(8 * 1024);
    if (!medium.mounted) {
        WARN("no tmpfs can be mounted here: the read-only medium is not tried");
        return;
    }
    const QString path = medium.path(QStringLiteral("ecole.sqlite"));
    REQUIRE(QFile::copy(t.location().path, path));
    REQUIRE(medium.makeReadOnly());
    const auto beside = [&]() { return medium.entries(); };
    {
        auto db = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::ReadOnly);
        REQUIRE(db);
        auto report = (*db)->checkIntegrity();
        REQUIRE(report);
        CHECK(report->quickCheck == QStringList{QStringLiteral("ok")});
        // The director logs in (nothing written, not even the login) and copies it.
        FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
        const UserContext director = test::logIn(**db, QStringLiteral("direction"), test::directorPassword());
        const QString copy = t.dir() + QStringLiteral("/depuis-le-cd.sqlite");
        REQUIRE(BackupService(**db, clock, director).copyTo(copy));
        CHECK(Backup::verify(copy));
        CHECK(beside() == QStringList{QStringLiteral("ecole.sqlite")});

        // Writing a file on the medium: the folder is named, and why.
        auto refused = files::write(medium.path(QStringLiteral("liste.csv")), QByteArray("x"));
        REQUIRE_FALSE(refused);
        INFO(refused.error().message.toStdString());
        CHECK(refused.error().code == Error::Code::ReadOnly);
        CHECK(refused.error().message.contains(QStringLiteral("Le dossier « %1 » est en lecture seule")
                                                   .arg(QDir::toNativeSeparators(medium.dir.path()))));
        CHECK(refused.error().message.contains(QStringLiteral("« liste.csv »")));
        auto backupRefused =
            BackupService(**db, clock, director).copyTo(medium.path(QStringLiteral("copie.sqlite")));
        REQUIRE_FALSE(backupRefused);
        CHECK(backupRefused.error().code == Error::Code::ReadOnly);
        CHECK(beside() == QStringList{QStringLiteral("ecole.sqlite")});
    }
    // Opening it to write is refused, said so, and changes nothing.
    auto written = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::OpenExisting);
    REQUIRE_FALSE(written);
    CHECK(written.error().code == Error::Code::ReadOnly);
    CHECK(beside() == QStringList{QStringLiteral("ecole.sqlite")});
}
