#pragma once

// What Qt's PostgreSQL driver does not say, asked of libpq itself: whether
// the server wants a password nobody gave, whether a connection has dropped.

#include <QSqlDatabase>

namespace etabli {

struct DatabaseLocation;

namespace pg {

// Why a connection to `location` is refused, asked of libpq by connecting
// once more (Qt's driver only gives the text). The server's messages are
// read in English and in French; anything else is Other.
enum class Refusal
{
    None,               // it connects
    Unreachable,        // no server answers at that address and port
    PasswordNeeded,     // a password is asked that neither the address, PGPASSWORD nor .pgpass gave
    WrongPassword,      // the password given is refused
    NoSuchDatabase,     // the server has no database of that name
    CertificateRefused, // TLS: the server's certificate cannot be verified
    Other,
};
Refusal whyRefused(const DatabaseLocation& location);

// After Qt failed to connect to `location`: does the server ask for a
// password that neither the address, PGPASSWORD nor a .pgpass file gave?
bool serverWantsPassword(const DatabaseLocation& location);

// Is this open PostgreSQL connection broken (server stopped, network cut,
// session ended by an administrator)? False for any other connection.
bool isBroken(const QSqlDatabase& connection);

} // namespace pg
} // namespace etabli
