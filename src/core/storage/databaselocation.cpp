#include "storage/databaselocation.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

namespace etabli {

Result<DatabaseLocation> DatabaseLocation::parse(const QString& input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return fail(Error::Code::InvalidInput, tr("No database was given."));

    if (text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
        text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive)) {
        const QUrl url(text, QUrl::StrictMode);
        const QString dbName = url.path().mid(1);
        if (!url.isValid() || url.host().isEmpty() || dbName.isEmpty() || dbName.contains(QLatin1Char('/'))) {
            return fail(Error::Code::InvalidInput,
                        tr("Invalid PostgreSQL address: “%1”. Expected form: "
                           "postgresql://user@host[:port]/dbname (the password in PGPASSWORD or a .pgpass "
                           "file).")
                            .arg(maskPasswords(text)),
                        maskPasswords(url.errorString()));
        }
        DatabaseLocation loc;
        loc.kind = Kind::PostgreSQL;
        loc.host = url.host();
        loc.port = url.port(5432);
        loc.user = url.userName(QUrl::FullyDecoded);
        loc.password = url.password(QUrl::FullyDecoded);
        loc.databaseName = QUrl::fromPercentEncoding(dbName.toUtf8());
        const QUrlQuery query(url);
        for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
            if (key == QLatin1String("sslmode") && fromCode<TlsMode>(value))
                loc.tls = *fromCode<TlsMode>(value);
            else if (key == QLatin1String("sslrootcert") && !value.isEmpty())
                loc.sslRootCert = value;
            else
                return fail(
                    Error::Code::InvalidInput,
                    tr("Invalid PostgreSQL address: “%1”: Établi knows only sslmode (disable, prefer, "
                       "require, verify-full) and sslrootcert after the “?”.")
                        .arg(maskPasswords(text)));
        }
        return loc;
    }

    if (text.contains(QLatin1String("://")))
        return fail(Error::Code::InvalidInput,
                    tr("“%1” is neither a file nor a postgresql:// address.").arg(text));
    return sqlite(text);
}

DatabaseLocation DatabaseLocation::sqlite(const QString& filePath)
{
    DatabaseLocation loc;
    loc.kind = Kind::SQLite;
    loc.path = QFileInfo(QDir::fromNativeSeparators(filePath)).absoluteFilePath();
    return loc;
}

QString DatabaseLocation::defaultSqlitePath()
{
    // Where the first versions kept it, hidden in the profile: still found there.
    const QString hidden = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                               .filePath(QStringLiteral("etabli.sqlite"));
    if (QFileInfo::exists(hidden))
        return hidden;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .filePath(QStringLiteral("Établi/ecole.sqlite"));
}

QString DatabaseLocation::displayName() const
{
    if (kind == Kind::SQLite)
        return QDir::toNativeSeparators(path);
    QString s = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        s += user + QLatin1Char('@');
    s += host;
    if (port != 5432)
        s += QLatin1Char(':') + QString::number(port);
    return s + QLatin1Char('/') + databaseName;
}

QString DatabaseLocation::maskPasswords(const QString& text)
{
    // scheme://user:password@ — the password runs to the last @ before the host.
    static const QRegularExpression secret(
        QStringLiteral("([A-Za-z][A-Za-z0-9+.-]*://[^/:@\\s\"]*):[^/\\s\"]*@"));
    QString masked = text;
    masked.replace(secret, QStringLiteral("\\1:***@"));
    return masked;
}

QString DatabaseLocation::toString() const
{
    if (kind == Kind::SQLite)
        return path;
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setUserName(user);
    if (!password.isEmpty())
        url.setPassword(password);
    url.setPath(QLatin1Char('/') + databaseName);
    QUrlQuery query;
    if (tls != TlsMode::Prefer)
        query.addQueryItem(QStringLiteral("sslmode"), codeOf(tls));
    if (!sslRootCert.isEmpty())
        query.addQueryItem(QStringLiteral("sslrootcert"), sslRootCert);
    if (!query.isEmpty())
        url.setQuery(query);
    return url.toString();
}

} // namespace etabli
