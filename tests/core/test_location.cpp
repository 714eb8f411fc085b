#include "storage/database.h"
#include "storage/databaselocation.h"
#include "support/catchqt.h"
#include "util/logging.h"

#include <catch2/catch.hpp>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
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
