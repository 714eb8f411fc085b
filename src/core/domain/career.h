#pragma once

#include "domain/codes.h"
#include "domain/customerkind.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace etabli {

// A host organisation (internships now; the contacts directory later).
struct Organisation
{
    qint64 id = 0;
    QString name;
    CustomerKind kind = CustomerKind::Company; // never Person: persons host no internship
    QString siret;
    QString addressLine1;
    QString postcode;
    QString city;
    QString phone;
    QString email;
};

struct Internship
{
    qint64 id = 0;
    qint64 traineeId = 0;
    qint64 organisationId = 0;
    QString organisationName; // read only, from the join
    QString tutor;
    QDate start;
    QDate end;
    QString schedule;
    QString assessment;
    QString grade;
    int version = 0;
};

struct Certification
{
    qint64 id = 0;
    QString code;  // "CFG"
    QString title; // "Certificat de formation générale"
    bool active = true;
};

enum class CertificationResult
{
    Registered,
    Passed,
    Failed,
    Absent
};

template <> struct Codes<CertificationResult>
{
    static constexpr CodeEntry<CertificationResult> entries[] = {
        {CertificationResult::Registered, "registered", QT_TRANSLATE_NOOP("etabli::Codes", "registered")},
        {CertificationResult::Passed, "passed", QT_TRANSLATE_NOOP("etabli::Codes", "passed")},
        {CertificationResult::Failed, "failed", QT_TRANSLATE_NOOP("etabli::Codes", "failed")},
        {CertificationResult::Absent, "absent", QT_TRANSLATE_NOOP("etabli::Codes", "absent")},
    };
};

struct TraineeCertification
{
    qint64 id = 0;
    qint64 traineeId = 0;
    qint64 certificationId = 0;
    QString code; // read only, from the join
    int sessionYear = 0;
    CertificationResult result = CertificationResult::Registered;
    QDate resultDate;
};

// When a leaver's situation is asked: at the exit, 6 and 12 months later.
enum class OutcomeMilestone
{
    Exit,
    SixMonths,
    TwelveMonths
};

template <> struct Codes<OutcomeMilestone>
{
    static constexpr CodeEntry<OutcomeMilestone> entries[] = {
        {OutcomeMilestone::Exit, "exit", QT_TRANSLATE_NOOP("etabli::Codes", "at exit")},
        {OutcomeMilestone::SixMonths, "m6", QT_TRANSLATE_NOOP("etabli::Codes", "after 6 months")},
        {OutcomeMilestone::TwelveMonths, "m12", QT_TRANSLATE_NOOP("etabli::Codes", "after 12 months")},
    };
};

enum class OutcomeSituation
{
    Cdi,
    Cdd,
    Interim,
    Apprenticeship,
    Training,
    Seeking,
    Other,
    Unknown
};

template <> struct Codes<OutcomeSituation>
{
    static constexpr CodeEntry<OutcomeSituation> entries[] = {
        {OutcomeSituation::Cdi, "cdi", QT_TRANSLATE_NOOP("etabli::Codes", "open-ended job (CDI)")},
        {OutcomeSituation::Cdd, "cdd", QT_TRANSLATE_NOOP("etabli::Codes", "fixed-term job (CDD)")},
        {OutcomeSituation::Interim, "interim", QT_TRANSLATE_NOOP("etabli::Codes", "temporary work")},
        {OutcomeSituation::Apprenticeship, "apprenticeship",
         QT_TRANSLATE_NOOP("etabli::Codes", "apprenticeship")},
        {OutcomeSituation::Training, "training", QT_TRANSLATE_NOOP("etabli::Codes", "further training")},
        {OutcomeSituation::Seeking, "seeking", QT_TRANSLATE_NOOP("etabli::Codes", "looking for work")},
        {OutcomeSituation::Other, "other", QT_TRANSLATE_NOOP("etabli::Codes", "other")},
        {OutcomeSituation::Unknown, "unknown", QT_TRANSLATE_NOOP("etabli::Codes", "unknown")},
    };
};

// In work, apprenticeship or training: counted as inserted by the indicators.
inline bool isInserted(OutcomeSituation s)
{
    return s == OutcomeSituation::Cdi || s == OutcomeSituation::Cdd || s == OutcomeSituation::Interim ||
           s == OutcomeSituation::Apprenticeship || s == OutcomeSituation::Training;
}

struct Outcome
{
    qint64 id = 0;
    qint64 traineeId = 0;
    OutcomeMilestone milestone = OutcomeMilestone::Exit;
    OutcomeSituation situation = OutcomeSituation::Unknown;
    QString employer; // employer or school
    QDate contactDate;
};

// A trainee who left and is due for the 6- or 12-month contact.
struct FollowUpDue
{
    qint64 traineeId = 0;
    QString name;
    QString section;
    QDate exitDate;
    OutcomeMilestone milestone = OutcomeMilestone::SixMonths; // 6 or 12 months
    QDate dueDate;
};

} // namespace etabli
