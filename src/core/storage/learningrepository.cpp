#include "storage/learningrepository.h"

#include "domain/production.h"
#include "storage/database.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"

namespace etabli {

namespace {

const QString kEvaluationColumns = QStringLiteral(
    "e.id, e.trainee_id, e.competence_id, e.level, e.day, e.evaluator_id, e.evaluator_name, e.comment, "
    "e.recorded_at");

CompetenceEvaluation readEvaluation(const SqlQuery& q)
{
    sql::RowReader col(q);
    CompetenceEvaluation e;
    e.id = col.int64();
    e.traineeId = col.int64();
    e.competenceId = col.int64();
    e.level = col.code(CompetenceLevel::NotStarted);
    e.day = col.date();
    e.evaluatorId = col.int64();
    e.evaluatorName = col.text();
    e.comment = col.text();
    e.recordedAt = col.text();
    return e;
}

Status readEvidence(Database& db, QList<CompetenceEvaluation>& evaluations)
{
    for (CompetenceEvaluation& e : evaluations) {
        SqlQuery q(db);
        ETABLI_TRY(q.prepare(QStringLiteral(
            "SELECT entry_id FROM evaluation_evidence WHERE evaluation_id = :id ORDER BY entry_id")));
        q.bind(QStringLiteral("id"), e.id);
        ETABLI_TRY(q.exec());
        while (q.next())
            e.evidence << q.value(0).toLongLong();
    }
    return {};
}

} // namespace

Result<SkillFramework> LearningRepository::framework(qint64 certificationId) const
{
    SkillFramework f;
    SqlQuery c(m_db);
    ETABLI_TRY(c.prepare(
        QStringLiteral("SELECT id, code, title, framework_demo FROM certification WHERE id = :id")));
    c.bind(QStringLiteral("id"), certificationId);
    ETABLI_TRY(c.exec());
    if (!c.next())
        return fail(Error::Code::NotFound, tr("This certification is not in the catalogue any more."));
    {
        sql::RowReader col(c);
        f.certificationId = col.int64();
        f.certificationCode = col.text();
        f.certificationTitle = col.text();
        f.demo = col.flag();
    }
    SqlQuery q(m_db);
    q.setForwardOnly(true);
    // One walk: blocks, their competences and criteria in order (LEFT JOINs keep the empty ones).
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT b.id, b.code, b.title, c.id, c.code, c.title, k.id, k.code, k.title "
        "FROM competence_block b LEFT JOIN competence c ON c.block_id = b.id "
        "LEFT JOIN competence_criterion k ON k.competence_id = c.id "
        "WHERE b.certification_id = :id ORDER BY b.position, b.id, c.position, c.id, k.position, k.id")));
    q.bind(QStringLiteral("id"), certificationId);
    ETABLI_TRY(q.exec());
    while (q.next()) {
        sql::RowReader col(q);
        const qint64 blockId = col.int64();
        if (f.blocks.isEmpty() || f.blocks.constLast().id != blockId) {
            CompetenceBlock b;
            b.id = blockId;
            b.code = col.text();
            b.title = col.text();
            f.blocks << b;
        } else {
            col.text();
            col.text();
        }
        const qint64 competenceId = col.int64();
        if (competenceId == 0)
            continue;
        QList<Competence>& competences = f.blocks.last().competences;
        if (competences.isEmpty() || competences.constLast().id != competenceId) {
            Competence comp;
            comp.id = competenceId;
            comp.code = col.text();
            comp.title = col.text();
            competences << comp;
        } else {
            col.text();
            col.text();
        }
        const qint64 criterionId = col.int64();
        if (criterionId == 0)
            continue;
        CompetenceCriterion k;
        k.id = criterionId;
        k.code = col.text();
        k.title = col.text();
        competences.last().criteria << k;
    }
    return f;
}

Result<qint64> LearningRepository::insertBlock(qint64 certificationId, const CompetenceBlock& block,
                                               int position)
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("INSERT INTO competence_block (certification_id, code, title, position) "
                                 "VALUES (:cert, :code, :title, :position) RETURNING id")));
    q.bind(QStringLiteral("cert"), certificationId)
        .bind(QStringLiteral("code"), block.code)
        .bind(QStringLiteral("title"), block.title)
        .bind(QStringLiteral("position"), position);
    return q.execReturningId();
}

Status LearningRepository::updateBlock(const CompetenceBlock& block, int position)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("UPDATE competence_block SET title = :title, position = :position WHERE id = :id")));
    q.bind(QStringLiteral("title"), block.title)
        .bind(QStringLiteral("position"), position)
        .bind(QStringLiteral("id"), block.id);
    return q.exec();
}

Status LearningRepository::deleteBlock(qint64 blockId)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("DELETE FROM competence_block WHERE id = :id")));
    q.bind(QStringLiteral("id"), blockId);
    return q.exec();
}

Result<qint64> LearningRepository::insertCompetence(qint64 certificationId, qint64 blockId,
                                                    const Competence& competence, int position)
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("INSERT INTO competence (block_id, certification_id, code, title, position) "
                                 "VALUES (:block, :cert, :code, :title, :position) RETURNING id")));
    q.bind(QStringLiteral("block"), blockId)
        .bind(QStringLiteral("cert"), certificationId)
        .bind(QStringLiteral("code"), competence.code)
        .bind(QStringLiteral("title"), competence.title)
        .bind(QStringLiteral("position"), position);
    return q.execReturningId();
}

Status LearningRepository::updateCompetence(qint64 blockId, const Competence& competence, int position)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "UPDATE competence SET block_id = :block, title = :title, position = :position WHERE id = :id")));
    q.bind(QStringLiteral("block"), blockId)
        .bind(QStringLiteral("title"), competence.title)
        .bind(QStringLiteral("position"), position)
        .bind(QStringLiteral("id"), competence.id);
    return q.exec();
}

Status LearningRepository::deleteCompetence(qint64 competenceId)
{
    ETABLI_TRY(replaceCriteria(competenceId, {}));
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("DELETE FROM competence WHERE id = :id")));
    q.bind(QStringLiteral("id"), competenceId);
    return q.exec();
}

Status LearningRepository::replaceCriteria(qint64 competenceId, const QList<CompetenceCriterion>& criteria)
{
    SqlQuery clear(m_db);
    ETABLI_TRY(clear.prepare(QStringLiteral("DELETE FROM competence_criterion WHERE competence_id = :id")));
    clear.bind(QStringLiteral("id"), competenceId);
    ETABLI_TRY(clear.exec());
    for (qsizetype i = 0; i < criteria.size(); ++i) {
        SqlQuery q(m_db);
        ETABLI_TRY(q.prepare(
            QStringLiteral("INSERT INTO competence_criterion (competence_id, code, title, position) "
                           "VALUES (:id, :code, :title, :position)")));
        q.bind(QStringLiteral("id"), competenceId)
            .bind(QStringLiteral("code"), criteria.at(i).code)
            .bind(QStringLiteral("title"), criteria.at(i).title)
            .bind(QStringLiteral("position"), static_cast<int>(i + 1));
        ETABLI_TRY(q.exec());
    }
    return {};
}

Status LearningRepository::setDemo(qint64 certificationId, bool demo)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("UPDATE certification SET framework_demo = :demo WHERE id = :id")));
    q.bind(QStringLiteral("demo"), demo ? 1 : 0).bind(QStringLiteral("id"), certificationId);
    return q.exec();
}

Result<int> LearningRepository::usesOf(qint64 competenceId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("SELECT (SELECT count(*) FROM competence_evaluation WHERE competence_id = :a) + "
                       "(SELECT count(*) FROM skill_competence WHERE competence_id = :b)")));
    q.bind(QStringLiteral("a"), competenceId).bind(QStringLiteral("b"), competenceId);
    ETABLI_TRY(q.exec());
    return q.next() ? q.value(0).toInt() : 0;
}

Result<bool> LearningRepository::hasCompetence(qint64 competenceId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT count(*) FROM competence WHERE id = :id")));
    q.bind(QStringLiteral("id"), competenceId);
    ETABLI_TRY(q.exec());
    return q.next() && q.value(0).toInt() > 0;
}

Result<QHash<qint64, QList<qint64>>> LearningRepository::skillMapping(qint64 certificationId) const
{
    SqlQuery q(m_db);
    q.setForwardOnly(true);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT m.competence_id, m.skill_id FROM skill_competence m "
                                        "JOIN competence c ON c.id = m.competence_id "
                                        "WHERE c.certification_id = :certification ORDER BY m.skill_id")));
    q.bind(QStringLiteral("certification"), certificationId);
    ETABLI_TRY(q.exec());
    QHash<qint64, QList<qint64>> out;
    while (q.next()) {
        sql::RowReader col(q);
        const qint64 competence = col.int64();
        out[competence] << col.int64();
    }
    return out;
}

Status LearningRepository::replaceSkills(qint64 competenceId, const QList<qint64>& skillIds)
{
    SqlQuery clear(m_db);
    ETABLI_TRY(clear.prepare(QStringLiteral("DELETE FROM skill_competence WHERE competence_id = :c")));
    clear.bind(QStringLiteral("c"), competenceId);
    ETABLI_TRY(clear.exec());
    for (qint64 skill : skillIds) {
        SqlQuery q(m_db);
        ETABLI_TRY(q.prepare(
            QStringLiteral("INSERT INTO skill_competence (skill_id, competence_id) VALUES (:s, :c)")));
        q.bind(QStringLiteral("s"), skill).bind(QStringLiteral("c"), competenceId);
        ETABLI_TRY(q.exec());
    }
    return {};
}

Result<qint64> LearningRepository::insertEvaluation(const CompetenceEvaluation& e)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("INSERT INTO competence_evaluation (trainee_id, competence_id, "
                                        "level, day, evaluator_id, evaluator_name, "
                                        "comment, recorded_at) VALUES (:trainee, :competence, :level, :day, "
                                        ":evaluator, :name, :comment, :at) "
                                        "RETURNING id")));
    q.bind(QStringLiteral("trainee"), e.traineeId)
        .bind(QStringLiteral("competence"), e.competenceId)
        .bind(QStringLiteral("level"), codeOf(e.level))
        .bind(QStringLiteral("day"), sql::iso(e.day))
        .bind(QStringLiteral("evaluator"), sql::idOrNull(e.evaluatorId))
        .bind(QStringLiteral("name"), e.evaluatorName)
        .bind(QStringLiteral("comment"), e.comment)
        .bind(QStringLiteral("at"), e.recordedAt);
    auto id = q.execReturningId();
    if (!id)
        return id;
    for (qint64 entry : e.evidence) {
        SqlQuery ev(m_db);
        ETABLI_TRY(ev.prepare(QStringLiteral(
            "INSERT INTO evaluation_evidence (evaluation_id, entry_id) VALUES (:id, :entry)")));
        ev.bind(QStringLiteral("id"), *id).bind(QStringLiteral("entry"), entry);
        ETABLI_TRY(ev.exec());
    }
    return id;
}

Result<QList<CompetenceEvaluation>> LearningRepository::history(qint64 traineeId, qint64 competenceId) const
{
    SqlQuery q(m_db);
    q.setForwardOnly(true);
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT %1 FROM competence_evaluation e WHERE e.trainee_id = :trainee "
                                 "AND e.competence_id = :competence ORDER BY e.day, e.id")
                      .arg(kEvaluationColumns)));
    q.bind(QStringLiteral("trainee"), traineeId).bind(QStringLiteral("competence"), competenceId);
    ETABLI_TRY(q.exec());
    QList<CompetenceEvaluation> out;
    while (q.next())
        out << readEvaluation(q);
    q.finish();
    ETABLI_TRY(readEvidence(m_db, out));
    return out;
}

Result<QHash<qint64, CompetenceEvaluation>> LearningRepository::latest(qint64 traineeId) const
{
    SqlQuery q(m_db);
    q.setForwardOnly(true);
    // In day then id order: the last one read of each competence is its latest.
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT %1 FROM competence_evaluation e WHERE e.trainee_id = :trainee "
                                 "ORDER BY e.competence_id, e.day, e.id")
                      .arg(kEvaluationColumns)));
    q.bind(QStringLiteral("trainee"), traineeId);
    ETABLI_TRY(q.exec());
    QHash<qint64, CompetenceEvaluation> out;
    while (q.next()) {
        CompetenceEvaluation e = readEvaluation(q);
        out.insert(e.competenceId, e);
    }
    q.finish();
    QList<CompetenceEvaluation> list = out.values();
    ETABLI_TRY(readEvidence(m_db, list));
    for (const CompetenceEvaluation& e : std::as_const(list))
        out.insert(e.competenceId, e);
    return out;
}

Result<QList<EvidenceEntry>> LearningRepository::evidence(qint64 traineeId, qint64 competenceId) const
{
    SqlQuery q(m_db);
    q.setForwardOnly(true);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT p.id, p.day, p.reference, p.kind, t.minutes FROM production_entry p "
        "JOIN production_trainee t ON t.entry_id = p.id AND t.trainee_id = :trainee "
        "WHERE EXISTS (SELECT 1 FROM production_skill s JOIN skill_competence m ON m.skill_id = s.skill_id "
        "WHERE s.entry_id = p.id AND m.competence_id = :competence) "
        "ORDER BY p.day DESC, p.id DESC")));
    q.bind(QStringLiteral("trainee"), traineeId).bind(QStringLiteral("competence"), competenceId);
    ETABLI_TRY(q.exec());
    QList<EvidenceEntry> out;
    while (q.next()) {
        sql::RowReader col(q);
        EvidenceEntry e;
        e.entryId = col.int64();
        e.day = col.date();
        e.reference = col.text();
        e.customerOrder = col.code(ProductionKind::Exercise) == ProductionKind::Order;
        e.minutes = col.integer();
        out << e;
    }
    return out;
}

Status LearningRepository::fillClass(ClassLearning& view) const
{
    const qint64 certificationId = view.framework.certificationId;
    {
        SqlQuery q(m_db);
        q.setForwardOnly(true);
        ETABLI_TRY(q.prepare(QStringLiteral("SELECT id, last_name, first_name, entry_date FROM trainee "
                                            "WHERE section_id = :section AND status = 'enrolled' "
                                            "ORDER BY sort_key, id")));
        q.bind(QStringLiteral("section"), view.sectionId);
        ETABLI_TRY(q.exec());
        while (q.next()) {
            sql::RowReader col(q);
            ClassLearning::Learner t;
            t.traineeId = col.int64();
            t.lastName = col.text();
            t.firstName = col.text();
            t.entry = col.date();
            view.trainees << t;
        }
    }
    {
        // In day then id order: the last one read of each pair is its latest.
        SqlQuery q(m_db);
        q.setForwardOnly(true);
        ETABLI_TRY(q.prepare(
            QStringLiteral("SELECT %1 FROM competence_evaluation e JOIN trainee t ON t.id = e.trainee_id "
                           "JOIN competence c ON c.id = e.competence_id WHERE t.section_id = :section "
                           "AND t.status = 'enrolled' AND c.certification_id = :certification "
                           "ORDER BY e.trainee_id, e.competence_id, e.day, e.id")
                .arg(kEvaluationColumns)));
        q.bind(QStringLiteral("section"), view.sectionId)
            .bind(QStringLiteral("certification"), certificationId);
        ETABLI_TRY(q.exec());
        while (q.next()) {
            CompetenceEvaluation e = readEvaluation(q);
            view.latest.insert(ClassLearning::Key(e.traineeId, e.competenceId), e);
        }
    }
    SqlQuery q(m_db);
    q.setForwardOnly(true);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT pt.trainee_id, m.competence_id, count(DISTINCT pt.entry_id) FROM production_trainee pt "
        "JOIN trainee t ON t.id = pt.trainee_id JOIN production_skill s ON s.entry_id = pt.entry_id "
        "JOIN skill_competence m ON m.skill_id = s.skill_id JOIN competence c ON c.id = m.competence_id "
        "WHERE t.section_id = :section AND t.status = 'enrolled' AND c.certification_id = :certification "
        "GROUP BY pt.trainee_id, m.competence_id")));
    q.bind(QStringLiteral("section"), view.sectionId).bind(QStringLiteral("certification"), certificationId);
    ETABLI_TRY(q.exec());
    while (q.next()) {
        sql::RowReader col(q);
        const qint64 trainee = col.int64();
        const qint64 competence = col.int64();
        view.jobs.insert(ClassLearning::Key(trainee, competence), col.integer());
    }
    return {};
}

} // namespace etabli
