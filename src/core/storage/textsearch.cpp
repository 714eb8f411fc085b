#include "storage/textsearch.h"

#include "storage/database.h"
#include "storage/sqlquery.h"
#include "util/text.h"

namespace etabli::sql {

TextSearch::TextSearch(const Database& db, QString table, const QString& text)
    : m_db(db), m_table(std::move(table))
{
    // The user's wildcards are letters like the others on SQLite's MATCH but
    // not in a LIKE: gone on both, the same rows found on both backends.
    m_text = etabli::text::fold(text).simplified();
    m_text.remove(QLatin1Char('%')).remove(QLatin1Char('_'));
    m_text = m_text.simplified();
    m_phrase = db.dialect() == Database::Dialect::SQLite && m_text.size() >= 3;
}

QString TextSearch::matchSql() const
{
    if (m_db.dialect() == Database::Dialect::PostgreSQL)
        return QStringLiteral("SELECT id FROM %1 WHERE key LIKE :search_text").arg(m_table);
    if (m_phrase)
        return QStringLiteral("SELECT rowid FROM %1 WHERE %1 MATCH :search_text").arg(m_table);
    return QStringLiteral("SELECT rowid FROM %1 WHERE key LIKE :search_text").arg(m_table);
}

QVariant TextSearch::boundText() const
{
    if (m_phrase) // one FTS5 phrase: its quotes doubled
        return QLatin1Char('"') + QString(m_text).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
               QLatin1Char('"');
    return QLatin1Char('%') + m_text + QLatin1Char('%');
}

Result<qint64> TextSearch::count(int cap) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT COUNT(*) FROM (") + matchSql() +
                         QStringLiteral(" LIMIT :search_cap) search_count")));
    q.bind(QStringLiteral("search_text"), boundText()).bind(QStringLiteral("search_cap"), cap + 1);
    auto n = q.execScalar();
    if (!n)
        return std::unexpected(n.error());
    return n->toLongLong();
}

Status TextSearch::addTo(Where& where, const QString& idColumn) const
{
    if (isEmpty())
        return {};
    QString id = idColumn;
    if (m_phrase) {
        auto matches = count(DriveAtMost);
        if (!matches)
            return std::unexpected(matches.error());
        if (*matches > DriveAtMost)
            id.prepend(QLatin1Char('+'));
    } else if (m_db.dialect() == Database::Dialect::SQLite) {
        // Fewer than three letters: no trigram to look up, but many rows to
        // find. The list's index is walked and each row's text read by its id.
        where.add(QStringLiteral("EXISTS (SELECT 1 FROM %1 WHERE %1.rowid = %2 AND %1.key LIKE :search_text)")
                      .arg(m_table, idColumn),
                  {{QStringLiteral("search_text"), boundText()}});
        return {};
    }
    where.add(id + QStringLiteral(" IN (") + matchSql() + QLatin1Char(')'),
              {{QStringLiteral("search_text"), boundText()}});
    return {};
}

} // namespace etabli::sql
