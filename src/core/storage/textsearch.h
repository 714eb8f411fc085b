#pragma once

#include "storage/sqlwhere.h"
#include "util/error.h"

#include <QString>

namespace etabli {

class Database;

namespace sql {

// A list's text search through its search table (schema 26: invoice_search,
// quote_search, work_order_search, contact_search, production_search), the
// rows' folded text keyed by their id. What the user typed is folded (no
// accents, lower case, single spaces) and found anywhere in the text.
//
// SQLite: an FTS5 trigram table. Three letters or more are a phrase of
// trigrams the index answers alone; fewer, each row of the list is read
// in the table by its id and tested with LIKE (a walk of the list). The
// matches are counted first (one index read): few, they drive the list's
// statement (each one looked up, then sorted); many, the list's order
// index is walked and each row tested against them (`+id`: the id does not
// drive), which finds a page among dense matches without sorting them.
// PostgreSQL: LIKE '%…%' through the pg_trgm GIN index; its planner chooses.
class TextSearch
{
public:
    // Above this many matches, SQLite walks the list's index.
    static constexpr int DriveAtMost = 2000;

    TextSearch(const Database& db, QString table, const QString& text);

    bool isEmpty() const { return m_text.isEmpty(); }
    // The folded text searched.
    const QString& text() const { return m_text; }

    // Adds to `where` that `idColumn` (the list's row id, "i.id") is a match.
    Status addTo(Where& where, const QString& idColumn) const;
    // The matches, counted up to `cap` (cap + 1: more than cap), in the
    // search table alone: the count of a list whose only filter is the search.
    Result<qint64> count(int cap) const;

private:
    QString matchSql() const; // SELECT of the matching ids, with :search_text
    QVariant boundText() const;

    const Database& m_db;
    QString m_table;
    QString m_text;
    bool m_phrase = false; // SQLite, three letters or more: MATCH rather than LIKE
};

} // namespace sql
} // namespace etabli
