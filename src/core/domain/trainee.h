#pragma once

#include "domain/codes.h"

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

template <> struct Codes<TraineeStatus>
{
    static constexpr CodeEntry<TraineeStatus> entries[] = {
        {TraineeStatus::Candidate, "candidate", QT_TRANSLATE_NOOP("etabli::Codes", "candidate")},
        {TraineeStatus::Enrolled, "enrolled", QT_TRANSLATE_NOOP("etabli::Codes", "enrolled")},
        {TraineeStatus::Left, "left", QT_TRANSLATE_NOOP("etabli::Codes", "left")},
        {TraineeStatus::Refused, "refused", QT_TRANSLATE_NOOP("etabli::Codes", "not admitted")},
    };
};

// None is stored as NULL (a trainee still there, or moved to another section).
template <> struct Codes<ExitReason>
{
    static constexpr CodeEntry<ExitReason> entries[] = {
        {ExitReason::None, "", {""}},
        {ExitReason::Apprenticeship, "apprenticeship", QT_TRANSLATE_NOOP("etabli::Codes", "apprenticeship")},
        {ExitReason::Job, "job", QT_TRANSLATE_NOOP("etabli::Codes", "job")},
        {ExitReason::Training, "training", QT_TRANSLATE_NOOP("etabli::Codes", "training elsewhere")},
        {ExitReason::EndOfCourse, "end_of_course", QT_TRANSLATE_NOOP("etabli::Codes", "end of course")},
        {ExitReason::Moved, "moved", QT_TRANSLATE_NOOP("etabli::Codes", "moved away")},
        {ExitReason::Personal, "personal", QT_TRANSLATE_NOOP("etabli::Codes", "personal reasons")},
        {ExitReason::Exclusion, "exclusion", QT_TRANSLATE_NOOP("etabli::Codes", "exclusion")},
        {ExitReason::DroppedOut, "dropped_out", QT_TRANSLATE_NOOP("etabli::Codes", "dropped out")},
        {ExitReason::Other, "other", QT_TRANSLATE_NOOP("etabli::Codes", "other")},
    };
};

// How a stay at the school began: the first entry, a return after leaving,
// or a change of section.
enum class StayKind
{
    Entry,
    Return,
    Transfer
};

template <> struct Codes<StayKind>
{
    static constexpr CodeEntry<StayKind> entries[] = {
        {StayKind::Entry, "entry", QT_TRANSLATE_NOOP("etabli::Codes", "entry")},
        {StayKind::Return, "return", QT_TRANSLATE_NOOP("etabli::Codes", "return")},
        {StayKind::Transfer, "transfer", QT_TRANSLATE_NOOP("etabli::Codes", "change of section")},
    };
};

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

// The relation a guardian has to the young person; the codes are the database's.
enum class GuardianRelation
{
    Mother,
    Father,
    Guardian,
    Educator,
    Other
};
template <> struct Codes<GuardianRelation>
{
    static constexpr CodeEntry<GuardianRelation> entries[] = {
        {GuardianRelation::Mother, "mother", QT_TRANSLATE_NOOP("etabli::Codes", "mother")},
        {GuardianRelation::Father, "father", QT_TRANSLATE_NOOP("etabli::Codes", "father")},
        {GuardianRelation::Guardian, "guardian", QT_TRANSLATE_NOOP("etabli::Codes", "legal guardian")},
        {GuardianRelation::Educator, "educator", QT_TRANSLATE_NOOP("etabli::Codes", "educator (ASE)")},
        {GuardianRelation::Other, "other", QT_TRANSLATE_NOOP3("etabli::Codes", "other", "guardian")},
    };
};

struct Guardian
{
    qint64 id = 0;
    qint64 traineeId = 0;
    QString lastName;
    QString firstName;
    GuardianRelation relation = GuardianRelation::Mother;
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
