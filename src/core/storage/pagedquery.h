#pragma once

#include "domain/paging.h"
#include "storage/sqlwhere.h"
#include "util/error.h"

#include <algorithm>
#include <functional>

namespace etabli {

class Database;
class SqlQuery;

namespace sql {

// One list's statement, read a page at a time by keyset: `key` (an
// expression never NULL) and `id` order the rows, the next page is the rows
// after the last one shown — through an index on (key, id) that the
// repository creates with the list, never by skipping rows with OFFSET. The
// count beside the page stops at the request's cap, so that it reads at most
// that many index entries. "Aller à la page" skips rows in the index only.
class PagedQuery
{
public:
    enum class Order
    {
        Ascending,
        Descending
    };

    // SELECT `select` FROM `from` `where` ORDER BY key, id. The columns of
    // `select` come first; the key and the id are read after them.
    PagedQuery(QString select, QString from, Where where, QString key, QString id,
               Order order = Order::Descending);
    // Ordered by several columns, then the id (a rack, its row, its level):
    // the cursor's key is then the list of their values. No column: by the id alone.
    PagedQuery(QString select, QString from, Where where, QStringList keys, QString id,
               Order order = Order::Descending);

    template <class Row>
    Result<Page<Row>> read(const Database& db, const PageRequest& request,
                           const std::function<Row(const SqlQuery&)>& row) const
    {
        Page<Row> page;
        auto info = run(db, request, [&page, &row](const SqlQuery& q) { page.rows << row(q); });
        if (!info)
            return std::unexpected(info.error());
        if (request.from == PageRequest::From::Before)
            std::reverse(page.rows.begin(), page.rows.end());
        page.info = *info;
        return page;
    }

    // SQLite: the index to walk (INDEXED BY on the first table of `from`),
    // where its planner would take another that sorts afterwards — an
    // IN on a status served by the status index rather than by the partial
    // index of the open ones. PostgreSQL chooses by its statistics.
    PagedQuery& preferIndex(const QString& sqliteIndex)
    {
        m_sqliteIndex = sqliteIndex;
        return *this;
    }

    // A value for a placeholder of `select` (the page's statement only).
    PagedQuery& bindInSelect(const QString& name, const QVariant& value)
    {
        m_selectBinds.append({name, value});
        return *this;
    }

    // The counts read this FROM instead of the list's: the one table every
    // condition reads, when the list's other tables are joins that keep each
    // of its rows (an invoice's customer, its balance). The pager's count then
    // walks one index instead of joining each counted row.
    PagedQuery& countFrom(const QString& from)
    {
        m_countFrom = from;
        return *this;
    }

    // Counts the whole list another way, cheaper than through the list's
    // statement (a search alone: its matches in the search table).
    using Counter = std::function<Result<qint64>(int cap)>;
    PagedQuery& countBy(Counter counter)
    {
        m_counter = std::move(counter);
        return *this;
    }

    // Rows the filter matches, counted up to `cap` (cap + 1: more than cap).
    Result<qint64> count(const Database& db, int cap) const;

private:
    Result<PageInfo> run(const Database& db, const PageRequest& request,
                         const std::function<void(const SqlQuery&)>& each) const;
    // " WHERE …" with the filter and, when given, the cursor's condition.
    QString whereWith(const QString& cursorCondition) const;
    QString orderBy(bool reversed) const;
    // The page's statement, `where` with the cursor's condition;
    // `extraColumn` read between the list's columns and the keys.
    QString pageSql(const Database& db, const QString& where, const QString& order,
                    const QString& extraColumn) const;
    void bindCursor(SqlQuery& q, const PageCursor& cursor) const;
    QString keyColumns() const;         // "k1, k2, id"
    QString cursorPlaceholders() const; // ":page_key, :page_id" or ":page_key0, …, :page_id"
    PageCursor cursorAt(const SqlQuery& q, int firstKeyColumn) const;
    // `from`, with the preferred index on SQLite.
    QString fromFor(const Database& db) const;
    QString countFromFor(const Database& db) const;

    QString m_select;
    QString m_from;
    Where m_where;
    QStringList m_keys;
    QString m_id;
    Order m_order;
    QString m_sqliteIndex;
    QList<std::pair<QString, QVariant>> m_selectBinds;
    Counter m_counter;
    QString m_countFrom;
};

} // namespace sql
} // namespace etabli
