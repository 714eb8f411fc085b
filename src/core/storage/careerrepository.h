#pragma once

#include "domain/career.h"
#include "storage/sqlquery.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Database;

// Internships and their host organisations, certifications, outcomes.
class CareerRepository
{
    Q_DECLARE_TR_FUNCTIONS(CareerRepository)

public:
    explicit CareerRepository(Database& db) : m_db(db) {}

    Result<QList<Organisation>> searchOrganisations(const QString& text, int limit) const;
    Result<qint64> insertOrganisation(const Organisation& o, const QString& nowIso);

    Result<QList<Internship>> internships(qint64 traineeId) const;
    Result<qint64> insertInternship(const Internship& i, const QString& nowIso);
    // Fails with Conflict when another person changed it since it was read.
    Status updateInternship(const Internship& i, const QString& nowIso);
    Status removeInternship(qint64 id, qint64 traineeId);

    Result<QList<Certification>> certifications() const;
    Result<qint64> insertCertification(const Certification& c);
    Result<QList<TraineeCertification>> traineeCertifications(qint64 traineeId) const;
    Result<qint64> upsertTraineeCertification(const TraineeCertification& c);
    Status removeTraineeCertification(qint64 id, qint64 traineeId);

    Result<QList<Outcome>> outcomes(qint64 traineeId) const;
    Status upsertOutcome(const Outcome& o);
    // Left trainees whose +6 / +12 month contact is due on `today` and not recorded.
    Result<QList<FollowUpDue>> dueFollowUps(const QDate& today, const QList<qint64>& sectionIds) const;

private:
    Database& m_db;
    // Statements kept prepared while the repository lives (an import's rows).
    mutable StatementCache m_statements{m_db};
};

} // namespace etabli
