#include "services/contactservice.h"
#include "storage/batchinsert.h"
#include "storage/checklists.h"
#include "storage/database.h"
#include "storage/sqlquery.h"
#include "storage/transaction.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <limits>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace etabli;
using etabli::test::TestDatabase;

TEST_CASE("A new database gets every migration, on each backend", "[database]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    Database& db = t.db();
    CHECK(db.schemaVersion() == Database::latestSchemaVersion());
    CHECK(Database::latestSchemaVersion() >= 1);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT value FROM etabli_meta WHERE key = 'application'"))
              .toString() == QStringLiteral("etabli"));
    auto report = db.checkIntegrity();
    REQUIRE(report);
    CHECK(report->ok());

    // Reopening applies nothing and keeps the version.
    t.close();
    auto again = t.reopen();
    REQUIRE(again);
    CHECK((*again)->schemaVersion() == Database::latestSchemaVersion());
}

TEST_CASE("SQLite connections get the PRAGMAs the guide asks for", "[database][sqlite]")
{
    TestDatabase t;
    Database& db = t.db();
    CHECK(test::rawScalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt() == 1);
    CHECK(test::rawScalar(db, QStringLiteral("PRAGMA journal_mode")).toString() == QStringLiteral("wal"));
    CHECK(test::rawScalar(db, QStringLiteral("PRAGMA synchronous")).toInt() == 2); // FULL
    CHECK(test::rawScalar(db, QStringLiteral("PRAGMA busy_timeout")).toInt() >= 1000);
    CHECK(test::rawScalar(db, QStringLiteral("PRAGMA application_id")).toInt() == Database::kApplicationId);
    CHECK(test::rawScalar(db, QStringLiteral("PRAGMA cache_size")).toInt() == -32768); // 32 MiB
    // Foreign keys are enforced.
    CHECK_FALSE(
        test::rawExec(db, QStringLiteral("INSERT INTO trainee (last_name, first_name, sort_key, status, "
                                         "section_id, created_at, updated_at) VALUES ('A', 'B', 'a b', "
                                         "'enrolled', 999, 'x', 'x')")));
}

TEST_CASE("A database from a newer Établi is refused and left untouched", "[database]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    REQUIRE(test::rawExec(t.db(), QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) "
                                                 "VALUES (999, 'future', '2030-01-01T00:00:00Z')")));
    t.close();
    const QByteArray before = t.isSqlite() ? test::fileHash(t.location().path) : QByteArray();
    auto opened = t.reopen();
    REQUIRE_FALSE(opened);
    CHECK(opened.error().code == Error::Code::TooNew);
    CHECK(opened.error().message.contains(QStringLiteral("plus récente")));
    if (t.isSqlite())
        CHECK(test::fileHash(t.location().path) == before);
}

TEST_CASE("Missing, empty, foreign and corrupted files are refused without change", "[database][sqlite]")
{
    TestDatabase t;
    const QString dir = t.dir();

    SECTION("missing: not created")
    {
        const QString path = dir + QStringLiteral("/absente.sqlite");
        auto r = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::OpenExisting);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == Error::Code::NotFound);
        CHECK(r.error().message.contains(QStringLiteral("introuvable")));
        CHECK_FALSE(QFileInfo::exists(path));
        auto ro = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::ReadOnly);
        REQUIRE_FALSE(ro);
        CHECK_FALSE(QFileInfo::exists(path));
    }
    SECTION("a text file")
    {
        const QString path = dir + QStringLiteral("/notes.sqlite");
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("Liste des courses\n");
        f.close();
        const QByteArray before = test::fileHash(path);
        auto r = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::OpenExisting);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == Error::Code::Foreign);
        // Random bytes may be a damaged database: the same hint as one.
        CHECK(r.error().message.contains(QStringLiteral("Restaurer une sauvegarde")));
        CHECK(test::fileHash(path) == before);
        auto created = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::CreateNew);
        REQUIRE_FALSE(created);
        CHECK(test::fileHash(path) == before);
    }
    SECTION("another program's SQLite database")
    {
        const QString path = dir + QStringLiteral("/autre.sqlite");
        {
            TestDatabase other;
            // Build a plain SQLite file through a throw-away connection.
            QSqlDatabase raw =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw-foreign"));
            raw.setDatabaseName(path);
            REQUIRE(raw.open());
            QSqlQuery q(raw);
            REQUIRE(q.exec(QStringLiteral("CREATE TABLE contacts (nom TEXT)")));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw-foreign"));
        const QByteArray before = test::fileHash(path);
        auto r = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::OpenExisting);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == Error::Code::Foreign);
        CHECK(r.error().message.contains(QStringLiteral("n'appartient pas")));
        CHECK(test::fileHash(path) == before);
    }
    SECTION("a corrupted Établi database")
    {
        t.db();
        t.close();
        const QString path = t.location().path;
        // Trash the pages after the header: the file still "opens".
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        REQUIRE(size > 8192);
        f.seek(4096);
        f.write(QByteArray(static_cast<int>(size - 4096), '\x5a'));
        f.close();
        const QByteArray before = test::fileHash(path);
        auto r = t.reopen();
        REQUIRE_FALSE(r);
        CHECK(r.error().code == Error::Code::Corrupt);
        CHECK(r.error().message.contains(QStringLiteral("endommagé")));
        CHECK(test::fileHash(path) == before);
    }
    SECTION("an empty file is not an Établi database")
    {
        const QString path = dir + QStringLiteral("/vide.sqlite");
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.close();
        auto r = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::OpenExisting);
        REQUIRE_FALSE(r);
        CHECK(r.error().message.contains(QStringLiteral("Restaurer une sauvegarde")));
        CHECK(QFileInfo(path).size() == 0);
        // ...but a new school may be created in it.
        auto created = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::CreateNew);
        REQUIRE(created);
    }
    SECTION("CreateNew never overwrites an existing database")
    {
        t.db();
        t.close();
        const QByteArray before = test::fileHash(t.location().path);
        auto r = Database::open(t.location(), Database::OpenMode::CreateNew);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == Error::Code::Conflict);
        CHECK(test::fileHash(t.location().path) == before);
    }
}

TEST_CASE("A read-only open never writes", "[database][sqlite]")
{
    TestDatabase t;
    t.db();
    t.close();
    auto ro = t.reopen(Database::OpenMode::ReadOnly);
    REQUIRE(ro);
    CHECK((*ro)->isReadOnly());
    Transaction tx(**ro);
    auto begun = tx.begin();
    REQUIRE_FALSE(begun);
    CHECK(begun.error().code == Error::Code::ReadOnly);
    CHECK_FALSE(test::rawExec(**ro, QStringLiteral("UPDATE school SET name = 'x'")));
}

TEST_CASE("Every placeholder must be bound, and only those", "[database][sqlquery]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    Database& db = t.db();
    REQUIRE(test::rawExec(db, QStringLiteral("INSERT INTO section (name, name_key, created_at, updated_at) "
                                             "VALUES ('Atelier', 'atelier', 'x', 'x')")));
    {
        SqlQuery q(db);
        REQUIRE(q.prepare(
            QStringLiteral("UPDATE section SET trade = :trade, position = :position WHERE id = 1")));
        q.bind(QStringLiteral("trade"), QStringLiteral("Soudure"));
        auto r = q.exec();
        REQUIRE_FALSE(r);
        CHECK(r.error().detail.contains(QStringLiteral(":position")));
    }
    {
        SqlQuery q(db);
        REQUIRE(q.prepare(QStringLiteral("UPDATE section SET trade = :trade WHERE id = 1")));
        q.bind(QStringLiteral("trade"), QStringLiteral("Soudure")).bind(QStringLiteral("typo"), 1);
        REQUIRE_FALSE(q.exec());
    }
    // Nothing was written by the refused statements.
    CHECK(test::rawScalar(db, QStringLiteral("SELECT trade FROM section WHERE id = 1")).toString().isEmpty());
    // An empty text is stored as '' and a real null as NULL.
    SqlQuery q(db);
    REQUIRE(q.prepare(QStringLiteral("UPDATE section SET trade = :trade WHERE id = 1")));
    q.bind(QStringLiteral("trade"), QString());
    REQUIRE(q.exec());
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM section WHERE trade = ''")).toInt() == 1);
}

TEST_CASE(
    "A new row's id comes back from a plain insert and from an upsert, and prepared statements are reused",
    "[database][sqlquery]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    Database& db = t.db();
    StatementCache statements(db);
    const QString insert =
        QStringLiteral("INSERT INTO section (name, name_key, created_at, updated_at) VALUES "
                       "(:name, :key, 'x', 'x') RETURNING id");
    QList<qint64> ids;
    for (const QString& name :
         {QStringLiteral("Pneus"), QStringLiteral("Métallerie"), QStringLiteral("Bois")}) {
        SqlQuery& q = statements.prepare(insert);
        q.bind(QStringLiteral("name"), name).bind(QStringLiteral("key"), name.toLower());
        auto id = q.execReturningId();
        REQUIRE(id);
        CHECK(test::rawScalar(db, QStringLiteral("SELECT name FROM section WHERE id = %1").arg(*id))
                  .toString() == name);
        ids << *id;
    }
    CHECK(&statements.prepare(insert) == &statements.prepare(insert)); // the same statement, prepared once
    CHECK(ids.at(0) < ids.at(1));
    CHECK(ids.at(1) < ids.at(2));
    // Handed out again, a statement's bindings are forgotten: each must be bound anew.
    SqlQuery& again = statements.prepare(insert);
    again.bind(QStringLiteral("name"), QStringLiteral("Couture"));
    REQUIRE_FALSE(again.execReturningId());
    // An upsert that updates gives the existing row's id (not the connection's last insert).
    SqlQuery section(db);
    REQUIRE(
        section.prepare(QStringLiteral("INSERT INTO section (name, name_key, created_at, updated_at) VALUES "
                                       "('Pneus', 'pneus', 'y', 'y') ON CONFLICT (name_key) DO UPDATE SET "
                                       "updated_at = excluded.updated_at RETURNING id")));
    auto same = section.execReturningId();
    REQUIRE(same);
    CHECK(*same == ids.at(0));
}

TEST_CASE("A value comes back as it was given, from a statement run once or a prepared one run many times",
          "[database][sqlquery]")
{
    // On PostgreSQL a statement run once carries its values as literals in
    // its text (one round trip, decision 67), a StatementCache's is prepared:
    // both must keep every value exactly, and a value is never read as SQL.
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    Database& db = t.db();
    const bool pg = db.dialect() == Database::Dialect::PostgreSQL;
    SqlQuery ddl(db);
    REQUIRE(
        ddl.exec(pg ? QStringLiteral("CREATE TABLE probe (n INTEGER, t TEXT, i BIGINT, r DOUBLE PRECISION, "
                                     "b BYTEA, d TEXT, flag BOOLEAN)")
                    : QStringLiteral("CREATE TABLE probe (n INTEGER, t TEXT, i INTEGER, r REAL, b BLOB, "
                                     "d TEXT, flag INTEGER)")));
    QByteArray bytes;
    for (int c = 0; c < 256; ++c)
        bytes.append(static_cast<char>(c));
    const QStringList texts{QStringLiteral("l'atelier"),
                            QStringLiteral("''); DROP TABLE probe; --"),
                            QStringLiteral("C:\\pneus\\été \\x41"),
                            QStringLiteral(":t et $1 et ?"),
                            QStringLiteral("ligne\nsuivante\ttab"),
                            QStringLiteral("€ œ ß 中 🙂"),
                            QString(),
                            QStringLiteral("E'\\''")};
    const QString insert = QStringLiteral("INSERT INTO probe (n, t, i, r, b, d, flag) "
                                          "VALUES (:n, :t, :i, :r, :b, :d, :flag)");
    StatementCache statements(db);
    for (int n = 0; n < texts.size() * 2; ++n) {
        const bool once = n % 2 == 0;
        SqlQuery single(db);
        if (once)
            REQUIRE(single.prepare(insert));
        SqlQuery& q = once ? single : statements.prepare(insert);
        q.bind(QStringLiteral("n"), n)
            .bind(QStringLiteral("t"), texts.at(n / 2))
            .bind(QStringLiteral("i"), n % 4 == 1 ? std::numeric_limits<qint64>::max() : qint64{-n - 1})
            .bind(QStringLiteral("r"), 0.1 * n)
            .bind(QStringLiteral("b"), n == 5 ? QVariant() : QVariant(bytes))
            .bind(QStringLiteral("d"), QDate(2026, 2, 28).addDays(n))
            .bind(QStringLiteral("flag"), n % 3 == 0);
        REQUIRE(q.exec());
    }
    REQUIRE(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM probe")).toInt() == texts.size() * 2);
    // Read back through a placeholder used twice, with ":t" written in a
    // literal that must stay text.
    for (int n = 0; n < texts.size() * 2; ++n) {
        INFO(n);
        const bool once = n % 2 == 0;
        const QString select = QStringLiteral("SELECT t, i, r, b, d, flag, ':t -- :n' FROM probe "
                                              "WHERE n = :n AND (t = :t OR (t = '' AND :t = ''))");
        SqlQuery single(db);
        if (once)
            REQUIRE(single.prepare(select));
        SqlQuery& q = once ? single : statements.prepare(select);
        q.bind(QStringLiteral("n"), n).bind(QStringLiteral("t"), texts.at(n / 2));
        REQUIRE(q.exec());
        REQUIRE(q.next());
        CHECK(q.value(0).toString() == texts.at(n / 2));
        CHECK(q.value(1).toLongLong() == (n % 4 == 1 ? std::numeric_limits<qint64>::max() : qint64{-n - 1}));
        CHECK(q.value(2).toDouble() == Approx(0.1 * n));
        if (n == 5)
            CHECK(q.value(3).isNull());
        else
            CHECK(q.value(3).toByteArray() == bytes);
        CHECK(q.value(4).toString() == QDate(2026, 2, 28).addDays(n).toString(Qt::ISODate));
        CHECK(q.value(5).toBool() == (n % 3 == 0));
        CHECK(q.value(6).toString() == QStringLiteral(":t -- :n"));
        CHECK_FALSE(q.next());
    }
}

TEST_CASE("Rows written many per statement come back as they were given", "[database][sqlquery]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    Database& db = t.db();
    // More rows than a statement takes on PostgreSQL, texts that array and
    // SQL literals must quote, an empty text (NULLs: the import's test).
    const QStringList awkward{QStringLiteral("l'atelier"),      QStringLiteral("dit \"le chef\""),
                              QStringLiteral("C:\\pneus\\été"), QStringLiteral("{a,b}"),
                              QStringLiteral("NULL"),           QString(),
                              QStringLiteral("  espaces  "),    QStringLiteral("ligne\nsuivante"),
                              QStringLiteral("€ œ ß 中")};
    constexpr int Rows = 2500;
    Status written = inTransaction(db, [&]() -> Status {
        BatchInsert rows(db, QStringLiteral("section"),
                         {QStringLiteral("name"), QStringLiteral("name_key"), QStringLiteral("trade"),
                          QStringLiteral("position"), QStringLiteral("created_at"),
                          QStringLiteral("updated_at")});
        for (int i = 0; i < Rows; ++i) {
            if (auto r =
                    rows.add({QStringLiteral("Atelier %1").arg(i), QStringLiteral("atelier %1").arg(i),
                              awkward.at(i % awkward.size()), i, QStringLiteral("x"), QStringLiteral("x")});
                !r)
                return r;
        }
        CHECK(rows.pending() < rows.rowsPerStatement());
        return rows.flush();
    });
    REQUIRE(written);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM section")).toInt() == Rows);
    QSqlQuery q(db.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT name, trade, position FROM section ORDER BY position")));
    int i = 0;
    bool same = true;
    while (q.next()) {
        same = same && q.value(0).toString() == QStringLiteral("Atelier %1").arg(i) &&
               q.value(1).toString() == awkward.at(i % awkward.size()) && q.value(2).toInt() == i;
        ++i;
    }
    CHECK(i == Rows);
    CHECK(same);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM section WHERE trade = ''")).toInt() ==
          (Rows + awkward.size() - 1 - 5) / awkward.size());

    // A row the database refuses, deep in the batch: the error comes back and
    // the transaction leaves nothing.
    const int referrals = test::rawScalar(db, QStringLiteral("SELECT count(*) FROM referral")).toInt();
    Status refused = inTransaction(db, [&]() -> Status {
        BatchInsert rows(db, QStringLiteral("referral"),
                         {QStringLiteral("name"), QStringLiteral("name_key"), QStringLiteral("position")});
        for (int n = 0; n < 1500; ++n) {
            const int key = n == 1400 ? 3 : n; // the same key twice
            if (auto r = rows.add({QStringLiteral("Orienteur %1").arg(key),
                                   QStringLiteral("orienteur %1").arg(key), 100 + n});
                !r)
                return r;
        }
        return rows.flush();
    });
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == Error::Code::Conflict);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM referral")).toInt() == referrals);
    // Values that do not match the columns are refused before anything is sent.
    BatchInsert wrong(db, QStringLiteral("referral"), {QStringLiteral("name"), QStringLiteral("name_key")});
    CHECK_FALSE(wrong.add({QStringLiteral("seul")}));
}

TEST_CASE("A failed transaction leaves nothing behind", "[database][transaction]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    Database& db = t.db();
    Status result = inTransaction(db, [&]() -> Status {
        SqlQuery ok(db);
        if (auto r = ok.exec(QStringLiteral("INSERT INTO section (name, name_key, created_at, updated_at) "
                                            "VALUES ('Un', 'un', 'x', 'x')"));
            !r)
            return r;
        SqlQuery dup(db); // same name_key: refused by UNIQUE
        return dup.exec(QStringLiteral("INSERT INTO section (name, name_key, created_at, updated_at) "
                                       "VALUES ('UN', 'un', 'x', 'x')"));
    });
    REQUIRE_FALSE(result);
    CHECK(result.error().code == Error::Code::Conflict);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM section")).toInt() == 0);
    // The connection is usable again afterwards.
    CHECK(inTransaction(db, [&]() -> Status {
        SqlQuery q(db);
        return q.exec(QStringLiteral("INSERT INTO section (name, name_key, created_at, updated_at) "
                                     "VALUES ('Deux', 'deux', 'x', 'x')"));
    }));
}

TEST_CASE("The database refuses values outside the CHECKed enums", "[database]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    Database& db = t.db();
    CHECK_FALSE(
        test::rawExec(db, QStringLiteral("INSERT INTO school (id, name, vat_regime, created_at, updated_at) "
                                         "VALUES (1, 'X', 'inconnu', 'x', 'x')")));
    CHECK_FALSE(test::rawExec(db, QStringLiteral("INSERT INTO school (id, name, created_at, updated_at) "
                                                 "VALUES (2, 'Deuxième école', 'x', 'x')")));
    CHECK_FALSE(
        test::rawExec(db, QStringLiteral("INSERT INTO trainee (last_name, first_name, sort_key, status, "
                                         "created_at, updated_at) VALUES ('A', 'B', 'a b', 'parti', 'x', "
                                         "'x')")));
    CHECK_FALSE(
        test::rawExec(db, QStringLiteral("INSERT INTO trainee (last_name, first_name, sort_key, status, "
                                         "entry_date, exit_date, created_at, updated_at) VALUES ('A', 'B', "
                                         "'a b', 'left', '2025-09-01', '2024-06-30', 'x', 'x')")));
}

TEST_CASE("SQLite's lists of allowed values are written as comparisons that accept the same rows",
          "[database][sqlite]")
{
    // The rewriting alone: three values or more, over lines; two or fewer kept.
    CHECK(checkListsAsComparisons(QStringLiteral("kind TEXT CHECK (kind IN ('entry', 'return',\n"
                                                 "    'transfer')), sex TEXT CHECK (sex IN ('F', 'M')), "
                                                 "v INTEGER CHECK (v IN (1, 2, 3))")) ==
          QStringLiteral("kind TEXT CHECK ((kind = 'entry' OR kind = 'return' OR kind = 'transfer')), "
                         "sex TEXT CHECK (sex IN ('F', 'M')), v INTEGER CHECK ((v = 1 OR v = 2 OR v = 3))"));
    CHECK(checkListsAsComparisons(QStringLiteral("job TEXT CHECK (job IN ('', 'a', 'b'))")) ==
          QStringLiteral("job TEXT CHECK ((job = '' OR job = 'a' OR job = 'b'))"));

    // A new file: no list of three values is left in any table's definition,
    // and the constraints still refuse what they refused and accept NULL.
    TestDatabase t("sqlite");
    Database& db = t.db();
    SqlQuery q(db);
    REQUIRE(q.exec(QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'table'")));
    int tables = 0;
    while (q.next()) {
        INFO(q.value(0).toString().toStdString());
        CHECK(checkListsAsComparisons(q.value(1).toString()) == q.value(1).toString());
        ++tables;
    }
    CHECK(tables > 30);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT sql FROM sqlite_schema WHERE name = 'trainee_stay'"))
              .toString()
              .contains(QLatin1String("(kind = 'entry' OR kind = 'return' OR kind = 'transfer')")));
    CHECK(test::rawScalar(db, QStringLiteral("PRAGMA integrity_check")).toString() == QStringLiteral("ok"));
    REQUIRE(
        test::rawExec(db, QStringLiteral("INSERT INTO trainee (id, last_name, first_name, sort_key, "
                                         "created_at, updated_at) VALUES (1, 'A', 'B', 'a b', 'x', 'x')")));
    CHECK_FALSE(test::rawExec(db, QStringLiteral("INSERT INTO trainee_stay (trainee_id, kind, start_date) "
                                                 "VALUES (1, 'séjour', '2025-09-01')")));
    CHECK(test::rawExec(db, QStringLiteral("INSERT INTO trainee_stay (trainee_id, kind, start_date) "
                                           "VALUES (1, 'transfer', '2025-09-01')")));
    CHECK_FALSE(test::rawExec(db, QStringLiteral("UPDATE trainee SET exit_reason = 'parti' WHERE id = 1")));
    CHECK(test::rawExec(db, QStringLiteral("UPDATE trainee SET exit_reason = NULL WHERE id = 1")));
}

TEST_CASE("A database locked by another program is refused without waiting forever", "[database][sqlite]")
{
    TestDatabase t;
    t.db();
    t.close();
    // Another program holds a write transaction.
    QSqlDatabase other =
        QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other-program"));
    other.setDatabaseName(t.location().path);
    REQUIRE(other.open());
    {
        QSqlQuery lock(other);
        REQUIRE(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
        auto r = t.reopen();
        REQUIRE_FALSE(r);
        CHECK(r.error().code == Error::Code::Busy);
        CHECK(r.error().message.contains(QStringLiteral("verrouillée")));
        QSqlQuery rollback(other);
        REQUIRE(rollback.exec(QStringLiteral("ROLLBACK")));
    }
    other.close();
    other = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("other-program"));
    CHECK(t.reopen());
}

TEST_CASE("PostgreSQL: the daily role writes rows but cannot switch off what protects the trail",
          "[database][access][postgresql]")
{
    const auto backends = test::backends();
    if (std::find(backends.begin(), backends.end(), "postgresql") == backends.end()) {
        SUCCEED("no PostgreSQL server for the tests");
        return;
    }
    TestDatabase t("postgresql");
    {
        // Made by an older version: the daily role must not be able to upgrade it.
        Database::setMigrationCeiling(21);
        const auto restore = qScopeGuard([]() { Database::setMigrationCeiling(0); });
        REQUIRE(t.db().schemaVersion() == 21);
    }
    const QString role = QStringLiteral("etabli_daily_%1").arg(QCoreApplication::applicationPid());
    REQUIRE(test::rawExec(t.db(), QStringLiteral("CREATE ROLE %1 LOGIN").arg(role)));
    const auto dropRole = qScopeGuard([&]() {
        test::rawExec(t.db(), QStringLiteral("DROP OWNED BY %1").arg(role));
        test::rawExec(t.db(), QStringLiteral("DROP ROLE %1").arg(role));
    });
    CHECK_FALSE(t.db().grantDailyRole(QStringLiteral("x; DROP TABLE trainee")));
    REQUIRE(t.db().grantDailyRole(role));
    DatabaseLocation daily = t.location();
    daily.user = role;
    daily.password.clear();
    {
        auto refused = Database::open(daily, Database::OpenMode::OpenExisting);
        REQUIRE_FALSE(refused);
        INFO(refused.error().message.toStdString() << " | " << refused.error().detail.toStdString());
        CHECK(refused.error().code == Error::Code::AccessDenied);
        CHECK(refused.error().message.contains(QStringLiteral("etabli-cli migrate")));
    }
    t.close();
    REQUIRE(t.db().schemaVersion() == Database::latestSchemaVersion()); // the owner upgrades
    REQUIRE(t.db().grantDailyRole(role));                               // and gives the new tables' rights
    const UserContext director = test::createSchool(t.db());

    auto db = Database::open(daily, Database::OpenMode::OpenExisting);
    REQUIRE(db);
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
    Contact c;
    c.name = QStringLiteral("Garage du Doubs");
    REQUIRE(ContactService(**db, clock, director).add(c, true));
    CHECK(test::rawScalar(**db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'contact'"))
              .toInt() == 1);
    for (const char* forbidden :
         {"ALTER TABLE audit_log DISABLE TRIGGER ALL", "ALTER TABLE invoice DISABLE TRIGGER ALL",
          "ALTER TABLE tax_receipt DISABLE TRIGGER ALL", "ALTER TABLE payment DISABLE TRIGGER ALL",
          "DROP TRIGGER audit_log_no_change ON audit_log", "DELETE FROM audit_log", "TRUNCATE audit_log",
          "UPDATE audit_log SET changes = ''", "DROP TABLE audit_log", "CREATE TABLE intruder (x INTEGER)"}) {
        INFO(forbidden);
        CHECK_FALSE(test::rawExec(**db, QString::fromLatin1(forbidden)));
    }
    db->reset();
}

TEST_CASE("PostgreSQL: a lost connection says so in French and the same database reconnects",
          "[database][postgresql][connection]")
{
    const auto backends = test::backends();
    if (std::find(backends.begin(), backends.end(), "postgresql") == backends.end()) {
        SUCCEED("no PostgreSQL server for the tests");
        return;
    }
    TestDatabase t("postgresql");
    const UserContext director = test::createSchool(t.db());
    // The application's own login role, which an administrator can stop.
    const QString role = QStringLiteral("etabli_lost_%1").arg(QCoreApplication::applicationPid());
    REQUIRE(test::rawExec(t.db(), QStringLiteral("CREATE ROLE %1 LOGIN").arg(role)));
    const auto dropRole = qScopeGuard([&]() {
        test::rawExec(t.db(), QStringLiteral("DROP OWNED BY %1").arg(role));
        test::rawExec(t.db(), QStringLiteral("DROP ROLE %1").arg(role));
    });
    REQUIRE(t.db().grantDailyRole(role));
    DatabaseLocation daily = t.location();
    daily.user = role;
    auto opened = Database::open(daily, Database::OpenMode::OpenExisting);
    REQUIRE(opened);
    Database& db = **opened;
    int offered = 0;
    db.setConnectionLostHandler([&offered]() { ++offered; });
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
    ContactService contacts(db, clock, director);
    const auto cutOff = [&]() {
        const qint64 pid = test::rawScalar(db, QStringLiteral("SELECT pg_backend_pid()")).toLongLong();
        test::pgAdminExec(QStringLiteral("SELECT pg_terminate_backend(%1, 5000)").arg(pid));
    };

    // A read finds the connection gone: said in French, the driver's words only in the detail.
    cutOff();
    auto lost = contacts.count(ContactFilter{});
    REQUIRE_FALSE(lost);
    INFO(lost.error().message.toStdString() << " | " << lost.error().detail.toStdString());
    CHECK(lost.error().code == Error::Code::ConnectionLost);
    CHECK(db.isConnectionLost());
    CHECK(lost.error().message.contains(QStringLiteral("connexion au serveur")));
    CHECK(lost.error().message.contains(QStringLiteral("reconnectez")));
    CHECK_FALSE(lost.error().message.contains(QStringLiteral("server")));
    CHECK_FALSE(lost.error().detail.isEmpty());
    CHECK(offered == 1);
    CHECK_FALSE(contacts.count(ContactFilter{})); // offered once, not at every failed query
    CHECK(offered == 1);

    // Reconnecting gives the same database back.
    REQUIRE(db.reconnect());
    CHECK_FALSE(db.isConnectionLost());
    auto before = contacts.count(ContactFilter{});
    REQUIRE(before);

    // A write begins by reconnecting: nothing had been started, nothing is lost.
    cutOff();
    Contact c;
    c.name = QStringLiteral("Garage du Doubs");
    REQUIRE(contacts.add(c, true));
    CHECK(*contacts.count(ContactFilter{}) == *before + 1);
    CHECK(offered == 2);

    // The server refuses to take us back: said so, and the next try says so again.
    cutOff();
    REQUIRE(test::rawExec(t.db(), QStringLiteral("ALTER ROLE %1 NOLOGIN").arg(role)));
    auto refused = db.reconnect();
    REQUIRE_FALSE(refused);
    INFO(refused.error().message.toStdString());
    CHECK(refused.error().code == Error::Code::ConnectionLost);
    CHECK(refused.error().message.contains(QStringLiteral("réessayez")));
    auto stillDown = contacts.add(c, true);
    REQUIRE_FALSE(stillDown);
    CHECK(stillDown.error().code == Error::Code::ConnectionLost);
    REQUIRE(test::rawExec(t.db(), QStringLiteral("ALTER ROLE %1 LOGIN").arg(role)));
    REQUIRE(db.reconnect());
    CHECK(*contacts.count(ContactFilter{}) == *before + 1);
    opened->reset();
}

TEST_CASE("A committed transaction tells what it changed, once, and a rolled-back one tells nothing",
          "[database][changes]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    QList<DataKinds> told;
    t.db().setChangeListener([&told](DataKinds kinds) { told << kinds; });
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
    ContactService contacts(t.db(), clock, director);
    Contact c;
    c.name = QStringLiteral("Garage du Doubs");
    {
        // Services compose inside one transaction: one notice at its end.
        Transaction outer(t.db());
        REQUIRE(outer.begin());
        REQUIRE(contacts.add(c, true));
        REQUIRE(contacts.add(c, true));
        CHECK(told.isEmpty());
        REQUIRE(outer.commit());
    }
    REQUIRE(told.size() == 1);
    CHECK(told.first().testFlag(DataKind::Contacts));
    CHECK(told.first().testFlag(DataKind::Audit));
    CHECK_FALSE(told.first().testFlag(DataKind::Invoices));
    told.clear();
    {
        Transaction undone(t.db());
        REQUIRE(undone.begin());
        REQUIRE(contacts.add(c, true));
        undone.rollback();
    }
    CHECK(told.isEmpty());
    REQUIRE(contacts.add(c, true)); // the next commit tells only its own change
    REQUIRE(told.size() == 1);
    CHECK(told.first() == (DataKinds(DataKind::Contacts) | DataKind::Audit));
    t.db().setChangeListener({});
}
