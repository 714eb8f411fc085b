// The demo's skill frameworks and evaluations (issue 23; see demogenerator.cpp).
// The frameworks are plausible examples for the demo's two CAPs, marked as
// such — not the official texts; each workshop skill is mapped onto the
// competences it practises, and each trainee still at school has been
// evaluated on what their jobs in the log practised.
#include "domain/section.h"
#include "services/demogenerator.h"
#include "services/frameworkservice.h"
#include "storage/database.h"
#include "storage/learningrepository.h"
#include "storage/productionrepository.h"
#include "storage/sqlquery.h"

namespace etabli {

namespace {

// bloc;code;compétence;critère — as a school's file would give them.
const char* const kCapMv =
    "bloc;code;compétence;critère\n"
    "B1 – Préparer l'intervention;C1.1;Accueillir le client et prendre en charge le "
    "véhicule;Le besoin du client est reformulé\n"
    "B1 – Préparer l'intervention;C1.1;Accueillir le client et prendre en charge le "
    "véhicule;L'ordre de réparation est complété\n"
    "B1 – Préparer l'intervention;C1.2;Organiser et ranger son poste;Le poste est propre "
    "et rangé en fin d'intervention\n"
    "B2 – Réaliser l'intervention;C2.1;Déposer et reposer une roue, monter un "
    "pneumatique;Le couple de serrage est respecté\n"
    "B2 – Réaliser l'intervention;C2.2;Équilibrer un ensemble roue-pneumatique;Le balourd "
    "résiduel est dans la tolérance\n"
    "B2 – Réaliser l'intervention;C2.3;Réparer un pneumatique;La réparation suit la "
    "méthode du fabricant\n"
    "B3 – Contrôler et rendre compte;C3.1;Contrôler l'état et la pression des "
    "pneumatiques;Les mesures sont relevées et comparées aux préconisations\n"
    "B3 – Contrôler et rendre compte;C3.2;Rendre compte de l'intervention au client;Les "
    "travaux faits et conseillés sont expliqués\n";

const char* const kCapMetallier =
    "bloc;code;compétence;critère\n"
    "B1 – Analyser et préparer;M1.1;Lire un plan et une nomenclature;Les cotes "
    "utiles sont relevées\n"
    "B1 – Analyser et préparer;M1.2;Préparer et organiser son poste;Le poste est "
    "propre et sûr\n"
    "B2 – Fabriquer;M2.1;Débiter et découper les profilés;Les longueurs sont "
    "dans la tolérance\n"
    "B2 – Fabriquer;M2.2;Assembler par soudage à l'arc;Le cordon est régulier\n"
    "B2 – Fabriquer;M2.3;Assembler par soudage semi-automatique (MIG);La "
    "pénétration est suffisante\n"
    "B2 – Fabriquer;M2.4;Parachever : meuler, ébavurer;Aucune arête vive ne reste\n"
    "B3 – Poser et contrôler;M3.1;Contrôler un ouvrage fini;Les écarts au plan "
    "sont relevés\n";

// Which competences each demo skill practises (demoworkshops.cpp names the skills).
const std::pair<const char*, const char*> kSkillMap[] = {
    {"Démonter et monter un pneu", "C2.1"},
    {"Équilibrer une roue", "C2.2"},
    {"Réparer une crevaison", "C2.3"},
    {"Contrôler la pression et l'usure", "C3.1"},
    {"Accueillir un client", "C1.1"},
    {"Accueillir un client", "C3.2"},
    {"Ranger et nettoyer le poste", "C1.2"},
    {"Lire un plan", "M1.1"},
    {"Découper et débiter", "M2.1"},
    {"Souder à l'arc", "M2.2"},
    {"Souder au MIG", "M2.3"},
    {"Meuler et ébavurer", "M2.4"},
    {"Meuler et ébavurer", "M3.1"},
    {"Ranger et nettoyer le poste", "M1.2"},
};

// The level the jobs behind a competence make plausible.
CompetenceLevel levelFor(int jobs)
{
    if (jobs >= 25)
        return CompetenceLevel::Mastered;
    if (jobs >= 8)
        return CompetenceLevel::Acquired;
    return CompetenceLevel::InProgress;
}

} // namespace

Result<int> DemoGenerator::addLearning(const QList<Section>& sections, const QHash<QString, qint64>& userIds,
                                       const QDate& today, bool federation)
{
    LearningRepository learning(m_db);
    const auto certification = [&](const QString& code) -> qint64 {
        SqlQuery q(m_db);
        if (!q.prepare(QStringLiteral("SELECT id FROM certification WHERE code = :code")))
            return 0;
        q.bind(QStringLiteral("code"), code);
        return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    };
    QHash<QString, qint64> competences; // code → id
    for (const auto& [code, file] : {std::pair{QStringLiteral("CAP MV"), kCapMv},
                                     std::pair{QStringLiteral("CAP métallier"), kCapMetallier}}) {
        const qint64 id = certification(code);
        if (id == 0)
            continue;
        auto blocks = FrameworkService::read(QByteArray(file));
        if (!blocks)
            return std::unexpected(blocks.error());
        for (qsizetype b = 0; b < blocks->size(); ++b) {
            auto blockId = learning.insertBlock(id, blocks->at(b), static_cast<int>(b + 1));
            if (!blockId)
                return std::unexpected(blockId.error());
            const QList<Competence>& list = blocks->at(b).competences;
            for (qsizetype c = 0; c < list.size(); ++c) {
                auto competenceId =
                    learning.insertCompetence(id, *blockId, list.at(c), static_cast<int>(c + 1));
                if (!competenceId)
                    return std::unexpected(competenceId.error());
                ETABLI_TRY(learning.replaceCriteria(*competenceId, list.at(c).criteria));
                competences.insert(list.at(c).code, *competenceId);
            }
        }
        ETABLI_TRY(learning.setDemo(id, true));
    }

    // The skills onto their competences: a workshop's skills onto its own CAP's.
    QHash<qint64, QList<qint64>> bySkill; // skill → competences
    for (int i = 0; i < sections.size(); ++i) {
        const QChar prefix = i % 2 == 0 ? QLatin1Char('C') : QLatin1Char('M');
        auto skills = ProductionRepository(m_db).skills(sections.at(i).id, false);
        if (!skills)
            return std::unexpected(skills.error());
        for (const Skill& skill : *skills) {
            for (const auto& [label, code] : kSkillMap) {
                const QString competence = QString::fromUtf8(code);
                if (skill.label != QString::fromUtf8(label) || !competence.startsWith(prefix) ||
                    !competences.contains(competence))
                    continue;
                SqlQuery q(m_db);
                ETABLI_TRY(q.prepare(QStringLiteral(
                    "INSERT INTO skill_competence (skill_id, competence_id) VALUES (:s, :c)")));
                q.bind(QStringLiteral("s"), skill.id)
                    .bind(QStringLiteral("c"), competences.value(competence));
                ETABLI_TRY(q.exec());
                bySkill[skill.id] << competences.value(competence);
            }
        }
    }
    if (federation)
        return 0; // the frameworks only: a federation's evaluations are its schools'

    // Each trainee still at school, evaluated by their workshop's trainer on
    // what their jobs practised: "en cours" after the first jobs, then the
    // level their count makes plausible, each with its latest jobs as evidence.
    int recorded = 0;
    for (int i = 0; i < sections.size(); ++i) {
        const qint64 trainer =
            userIds.value(i % 2 == 0 ? QStringLiteral("formateur.pneus") : QStringLiteral("formateur.metal"));
        QString trainerName;
        {
            SqlQuery q(m_db);
            ETABLI_TRY(q.prepare(QStringLiteral("SELECT display_name FROM app_user WHERE id = :id")));
            q.bind(QStringLiteral("id"), trainer);
            ETABLI_TRY(q.exec());
            trainerName = q.next() ? q.value(0).toString() : QStringLiteral("formateur");
        }
        SqlQuery people(m_db);
        ETABLI_TRY(people.prepare(QStringLiteral("SELECT id FROM trainee WHERE section_id = :s AND status = "
                                                 "'enrolled' AND anonymised_at IS NULL ORDER BY id")));
        people.bind(QStringLiteral("s"), sections.at(i).id);
        ETABLI_TRY(people.exec());
        QList<qint64> trainees;
        while (people.next())
            trainees << people.value(0).toLongLong();
        people.finish();
        QList<qint64> sectionCompetences;
        for (const QList<qint64>& list : std::as_const(bySkill))
            for (qint64 c : list)
                if (!sectionCompetences.contains(c) &&
                    competences.key(c).startsWith(i % 2 == 0 ? QLatin1Char('C') : QLatin1Char('M')))
                    sectionCompetences << c;
        std::sort(sectionCompetences.begin(), sectionCompetences.end());
        for (qint64 trainee : std::as_const(trainees)) {
            for (qint64 competence : std::as_const(sectionCompetences)) {
                auto jobs = learning.evidence(trainee, competence);
                if (!jobs)
                    return std::unexpected(jobs.error());
                if (jobs->isEmpty())
                    continue;
                CompetenceEvaluation e;
                e.traineeId = trainee;
                e.competenceId = competence;
                e.evaluatorId = trainer;
                e.evaluatorName = trainerName;
                e.recordedAt = today.toString(Qt::ISODate) + QStringLiteral("T16:00:00Z");
                // The first: "en cours", on the day of the third job (or the first).
                const QList<EvidenceEntry>& all = *jobs; // newest first
                const EvidenceEntry& early = all.at(std::max<qsizetype>(0, all.size() - 3));
                e.level = CompetenceLevel::InProgress;
                e.day = early.day;
                e.evidence = {early.entryId};
                if (auto r = learning.insertEvaluation(e); !r)
                    return std::unexpected(r.error());
                ++recorded;
                const CompetenceLevel now = levelFor(static_cast<int>(all.size()));
                if (now == CompetenceLevel::InProgress || all.first().day <= early.day)
                    continue;
                e.level = now;
                e.day = all.first().day;
                e.evidence.clear();
                for (qsizetype j = 0; j < std::min<qsizetype>(5, all.size()); ++j)
                    e.evidence << all.at(j).entryId;
                e.comment = now == CompetenceLevel::Mastered
                                ? QStringLiteral("Autonome, transmet aux nouveaux.")
                                : QString();
                if (auto r = learning.insertEvaluation(e); !r)
                    return std::unexpected(r.error());
                ++recorded;
            }
        }
    }
    return recorded;
}

} // namespace etabli
