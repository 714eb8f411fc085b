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

inline QVariant idOrNull(qint64 id)
{
    return id == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(id);
}

} // namespace etabli::sql
