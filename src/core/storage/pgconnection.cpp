#include "storage/pgconnection.h"

#include "storage/databaselocation.h"

#include <libpq-fe.h>
#include <QByteArray>
#include <QSqlDriver>
#include <QVariant>
#include <vector>

namespace etabli::pg {

bool serverWantsPassword(const DatabaseLocation& location)
{
    if (location.isSqlite())
        return false;
    std::vector<QByteArray> keys;
    std::vector<QByteArray> values;
    const auto add = [&](const char* key, const QString& value) {
        if (value.isEmpty())
            return;
        keys.emplace_back(key);
        values.push_back(value.toUtf8());
    };
    add("host", location.host);
    add("port", location.port > 0 ? QString::number(location.port) : QString());
    add("user", location.user);
    add("dbname", location.databaseName);
    add("password", location.password);
    add("connect_timeout", QStringLiteral("10"));
    add("application_name", QStringLiteral("etabli"));
    std::vector<const char*> k;
    std::vector<const char*> v;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        k.push_back(keys[i].constData());
        v.push_back(values[i].constData());
    }
    k.push_back(nullptr);
    v.push_back(nullptr);
    PGconn* conn = PQconnectdbParams(k.data(), v.data(), 0);
    const bool wants = conn && PQstatus(conn) == CONNECTION_BAD && PQconnectionNeedsPassword(conn) != 0;
    PQfinish(conn);
    return wants;
}

bool isBroken(const QSqlDatabase& connection)
{
    if (!connection.isValid() || connection.driverName() != QLatin1String("QPSQL"))
        return false;
    if (!connection.isOpen())
        return true;
    const QVariant handle = connection.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "PGconn*") != 0)
        return false;
    PGconn* conn = *static_cast<PGconn* const*>(handle.constData());
    return conn == nullptr || PQstatus(conn) == CONNECTION_BAD;
}

} // namespace etabli::pg
