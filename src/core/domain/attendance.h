#pragma once

#include "domain/codes.h"

#include <optional>
#include <QDate>
#include <QList>
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

// Where a half-day of presence is spent: producing in the workshop, or in
// class (general education, the diploma's theory).
enum class Activity
{
    Workshop,
    Class
};

template <> struct Codes<Activity>
{
    static constexpr CodeEntry<Activity> entries[] = {
        {Activity::Workshop, "workshop", QT_TRANSLATE_NOOP("etabli::Codes", "workshop")},
        {Activity::Class, "class", QT_TRANSLATE_NOOP("etabli::Codes", "class")},
    };
};

// A section's weekly timetable: the half-days spent in class, the others in
// the workshop. A half-day of the week is its slot: (weekday − 1) × 2, + 1
// in the afternoon (Monday morning 0 … Friday afternoon 9).
struct Timetable
{
    QList<int> classSlots; // ascending

    static int slotOf(const QDate& day, Half half)
    {
        return (day.dayOfWeek() - 1) * 2 + (half == Half::Afternoon ? 1 : 0);
    }
    Activity activityOn(const QDate& day, Half half) const
    {
        return classSlots.contains(slotOf(day, half)) ? Activity::Class : Activity::Workshop;
    }
    bool operator==(const Timetable&) const = default;
};

// What a half-day of the register records.
enum class AttendanceCode
{
    Present,
    Excused,   // excused absence
    Unexcused, // unexcused absence
    Late,
    Internship, // in internship
    Excluded
};

template <> struct Codes<AttendanceCode>
{
    static constexpr CodeEntry<AttendanceCode> entries[] = {
        {AttendanceCode::Present, "present", QT_TRANSLATE_NOOP("etabli::Codes", "present")},
        {AttendanceCode::Excused, "excused", QT_TRANSLATE_NOOP("etabli::Codes", "excused absence")},
        {AttendanceCode::Unexcused, "unexcused", QT_TRANSLATE_NOOP("etabli::Codes", "unexcused absence")},
        {AttendanceCode::Late, "late", QT_TRANSLATE_NOOP("etabli::Codes", "late")},
        {AttendanceCode::Internship, "internship", QT_TRANSLATE_NOOP("etabli::Codes", "in internship")},
        {AttendanceCode::Excluded, "excluded", QT_TRANSLATE_NOOP("etabli::Codes", "excluded")},
    };
};

// What can only be seen once the half-day has come: presence, lateness, an
// unexcused absence. A planned absence — excused, an internship, an exclusion
// decided beforehand — may be written ahead.
inline bool isSeenOnTheDay(AttendanceCode code)
{
    return code == AttendanceCode::Present || code == AttendanceCode::Late ||
           code == AttendanceCode::Unexcused;
}

// Away from the workshop that half-day: nobody so marked can have worked in it.
inline bool isAway(AttendanceCode code)
{
    return code == AttendanceCode::Excused || code == AttendanceCode::Unexcused ||
           code == AttendanceCode::Excluded || code == AttendanceCode::Internship;
}

struct AttendanceCell
{
    qint64 traineeId = 0;
    QDate day;
    Half half = Half::Morning;
    std::optional<AttendanceCode> code; // none: nothing recorded (clears the cell)
    QString comment;
    Activity activity = Activity::Workshop; // what the timetable made the half-day

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
    void add(AttendanceCode code, int count = 1)
    {
        switch (code) {
        case AttendanceCode::Present:
            present += count;
            break;
        case AttendanceCode::Excused:
            excused += count;
            break;
        case AttendanceCode::Unexcused:
            unexcused += count;
            break;
        case AttendanceCode::Late:
            late += count;
            break;
        case AttendanceCode::Internship:
            internship += count;
            break;
        case AttendanceCode::Excluded:
            excluded += count;
            break;
        }
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
