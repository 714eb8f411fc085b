#pragma once

#include <QDate>
#include <QString>

namespace etabli {

enum class TraineeStatus
{
    Candidate,
    Enrolled,
    Left,
    Refused
};

inline QString traineeStatusCode(TraineeStatus s)
{
    switch (s) {
    case TraineeStatus::Candidate: return QStringLiteral("candidate");
    case TraineeStatus::Enrolled: return QStringLiteral("enrolled");
    case TraineeStatus::Left: return QStringLiteral("left");
    case TraineeStatus::Refused: return QStringLiteral("refused");
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
    int version = 0;
};

} // namespace etabli
