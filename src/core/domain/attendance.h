#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace etabli {

// One half-day of attendance.
enum class Half
{
    Morning,
    Afternoon
};

inline QString halfCode(Half h)
{
    return h == Half::Morning ? QStringLiteral("am") : QStringLiteral("pm");
}

inline Half halfFromCode(const QString& code)
{
    return code == QLatin1String("pm") ? Half::Afternoon : Half::Morning;
}

// The codes, as stored: present, excused absence, unexcused absence, late,
// in internship, excluded.
inline QStringList attendanceCodes()
{
    return {QStringLiteral("present"), QStringLiteral("excused"),    QStringLiteral("unexcused"),
            QStringLiteral("late"),    QStringLiteral("internship"), QStringLiteral("excluded")};
}

// What can only be seen once the half-day has come: presence, lateness, an
// unexcused absence. A planned absence — excused, an internship, an exclusion
// decided beforehand — may be written ahead.
inline bool isSeenOnTheDay(const QString& code)
{
    return code == QLatin1String("present") || code == QLatin1String("late") ||
           code == QLatin1String("unexcused");
}

struct AttendanceCell
{
    qint64 traineeId = 0;
    QDate day;
    Half half = Half::Morning;
    QString code; // empty: nothing recorded (clears the cell)
    QString comment;

    bool operator==(const AttendanceCell&) const = default;
};

// Counts of half-days by code over a period, and the attendance rate:
// (present + late + in internship) / all recorded half-days.
struct AttendanceRate
{
    int present = 0;
    int excused = 0;
    int unexcused = 0;
    int late = 0;
    int internship = 0;
    int excluded = 0;

    int total() const { return present + excused + unexcused + late + internship + excluded; }
    int attended() const { return present + late + internship; }
    // Per ten thousand (basis points), -1 when nothing is recorded.
    int rateBasisPoints() const
    {
        return total() == 0 ? -1 : static_cast<int>((attended() * 10000LL + total() / 2) / total());
    }
    void add(const QString& code, int count = 1)
    {
        if (code == QLatin1String("present"))
            present += count;
        else if (code == QLatin1String("excused"))
            excused += count;
        else if (code == QLatin1String("unexcused"))
            unexcused += count;
        else if (code == QLatin1String("late"))
            late += count;
        else if (code == QLatin1String("internship"))
            internship += count;
        else if (code == QLatin1String("excluded"))
            excluded += count;
    }
};

// A run of consecutive unexcused half-days.
struct AbsenceRun
{
    qint64 traineeId = 0;
    QString name;
    QDate firstDay;
    Half firstHalf = Half::Morning;
    QDate lastDay;
    Half lastHalf = Half::Morning;
    int halfDays = 0;
};

} // namespace etabli
