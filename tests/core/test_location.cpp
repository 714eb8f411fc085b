#include "storage/database.h"
#include "storage/databaselocation.h"
#include "support/catchqt.h"
#include "support/testdatabase.h"
#include "util/logging.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <spdlog/spdlog.h>

using namespace etabli;

TEST_CASE("A database location is a file or a postgresql:// URL", "[location]")
{
    auto pg = DatabaseLocation::parse(
        QStringLiteral("postgresql://ecole:s%40cret@serveur.local:5433/juralternance"));
    REQUIRE(pg);
    CHECK(pg->kind == DatabaseLocation::Kind::PostgreSQL);
    CHECK(pg->host == QStringLiteral("serveur.local"));
    CHECK(pg->port == 5433);
    CHECK(pg->user == QStringLiteral("ecole"));
    CHECK(pg->password == QStringLiteral("s@cret"));
    CHECK(pg->databaseName == QStringLiteral("juralternance"));
    CHECK_FALSE(pg->displayName().contains(QStringLiteral("cret")));
    auto again = DatabaseLocation::parse(pg->toString());
    REQUIRE(again);
    CHECK(again->password == QStringLiteral("s@cret"));

    auto defaults = DatabaseLocation::parse(QStringLiteral("postgres://u@h/db"));
    REQUIRE(defaults);
    CHECK(defaults->port == 5432);

    auto file = DatabaseLocation::parse(QStringLiteral("ecole.sqlite"));
    REQUIRE(file);
    CHECK(file->isSqlite());
    CHECK(file->path.endsWith(QStringLiteral("/ecole.sqlite")));
    CHECK(QDir::isAbsolutePath(file->path));
}

TEST_CASE("Bad database locations are refused in French", "[location]")
{
    for (const char* bad : {"", "   ", "postgresql://", "postgresql://host", "postgresql://host/",
                            "mysql://h/db", "postgresql://h/a/b"}) {
        INFO(bad);
        auto r = DatabaseLocation::parse(QString::fromUtf8(bad));
        REQUIRE_FALSE(r);
        CHECK(r.error().code == Error::Code::InvalidInput);
        CHECK_FALSE(r.error().message.isEmpty());
    }
}

TEST_CASE("A mistyped PostgreSQL address is shown as typed, its password masked", "[location]")
{
    for (const char* typed :
         {"postgresql://ecole:s3cr3t-Jura@serveur:99999/juralternance",
          "postgresql://ecole:s3cr3t-Jura@/juralternance", "postgres://ecole:s3cr3t-Jura@serveur/a/b"}) {
        INFO(typed);
        auto r = DatabaseLocation::parse(QString::fromUtf8(typed));
        REQUIRE_FALSE(r);
        INFO(r.error().message.toStdString() << " | " << r.error().detail.toStdString());
        CHECK_FALSE(r.error().message.contains(QStringLiteral("s3cr3t")));
        CHECK_FALSE(r.error().detail.contains(QStringLiteral("s3cr3t")));
        CHECK(r.error().message.contains(QStringLiteral("ecole:***@")));
    }
    CHECK(DatabaseLocation::maskPasswords(
              QStringLiteral("see postgresql://u:p@ss@h/db and postgres://v@h2/x")) ==
          QStringLiteral("see postgresql://u:***@h/db and postgres://v@h2/x"));
}

TEST_CASE("A PostgreSQL password never reaches the log nor a message, whatever fails", "[location][database]")
{
    const QString secret = QStringLiteral("s3cr3t-Jura-%1").arg(QCoreApplication::applicationPid());
    QStringList said;
    // Mistyped, then a server that does not answer, then one that does but with no such database.
    for (const QString& typed :
         {QStringLiteral("postgresql://ecole:%1@serveur:99999/juralternance").arg(secret),
          QStringLiteral("postgresql://ecole:%1@127.0.0.1:1/juralternance").arg(secret)}) {
        auto location = DatabaseLocation::parse(typed);
        if (!location) {
            said << location.error().message << location.error().detail;
            continue;
        }
        CHECK_FALSE(location->displayName().contains(secret));
        auto db = Database::open(*location, Database::OpenMode::OpenExisting);
        REQUIRE_FALSE(db);
        said << db.error().message << db.error().detail;
    }
    for (const QString& text : std::as_const(said))
        CHECK_FALSE(text.contains(secret));
    logging::get("storage")->flush();
    QFile log(logging::filePath());
    REQUIRE(log.open(QIODevice::ReadOnly));
    CHECK_FALSE(log.readAll().contains(secret.toUtf8()));
}

TEST_CASE("PostgreSQL: the password comes from PGPASSWORD or a .pgpass file, is asked for when "
          "missing and never reaches the log",
          "[location][database][postgresql][password]")
{
    const auto backends = test::backends();
    if (std::find(backends.begin(), backends.end(), "postgresql") == backends.end()) {
        SUCCEED("no PostgreSQL server for the tests");
        return;
    }
    test::TestDatabase t("postgresql");
    test::PasswordRole role(t);
    if (!role.isUsable()) {
        WARN("the PostgreSQL test server asks no password (scripts/test.sh sets one up)");
        return;
    }
    QTemporaryDir home;
    qunsetenv("PGPASSWORD");
    qputenv("PGPASSFILE", home.filePath(QStringLiteral("none")).toLocal8Bit()); // not the user's own
    const DatabaseLocation where = role.location();
    QStringList said;

    // None given: the server's demand, in French, with where to put it.
    auto missing = Database::open(where, Database::OpenMode::OpenExisting);
    REQUIRE_FALSE(missing);
    INFO(missing.error().message.toStdString() << " | " << missing.error().detail.toStdString());
    CHECK(missing.error().code == Error::Code::PasswordNeeded);
    CHECK(missing.error().message.contains(
        QStringLiteral("demande le mot de passe de « %1 »").arg(role.name())));
    CHECK(missing.error().message.contains(QStringLiteral("PGPASSWORD")));
    CHECK(missing.error().message.contains(QStringLiteral(".pgpass")));

    // A wrong one typed in the address: refused, and it is written nowhere.
    const QString wrong = QStringLiteral("Faux-%1").arg(role.password());
    DatabaseLocation mistyped = where;
    mistyped.password = wrong;
    auto refused = Database::open(mistyped, Database::OpenMode::OpenExisting);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code != Error::Code::PasswordNeeded);
    said << refused.error().message << refused.error().detail << missing.error().message
         << missing.error().detail;

    // A wrong one in PGPASSWORD: refused too, not asked again as if none had been given.
    qputenv("PGPASSWORD", wrong.toUtf8());
    auto wrongEnv = Database::open(where, Database::OpenMode::OpenExisting);
    REQUIRE_FALSE(wrongEnv);
    CHECK(wrongEnv.error().code != Error::Code::PasswordNeeded);
    said << wrongEnv.error().message << wrongEnv.error().detail;

    // The right one in PGPASSWORD: the address on the command line holds none.
    qputenv("PGPASSWORD", role.password().toUtf8());
    auto fromEnv = Database::open(where, Database::OpenMode::OpenExisting);
    REQUIRE(fromEnv);
    fromEnv->reset();
    qunsetenv("PGPASSWORD");

    // In a .pgpass file only its owner can read.
    const QString pgpass = home.filePath(QStringLiteral("pgpass"));
    {
        QFile f(pgpass);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("%1:%2:%3:%4:%5\n")
                    .arg(where.host)
                    .arg(where.port)
                    .arg(where.databaseName, role.name(), role.password())
                    .toUtf8());
    }
    QFile::setPermissions(pgpass, QFile::ReadOwner | QFile::WriteOwner);
    qputenv("PGPASSFILE", pgpass.toLocal8Bit());
    auto fromFile = Database::open(where, Database::OpenMode::OpenExisting);
    REQUIRE(fromFile);
    fromFile->reset();
    qunsetenv("PGPASSFILE");

    for (const QString& text : std::as_const(said)) {
        CHECK_FALSE(text.contains(role.password()));
    }
    logging::get("storage")->flush();
    QFile log(logging::filePath());
    REQUIRE(log.open(QIODevice::ReadOnly));
    const QByteArray logged = log.readAll();
    CHECK_FALSE(logged.contains(role.password().toUtf8()));
}
