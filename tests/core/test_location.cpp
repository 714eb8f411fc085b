#include "support/catchqt.h"
#include "storage/databaselocation.h"

#include <QDir>

#include <catch2/catch.hpp>

using namespace etabli;

TEST_CASE("A database location is a file or a postgresql:// URL", "[location]")
{
    auto pg = DatabaseLocation::parse(QStringLiteral("postgresql://ecole:s%40cret@serveur.local:5433/juralternance"));
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
    for (const char* bad : {"", "   ", "postgresql://", "postgresql://host", "postgresql://host/", "mysql://h/db",
                            "postgresql://h/a/b"}) {
        INFO(bad);
        auto r = DatabaseLocation::parse(QString::fromUtf8(bad));
        REQUIRE_FALSE(r);
        CHECK(r.error().code == Error::Code::InvalidInput);
        CHECK_FALSE(r.error().message.isEmpty());
    }
}
