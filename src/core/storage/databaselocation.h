#pragma once

#include "domain/codes.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QString>

namespace etabli {

// How a PostgreSQL connection is secured; the codes are libpq's sslmode.
enum class TlsMode
{
    Disable,
    Prefer,
    Require,
    VerifyFull,
};

template <> struct Codes<TlsMode>
{
    static constexpr CodeEntry<TlsMode> entries[] = {
        {TlsMode::Disable, "disable",
         QT_TRANSLATE_NOOP("etabli::Codes", "Not encrypted (local network only)")},
        {TlsMode::Prefer, "prefer",
         QT_TRANSLATE_NOOP("etabli::Codes", "Encrypted when the server offers it")},
        {TlsMode::Require, "require", QT_TRANSLATE_NOOP("etabli::Codes", "Always encrypted")},
        {TlsMode::VerifyFull, "verify-full",
         QT_TRANSLATE_NOOP("etabli::Codes", "Encrypted, the server's certificate verified")},
    };
};

// Where a school's database lives: an SQLite file (the default) or a
// PostgreSQL database given as
// postgresql://user[:password]@host[:port]/dbname[?sslmode=…&sslrootcert=…].
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
    // PostgreSQL's TLS and, for VerifyFull, the certificate the server's
    // must be signed with. In the address as libpq names them:
    // ?sslmode=verify-full&sslrootcert=/chemin/serveur.crt (prefer, libpq's
    // default, is not written).
    TlsMode tls = TlsMode::Prefer;
    QString sslRootCert;

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
