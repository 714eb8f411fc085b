#pragma once

#include "util/error.h"

#include <QCoreApplication>
#include <QString>

namespace etabli {

// Where a school's database lives: an SQLite file (the default) or a
// PostgreSQL database given as postgresql://user[:password]@host[:port]/dbname.
struct DatabaseLocation
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseLocation)

public:
    enum class Kind
    {
        SQLite,
        PostgreSQL
    };

    Kind kind = Kind::SQLite;
    QString path; // SQLite: absolute file path
    QString host; // PostgreSQL
    int port = 5432;
    QString user;
    QString password;
    QString databaseName;

    bool isSqlite() const { return kind == Kind::SQLite; }

    // Accepts a file path or a postgresql:// (or postgres://) URL.
    static Result<DatabaseLocation> parse(const QString& text);
    static DatabaseLocation sqlite(const QString& filePath);

    // The default file: Documents/Établi/ecole.sqlite, where the school sees
    // it (AppDataLocation/etabli.sqlite when an older version made it there).
    static QString defaultSqlitePath();

    // For the user and the log: never shows the password.
    QString displayName() const;
    // Any text with the password of each address in it replaced by ***
    // ("postgresql://ecole:***@serveur/base"): a mistyped address is shown
    // as typed, never with its secret.
    static QString maskPasswords(const QString& text);
    // Round-trips through parse(), password included.
    QString toString() const;
};

} // namespace etabli
