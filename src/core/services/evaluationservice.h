#pragma once

#include "domain/learning.h"
#include "domain/trainee.h"
#include "domain/user.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QHash>

namespace etabli {

class Clock;
class Database;

// A master trainer's evaluations of a trainee's competences (issue 23,
// item 2). Recorded, never changed: the latest by day counts, the history
// stays. A trainer evaluates and reads only the trainees of their sections.
class EvaluationService
{
    Q_DECLARE_TR_FUNCTIONS(EvaluationService)

public:
    EvaluationService(Database& db, const Clock& clock, UserContext actor)
        : m_db(db), m_clock(clock), m_actor(std::move(actor))
    {
    }

    // Records `evaluation` by the acting account (learning.evaluate). Refused,
    // nothing written: a trainee of another section than the trainer's, an
    // unknown competence, a day in the future or before the trainee's entry,
    // evidence that is not one of the trainee's jobs.
    Result<qint64> record(CompetenceEvaluation evaluation);
    // All of them, or none when one is refused (its message names the
    // trainee): what the class grid saves.
    Result<QList<qint64>> recordAll(const QList<CompetenceEvaluation>& evaluations);
    // The four steps from their French or English words ("acquis",
    // "en cours d'acquisition", "in_progress"…); none for anything else.
    static std::optional<CompetenceLevel> levelFromText(const QString& text);

    Result<QList<CompetenceEvaluation>> history(qint64 traineeId, qint64 competenceId) const;
    Result<QHash<qint64, CompetenceEvaluation>> latest(qint64 traineeId) const;
    // The trainee's jobs in the production log that practised the
    // competence (through a workshop skill mapped onto it): what an
    // evaluation's evidence is proposed from.
    Result<QList<EvidenceEntry>> proposedEvidence(qint64 traineeId, qint64 competenceId) const;

    // The section's group on the certification's framework: its enrolled
    // trainees, their latest levels and the jobs behind them. A trainer:
    // their own sections only.
    Result<ClassLearning> classView(qint64 sectionId, qint64 certificationId) const;

private:
    // The evaluation checked and completed (who, when), ready to write.
    Result<CompetenceEvaluation> checked(CompetenceEvaluation evaluation) const;
    // The trainee, if the acting account may see their learning.
    Result<Trainee> mayReach(qint64 traineeId) const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor;
};

} // namespace etabli
