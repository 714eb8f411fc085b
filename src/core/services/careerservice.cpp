#include "services/careerservice.h"

#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "storage/careerrepository.h"
#include "storage/traineerepository.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/translations.h"

namespace etabli {

Status CareerService::canRead(qint64 traineeId) const
{
    if (auto r = AccessControl::require(m_actor, permission::TraineesRead); !r)
        return r;
    auto t = TraineeRepository(m_db).load(traineeId);
    if (!t)
        return std::unexpected(t.error());
    if (!m_actor.coversSection(t->sectionId))
        return fail(Error::Code::AccessDenied,
                    tr("Access denied: this trainee is not in one of your sections."));
    return {};
}

Status CareerService::canWrite(qint64 traineeId) const
{
    if (auto r = AccessControl::require(m_actor, permission::TraineesWrite); !r)
        return r;
    return canRead(traineeId);
}

Status CareerService::audit(qint64 traineeId, const QString& field, const QString& value)
{
    ChangeSet c;
    c.set(field, value);
    return AuditTrail(m_db, m_clock)
        .record(m_actor, AuditEntity::Trainee, QString::number(traineeId), AuditAction::Update, c);
}

Result<QList<Organisation>> CareerService::searchOrganisations(const QString& text) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    return CareerRepository(m_db).searchOrganisations(text, 50);
}

Result<qint64> CareerService::addOrganisation(const Organisation& o)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesWrite));
    if (o.name.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("The organisation's name is required."));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        auto id = CareerRepository(m_db).insertOrganisation(o, m_clock.nowIso());
        if (!id)
            return id;
        ChangeSet c;
        c.set(QStringLiteral("name"), o.name.trimmed());
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::Organisation, QString::number(*id), AuditAction::Create, c));
        return id;
    });
}

Result<QList<Internship>> CareerService::internships(qint64 traineeId) const
{
    ETABLI_TRY(canRead(traineeId));
    return CareerRepository(m_db).internships(traineeId);
}

Status CareerService::checkInternship(const Internship& i) const
{
    if (auto r = canWrite(i.traineeId); !r)
        return r;
    if (i.organisationId == 0)
        return fail(Error::Code::InvalidInput, tr("Choose the host organisation."));
    if (!i.start.isValid() || !i.end.isValid())
        return fail(Error::Code::InvalidInput, tr("An internship needs a first and a last day."));
    if (i.end < i.start)
        return fail(Error::Code::InvalidInput, tr("The internship ends before it starts."));
    return {};
}

Result<qint64> CareerService::addInternship(const Internship& i)
{
    ETABLI_TRY(checkInternship(i));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        auto id = CareerRepository(m_db).insertInternship(i, m_clock.nowIso());
        if (!id)
            return id;
        ETABLI_TRY(
            audit(i.traineeId, QStringLiteral("internship"),
                  QStringLiteral("%1 → %2").arg(i.start.toString(Qt::ISODate), i.end.toString(Qt::ISODate))));
        return id;
    });
}

Status CareerService::updateInternship(const Internship& i)
{
    if (auto r = checkInternship(i); !r)
        return r;
    auto saved = inTransaction(m_db, [&]() -> Status {
        if (auto r = CareerRepository(m_db).updateInternship(i, m_clock.nowIso()); !r)
            return r;
        return audit(
            i.traineeId, QStringLiteral("internship changed"),
            QStringLiteral("%1 → %2").arg(i.start.toString(Qt::ISODate), i.end.toString(Qt::ISODate)));
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::Trainee, i.traineeId);
}

Status CareerService::removeInternship(const Internship& i)
{
    if (auto r = canWrite(i.traineeId); !r)
        return r;
    return inTransaction(m_db, [&]() -> Status {
        if (auto r = CareerRepository(m_db).removeInternship(i.id, i.traineeId); !r)
            return r;
        return audit(i.traineeId, QStringLiteral("internship removed"), QString::number(i.id));
    });
}

Result<QList<Certification>> CareerService::certifications() const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    auto catalogue = CareerRepository(m_db).certifications();
    if (catalogue) {
        for (Certification& c : *catalogue)
            c.title = certificationTitle(c.title);
    }
    return catalogue;
}

QString CareerService::certificationTitle(const QString& stored)
{
    // The catalogue a new database has (schema 3).
    static const translations::Seeded seeded[] = {
        {"Certificat de formation générale",
         QT_TRANSLATE_NOOP("CareerService", "General training certificate")},
        {"CAP maintenance des véhicules", QT_TRANSLATE_NOOP("CareerService", "CAP in vehicle maintenance")},
        {"CAP métallier", QT_TRANSLATE_NOOP("CareerService", "CAP in metalwork")},
        {"Sauveteur secouriste du travail", QT_TRANSLATE_NOOP("CareerService", "Workplace first-aider")},
        {"Attestation scolaire de sécurité routière, niveau 2",
         QT_TRANSLATE_NOOP("CareerService", "School road-safety certificate, level 2")},
    };
    return translations::seededName(stored, "CareerService", seeded);
}

Result<qint64> CareerService::addCertification(const Certification& c)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesWrite));
    if (c.code.trimmed().isEmpty() || c.title.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("A certification needs a short name and a title."));
    return inTransaction(m_db, [&]() { return CareerRepository(m_db).insertCertification(c); });
}

Result<QList<TraineeCertification>> CareerService::traineeCertifications(qint64 traineeId) const
{
    ETABLI_TRY(canRead(traineeId));
    return CareerRepository(m_db).traineeCertifications(traineeId);
}

Result<qint64> CareerService::setCertification(const TraineeCertification& c)
{
    ETABLI_TRY(canWrite(c.traineeId));
    if (c.sessionYear < 1990 || c.sessionYear > 2200)
        return fail(Error::Code::InvalidInput, tr("The session is a year, such as 2026."));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        auto id = CareerRepository(m_db).upsertTraineeCertification(c);
        if (!id)
            return id;
        ETABLI_TRY(audit(c.traineeId,
                         QStringLiteral("certification %1 %2").arg(c.certificationId).arg(c.sessionYear),
                         codeOf(c.result)));
        return id;
    });
}

Status CareerService::removeCertification(const TraineeCertification& c)
{
    if (auto r = canWrite(c.traineeId); !r)
        return r;
    return inTransaction(m_db, [&]() -> Status {
        if (auto r = CareerRepository(m_db).removeTraineeCertification(c.id, c.traineeId); !r)
            return r;
        return audit(c.traineeId, QStringLiteral("certification removed"), QString::number(c.id));
    });
}

Result<QList<Outcome>> CareerService::outcomes(qint64 traineeId) const
{
    ETABLI_TRY(canRead(traineeId));
    return CareerRepository(m_db).outcomes(traineeId);
}

Status CareerService::setOutcome(const Outcome& o)
{
    if (auto r = canWrite(o.traineeId); !r)
        return r;
    auto t = TraineeRepository(m_db).load(o.traineeId);
    if (!t)
        return std::unexpected(t.error());
    if (t->status != TraineeStatus::Left)
        return fail(Error::Code::InvalidInput, tr("Outcomes are recorded for trainees who have left."));
    return inTransaction(m_db, [&]() -> Status {
        if (auto r = CareerRepository(m_db).upsertOutcome(o); !r)
            return r;
        return audit(o.traineeId, QStringLiteral("outcome %1").arg(codeOf(o.milestone)), codeOf(o.situation));
    });
}

Result<QList<FollowUpDue>> CareerService::dueFollowUps(const QDate& today) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    QList<qint64> sections;
    if (m_actor.role == Role::Formateur)
        sections = m_actor.sectionIds.isEmpty() ? QList<qint64>{-1} : m_actor.sectionIds;
    return CareerRepository(m_db).dueFollowUps(today, sections);
}

} // namespace etabli
