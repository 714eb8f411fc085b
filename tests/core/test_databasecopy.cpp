// A school moved between SQLite and PostgreSQL, both ways (issue 20, item 3).

#include "services/backupservice.h"
#include "storage/databasecheck.h"
#include "storage/databasecopy.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>
#include <QDateTime>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <thread>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {

bool hasPostgreSQL()
{
    return test::backends().size() > 1;
}

// Every row of a table, each as one line of its values in column order,
// sorted: two tables hold the same rows when their lists are equal.
QStringList rowsOf(Database& db, const QString& table)
{
    QSqlQuery q(db.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT * FROM %1").arg(table)));
    QStringList rows;
    while (q.next()) {
        QStringList values;
        for (int c = 0; c < q.record().count(); ++c) {
            const QVariant v = q.value(c);
            values << (v.isNull()                            ? QStringLiteral("NULL")
                       : v.typeId() == QMetaType::QByteArray ? QString::fromLatin1(v.toByteArray().toHex())
                                                             : v.toString());
        }
        rows << values.join(QLatin1Char('|'));
    }
    rows.sort();
    return rows;
}

QStringList sqliteTables(Database& db)
{
    QSqlQuery q(db.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                  "'sqlite_%' AND name NOT LIKE '%_search_%' ORDER BY name")));
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

qint64 schools(Database& db)
{
    return test::rawScalar(db, QStringLiteral("SELECT count(*) FROM school")).toLongLong();
}

} // namespace

TEST_CASE("The school demo moved to PostgreSQL and back is the same, row for row",
          "[databasecopy][postgresql]")
{
    if (!hasPostgreSQL()) {
        WARN("No PostgreSQL test server (ETABLI_TEST_PG): the move is not tried.");
        return;
    }
    TestDatabase original("sqlite", test::DemoSpec::school());
    TestDatabase server("postgresql"); // an empty database, as the school's server has it
    QTemporaryDir dir;
    const DatabaseLocation back = DatabaseLocation::sqlite(dir.filePath(QStringLiteral("copie.sqlite")));

    QStringList seen;
    auto there = DatabaseCopy::move(original.location(), server.location(),
                                    [&seen](const QString& table) { seen << table; });
    REQUIRE(there);
    CHECK(there->check.ok());
    CHECK(seen.contains(QStringLiteral("audit_log")));
    CHECK(seen.indexOf(QStringLiteral("contact")) < seen.indexOf(QStringLiteral("invoice")));
    for (const DatabaseCopy::TableRows& t : there->tables) {
        INFO(t.table.toStdString());
        CHECK(t.source == t.target);
    }
    // The file is marked: opened again, it says where the school went.
    CHECK(there->sourceMarked);
    const auto mark = DatabaseCopy::movedTo(original.db());
    REQUIRE(mark);
    CHECK(mark->where == server.location().displayName());
    CHECK(std::abs(mark->at.secsTo(QDateTime::currentDateTimeUtc())) < 600);

    auto home = DatabaseCopy::move(server.location(), back);
    REQUIRE(home);
    CHECK(home->check.ok());
    CHECK_FALSE(home->sourceMarked); // a server's backup leaves the server as it is

    // Compared here, outside the copy's own checks: every table, every row.
    auto copy = Database::open(back, Database::OpenMode::ReadOnly);
    REQUIRE(copy);
    Database& first = original.db();
    const QStringList tables = sqliteTables(first);
    REQUIRE(tables.size() > 50);
    CHECK(sqliteTables(**copy) == tables);
    for (const QString& table : tables) {
        INFO(table.toStdString());
        QStringList before = rowsOf(first, table);
        if (table == QLatin1String("etabli_meta")) // the mark stays with the moved file alone
            before.removeIf([](const QString& row) { return row.startsWith(QLatin1String("moved_to|")); });
        CHECK(rowsOf(**copy, table) == before);
    }
    CHECK_FALSE(DatabaseCopy::movedTo(**copy));
    // The searches answer as before: their tables were made again.
    for (const QString& search : {QStringLiteral("invoice_search"), QStringLiteral("contact_search"),
                                  QStringLiteral("production_search")})
        CHECK(rowsOf(**copy, search) == rowsOf(first, search));
    auto checked = DatabaseCheck::run(**copy);
    REQUIRE(checked);
    CHECK(checked->ok());
    CHECK(checked->chainsChecked);

    // The server's copy goes on numbering after the copied rows.
    auto onServer = server.reopen();
    REQUIRE(onServer);
    CHECK_FALSE(DatabaseCopy::movedTo(**onServer));
    const qint64 lastContact =
        test::rawScalar(**onServer, QStringLiteral("SELECT max(id) FROM contact")).toLongLong();
    REQUIRE(test::rawExec(
        **onServer,
        QStringLiteral("INSERT INTO contact (name, name_key, created_at, updated_at) VALUES ('Nouveau', "
                       "'nouveau', '2026-12-04T10:00:00Z', '2026-12-04T10:00:00Z')")));
    CHECK(test::rawScalar(**onServer, QStringLiteral("SELECT max(id) FROM contact")).toLongLong() ==
          lastContact + 1);
}

TEST_CASE("A move refuses a target that holds a school, an existing file, the same database",
          "[databasecopy]")
{
    TestDatabase original("sqlite", test::DemoSpec::school());
    const auto backend = GENERATE(from_range(test::backends()));
    TestDatabase other(backend);
    test::createSchool(other.db(), QStringLiteral("Une autre école"));
    other.close();

    auto refused = DatabaseCopy::move(original.location(), other.location());
    REQUIRE_FALSE(refused);
    if (backend == "sqlite") {
        CHECK(refused.error().message.contains(QStringLiteral("existe déjà")));
    } else {
        CHECK(refused.error().code == Error::Code::Conflict);
        CHECK(refused.error().message.contains(QStringLiteral("contient déjà une école")));
    }
    // Nothing changed there.
    CHECK(schools(other.db()) == 1);
    CHECK(test::rawScalar(other.db(), QStringLiteral("SELECT name FROM school")).toString() ==
          QStringLiteral("Une autre école"));

    auto same = DatabaseCopy::move(original.location(), original.location());
    REQUIRE_FALSE(same);
    CHECK(same.error().code == Error::Code::InvalidInput);
}

TEST_CASE("A move cut in the middle leaves the server's database without a school",
          "[databasecopy][postgresql]")
{
    if (!hasPostgreSQL()) {
        WARN("No PostgreSQL test server (ETABLI_TEST_PG): the cut is not tried.");
        return;
    }
    TestDatabase original("sqlite", test::DemoSpec::school());
    TestDatabase server("postgresql");
    // The network goes when the invoices are being copied: every connection
    // to the target is ended by the server.
    const QString name = server.location().databaseName;
    auto cut = DatabaseCopy::move(original.location(), server.location(), [&name](const QString& table) {
        if (table == QLatin1String("invoice"))
            test::pgAdminScalar(
                QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                               "datname = '%1' AND pid <> pg_backend_pid()")
                    .arg(name));
    });
    REQUIRE_FALSE(cut);
    auto after = server.reopen();
    REQUIRE(after);
    auto empty = DatabaseCopy::holdsNoSchool(**after);
    REQUIRE(empty);
    CHECK(*empty);
    CHECK(test::rawScalar(**after, QStringLiteral("SELECT count(*) FROM invoice")).toLongLong() == 0);
    after->reset();

    // The same move, tried again, goes through.
    auto again = DatabaseCopy::move(original.location(), server.location());
    REQUIRE(again);
}

TEST_CASE("Two PCs moving a school onto one server at once: one copy, the other refused",
          "[databasecopy][postgresql]")
{
    if (!hasPostgreSQL()) {
        WARN("No PostgreSQL test server (ETABLI_TEST_PG): the race is not tried.");
        return;
    }
    TestDatabase original("sqlite", test::DemoSpec::school());
    TestDatabase server("postgresql");
    {
        // Made once: both then find the schema and race for the school.
        auto made = Database::open(server.location(), Database::OpenMode::CreateNew);
        REQUIRE(made);
    }
    std::atomic<int> done{0};
    std::atomic<int> refused{0};
    const auto moveOne = [&]() {
        auto r = DatabaseCopy::move(original.location(), server.location());
        if (r)
            ++done;
        else if (r.error().code == Error::Code::Conflict)
            ++refused;
    };
    std::thread a(moveOne);
    std::thread b(moveOne);
    a.join();
    b.join();
    CHECK(done == 1);
    CHECK(refused == 1);
    auto onServer = server.reopen();
    REQUIRE(onServer);
    CHECK_FALSE(DatabaseCopy::movedTo(**onServer));
    CHECK(schools(**onServer) == 1);
}

TEST_CASE("A PostgreSQL database is backed up as a verified SQLite file",
          "[databasecopy][backup][postgresql]")
{
    if (!hasPostgreSQL()) {
        WARN("No PostgreSQL test server (ETABLI_TEST_PG): the backup is not tried.");
        return;
    }
    TestDatabase server("postgresql", test::DemoSpec::school());
    const UserContext director =
        test::logIn(server.db(), QStringLiteral("direction"), QStringLiteral("etabli-demo-2026"));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("sauvegardes/ecole-2026-11-27.sqlite"));
    SystemClock clock;
    REQUIRE(BackupService(server.db(), clock, director).copyTo(file));
    REQUIRE(QFile::exists(file));
    CHECK((QFile::permissions(file) & (QFile::ReadGroup | QFile::ReadOther)) == 0);
    auto copy = Database::open(DatabaseLocation::sqlite(file), Database::OpenMode::ReadOnly);
    REQUIRE(copy);
    auto differences = DatabaseCopy::compare(server.db(), **copy);
    REQUIRE(differences);
    // Only the server's trail differs: the copy was written on it once taken.
    REQUIRE_FALSE(differences->isEmpty());
    for (const QString& d : std::as_const(*differences))
        CHECK(d.contains(QStringLiteral("audit_log")));
    auto checked = DatabaseCheck::run(**copy);
    REQUIRE(checked);
    CHECK(checked->ok());
}

TEST_CASE("A move into the server as the PCs' daily role is refused, nothing copied",
          "[databasecopy][postgresql]")
{
    if (!hasPostgreSQL()) {
        WARN("No PostgreSQL test server (ETABLI_TEST_PG): not tried.");
        return;
    }
    TestDatabase original("sqlite", test::DemoSpec::school());
    TestDatabase server("postgresql");
    server.db(); // the tables, made by their owner
    test::PasswordRole daily(server);
    if (!daily.isUsable()) {
        WARN("The PostgreSQL test server asks no password (scripts/test.sh sets one up).");
        return;
    }
    DatabaseLocation asDaily = daily.location();
    asDaily.password = daily.password();
    auto refused = DatabaseCopy::move(original.location(), asDaily);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == Error::Code::AccessDenied);
    CHECK(refused.error().message.contains(QStringLiteral("rôle propriétaire")));
    auto empty = DatabaseCopy::holdsNoSchool(server.db());
    REQUIRE(empty);
    CHECK(*empty);
}

TEST_CASE("Before a move, the server's database is checked without being changed",
          "[databasecopy][postgresql]")
{
    if (!hasPostgreSQL()) {
        WARN("No PostgreSQL test server (ETABLI_TEST_PG): not tried.");
        return;
    }
    TestDatabase server("postgresql");
    server.db(); // made by its owner, as server init does
    REQUIRE(test::rawExec(server.db(), QStringLiteral("INSERT INTO etabli_meta (key, value) VALUES "
                                                      "('pg_daily_role', 'etabli_postes')")));
    auto ready = DatabaseCopy::readyToReceive(server.location());
    REQUIRE(ready);
    CHECK(*ready == QStringLiteral("etabli_postes"));

    SECTION("as the daily role: refused, the owner is named")
    {
        test::PasswordRole daily(server);
        if (!daily.isUsable()) {
            WARN("The PostgreSQL test server asks no password (scripts/test.sh sets one up).");
            return;
        }
        DatabaseLocation asDaily = daily.location();
        asDaily.password = daily.password();
        auto refused = DatabaseCopy::readyToReceive(asDaily);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == Error::Code::AccessDenied);
        CHECK(refused.error().message.contains(QStringLiteral("rôle propriétaire")));
    }
    SECTION("holding a school already: refused")
    {
        test::createSchool(server.db());
        auto refused = DatabaseCopy::readyToReceive(server.location());
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == Error::Code::Conflict);
        CHECK(refused.error().message.contains(QStringLiteral("contient déjà une école")));
    }
    SECTION("a wrong password: said as such")
    {
        test::PasswordRole daily(server);
        if (!daily.isUsable())
            return;
        DatabaseLocation wrong = daily.location();
        wrong.password = QStringLiteral("pas-le-bon");
        auto refused = DatabaseCopy::readyToReceive(wrong);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == Error::Code::WrongPassword);
    }
    CHECK(schools(server.db()) <= 1);
}
