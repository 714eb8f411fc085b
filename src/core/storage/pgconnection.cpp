#include "storage/pgconnection.h"

#include "storage/databaselocation.h"

#include <algorithm>
#include <initializer_list>
#include <libpq-fe.h>
#include <QByteArray>
#include <QSqlDriver>
#include <QVariant>
#include <vector>

namespace etabli::pg {

namespace {

PGconn* connectOnce(const DatabaseLocation& location)
{
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
    add("sslmode", codeOf(location.tls));
    add("sslrootcert", location.sslRootCert);
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
    return PQconnectdbParams(k.data(), v.data(), 0);
}

} // namespace

Refusal whyRefused(const DatabaseLocation& location)
{
    if (location.isSqlite())
        return Refusal::None;
    PGconn* conn = connectOnce(location);
    if (!conn)
        return Refusal::Other;
    Refusal why = Refusal::Other;
    const QString message = QString::fromUtf8(PQerrorMessage(conn)).toLower();
    const auto says = [&message](std::initializer_list<const char*> words) {
        return std::any_of(words.begin(), words.end(),
                           [&message](const char* w) { return message.contains(QLatin1String(w)); });
    };
    if (PQstatus(conn) == CONNECTION_OK)
        why = Refusal::None;
    else if (PQconnectionNeedsPassword(conn) != 0)
        why = Refusal::PasswordNeeded;
    else if (says({"password authentication failed", "authentification par mot de passe"}))
        why = Refusal::WrongPassword;
    else if (says({"does not exist\n", "n'existe pas"}) && says({"database", "base de donn"}))
        why = Refusal::NoSuchDatabase;
    else if (says({"certificate", "certificat", "ssl"}))
        why = Refusal::CertificateRefused;
    else if (says({"could not connect", "connection refused", "timeout expired", "could not translate host",
                   "no route to host", "network is unreachable", "connexion refus",
                   "impossible de se connecter"}))
        why = Refusal::Unreachable;
    PQfinish(conn);
    return why;
}

bool serverWantsPassword(const DatabaseLocation& location)
{
    return whyRefused(location) == Refusal::PasswordNeeded;
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
