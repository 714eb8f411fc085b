#include "storage/pagedquery.h"

#include "storage/database.h"
#include "storage/sqlquery.h"

#include <QSqlRecord>

namespace etabli::sql {

PagedQuery::PagedQuery(QString select, QString from, Where where, QString key, QString id, Order order)
    : PagedQuery(std::move(select), std::move(from), std::move(where), QStringList{std::move(key)},
                 std::move(id), order)
{
}

PagedQuery::PagedQuery(QString select, QString from, Where where, QStringList keys, QString id, Order order)
    : m_select(std::move(select)), m_from(std::move(from)), m_where(std::move(where)),
      m_keys(std::move(keys)), m_id(std::move(id)), m_order(order)
{
}

QString PagedQuery::keyColumns() const
{
    return m_keys.isEmpty() ? m_id : m_keys.join(QStringLiteral(", ")) + QStringLiteral(", ") + m_id;
}

QString PagedQuery::cursorPlaceholders() const
{
    if (m_keys.isEmpty())
        return QStringLiteral(":page_id");
    if (m_keys.size() == 1)
        return QStringLiteral(":page_key, :page_id");
    QStringList names;
    for (qsizetype k = 0; k < m_keys.size(); ++k)
        names << QStringLiteral(":page_key%1").arg(k);
    return names.join(QStringLiteral(", ")) + QStringLiteral(", :page_id");
}

PageCursor PagedQuery::cursorAt(const SqlQuery& q, int firstKeyColumn) const
{
    if (m_keys.isEmpty()) // the id alone orders the rows (the log of changes)
        return {q.value(firstKeyColumn), q.value(firstKeyColumn).toLongLong()};
    if (m_keys.size() == 1)
        return {q.value(firstKeyColumn), q.value(firstKeyColumn + 1).toLongLong()};
    QVariantList key;
    for (qsizetype k = 0; k < m_keys.size(); ++k)
        key << q.value(firstKeyColumn + static_cast<int>(k));
    return {key, q.value(firstKeyColumn + static_cast<int>(m_keys.size())).toLongLong()};
}

QString PagedQuery::whereWith(const QString& cursorCondition) const
{
    const QString filter = m_where.sql();
    if (cursorCondition.isEmpty())
        return filter;
    return filter.isEmpty() ? QStringLiteral(" WHERE ") + cursorCondition
                            : filter + QStringLiteral(" AND ") + cursorCondition;
}

QString PagedQuery::orderBy(bool reversed) const
{
    const bool descending = (m_order == Order::Descending) != reversed;
    const QString direction = descending ? QStringLiteral(" DESC") : QString();
    QStringList terms;
    for (const QString& key : m_keys)
        terms << key + direction;
    terms << m_id + direction;
    return QStringLiteral(" ORDER BY ") + terms.join(QStringLiteral(", "));
}

QString PagedQuery::countFromFor(const Database& db) const
{
    return m_countFrom.isEmpty() ? fromFor(db) : m_countFrom;
}

QString PagedQuery::fromFor(const Database& db) const
{
    if (m_sqliteIndex.isEmpty() || db.dialect() != Database::Dialect::SQLite)
        return m_from;
    // `from` starts with "table alias": the hint follows them.
    const qsizetype table = m_from.indexOf(QLatin1Char(' '));
    qsizetype alias = table < 0 ? -1 : m_from.indexOf(QLatin1Char(' '), table + 1);
    if (alias < 0)
        alias = m_from.size();
    return QString(m_from).insert(alias, QStringLiteral(" INDEXED BY ") + m_sqliteIndex);
}

void PagedQuery::bindCursor(SqlQuery& q, const PageCursor& cursor) const
{
    if (m_keys.isEmpty()) {
        // nothing but the id
    } else if (m_keys.size() == 1) {
        q.bind(QStringLiteral("page_key"), cursor.key);
    } else {
        const QVariantList key = cursor.key.toList();
        for (qsizetype k = 0; k < m_keys.size(); ++k)
            q.bind(QStringLiteral("page_key%1").arg(k), key.value(k));
    }
    q.bind(QStringLiteral("page_id"), cursor.id);
}

QString PagedQuery::pageSql(const Database& db, const QString& where, const QString& order,
                            const QString& extraColumn) const
{
    const QString columns = QStringLiteral("SELECT ") + m_select + QStringLiteral(", ") +
                            (extraColumn.isEmpty() ? QString() : extraColumn + QStringLiteral(", ")) +
                            keyColumns();
    const QString limit = QStringLiteral(" LIMIT :page_limit");
    // PostgreSQL: the page's rows chosen in the one table every condition
    // reads (countFrom), the joins made for those rows only. A search that
    // matches hundreds of invoices then joins a hundred customers and
    // balances, not all of them; the order stays the inner scan's (no sort).
    // SQLite would sort the joined page again: it keeps the plain join.
    const qsizetype alias = m_countFrom.lastIndexOf(QLatin1Char(' '));
    if (db.dialect() == Database::Dialect::PostgreSQL && alias > 0 && m_from.startsWith(m_countFrom) &&
        (m_from.size() == m_countFrom.size() || m_from.at(m_countFrom.size()) == QLatin1Char(' ')))
        return columns + QStringLiteral(" FROM (SELECT * FROM ") + m_countFrom + where + order + limit +
               QStringLiteral(")") + m_countFrom.mid(alias) + m_from.mid(m_countFrom.size()) + order;
    return columns + QStringLiteral(" FROM ") + fromFor(db) + where + order + limit;
}

Result<qint64> PagedQuery::count(const Database& db, int cap) const
{
    if (m_counter)
        return m_counter(cap);
    SqlQuery q(db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM ") + countFromFor(db) +
                         m_where.sql() + QStringLiteral(" LIMIT :page_cap) page_count")));
    m_where.apply(q);
    q.bind(QStringLiteral("page_cap"), cap + 1);
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return v->toLongLong();
}

Result<PageInfo> PagedQuery::run(const Database& db, const PageRequest& request,
                                 const std::function<void(const SqlQuery&)>& each) const
{
    // (keys…, id) compared as a row value: SQLite (3.15+) and PostgreSQL
    // both walk the (keys…, id) index from the cursor on.
    const bool descending = m_order == Order::Descending;
    const QString tuple = QStringLiteral("(") + keyColumns() + QStringLiteral(")");
    const QString values = QStringLiteral("(") + cursorPlaceholders() + QStringLiteral(")");
    const auto condition = [&tuple, &values](const char* op) {
        return tuple + QLatin1Char(' ') + QLatin1String(op) + QLatin1Char(' ') + values;
    };
    PageInfo info;
    PageRequest::From from = request.from;
    PageCursor cursor = request.cursor;
    if (from == PageRequest::From::Start && request.skip > 0) {
        // "Aller à la page": the row `skip` rows down, found by walking the
        // index alone; the page is then read from it.
        SqlQuery seek(db);
        ETABLI_TRY(seek.prepare(QStringLiteral("SELECT ") + keyColumns() + QStringLiteral(" FROM ") +
                                fromFor(db) + m_where.sql() + orderBy(false) +
                                QStringLiteral(" LIMIT 1 OFFSET :page_skip")));
        m_where.apply(seek);
        seek.bind(QStringLiteral("page_skip"), request.skip);
        ETABLI_TRY(seek.exec());
        if (!seek.next()) {
            info.beyondEnd = true;
            return info;
        }
        cursor = cursorAt(seek, 0);
        from = PageRequest::From::At;
    }
    QString cursorCondition;
    bool reversed = false;
    switch (from) {
    case PageRequest::From::Start:
        break;
    case PageRequest::From::After:
        cursorCondition = condition(descending ? "<" : ">");
        break;
    case PageRequest::From::At:
        cursorCondition = condition(descending ? "<=" : ">=");
        break;
    case PageRequest::From::Before:
        cursorCondition = condition(descending ? ">" : "<");
        reversed = true;
        break;
    }
    // The rows from the page's first on are, reading forward, the rows the
    // page's own condition selects: on PostgreSQL they are counted in the
    // page's statement (one round trip to the server instead of two); on
    // SQLite, in the process, the count stays a statement of its own.
    const bool counter = m_counter && request.from == PageRequest::From::Start && request.skip == 0;
    const bool countInPage =
        db.dialect() == Database::Dialect::PostgreSQL && request.countCap > 0 && !reversed && !counter;
    const QString countColumn = countInPage ? QStringLiteral("(SELECT COUNT(*) FROM (SELECT 1 FROM ") +
                                                  countFromFor(db) + whereWith(cursorCondition) +
                                                  QStringLiteral(" LIMIT :page_cap) page_count)")
                                            : QString();
    SqlQuery q(db);
    ETABLI_TRY(q.prepare(pageSql(db, whereWith(cursorCondition), orderBy(reversed), countColumn)));
    m_where.apply(q);
    for (const auto& [name, value] : m_selectBinds)
        q.bind(name, value);
    if (!cursorCondition.isEmpty())
        bindCursor(q, cursor);
    q.bind(QStringLiteral("page_limit"), request.limit + 1);
    if (countInPage)
        q.bind(QStringLiteral("page_cap"), request.countCap + 1);
    ETABLI_TRY(q.exec());
    const int keyColumn = static_cast<int>(q.raw().record().count() - m_keys.size() - 1);
    int rows = 0;
    qint64 counted = 0;
    while (q.next()) {
        if (rows == request.limit) {
            info.more = true;
            break;
        }
        const PageCursor at = cursorAt(q, keyColumn);
        if (rows == 0) {
            info.first = at;
            if (countInPage)
                counted = q.value(keyColumn - 1).toLongLong();
        }
        info.last = at;
        each(q);
        ++rows;
    }
    q.finish();
    if (reversed)
        std::swap(info.first, info.last);
    if (request.countCap <= 0)
        return info;
    if (rows == 0) {
        info.following = 0;
        return info;
    }
    if (countInPage) {
        info.following = counted;
        return info;
    }
    // The first page: the whole list, counted the cheaper way when there is one.
    if (counter) {
        auto n = m_counter(request.countCap);
        if (!n)
            return std::unexpected(n.error());
        info.following = *n;
        return info;
    }
    // The rows from the page's first on, counted in the index up to the cap.
    SqlQuery c(db);
    ETABLI_TRY(c.prepare(QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM ") + countFromFor(db) +
                         whereWith(condition(descending ? "<=" : ">=")) +
                         QStringLiteral(" LIMIT :page_cap) page_count")));
    m_where.apply(c);
    bindCursor(c, info.first);
    c.bind(QStringLiteral("page_cap"), request.countCap + 1);
    auto n = c.execScalar();
    if (!n)
        return std::unexpected(n.error());
    info.following = n->toLongLong();
    return info;
}

} // namespace etabli::sql
