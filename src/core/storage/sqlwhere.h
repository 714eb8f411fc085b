#pragma once

#include "storage/sqlquery.h"
#include "util/text.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <utility>

namespace etabli::sql {

// A WHERE clause built from optional conditions, with their bound values:
// the lists' filters add what the user asked for and nothing else.
class Where
{
public:
    // `condition` uses the placeholders named in `binds`.
    Where& add(const QString& condition, QList<std::pair<QString, QVariant>> binds = {})
    {
        m_parts << condition;
        m_binds.append(binds);
        return *this;
    }

    // " WHERE a AND b", or empty.
    QString sql() const
    {
        return m_parts.isEmpty() ? QString()
                                 : QStringLiteral(" WHERE ") + m_parts.join(QStringLiteral(" AND "));
    }

    // " AND a AND b", or empty: for a statement that has a WHERE of its own.
    QString andSql() const
    {
        return m_parts.isEmpty() ? QString()
                                 : QStringLiteral(" AND ") + m_parts.join(QStringLiteral(" AND "));
    }

    void apply(SqlQuery& q) const
    {
        for (const auto& [name, value] : m_binds)
            q.bind(name, value);
    }

    // "%folded text%" for LIKE on a folded key, without the user's wildcards.
    static QString containsPattern(const QString& text)
    {
        QString folded = etabli::text::fold(text.trimmed());
        folded.remove(QLatin1Char('%')).remove(QLatin1Char('_'));
        return QLatin1Char('%') + folded + QLatin1Char('%');
    }

private:
    QStringList m_parts;
    QList<std::pair<QString, QVariant>> m_binds;
};

} // namespace etabli::sql
