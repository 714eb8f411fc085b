#pragma once

#include <QDate>
#include <QMetaType>
#include <QVariant>

namespace etabli::sql {

// A day as storage keeps it ("2026-12-03"; empty for none), and back (an
// invalid QDate for NULL or empty). The one pair every repository uses.
// Written digit by digit: QDate::toString goes through a printf per call,
// a third of an import's row.
inline QString iso(const QDate& day)
{
    if (!day.isValid())
        return QString();
    int year = 0, month = 0, dayOfMonth = 0;
    day.getDate(&year, &month, &dayOfMonth);
    if (year < 1000 || year > 9999)
        return day.toString(Qt::ISODate);
    const auto digit = [](int value) { return QChar(u'0' + value % 10); };
    const QChar text[10] = {digit(year / 1000), digit(year / 100), digit(year / 10),
                            digit(year),        QChar(u'-'),       digit(month / 10),
                            digit(month),       QChar(u'-'),       digit(dayOfMonth / 10),
                            digit(dayOfMonth)};
    return QString(text, 10);
}

// Values bound to statements where "none" is SQL NULL (typed, so that
// PostgreSQL knows the parameter's type).
inline QVariant isoOrNull(const QDate& day)
{
    return day.isValid() ? QVariant(iso(day)) : QVariant(QMetaType::fromType<QString>());
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
