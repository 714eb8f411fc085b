#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace etabli {

// A member of the team: an employee or a volunteer (bénévole).
struct StaffMember
{
    qint64 id = 0;
    QString lastName;
    QString firstName;
    QString kind = QStringLiteral("employee"); // employee, volunteer
    QString job; // direction, administration, master_trainer, teacher, other, or empty
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

inline QStringList staffJobs()
{
    return {QString(),
            QStringLiteral("direction"),
            QStringLiteral("administration"),
            QStringLiteral("master_trainer"),
            QStringLiteral("teacher"),
            QStringLiteral("other")};
}

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
