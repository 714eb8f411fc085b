#include "services/evaluationservice.h"

#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "storage/learningrepository.h"
#include "storage/traineerepository.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/text.h"

#include <QSet>

namespace etabli {

namespace {

QString name(const Trainee& t)
{
    return (t.firstName + QLatin1Char(' ') + t.lastName).simplified();
}

} // namespace

std::optional<CompetenceLevel> EvaluationService::levelFromText(const QString& text)
{
    const QString word = text::fold(text.trimmed()).replace(QLatin1Char('\''), QLatin1Char(' '));
    if (const auto byCode = fromCode<CompetenceLevel>(text.trimmed()))
        return byCode;
    if (word == QLatin1String("non aborde"))
        return CompetenceLevel::NotStarted;
    if (word == QLatin1String("en cours d acquisition") || word == QLatin1String("en cours"))
        return CompetenceLevel::InProgress;
    if (word == QLatin1String("acquis"))
        return CompetenceLevel::Acquired;
    if (word == QLatin1String("maitrise"))
        return CompetenceLevel::Mastered;
    return std::nullopt;
}

Result<Trainee> EvaluationService::mayReach(qint64 traineeId) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    auto trainee = TraineeRepository(m_db).load(traineeId);
    if (!trainee)
        return std::unexpected(trainee.error());
    if (!m_actor.coversSection(trainee->sectionId))
        return fail(Error::Code::AccessDenied,
                    tr("%1 is not in one of your sections: only their own trainers evaluate them.")
                        .arg(name(*trainee)));
    return trainee;
}

Result<CompetenceEvaluation> EvaluationService::checked(CompetenceEvaluation e) const
{
    auto trainee = mayReach(e.traineeId);
    if (!trainee)
        return std::unexpected(trainee.error());
    if (!e.day.isValid())
        return fail(Error::Code::InvalidInput, tr("Give the day of the evaluation."));
    if (e.day > m_clock.today())
        return fail(
            Error::Code::InvalidInput,
            tr("An evaluation is of a day that has come: %1 is in the future.").arg(text::frenchDate(e.day)));
    if (trainee->entryDate.isValid() && e.day < trainee->entryDate)
        return fail(Error::Code::InvalidInput,
                    tr("%1 entered the school on %2: an evaluation cannot be earlier.")
                        .arg(name(*trainee), text::frenchDate(trainee->entryDate)));
    if (e.comment.size() > 2000)
        return fail(Error::Code::InvalidInput, tr("A comment is 2 000 characters at most."));
    auto proposed = LearningRepository(m_db).evidence(e.traineeId, e.competenceId);
    if (!proposed)
        return std::unexpected(proposed.error());
    QSet<qint64> jobs;
    for (const EvidenceEntry& job : std::as_const(*proposed))
        jobs.insert(job.entryId);
    for (qint64 entry : std::as_const(e.evidence)) {
        if (!jobs.contains(entry))
            return fail(
                Error::Code::InvalidInput,
                tr("The job n° %1 of the production log is not one of %2's practising this competence.")
                    .arg(entry)
                    .arg(name(*trainee)));
    }
    e.evaluatorId = m_actor.userId;
    e.evaluatorName = m_actor.displayName.isEmpty() ? m_actor.login : m_actor.displayName;
    e.comment = e.comment.trimmed();
    e.recordedAt = m_clock.nowIso();
    return e;
}

Result<qint64> EvaluationService::record(CompetenceEvaluation e)
{
    auto ids = recordAll({e});
    if (!ids)
        return std::unexpected(ids.error());
    return ids->constFirst();
}

Result<QList<qint64>> EvaluationService::recordAll(const QList<CompetenceEvaluation>& evaluations)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::LearningEvaluate));
    QList<CompetenceEvaluation> ready;
    for (const CompetenceEvaluation& e : evaluations) {
        auto ok = checked(e);
        if (!ok)
            return std::unexpected(ok.error());
        ready << *ok;
    }
    LearningRepository repo(m_db);
    return inTransaction(m_db, [&]() -> Result<QList<qint64>> {
        QList<qint64> ids;
        AuditTrail audit(m_db, m_clock);
        for (const CompetenceEvaluation& e : std::as_const(ready)) {
            auto known = repo.hasCompetence(e.competenceId);
            if (!known)
                return std::unexpected(known.error());
            if (!*known)
                return fail(Error::Code::InvalidInput,
                            tr("This competence is not in the framework any more."));
            auto id = repo.insertEvaluation(e);
            if (!id)
                return std::unexpected(id.error());
            ChangeSet changes;
            changes.set(QStringLiteral("trainee_id"), e.traineeId)
                .set(QStringLiteral("competence_id"), e.competenceId)
                .set(QStringLiteral("level"), codeOf(e.level))
                .set(QStringLiteral("day"), e.day.toString(Qt::ISODate))
                .set(QStringLiteral("evidence"), static_cast<qint64>(e.evidence.size()));
            ETABLI_TRY(audit.record(m_actor, AuditEntity::Evaluation, QString::number(*id),
                                    AuditAction::Create, changes,
                                    QStringLiteral("trainee:%1").arg(e.traineeId)));
            ids << *id;
        }
        return ids;
    });
}

Result<ClassLearning> EvaluationService::classView(qint64 sectionId, qint64 certificationId) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    if (!m_actor.coversSection(sectionId))
        return fail(Error::Code::AccessDenied,
                    tr("Access denied: this section's learning is for its own trainers."));
    LearningRepository repo(m_db);
    ClassLearning view;
    view.sectionId = sectionId;
    auto framework = repo.framework(certificationId);
    if (!framework)
        return std::unexpected(framework.error());
    view.framework = *framework;
    ETABLI_TRY(repo.fillClass(view));
    return view;
}

Result<QList<CompetenceEvaluation>> EvaluationService::history(qint64 traineeId, qint64 competenceId) const
{
    if (auto reached = mayReach(traineeId); !reached)
        return std::unexpected(reached.error());
    return LearningRepository(m_db).history(traineeId, competenceId);
}

Result<QHash<qint64, CompetenceEvaluation>> EvaluationService::latest(qint64 traineeId) const
{
    if (auto reached = mayReach(traineeId); !reached)
        return std::unexpected(reached.error());
    return LearningRepository(m_db).latest(traineeId);
}

Result<QList<EvidenceEntry>> EvaluationService::proposedEvidence(qint64 traineeId, qint64 competenceId) const
{
    if (auto reached = mayReach(traineeId); !reached)
        return std::unexpected(reached.error());
    return LearningRepository(m_db).evidence(traineeId, competenceId);
}

} // namespace etabli
