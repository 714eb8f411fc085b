#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace etabli {

enum class TraineeStatus
{
    Candidate,
    Enrolled,
    Left,
    Refused
};

enum class ExitReason
{
    None,
    Apprenticeship,
    Job,
    Training,
    EndOfCourse,
    Moved,
    Personal,
    Exclusion,
    DroppedOut,
    Other
};

inline QStringList exitReasonCodes()
{
    return {QString(),
            QStringLiteral("apprenticeship"),
            QStringLiteral("job"),
            QStringLiteral("training"),
            QStringLiteral("end_of_course"),
            QStringLiteral("moved"),
            QStringLiteral("personal"),
            QStringLiteral("exclusion"),
            QStringLiteral("dropped_out"),
            QStringLiteral("other")};
}

inline QString exitReasonCode(ExitReason r)
{
    return exitReasonCodes().at(static_cast<int>(r));
}

inline ExitReason exitReasonFromCode(const QString& code)
{
    const int i = static_cast<int>(exitReasonCodes().indexOf(code));
    return i > 0 ? static_cast<ExitReason>(i) : ExitReason::None;
}

inline TraineeStatus traineeStatusFromCode(const QString& code)
{
    if (code == QLatin1String("enrolled"))
        return TraineeStatus::Enrolled;
    if (code == QLatin1String("left"))
        return TraineeStatus::Left;
    if (code == QLatin1String("refused"))
        return TraineeStatus::Refused;
    return TraineeStatus::Candidate;
}

inline QString traineeStatusCode(TraineeStatus s)
{
    switch (s) {
    case TraineeStatus::Candidate:
        return QStringLiteral("candidate");
    case TraineeStatus::Enrolled:
        return QStringLiteral("enrolled");
    case TraineeStatus::Left:
        return QStringLiteral("left");
    case TraineeStatus::Refused:
        return QStringLiteral("refused");
    }
    return QStringLiteral("candidate");
}

// The core of a trainee's record (the trainees module adds the rest).
struct Trainee
{
    qint64 id = 0;
    QString lastName;
    QString firstName;
    QDate birthDate;
    QString sex; // "F", "M" or empty
    QString addressLine1;
    QString postcode;
    QString city;
    qint64 sectionId = 0;
    int cohortYear = 0; // school year of entry, by its first calendar year
    int studyYear = 0;  // 1 or 2, 0 = unknown
    TraineeStatus status = TraineeStatus::Candidate;
    QDate entryDate;
    QDate exitDate;
    QString phone;
    QString email;
    qint64 referralId = 0;
    ExitReason exitReason = ExitReason::None;
    bool archived = false;
    bool anonymised = false;
    int version = 0;

    // Age in whole years on the day of entry (0 when a date is missing).
    int ageAtEntry() const
    {
        if (!birthDate.isValid() || !entryDate.isValid())
            return 0;
        int age = entryDate.year() - birthDate.year();
        if (entryDate.month() < birthDate.month() ||
            (entryDate.month() == birthDate.month() && entryDate.day() < birthDate.day()))
            --age;
        return age;
    }
};

// The relations a guardian may have to the young person, as stored.
inline QStringList guardianRelations()
{
    return {QStringLiteral("mother"), QStringLiteral("father"), QStringLiteral("guardian"),
            QStringLiteral("educator"), QStringLiteral("other")};
}

struct Guardian
{
    qint64 id = 0;
    qint64 traineeId = 0;
    QString lastName;
    QString firstName;
    QString relation = QStringLiteral("mother"); // one of guardianRelations()
    QString phone;
    QString email;
    QString address;
    int version = 0;
};

struct FollowUpNote
{
    qint64 id = 0;
    qint64 traineeId = 0;
    QString writtenAt; // UTC ISO
    QString author;
    QString body;
};

struct Referral
{
    qint64 id = 0;
    QString name;
    bool active = true;
};

} // namespace etabli
