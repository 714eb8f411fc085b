#pragma once

#include "domain/user.h"
#include "storage/database.h"
#include "storage/databaselocation.h"
#include "support/catchresult.h"
#include "support/democache.h"

#include <memory>
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace etabli::test {

// "sqlite" always; "postgresql" too when ETABLI_TEST_PG names a server.
std::vector<std::string> backends();

// A fresh, empty database of a backend: a file in a temporary folder, or a
// new database on the PostgreSQL test server, dropped afterwards.
class TestDatabase
{
public:
    explicit TestDatabase(const std::string& backend = "sqlite");
    // A database holding a copy of a demo (support/democache.h): generated
    // once per run, copied in milliseconds.
    TestDatabase(const std::string& backend, const DemoSpec& demo);
    ~TestDatabase();

    const DatabaseLocation& location() const { return m_location; }
    bool isSqlite() const { return m_location.isSqlite(); }
    QString dir() const { return m_dir.path(); }

    // Creates the schema (OpenMode::CreateNew) on first call.
    Database& db();
    // Closes the connection, e.g. before reopening or touching the file.
    void close() { m_db.reset(); }
    Result<std::unique_ptr<Database>>
    reopen(Database::OpenMode mode = Database::OpenMode::OpenExisting) const;

private:
    QTemporaryDir m_dir;
    DatabaseLocation m_location;
    QString m_pgName;
    std::unique_ptr<Database> m_db;
    bool m_created = false;
};

QByteArray fileHash(const QString& path);

// A login role of the PostgreSQL test server that must give a password
// (scripts/test.sh asks SCRAM of the members of etabli_password_users), with
// the daily rights on the test database `t`; dropped at the end. `isUsable()`
// is false when the server has no such group (a server the tests did not
// set up): the test then says so and checks nothing about passwords.
class PasswordRole
{
public:
    explicit PasswordRole(TestDatabase& t);
    ~PasswordRole();
    Q_DISABLE_COPY_MOVE(PasswordRole)

    bool isUsable() const { return m_usable; }
    QString name() const { return m_name; }
    QString password() const { return m_password; }
    // The test database's address as this role, without its password.
    DatabaseLocation location() const;

private:
    TestDatabase& m_t;
    QString m_name;
    QString m_password;
    bool m_usable = false;
};

// Statements on the PostgreSQL test server's maintenance database
// (ETABLI_TEST_PG): creating and dropping the tests' databases.
void pgAdminExec(const QString& sql);
QVariant pgAdminScalar(const QString& sql);

// The director's password in test databases.
inline QString directorPassword()
{
    return QStringLiteral("un-mot-de-passe-solide");
}

// Sets up the school (default sections) with a director "direction" and
// returns the director logged in.
UserContext createSchool(Database& db, const QString& name = QStringLiteral("Juralternance"));
// Logs a user in (throws when refused: a test set-up error).
UserContext logIn(Database& db, const QString& login, const QString& password);

// Runs one SQL statement outside the application's code (to set up a
// broken case); returns false on error.
bool rawExec(Database& db, const QString& sql);
QVariant rawScalar(Database& db, const QString& sql);

// Today's code writes columns that later schemas add. A test of an upgrade
// writes its data at an older schema with those columns lent (added as the
// later migrations add them), then gives them back before upgrading, so that
// the migrations add them again.
class LentColumns
{
public:
    struct Column
    {
        const char* table;
        const char* name;
        const char* definition; // "TEXT NOT NULL DEFAULT ''"
    };
    LentColumns(Database& db, std::initializer_list<Column> columns);
    bool lent() const { return m_lent; }
    // Drops them again; false when the database refused.
    bool giveBack();

private:
    Database& m_db;
    QList<Column> m_columns;
    bool m_lent = true;
};
// The columns of the school and the invoice that schemas 26 to 30 added.
LentColumns lendLaterColumns(Database& db);

} // namespace etabli::test
