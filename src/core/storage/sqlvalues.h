#pragma once

#include <QDate>
#include <QMetaType>
#include <QVariant>

namespace etabli::sql {

// Values bound to statements where "none" is SQL NULL (typed, so that
// PostgreSQL knows the parameter's type).
inline QVariant isoOrNull(const QDate& day)
{
    return day.isValid() ? QVariant(day.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

// A day as storage keeps it ("2026-12-03"; empty for none), and back (an
// invalid QDate for NULL or empty). The one pair every repository uses.
inline QString iso(const QDate& day)
{
    return day.isValid() ? day.toString(Qt::ISODate) : QString();
}

inline QDate fromIso(const QVariant& value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

inline QVariant idOrNull(qint64 id)
{
    return id == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(id);
}

} // namespace etabli::sql
