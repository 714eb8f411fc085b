#pragma once

#include "domain/learning.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QHash>

namespace etabli {

class Database;

// The skill frameworks and the evaluations (schema 35). Rules live in
// FrameworkService and EvaluationService; the caller holds the transaction.
class LearningRepository
{
    Q_DECLARE_TR_FUNCTIONS(LearningRepository)

public:
    explicit LearningRepository(Database& db) : m_db(db) {}

    // The certification's framework, in its order (no blocks: none loaded);
    // NotFound for an unknown certification.
    Result<SkillFramework> framework(qint64 certificationId) const;

    Result<qint64> insertBlock(qint64 certificationId, const CompetenceBlock& block, int position);
    Status updateBlock(const CompetenceBlock& block, int position);
    Status deleteBlock(qint64 blockId);
    Result<qint64> insertCompetence(qint64 certificationId, qint64 blockId, const Competence& competence,
                                    int position);
    Status updateCompetence(qint64 blockId, const Competence& competence, int position);
    Status deleteCompetence(qint64 competenceId);
    // The competence's criteria replaced by these (nothing refers to a criterion).
    Status replaceCriteria(qint64 competenceId, const QList<CompetenceCriterion>& criteria);
    Status setDemo(qint64 certificationId, bool demo);
    // Evaluations and workshop skills that name the competence.
    Result<int> usesOf(qint64 competenceId) const;

    // The workshop skills mapped onto each competence of the certification.
    Result<QHash<qint64, QList<qint64>>> skillMapping(qint64 certificationId) const;
    Status replaceSkills(qint64 competenceId, const QList<qint64>& skillIds);

    Result<bool> hasCompetence(qint64 competenceId) const;
    Result<qint64> insertEvaluation(const CompetenceEvaluation& evaluation);
    // A trainee's evaluations of a competence, oldest first, with their evidence.
    Result<QList<CompetenceEvaluation>> history(qint64 traineeId, qint64 competenceId) const;
    // The latest evaluation of each competence the trainee was evaluated on.
    Result<QHash<qint64, CompetenceEvaluation>> latest(qint64 traineeId) const;
    // The production log's jobs of the trainee in which a workshop skill
    // mapped onto the competence was practised, newest first.
    Result<QList<EvidenceEntry>> evidence(qint64 traineeId, qint64 competenceId) const;

    // The trainees enrolled in the section, their latest evaluations on the
    // certification's competences and the count of jobs behind each (the
    // class view; the framework is the caller's).
    Status fillClass(ClassLearning& view) const;

private:
    Database& m_db;
};

} // namespace etabli
