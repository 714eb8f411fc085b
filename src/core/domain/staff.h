#pragma once

#include "domain/codes.h"

#include <optional>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace etabli {

// A member of the team is an employee or a volunteer (bénévole); the codes
// are the database's.
enum class StaffKind
{
    Employee,
    Volunteer
};
template <> struct Codes<StaffKind>
{
    static constexpr CodeEntry<StaffKind> entries[] = {
        {StaffKind::Employee, "employee", QT_TRANSLATE_NOOP("etabli::Codes", "Employee")},
        {StaffKind::Volunteer, "volunteer", QT_TRANSLATE_NOOP("etabli::Codes", "Volunteer")},
    };
};

// What a member of the team does (none: stored as '').
enum class StaffJob
{
    Direction,
    Administration,
    MasterTrainer,
    Teacher,
    Other
};
template <> struct Codes<StaffJob>
{
    static constexpr CodeEntry<StaffJob> entries[] = {
        {StaffJob::Direction, "direction", QT_TRANSLATE_NOOP3("etabli::Codes", "Direction", "job")},
        {StaffJob::Administration, "administration", QT_TRANSLATE_NOOP("etabli::Codes", "Administration")},
        {StaffJob::MasterTrainer, "master_trainer", QT_TRANSLATE_NOOP("etabli::Codes", "Master trainer")},
        {StaffJob::Teacher, "teacher", QT_TRANSLATE_NOOP("etabli::Codes", "Teacher")},
        {StaffJob::Other, "other", QT_TRANSLATE_NOOP3("etabli::Codes", "Other", "job")},
    };
};

struct StaffMember
{
    qint64 id = 0;
    QString lastName;
    QString firstName;
    StaffKind kind = StaffKind::Employee;
    std::optional<StaffJob> job; // none: not said
    QString phone;
    QString email;
    qint64 userId = 0; // the linked account, 0: none
    bool active = true;
    QList<qint64> sectionIds;
    int version = 0;

    QString displayName() const
    {
        return firstName.isEmpty() ? lastName : firstName + QLatin1Char(' ') + lastName;
    }
};

// Hours given by a volunteer on a day.
struct VolunteerHours
{
    qint64 id = 0;
    qint64 staffId = 0;
    QString name; // filled when read
    QDate day;
    int minutes = 0;
    QString activity;
};

} // namespace etabli
