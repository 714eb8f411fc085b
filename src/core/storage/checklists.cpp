#include "storage/checklists.h"

#include "storage/database.h"
#include "storage/sqlquery.h"

#include <functional>
#include <QRegularExpression>

namespace etabli {

QString checkListsAsComparisons(const QString& createTable)
{
    // A lower-case column name, then a list of literals (texts without a
    // quote inside, or integers) over one or several lines.
    static const QRegularExpression list(QStringLiteral(
        R"(\b([a-z_][a-z0-9_]*) IN \(\s*((?:'[^']*'|-?\d+)(?:\s*,\s*(?:'[^']*'|-?\d+))*)\s*\))"));
    static const QRegularExpression item(QStringLiteral(R"('[^']*'|-?\d+)"));
    QString out;
    qsizetype done = 0;
    auto it = list.globalMatch(createTable);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        QStringList values;
        auto items = item.globalMatch(m.captured(2));
        while (items.hasNext())
            values << items.next().captured(0);
        out += createTable.mid(done, m.capturedStart(0) - done);
        if (values.size() < 3) {
            out += m.captured(0);
        } else {
            QStringList comparisons;
            for (const QString& value : std::as_const(values))
                comparisons << m.captured(1) + QStringLiteral(" = ") + value;
            out += QLatin1Char('(') + comparisons.join(QStringLiteral(" OR ")) + QLatin1Char(')');
        }
        done = m.capturedEnd(0);
    }
    return out + createTable.mid(done);
}

Status rewriteTableDefinitions(Database& db,
                               const std::function<QString(const QString&, const QString&)>& change)
{
    if (db.dialect() != Database::Dialect::SQLite)
        return {};
    SqlQuery read(db);
    if (auto r = read.exec(QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'table'")); !r)
        return r;
    QList<std::pair<QString, QString>> rewritten;
    while (read.next()) {
        const QString name = read.value(0).toString();
        const QString sql = read.value(1).toString();
        const QString now = change(name, sql);
        if (now != sql)
            rewritten.append({name, now});
    }
    read.finish();
    if (rewritten.isEmpty())
        return {};
    SqlQuery version(db);
    if (auto r = version.exec(QStringLiteral("PRAGMA schema_version")); !r)
        return r;
    const qint64 schemaVersion = version.next() ? version.value(0).toLongLong() : 0;
    version.finish();
    SqlQuery pragma(db);
    if (auto r = pragma.exec(QStringLiteral("PRAGMA writable_schema = ON")); !r)
        return r;
    Status written;
    for (const auto& [name, sql] : std::as_const(rewritten)) {
        SqlQuery update(db);
        if (written = update.prepare(
                QStringLiteral("UPDATE sqlite_schema SET sql = :sql WHERE type = 'table' AND name = :name"));
            !written)
            break;
        update.bind(QStringLiteral("sql"), sql).bind(QStringLiteral("name"), name);
        if (written = update.exec(); !written)
            break;
    }
    // The new version makes every connection read the schema again, this one included.
    if (written)
        written = pragma.exec(QStringLiteral("PRAGMA schema_version = %1").arg(schemaVersion + 1));
    if (auto r = pragma.exec(QStringLiteral("PRAGMA writable_schema = OFF")); !r && written)
        return r;
    return written;
}

Status writeCheckListsAsComparisons(Database& db)
{
    return rewriteTableDefinitions(db, [](const QString&, const QString& sql) {
        return sql.contains(QLatin1String(" IN (")) ? checkListsAsComparisons(sql) : sql;
    });
}

Status allowOnlinePayments(Database& db)
{
    return rewriteTableDefinitions(db, [](const QString& name, const QString& sql) {
        if (name != QLatin1String("donation") && name != QLatin1String("membership_due"))
            return sql;
        QString out = sql;
        return out.replace(QLatin1String("method = 'other')"),
                           QLatin1String("method = 'other' OR method = 'online')"));
    });
}

} // namespace etabli
