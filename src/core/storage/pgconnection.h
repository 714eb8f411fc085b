#pragma once

// What Qt's PostgreSQL driver does not say, asked of libpq itself: whether
// the server wants a password nobody gave, whether a connection has dropped.

#include <QSqlDatabase>

namespace etabli {

struct DatabaseLocation;

namespace pg {

// After Qt failed to connect to `location`: does the server ask for a
// password that neither the address, PGPASSWORD nor a .pgpass file gave?
// (Connects once more to find out.)
bool serverWantsPassword(const DatabaseLocation& location);

// Is this open PostgreSQL connection broken (server stopped, network cut,
// session ended by an administrator)? False for any other connection.
bool isBroken(const QSqlDatabase& connection);

} // namespace pg
} // namespace etabli
