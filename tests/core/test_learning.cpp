// The learning booklet (issue 23): skill frameworks read from a spreadsheet.
#include "services/attendanceservice.h"
#include "services/evaluationservice.h"
#include "services/frameworkservice.h"
#include "services/indicatorservice.h"
#include "services/personaldataservice.h"
#include "services/schoolservice.h"
#include "services/staffservice.h"
#include "services/traineeservice.h"
#include "services/userservice.h"
#include "storage/traineerepository.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QJsonArray>
#include <QJsonObject>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {

QByteArray frameworkFile(const QStringList& rows)
{
    return rows.join(QStringLiteral("\r\n")).toUtf8() + "\r\n";
}

} // namespace

TEST_CASE(
    "A framework is read from its columns bloc, code, compétence, critère: a competence gathers its criteria",
    "[learning]")
{
    const auto blocks = FrameworkService::read(frameworkFile({
        QStringLiteral("Bloc;Code;Compétence;Critère"),
        QStringLiteral(
            "B1 – Préparer l'intervention;C1.1;Prendre en charge le véhicule;Le client est accueilli"),
        QStringLiteral(
            "B1 – Préparer l'intervention;C1.1;Prendre en charge le véhicule;L'ordre de réparation est lu"),
        QStringLiteral("B1 – Préparer l'intervention;C1.2;Préparer le poste;"),
        QStringLiteral(";;;"),
        QStringLiteral(
            "B2 : Réaliser l'intervention;C2.1;Remplacer un pneumatique;Le couple de serrage est respecté"),
    }));
    REQUIRE(blocks);
    REQUIRE(blocks->size() == 2);
    const CompetenceBlock& first = blocks->at(0);
    CHECK(first.code == QStringLiteral("B1"));
    CHECK(first.title == QStringLiteral("Préparer l'intervention"));
    REQUIRE(first.competences.size() == 2);
    CHECK(first.competences.at(0).code == QStringLiteral("C1.1"));
    REQUIRE(first.competences.at(0).criteria.size() == 2);
    CHECK(first.competences.at(0).criteria.at(1).code == QStringLiteral("C1.1.2"));
    CHECK(first.competences.at(0).criteria.at(1).title == QStringLiteral("L'ordre de réparation est lu"));
    CHECK(first.competences.at(1).criteria.isEmpty());
    CHECK(blocks->at(1).code == QStringLiteral("B2"));
    CHECK(blocks->at(1).title == QStringLiteral("Réaliser l'intervention"));
    CHECK(blocks->at(1).competences.at(0).title == QStringLiteral("Remplacer un pneumatique"));

    // A block's title in its own column.
    const auto titled =
        FrameworkService::read(frameworkFile({QStringLiteral("bloc;intitulé du bloc;code;compétence"),
                                              QStringLiteral("B1;Préparer;C1;Accueillir")}));
    REQUIRE(titled);
    CHECK(titled->at(0).code == QStringLiteral("B1"));
    CHECK(titled->at(0).title == QStringLiteral("Préparer"));
}

TEST_CASE("A framework file with a duplicate code or a missing block is refused whole, each line named",
          "[learning]")
{
    const auto refused = FrameworkService::read(frameworkFile({
        QStringLiteral("bloc;code;compétence;critère"),
        QStringLiteral("B1 – Préparer;C1;Accueillir le client;"),
        QStringLiteral(";C2;Lire l'ordre de réparation;"),
        QStringLiteral("B2 – Réaliser;C1;Démonter la roue;"),
        QStringLiteral("B2 – Réaliser;C3;;"),
        QStringLiteral("B1 – Préparer;C1;Accueillir le client;"),
    }));
    REQUIRE_FALSE(refused);
    const QString message = refused.error().message;
    CHECK(message.contains(QStringLiteral("3")));
    CHECK(message.contains(QStringLiteral("bloc")));
    CHECK(message.contains(QStringLiteral("C1")));
    CHECK(message.contains(QStringLiteral("ligne 2")));
    CHECK(message.contains(QStringLiteral("5")));
    CHECK(message.contains(QStringLiteral("6")));

    const auto noColumn =
        FrameworkService::read(frameworkFile({QStringLiteral("bloc;compétence"), QStringLiteral("B1;X")}));
    REQUIRE_FALSE(noColumn);
    CHECK(noColumn.error().message.contains(QStringLiteral("code")));
    CHECK_FALSE(FrameworkService::read(frameworkFile({QStringLiteral("bloc;code;compétence")})));
}

namespace {

struct School
{
    UserContext director;
    UserContext trainer; // the tyres' trainer
    qint64 tyres = 0;
    qint64 metal = 0;
    qint64 cap = 0;  // CAP MV
    qint64 lea = 0;  // tyres, entered 1 September
    qint64 noah = 0; // metalwork
};

qint64 traineeIn(Database& db, const Clock& clock, const UserContext& who, const QString& first,
                 qint64 section)
{
    Trainee t;
    t.lastName = QStringLiteral("Apprenti");
    t.firstName = first;
    t.sex = QStringLiteral("F");
    t.birthDate = QDate(2010, 3, 4);
    t.sectionId = section;
    t.cohortYear = 2026;
    t.entryDate = QDate(2026, 9, 1);
    t.status = TraineeStatus::Enrolled;
    t.studyYear = 1;
    auto id = TraineeService(db, clock, who).create(t);
    REQUIRE(id);
    return *id;
}

School school(Database& db, const Clock& clock)
{
    School s;
    s.director = test::createSchool(db);
    s.tyres = test::rawScalar(db, QStringLiteral("SELECT id FROM section WHERE name = 'Pneus et services'"))
                  .toLongLong();
    s.metal =
        test::rawScalar(db, QStringLiteral("SELECT id FROM section WHERE name = 'Métallerie'")).toLongLong();
    s.cap = test::rawScalar(db, QStringLiteral("SELECT id FROM certification WHERE code = 'CAP MV'"))
                .toLongLong();
    REQUIRE(s.cap != 0);
    User trainer;
    trainer.login = QStringLiteral("jl.perrin");
    trainer.displayName = QStringLiteral("Jean-Luc Perrin");
    trainer.role = Role::Formateur;
    trainer.sectionIds = {s.tyres};
    REQUIRE(UserService(db, clock, s.director).create(trainer, QStringLiteral("un-mot-de-passe-formateur")));
    s.trainer = test::logIn(db, trainer.login, QStringLiteral("un-mot-de-passe-formateur"));
    s.lea = traineeIn(db, clock, s.director, QStringLiteral("Léa"), s.tyres);
    s.noah = traineeIn(db, clock, s.director, QStringLiteral("Noah"), s.metal);
    return s;
}

const QByteArray kCapFramework = frameworkFile({
    QStringLiteral("bloc;code;compétence;critère"),
    QStringLiteral("B1 – Préparer;C1.1;Accueillir le client;Le client est accueilli"),
    QStringLiteral("B1 – Préparer;C1.2;Préparer le poste;"),
    QStringLiteral("B2 – Réaliser;C2.1;Remplacer un pneumatique;Le couple de serrage est respecté"),
});

// The school with the CAP MV's framework loaded by the director.
School withFramework(Database& db, const Clock& clock)
{
    School s = school(db, clock);
    auto blocks = FrameworkService::read(kCapFramework);
    REQUIRE(blocks);
    REQUIRE(FrameworkService(db, clock, s.director).replace(s.cap, *blocks));
    return s;
}

qint64 competenceId(Database& db, const QString& code)
{
    return test::rawScalar(db, QStringLiteral("SELECT id FROM competence WHERE code = '%1'").arg(code))
        .toLongLong();
}

} // namespace

TEST_CASE("A framework is loaded, then loaded again: codes keep their competences, used ones stay",
          "[learning]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(test::kToday, QTime(9, 0), Qt::UTC));
    const School s = school(t.db(), clock);
    FrameworkService frameworks(t.db(), clock, s.director);
    auto blocks = FrameworkService::read(kCapFramework);
    REQUIRE(blocks);
    REQUIRE(frameworks.replace(s.cap, *blocks, true));
    auto loaded = frameworks.framework(s.cap);
    REQUIRE(loaded);
    CHECK(loaded->demo);
    CHECK(loaded->certificationCode == QStringLiteral("CAP MV"));
    REQUIRE(loaded->blocks.size() == 2);
    CHECK(loaded->competenceCount() == 3);
    CHECK(loaded->blocks.at(0).competences.at(0).criteria.at(0).title ==
          QStringLiteral("Le client est accueilli"));
    const qint64 c21 = competenceId(t.db(), QStringLiteral("C2.1"));

    // Only direction changes a framework.
    CHECK(FrameworkService(t.db(), clock, s.trainer).replace(s.cap, *blocks).error().code ==
          Error::Code::AccessDenied);

    // An evaluation on C2.1 ties it to the framework.
    CompetenceEvaluation e;
    e.traineeId = s.lea;
    e.competenceId = c21;
    e.level = CompetenceLevel::InProgress;
    e.day = test::kToday;
    REQUIRE(EvaluationService(t.db(), clock, s.trainer).record(e));

    // The school's new version: C2.1 retitled and moved, C1.2 gone, C3.1 new.
    auto second = FrameworkService::read(frameworkFile({
        QStringLiteral("bloc;code;compétence;critère"),
        QStringLiteral("B1 – Préparer l'intervention;C1.1;Accueillir le client;"),
        QStringLiteral("B3 – Contrôler;C2.1;Remplacer et contrôler un pneumatique;"),
        QStringLiteral("B3 – Contrôler;C3.1;Rendre le véhicule;"),
    }));
    REQUIRE(second);
    REQUIRE(frameworks.replace(s.cap, *second));
    loaded = frameworks.framework(s.cap);
    REQUIRE(loaded);
    CHECK_FALSE(loaded->demo);
    REQUIRE(loaded->blocks.size() == 2);
    CHECK(loaded->blocks.at(0).title == QStringLiteral("Préparer l'intervention"));
    CHECK(loaded->blocks.at(0).competences.at(0).criteria.isEmpty());
    CHECK(loaded->blocks.at(1).code == QStringLiteral("B3"));
    CHECK(competenceId(t.db(), QStringLiteral("C2.1")) == c21); // the same competence, its evaluation kept
    CHECK(loaded->competence(c21)->title == QStringLiteral("Remplacer et contrôler un pneumatique"));
    CHECK(competenceId(t.db(), QStringLiteral("C1.2")) == 0);

    // Leaving out an evaluated competence is refused, nothing written.
    auto third = FrameworkService::read(frameworkFile(
        {QStringLiteral("bloc;code;compétence"), QStringLiteral("B1 – Préparer;C1.1;Accueillir le client")}));
    REQUIRE(third);
    auto refused = frameworks.replace(s.cap, *third);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("C2.1")));
    CHECK(frameworks.framework(s.cap)->competenceCount() == 3);
}

TEST_CASE(
    "A trainer evaluates the trainees of their sections: history kept, the latest counts, evidence from the "
    "log",
    "[learning]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(test::kToday, QTime(9, 0), Qt::UTC));
    const School s = withFramework(t.db(), clock);
    const qint64 c21 = competenceId(t.db(), QStringLiteral("C2.1"));
    const qint64 c11 = competenceId(t.db(), QStringLiteral("C1.1"));

    // The log: a skill mapped onto C2.1, practised by Léa on a customer's order and an exercise.
    REQUIRE(
        test::rawExec(t.db(), QStringLiteral("INSERT INTO skill (section_id, label, label_key) VALUES (%1, "
                                             "'Démonter un pneu', 'demonter un pneu')")
                                  .arg(s.tyres)));
    const qint64 skill = test::rawScalar(t.db(), QStringLiteral("SELECT max(id) FROM skill")).toLongLong();
    REQUIRE(test::rawExec(
        t.db(), QStringLiteral("INSERT INTO skill_competence (skill_id, competence_id) VALUES (%1, %2)")
                    .arg(skill)
                    .arg(c21)));
    QList<qint64> jobs;
    for (const char* kind : {"order", "exercise"}) {
        REQUIRE(test::rawExec(t.db(),
                              QStringLiteral("INSERT INTO production_entry (day, section_id, author_login, "
                                             "kind, reference, created_at, updated_at) VALUES "
                                             "('2026-11-20', %1, 'jl.perrin', '%2', 'OR-1', "
                                             "'2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')")
                                  .arg(s.tyres)
                                  .arg(QLatin1String(kind))));
        jobs << test::rawScalar(t.db(), QStringLiteral("SELECT max(id) FROM production_entry")).toLongLong();
        REQUIRE(test::rawExec(t.db(),
                              QStringLiteral("INSERT INTO production_trainee (entry_id, trainee_id, minutes) "
                                             "VALUES (%1, %2, 120)")
                                  .arg(jobs.last())
                                  .arg(s.lea)));
        REQUIRE(test::rawExec(
            t.db(), QStringLiteral("INSERT INTO production_skill (entry_id, skill_id) VALUES (%1, %2)")
                        .arg(jobs.last())
                        .arg(skill)));
    }

    EvaluationService trainer(t.db(), clock, s.trainer);
    auto proposed = trainer.proposedEvidence(s.lea, c21);
    REQUIRE(proposed);
    REQUIRE(proposed->size() == 2);
    CHECK(proposed->at(0).minutes == 120);
    int orders = 0;
    for (const EvidenceEntry& job : *proposed)
        orders += job.customerOrder ? 1 : 0;
    CHECK(orders == 1);
    CHECK(trainer.proposedEvidence(s.lea, c11)->isEmpty());

    CompetenceEvaluation e;
    e.traineeId = s.lea;
    e.competenceId = c21;
    e.level = CompetenceLevel::InProgress;
    e.day = QDate(2026, 11, 2);
    e.evidence = {jobs.at(0)};
    REQUIRE(trainer.record(e));
    e.level = CompetenceLevel::Acquired;
    e.day = QDate(2026, 11, 20);
    e.comment = QStringLiteral("  Serrage au couple sans aide.  ");
    e.evidence = jobs;
    REQUIRE(trainer.record(e));
    auto history = trainer.history(s.lea, c21);
    REQUIRE(history);
    REQUIRE(history->size() == 2);
    CHECK(history->at(0).level == CompetenceLevel::InProgress);
    CHECK(history->at(1).evaluatorName == QStringLiteral("Jean-Luc Perrin"));
    CHECK(history->at(1).comment == QStringLiteral("Serrage au couple sans aide."));
    CHECK(history->at(1).evidence.size() == 2);
    auto latest = trainer.latest(s.lea);
    REQUIRE(latest);
    CHECK(latest->value(c21).level == CompetenceLevel::Acquired);
    CHECK_FALSE(latest->contains(c11));

    // Never changed in place, whatever the program does.
    CHECK_FALSE(test::rawExec(t.db(), QStringLiteral("UPDATE competence_evaluation SET level = 'mastered'")));

    // Refused, nothing written.
    const auto count = [&] {
        return test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM competence_evaluation")).toInt();
    };
    CompetenceEvaluation bad = e;
    bad.evidence.clear();
    bad.traineeId = s.noah; // metalwork: not this trainer's
    auto other = trainer.record(bad);
    REQUIRE_FALSE(other);
    CHECK(other.error().code == Error::Code::AccessDenied);
    CHECK(other.error().message.contains(QStringLiteral("Noah")));
    bad.traineeId = s.lea;
    bad.day = test::kToday.addDays(1);
    CHECK(trainer.record(bad).error().message.contains(QStringLiteral("futur")));
    bad.day = QDate(2026, 8, 31); // before her entry
    CHECK(trainer.record(bad).error().message.contains(QStringLiteral("01/09/2026")));
    bad.day = test::kToday;
    bad.competenceId = c11;
    bad.evidence = {jobs.at(0)}; // a job that did not practise C1.1
    CHECK_FALSE(trainer.record(bad));
    CHECK(count() == 2);
    // The director evaluates in every section.
    bad.evidence.clear();
    CHECK(EvaluationService(t.db(), clock, s.director).record(bad));
    CHECK(count() == 3);

    // The young person's access export lists them.
    auto held = PersonalDataService(t.db(), clock, s.director).exportTrainee(s.lea);
    REQUIRE(held);
    const QJsonArray evaluated = held->data.value(QStringLiteral("évaluations des compétences")).toArray();
    REQUIRE(evaluated.size() == 3);
    CHECK(evaluated.at(1).toObject().value(QStringLiteral("niveau")).toString() == QStringLiteral("acquis"));
    CHECK(evaluated.at(1)
              .toObject()
              .value(QStringLiteral("compétence"))
              .toString()
              .startsWith(QStringLiteral("C2.1 ")));

    // The retention rule keeps the levels and clears the trainers' words.
    REQUIRE(TraineeRepository(t.db()).anonymise(s.lea, QStringLiteral("2033-09-01T00:00:00Z")));
    CHECK(test::rawScalar(t.db(),
                          QStringLiteral("SELECT count(*) FROM competence_evaluation WHERE comment <> ''"))
              .toInt() == 0);
    CHECK(test::rawScalar(
              t.db(),
              QStringLiteral("SELECT count(*) FROM competence_evaluation WHERE trainee_id = %1").arg(s.lea))
              .toInt() == 3);

    CHECK(EvaluationService::levelFromText(QStringLiteral("En cours d'acquisition")) ==
          CompetenceLevel::InProgress);
    CHECK(EvaluationService::levelFromText(QStringLiteral("maîtrisé")) == CompetenceLevel::Mastered);
    CHECK(EvaluationService::levelFromText(QStringLiteral("acquired")) == CompetenceLevel::Acquired);
    CHECK_FALSE(EvaluationService::levelFromText(QStringLiteral("excellent")));
}

TEST_CASE("The class view gathers a section's latest levels and jobs, the grid's save is all or nothing",
          "[learning]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(test::kToday, QTime(9, 0), Qt::UTC));
    const School s = withFramework(t.db(), clock);
    FrameworkService frameworks(t.db(), clock, s.director);
    const qint64 c21 = competenceId(t.db(), QStringLiteral("C2.1"));
    const qint64 c11 = competenceId(t.db(), QStringLiteral("C1.1"));
    const qint64 tom = traineeIn(t.db(), clock, s.director, QStringLiteral("Tom"), s.tyres);

    // The director maps a workshop skill onto C2.1; a trainer may not.
    REQUIRE(
        test::rawExec(t.db(), QStringLiteral("INSERT INTO skill (section_id, label, label_key) VALUES (%1, "
                                             "'Démonter un pneu', 'demonter un pneu')")
                                  .arg(s.tyres)));
    const qint64 skill = test::rawScalar(t.db(), QStringLiteral("SELECT max(id) FROM skill")).toLongLong();
    CHECK(FrameworkService(t.db(), clock, s.trainer).setSkills(c21, {skill}).error().code ==
          Error::Code::AccessDenied);
    REQUIRE(frameworks.setSkills(c21, {skill, skill}));
    auto mapping = frameworks.skillMapping(s.cap);
    REQUIRE(mapping);
    CHECK(mapping->value(c21) == QList<qint64>{skill});
    CHECK_FALSE(mapping->contains(c11));

    // Tom did three jobs practising it, Léa none.
    for (int i = 0; i < 3; ++i) {
        REQUIRE(test::rawExec(t.db(),
                              QStringLiteral("INSERT INTO production_entry (day, section_id, author_login, "
                                             "kind, reference, created_at, updated_at) VALUES "
                                             "('2026-11-1%2', %1, 'jl.perrin', 'order', 'OR-%2', "
                                             "'2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')")
                                  .arg(s.tyres)
                                  .arg(i)));
        const qint64 job =
            test::rawScalar(t.db(), QStringLiteral("SELECT max(id) FROM production_entry")).toLongLong();
        REQUIRE(test::rawExec(t.db(), QStringLiteral("INSERT INTO production_trainee (entry_id, trainee_id, "
                                                     "minutes) VALUES (%1, %2, 60)")
                                          .arg(job)
                                          .arg(tom)));
        REQUIRE(test::rawExec(
            t.db(), QStringLiteral("INSERT INTO production_skill (entry_id, skill_id) VALUES (%1, %2)")
                        .arg(job)
                        .arg(skill)));
    }

    EvaluationService trainer(t.db(), clock, s.trainer);
    const auto evaluation = [](qint64 trainee, qint64 competence, CompetenceLevel level, const QDate& day) {
        CompetenceEvaluation e;
        e.traineeId = trainee;
        e.competenceId = competence;
        e.level = level;
        e.day = day;
        return e;
    };
    REQUIRE(trainer.recordAll({evaluation(tom, c21, CompetenceLevel::InProgress, QDate(2026, 10, 5)),
                               evaluation(tom, c21, CompetenceLevel::Acquired, QDate(2026, 11, 20)),
                               evaluation(s.lea, c11, CompetenceLevel::NotStarted, QDate(2026, 11, 20))}));
    // One refused (Noah is not this trainer's): none written.
    const auto count = [&] {
        return test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM competence_evaluation")).toInt();
    };
    auto refused = trainer.recordAll({evaluation(tom, c11, CompetenceLevel::Acquired, test::kToday),
                                      evaluation(s.noah, c11, CompetenceLevel::Acquired, test::kToday)});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("Noah")));
    CHECK(count() == 3);

    auto view = trainer.classView(s.tyres, s.cap);
    REQUIRE(view);
    REQUIRE(view->trainees.size() == 2);
    CHECK(view->trainees.at(0).firstName == QStringLiteral("Léa"));
    CHECK(view->framework.competenceCount() == 3);
    CHECK(view->latestOf(tom, c21)->level == CompetenceLevel::Acquired);
    CHECK(view->latestOf(tom, c21)->day == QDate(2026, 11, 20));
    CHECK(view->latestOf(s.lea, c11)->level == CompetenceLevel::NotStarted);
    CHECK_FALSE(view->latestOf(s.lea, c21));
    CHECK(view->jobsOf(tom, c21) == 3);
    CHECK(view->jobsOf(s.lea, c21) == 0);
    // Another section's view is for its own trainers.
    CHECK(trainer.classView(s.metal, s.cap).error().code == Error::Code::AccessDenied);
    auto metal = EvaluationService(t.db(), clock, s.director).classView(s.metal, s.cap);
    REQUIRE(metal);
    CHECK(metal->trainees.size() == 1);
    CHECK(metal->latest.isEmpty());
}

TEST_CASE(
    "The fundamentals of a hand-built week: workshop time, trainees per master trainer, customers' orders",
    "[learning][fundamentals]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(test::kToday, QTime(9, 0), Qt::UTC));
    const School s = school(t.db(), clock);
    const qint64 tom = traineeIn(t.db(), clock, s.director, QStringLiteral("Tom"), s.tyres);
    StaffMember master;
    master.lastName = QStringLiteral("Perrin");
    master.firstName = QStringLiteral("Jean-Luc");
    master.job = StaffJob::MasterTrainer;
    master.sectionIds = {s.tyres};
    REQUIRE(StaffService(t.db(), clock, s.director).add(master));

    // The tyres' week: Tuesday afternoon and Thursday morning in class.
    const QDate monday(2026, 11, 16);
    AttendanceService register_(t.db(), clock, s.trainer);
    CHECK(register_.setTimetable(s.metal, Timetable{{3}}, monday).error().code == Error::Code::AccessDenied);
    CHECK_FALSE(register_.setTimetable(s.tyres, Timetable{{10}}, monday));
    REQUIRE(register_.setTimetable(s.tyres, Timetable{{3, 6}}, monday));
    CHECK(register_.timetable(s.tyres)->classSlots == QList<int>{3, 6});
    // Léa present all week; Tom away on Monday (excused), present the rest.
    QList<AttendanceCell> week;
    for (int d = 0; d < 5; ++d) {
        for (Half half : {Half::Morning, Half::Afternoon}) {
            week << AttendanceCell{s.lea, monday.addDays(d), half, AttendanceCode::Present, {}};
            week << AttendanceCell{
                tom, monday.addDays(d), half, d == 0 ? AttendanceCode::Excused : AttendanceCode::Present, {}};
        }
    }
    REQUIRE(register_.record(s.tyres, week));
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM attendance WHERE activity = 'class'"))
              .toInt() == 4);
    CHECK(register_.week(s.tyres, monday)->timetable.activityOn(monday.addDays(1), Half::Afternoon) ==
          Activity::Class);

    // The log: 2 h on a customer's order, 1 h of exercise, 1 h of upkeep.
    for (const auto& [kind, minutes] : {std::pair{"order", 120}, {"exercise", 60}, {"upkeep", 60}}) {
        REQUIRE(test::rawExec(
            t.db(), QStringLiteral("INSERT INTO production_entry (day, section_id, author_login, "
                                   "kind, created_at, updated_at) VALUES ('2026-11-18', %1, "
                                   "'jl.perrin', '%2', '2026-11-18T17:00:00Z', '2026-11-18T17:00:00Z')")
                        .arg(s.tyres)
                        .arg(QLatin1String(kind))));
        REQUIRE(test::rawExec(t.db(),
                              QStringLiteral("INSERT INTO production_trainee (entry_id, trainee_id, minutes) "
                                             "VALUES ((SELECT max(id) FROM production_entry), %1, %2)")
                                  .arg(s.lea)
                                  .arg(minutes)));
    }

    IndicatorService indicators(t.db(), clock, s.director);
    auto tyres = indicators.indicators(QStringLiteral("2026-2027"), QStringLiteral("Pneus et services"));
    REQUIRE(tyres);
    // Workshop half-days: Léa 8, Tom 6; in class: 2 each.
    CHECK(tyres->practiceShare == Approx(14.0 / 18.0));
    // One master trainer: Monday 1 young person, the other days 2.
    CHECK(tyres->traineesPerMaster == Approx(9.0 / 5.0));
    CHECK(tyres->traineesPerMasterMax == Approx(2.0));
    CHECK(tyres->customerOrderShare == Approx(0.5));
    CHECK(tyres->targets == FundamentalTargets{});
    const QJsonObject json = IndicatorService::toJson(*tyres);
    CHECK(json.value(QStringLiteral("practice_share")).toDouble() == Approx(14.0 / 18.0));
    CHECK(json.value(QStringLiteral("trainees_per_master")).toDouble() == Approx(1.8));
    CHECK(json.value(QStringLiteral("customer_order_share")).toDouble() == Approx(0.5));
    CHECK(json.value(QStringLiteral("targets"))
              .toObject()
              .value(QStringLiteral("trainees_per_master"))
              .toInt() == 12);
    CHECK(IndicatorService::valueOf(*tyres, QStringLiteral("practice_share")) == QStringLiteral("77,8 %"));
    // The metalwork had nothing: no figure rather than a false one.
    auto metal = indicators.indicators(QStringLiteral("2026-2027"), QStringLiteral("Métallerie"));
    REQUIRE(metal);
    CHECK(metal->practiceShare < 0);
    CHECK(metal->traineesPerMaster < 0);
    CHECK(json.value(QStringLiteral("previous")).toObject().value(QStringLiteral("practice_share")).isNull());

    // Thursday morning becomes workshop time from that week on: the half-days already recorded follow.
    auto changed = register_.setTimetable(s.tyres, Timetable{{3}}, monday);
    REQUIRE(changed);
    CHECK(*changed == 2);
    CHECK(indicators.indicators(QStringLiteral("2026-2027"), QStringLiteral("Pneus et services"))
              ->practiceShare == Approx(16.0 / 18.0));

    // The targets are the school's (settings.edit).
    const FundamentalTargets ours{7000, 10, 5000};
    CHECK(SchoolService(t.db(), clock, s.trainer).saveTargets(ours).error().code ==
          Error::Code::AccessDenied);
    CHECK_FALSE(SchoolService(t.db(), clock, s.director).saveTargets(FundamentalTargets{7000, 0, 5000}));
    REQUIRE(SchoolService(t.db(), clock, s.director).saveTargets(ours));
    CHECK(indicators.indicators(QStringLiteral("2026-2027"))->targets == ours);
}
