#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

namespace etabli {

// A host organisation (internships now; the contacts directory later).
struct Organisation
{
    qint64 id = 0;
    QString name;
    QString kind = QStringLiteral("company"); // company, public, association, other
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

// registered, passed, failed, absent
inline QStringList certificationResults()
{
    return {QStringLiteral("registered"), QStringLiteral("passed"), QStringLiteral("failed"),
            QStringLiteral("absent")};
}

struct TraineeCertification
{
    qint64 id = 0;
    qint64 traineeId = 0;
    qint64 certificationId = 0;
    QString code; // read only, from the join
    int sessionYear = 0;
    QString result = QStringLiteral("registered");
    QDate resultDate;
};

// exit, m6, m12
inline QStringList outcomeMilestones()
{
    return {QStringLiteral("exit"), QStringLiteral("m6"), QStringLiteral("m12")};
}

// cdi, cdd, interim, apprenticeship, training, seeking, other, unknown
inline QStringList outcomeSituations()
{
    return {QStringLiteral("cdi"),      QStringLiteral("cdd"),
            QStringLiteral("interim"),  QStringLiteral("apprenticeship"),
            QStringLiteral("training"), QStringLiteral("seeking"),
            QStringLiteral("other"),    QStringLiteral("unknown")};
}

struct Outcome
{
    qint64 id = 0;
    qint64 traineeId = 0;
    QString milestone; // exit, m6, m12
    QString situation;
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
    QString milestone; // m6 or m12
    QDate dueDate;
};

} // namespace etabli
