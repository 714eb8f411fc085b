#pragma once

#include <QDate>
#include <QString>

namespace etabli {

// A school year (année scolaire) named by its first calendar year: 2025 is
// "2025-2026", from the school-year start month of 2025 to the month before
// it in 2026.
class SchoolYear
{
public:
    constexpr SchoolYear() = default;
    constexpr explicit SchoolYear(int startYear, int startMonth = 9) : m_start(startYear), m_month(startMonth)
    {
    }

    static SchoolYear containing(const QDate& date, int startMonth = 9)
    {
        return SchoolYear(date.month() >= startMonth ? date.year() : date.year() - 1, startMonth);
    }

    constexpr int startYear() const { return m_start; }
    QDate firstDay() const { return QDate(m_start, m_month, 1); }
    QDate lastDay() const { return firstDay().addYears(1).addDays(-1); }
    bool contains(const QDate& d) const { return d >= firstDay() && d <= lastDay(); }
    SchoolYear next() const { return SchoolYear(m_start + 1, m_month); }
    SchoolYear previous() const { return SchoolYear(m_start - 1, m_month); }
    QString label() const { return QStringLiteral("%1-%2").arg(m_start).arg(m_start + 1); }

    constexpr bool operator==(const SchoolYear&) const = default;

private:
    int m_start = 2000;
    int m_month = 9;
};

} // namespace etabli
