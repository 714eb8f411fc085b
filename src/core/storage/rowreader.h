#pragma once

#include "domain/codes.h"
#include "domain/customerkind.h"
#include "domain/money.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"

#include <optional>
#include <QDate>
#include <QString>
#include <QVariant>

namespace etabli::sql {

// A result row read column after column, in the order the statement lists
// them: each call takes the next column as the type its field wants. A
// reader then follows its SELECT list line by line, with no column number
// to count or to keep in step when a column is added. Read one field per
// statement (a function's arguments are evaluated in no set order; a
// braced list is, left to right).
class RowReader
{
public:
    explicit RowReader(const SqlQuery& query, int first = 0) : m_query(query), m_next(first) {}

    QVariant value() { return m_query.value(m_next++); }
    QString text() { return value().toString(); }
    // An id, a count, an amount of something: NULL reads 0.
    qint64 int64() { return value().toLongLong(); }
    int integer() { return value().toInt(); }
    // A 0/1 column.
    bool flag() { return value().toInt() != 0; }
    // A day stored as ISO text; NULL or empty: an invalid date.
    QDate date() { return fromIso(value()); }
    Money money() { return Money::fromCents(value().toLongLong()); }
    // A closed set's code (Codes<E>): `otherwise` for one this version does not know.
    template <class E> E code(E otherwise) { return fromCode(text(), otherwise); }
    // A code that may be none (NULL, empty or unknown).
    template <class E> std::optional<E> code() { return fromCode<E>(text()); }
    // A contact's name as the directory shows it, from three columns in
    // this order: its name, first name and person flag.
    QString contactName()
    {
        const QString name = text();
        const QString firstName = text();
        const bool person = flag();
        return contactDisplayName(name, firstName, person);
    }
    void skip(int columns = 1) { m_next += columns; }

private:
    const SqlQuery& m_query;
    int m_next;
};

} // namespace etabli::sql
