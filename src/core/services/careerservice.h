#pragma once

#include "domain/career.h"
#include "domain/user.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Clock;
class Database;

// A trainee's course (internships, certifications) and outcomes; the list of
// those due for their 6- and 12-month contact. Reading needs trainees.read
// (trainers: their sections), writing trainees.write; every write is audited.
class CareerService
{
    Q_DECLARE_TR_FUNCTIONS(CareerService)

public:
    CareerService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Result<QList<Organisation>> searchOrganisations(const QString& text) const;
    Result<qint64> addOrganisation(const Organisation& organisation);

    Result<QList<Internship>> internships(qint64 traineeId) const;
    Result<qint64> addInternship(const Internship& internship);
    // Changes an internship as read (its version): Conflict when changed meanwhile.
    Status updateInternship(const Internship& internship);
    Status removeInternship(const Internship& internship);

    // Each with its title on screen (certificationTitle: a new database's in the interface's language).
    Result<QList<Certification>> certifications() const;
    static QString certificationTitle(const QString& stored);
    Result<qint64> addCertification(const Certification& certification);
    Result<QList<TraineeCertification>> traineeCertifications(qint64 traineeId) const;
    Result<qint64> setCertification(const TraineeCertification& certification);
    Status removeCertification(const TraineeCertification& certification);

    Result<QList<Outcome>> outcomes(qint64 traineeId) const;
    Status setOutcome(const Outcome& outcome);
    Result<QList<FollowUpDue>> dueFollowUps(const QDate& today) const;

private:
    Status canRead(qint64 traineeId) const;
    Status canWrite(qint64 traineeId) const;
    Status checkInternship(const Internship& internship) const;
    Status audit(qint64 traineeId, const QString& field, const QString& value);

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
