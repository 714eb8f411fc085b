#include "services/indicatorservice.h"
#include "services/reportdataservice.h"
#include "storage/sectionrepository.h"
#include "storage/traineerepository.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QJsonObject>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {

// A trainee written straight into the tables: the indicators only read.
void trainee(Database& db, int id, const char* status, const char* entry, const char* exit,
             const char* reason, const char* sex = "M", const char* birth = "2008-03-10")
{
    REQUIRE(test::rawExec(
        db,
        QStringLiteral(
            "INSERT INTO trainee (id, last_name, first_name, sort_key, birth_date, sex, section_id, status, "
            "entry_date, exit_date, exit_reason, created_at, updated_at) VALUES (%1, 'Nom%1', 'Prénom', "
            "'nom%1 prenom', '%2', '%3', (SELECT MIN(id) FROM section), '%4', %5, %6, %7, "
            "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")
            .arg(id)
            .arg(QString::fromUtf8(birth), QString::fromUtf8(sex), QString::fromUtf8(status))
            .arg(entry ? QStringLiteral("'%1'").arg(QString::fromUtf8(entry)) : QStringLiteral("NULL"))
            .arg(exit ? QStringLiteral("'%1'").arg(QString::fromUtf8(exit)) : QStringLiteral("NULL"))
            .arg(reason ? QStringLiteral("'%1'").arg(QString::fromUtf8(reason)) : QStringLiteral("NULL"))));
    // Its stay, as the repository (or schema 14 for older records) writes it.
    REQUIRE(test::rawExec(
        db, QStringLiteral("INSERT INTO trainee_stay (trainee_id, section_id, kind, start_date, end_date, "
                           "exit_reason) SELECT id, section_id, 'entry', entry_date, exit_date, "
                           "exit_reason FROM trainee WHERE id = %1 AND status IN ('enrolled', 'left')")
                .arg(id)));
}

void outcome(Database& db, int trainee, const char* milestone, const char* situation)
{
    REQUIRE(test::rawExec(
        db, QStringLiteral("INSERT INTO outcome (trainee_id, milestone, situation) VALUES (%1, '%2', '%3')")
                .arg(trainee)
                .arg(QString::fromUtf8(milestone), QString::fromUtf8(situation))));
}

} // namespace

TEST_CASE("A school year's indicators on an exact case, with the year before", "[reports][indicators]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    Database& db = t.db();
    trainee(db, 101, "left", "2024-09-02", "2025-06-30", "apprenticeship", "F", "2009-01-15");
    trainee(db, 102, "enrolled", "2024-09-02", nullptr, nullptr, "M", "2008-11-30");
    trainee(db, 103, "left", "2023-09-04", "2025-07-04", "end_of_course");
    trainee(db, 104, "left", "2024-10-01", "2025-01-15", "dropped_out", "M", "2009-10-02");
    trainee(db, 105, "enrolled", "2025-09-01", nullptr, nullptr);  // next year
    trainee(db, 106, "candidate", "2024-09-02", nullptr, nullptr); // never came
    outcome(db, 101, "exit", "apprenticeship");
    outcome(db, 101, "m6", "cdi");
    outcome(db, 103, "exit", "seeking");
    outcome(db, 103, "m6", "unknown");
    REQUIRE(test::rawExec(
        db, QStringLiteral("INSERT INTO trainee_certification (trainee_id, certification_id, session_year, "
                           "result) SELECT 101, id, 2025, 'passed' FROM certification WHERE code = 'CFG'")));
    REQUIRE(test::rawExec(
        db, QStringLiteral("INSERT INTO trainee_certification (trainee_id, certification_id, session_year, "
                           "result) SELECT 102, id, 2025, 'failed' FROM certification WHERE code = 'CFG'")));
    for (const char* row : {"'2024-10-07', 'am', 'present'", "'2024-10-07', 'pm', 'present'",
                            "'2024-10-08', 'am', 'late'", "'2024-10-08', 'pm', 'unexcused'"})
        REQUIRE(test::rawExec(
            db, QStringLiteral("INSERT INTO attendance (trainee_id, day, half, code, recorded_by, "
                               "updated_at) VALUES (102, %1, 'test', '2026-01-01T00:00:00Z')")
                    .arg(QString::fromUtf8(row))));
    REQUIRE(test::rawExec(
        db, QStringLiteral("INSERT INTO contact (id, name, name_key, created_at, updated_at) VALUES "
                           "(900, 'Garage Test', 'garage test', '2026-01-01T00:00:00Z', "
                           "'2026-01-01T00:00:00Z')")));
    REQUIRE(test::rawExec(
        db, QStringLiteral("INSERT INTO internship (trainee_id, organisation_id, start_date, end_date, "
                           "created_at, updated_at) VALUES (102, 900, '2025-03-03', '2025-03-14', "
                           "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")));

    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC));
    IndicatorService service(db, clock, director);
    auto ind = service.indicators(QStringLiteral("2024-2025"));
    REQUIRE(ind);
    CHECK(ind->schoolYear == QStringLiteral("2024-2025"));
    CHECK(ind->entrants == 3);
    CHECK(ind->entrantsBySex.value(QStringLiteral("F")) == 1);
    CHECK(ind->entrantsBySex.value(QStringLiteral("M")) == 2);
    CHECK(ind->entrantsByAge.value(15) == 2);
    CHECK(ind->entrantsByAge.value(14) == 1); // 15 the day after coming
    CHECK(ind->enrolled == 4);
    CHECK(ind->continuing == 1);
    CHECK(ind->exits == 3);
    CHECK(ind->exitsByReason.value(QStringLiteral("apprenticeship")) == 1);
    CHECK(ind->exitsByReason.value(QStringLiteral("end_of_course")) == 1);
    CHECK(ind->exitsByReason.value(QStringLiteral("dropout")) == 1);
    CHECK(ind->certifications.value(QStringLiteral("CFG")).value(QStringLiteral("passed")) == 1);
    CHECK(ind->certifications.value(QStringLiteral("CFG")).value(QStringLiteral("failed")) == 1);
    CHECK(ind->attendanceRate == Approx(0.75));
    CHECK(ind->attendanceByMonth.value(QStringLiteral("2024-10")) == Approx(0.75));
    CHECK(ind->internships == 1);
    CHECK(ind->hostOrganisations == 1);
    CHECK(ind->outcomes.value(QStringLiteral("at_exit")).value(QStringLiteral("seeking")) == 1);
    CHECK(ind->outcomes.value(QStringLiteral("months_6")).value(QStringLiteral("cdi")) == 1);
    // Latest known situation: 101 in a job (inserted), 103 seeking (not); 104 unknown: left out.
    CHECK(ind->insertionRate == Approx(0.5));
    REQUIRE(ind->previous);
    CHECK(ind->previous->schoolYear == QStringLiteral("2023-2024"));
    CHECK(ind->previous->entrants == 1);
    CHECK(ind->previous->continuing == 1);
    CHECK_FALSE(ind->previous->previous);

    const QJsonObject json = IndicatorService::toJson(*ind);
    CHECK(json[QStringLiteral("exits")][QStringLiteral("by_reason")][QStringLiteral("dropout")].toInt() == 1);
    CHECK(json[QStringLiteral("section")].isNull());
    CHECK(json[QStringLiteral("previous")][QStringLiteral("entrants")].toInt() == 1);

    // Reference values: typed with their source and year, shown beside the school's own.
    auto references = service.references();
    REQUIRE(references);
    REQUIRE(references->size() == 2);
    ReferenceValue exams = references->at(0);
    CHECK(exams.code == QStringLiteral("federation_exam_success"));
    CHECK_FALSE(exams.isSet());
    exams.valueBp = 8150;
    auto noSource = service.saveReference(exams);
    REQUIRE_FALSE(noSource);
    CHECK(noSource.error().message.contains(QStringLiteral("source")));
    exams.source = QStringLiteral("Rapport annuel de la fédération");
    exams.year = 2025;
    REQUIRE(service.saveReference(exams));
    CHECK(IndicatorService(db, clock, UserContext{}).saveReference(exams).error().code ==
          Error::Code::AccessDenied);
    auto withReferences = service.indicators(QStringLiteral("2024-2025"));
    REQUIRE(withReferences);
    CHECK(withReferences->references.at(0).valueBp == 8150);
    const QJsonObject withJson = IndicatorService::toJson(*withReferences);
    CHECK(withJson[QStringLiteral("references")][0][QStringLiteral("share")].toDouble() == Approx(0.815));
    CHECK(withJson[QStringLiteral("references")][1][QStringLiteral("share")].isNull());

    CHECK_FALSE(service.indicators(QStringLiteral("2024-2026")));
    CHECK(service.indicators(QStringLiteral("2024-2025"), QStringLiteral("Boulangerie")).error().code ==
          Error::Code::NotFound);
    UserContext trainer;
    trainer.permissions = {permission::TraineesRead};
    CHECK(IndicatorService(db, clock, trainer).indicators(QStringLiteral("2024-2025")).error().code ==
          Error::Code::AccessDenied);
}

TEST_CASE("Indicators count who enters mid-year, an empty year gives an honest empty report",
          "[reports][indicators]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    Database& db = t.db();
    trainee(db, 201, "enrolled", "2025-01-13", nullptr, nullptr);          // mid-year, stays
    trainee(db, 202, "left", "2025-02-03", "2025-04-30", "personal", "F"); // mid-year, leaves the same year
    trainee(db, 203, "left", "2024-03-04", "2024-12-20", "job");           // entered the year before
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC));
    IndicatorService service(db, clock, director);
    auto ind = service.indicators(QStringLiteral("2024-2025"));
    REQUIRE(ind);
    CHECK(ind->entrants == 2);
    CHECK(ind->enrolled == 3);
    CHECK(ind->continuing == 1);
    CHECK(ind->exits == 2);
    CHECK(ind->exitsByReason.value(QStringLiteral("personal")) == 1);
    CHECK(ind->exitsByReason.value(QStringLiteral("job")) == 1);
    REQUIRE(ind->previous);
    CHECK(ind->previous->entrants == 1);
    CHECK(ind->previous->continuing == 1);

    // A year with nothing: zeros and rates that cannot be computed, no division by zero.
    auto empty = service.indicators(QStringLiteral("2011-2012"));
    REQUIRE(empty);
    CHECK(empty->entrants == 0);
    CHECK(empty->enrolled == 0);
    CHECK(empty->attendanceRate < 0);
    CHECK(empty->insertionRate < 0);
    CHECK(IndicatorService::percent(empty->insertionRate) == QStringLiteral("—"));
    const QList<IndicatorRow> rows = IndicatorService::rows(*empty);
    CHECK_FALSE(rows.isEmpty());
    CHECK(IndicatorService::valueOf(*empty, QStringLiteral("certifications")) == QStringLiteral("—"));
}

TEST_CASE(
    "The activity report's narrative is kept per school year, sign-in sheets list who is enrolled each week",
    "[reports]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    Database& db = t.db();
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC));
    IndicatorService service(db, clock, director);
    auto blank = service.narrative(QStringLiteral("2025-2026"));
    REQUIRE(blank);
    CHECK(blank->isEmpty());
    ReportNarrative n{QStringLiteral("2025"), QStringLiteral("<p>Un <b>nouveau</b> client</p>"),
                      QStringLiteral("<p>Deux départs</p>"), QString()};
    REQUIRE(service.saveNarrative(n));
    n.outlook = QStringLiteral("<p>Une troisième section</p>");
    REQUIRE(service.saveNarrative(n)); // written again: updated, not doubled
    auto kept = service.narrative(QStringLiteral("2025-2026"));
    REQUIRE(kept);
    CHECK(kept->schoolYear == QStringLiteral("2025-2026"));
    CHECK(kept->highlights.contains(QStringLiteral("<b>nouveau</b>")));
    CHECK(kept->outlook.contains(QStringLiteral("troisième")));
    CHECK(service.narrative(QStringLiteral("2024-2025"))->isEmpty());
    CHECK_FALSE(service.saveNarrative(ReportNarrative{QStringLiteral("l'an dernier"), {}, {}, {}}));
    UserContext reader;
    reader.permissions = {permission::ReportsRead};
    CHECK(IndicatorService(db, clock, reader).narrative(QStringLiteral("2025-2026")));
    CHECK(IndicatorService(db, clock, reader).saveNarrative(n).error().code == Error::Code::AccessDenied);

    trainee(db, 301, "enrolled", "2026-09-01", nullptr, nullptr);
    trainee(db, 302, "left", "2026-09-01", "2026-11-18", "moved");
    trainee(db, 303, "enrolled", "2026-11-25", nullptr, nullptr);
    ReportDataService data(db, clock, director);
    auto section = data.attendance(QStringLiteral("Aucune"), QDate(2026, 11, 16), QDate(2026, 11, 27));
    CHECK(section.error().code == Error::Code::NotFound);
    auto sections = SectionRepository(db).list();
    REQUIRE(sections);
    REQUIRE_FALSE(sections->isEmpty());
    const QString name = sections->first().name;
    auto sheets = data.attendance(name, QDate(2026, 11, 18), QDate(2026, 11, 27));
    REQUIRE(sheets);
    REQUIRE(sheets->weeks.size() == 2);
    CHECK(sheets->weeks[0].monday == QDate(2026, 11, 16));
    CHECK(sheets->weeks[0].trainees.size() == 2); // 302 leaves on Wednesday, 303 not there yet
    CHECK(sheets->weeks[1].trainees.size() == 2); // 303 came, 302 gone
    CHECK_FALSE(data.attendance(name, QDate(2026, 11, 27), QDate(2026, 11, 18)));
    CHECK_FALSE(data.attendance(name, QDate(2026, 1, 5), QDate(2026, 11, 27))); // more than 26 weeks
    UserContext otherTrainer;
    otherTrainer.permissions = {permission::TraineesRead};
    otherTrainer.role = Role::Formateur;
    otherTrainer.sectionIds = {sections->first().id + 1000};
    CHECK(ReportDataService(db, clock, otherTrainer)
              .attendance(name, QDate(2026, 11, 18), QDate(2026, 11, 27))
              .error()
              .code == Error::Code::AccessDenied);
}

TEST_CASE("Indicators follow each stay: a trainee who leaves and comes back, one who changes section",
          "[reports][indicators]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    Database& db = t.db();
    REQUIRE(test::rawExec(db, QStringLiteral("INSERT INTO section (name, name_key, created_at, updated_at) "
                                             "VALUES ('Menuiserie', 'menuiserie', "
                                             "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")));
    auto sections = SectionRepository(db).list();
    REQUIRE(sections);
    REQUIRE(sections->size() >= 2);
    const Section first = sections->at(0);
    const Section other = sections->at(1);
    TraineeRepository trainees(db);
    const auto make = [&](const char* name, const QDate& entry) {
        Trainee tr;
        tr.lastName = QString::fromUtf8(name);
        tr.firstName = QStringLiteral("Alex");
        tr.birthDate = QDate(2009, 5, 1);
        tr.sex = QStringLiteral("M");
        tr.sectionId = first.id;
        tr.status = TraineeStatus::Enrolled;
        tr.entryDate = entry;
        auto id = trainees.insert(tr, entry.toString(Qt::ISODate) + QStringLiteral("T08:00:00Z"));
        REQUIRE(id);
        auto loaded = trainees.load(*id);
        REQUIRE(loaded);
        return *loaded;
    };
    const auto save = [&](Trainee& tr, const QDate& on) {
        REQUIRE(trainees.update(tr, on.toString(Qt::ISODate) + QStringLiteral("T08:00:00Z")));
        auto loaded = trainees.load(tr.id);
        REQUIRE(loaded);
        tr = *loaded;
    };

    // Leaves in November for personal reasons, comes back in March.
    Trainee back = make("Retour", QDate(2024, 9, 2));
    back.status = TraineeStatus::Left;
    back.exitDate = QDate(2024, 11, 15);
    back.exitReason = ExitReason::Personal;
    save(back, QDate(2024, 11, 15));
    back.status = TraineeStatus::Enrolled;
    back.exitDate = QDate();
    back.exitReason = ExitReason::None;
    save(back, QDate(2025, 3, 3));
    // Changes section on 6 January and stays.
    Trainee moved = make("Change", QDate(2024, 9, 2));
    moved.sectionId = other.id;
    save(moved, QDate(2025, 1, 6));
    // Enters mid-year in the other section, a typing mistake on the section corrected the same day.
    Trainee late = make("Tardif", QDate(2025, 2, 10));
    late.sectionId = other.id;
    save(late, QDate(2025, 2, 10));

    auto backStays = trainees.stays(back.id);
    REQUIRE(backStays);
    REQUIRE(backStays->size() == 2);
    CHECK(backStays->at(0).end == QDate(2024, 11, 15));
    CHECK(backStays->at(0).exitReason == ExitReason::Personal);
    CHECK(backStays->at(1).kind == StayKind::Return);
    CHECK(backStays->at(1).start == QDate(2025, 3, 3));
    auto movedStays = trainees.stays(moved.id);
    REQUIRE(movedStays);
    REQUIRE(movedStays->size() == 2);
    CHECK(movedStays->at(0).end == QDate(2025, 1, 5));
    CHECK(movedStays->at(0).exitReason == ExitReason::None);
    CHECK(movedStays->at(1).kind == StayKind::Transfer);
    auto lateStays = trainees.stays(late.id);
    REQUIRE(lateStays);
    REQUIRE(lateStays->size() == 1); // corrected, not moved
    CHECK(lateStays->at(0).sectionId == other.id);

    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC));
    IndicatorService service(db, clock, director);
    auto all = service.indicators(QStringLiteral("2024-2025"));
    REQUIRE(all);
    CHECK(all->entrants == 4); // three arrivals and one return
    CHECK(all->enrolled == 3); // three people
    CHECK(all->exits == 1);    // the one who left; a change of section is no exit
    CHECK(all->exitsByReason.value(QStringLiteral("personal")) == 1);
    CHECK(all->continuing == 3);

    auto firstSection = service.indicators(QStringLiteral("2024-2025"), first.name);
    REQUIRE(firstSection);
    CHECK(firstSection->entrants == 3); // Retour twice, Change once
    CHECK(firstSection->enrolled == 2);
    CHECK(firstSection->continuing == 1); // Retour
    CHECK(firstSection->exits == 1);
    auto otherSection = service.indicators(QStringLiteral("2024-2025"), other.name);
    REQUIRE(otherSection);
    CHECK(otherSection->entrants == 1); // Tardif; Change came by transfer
    CHECK(otherSection->enrolled == 2);
    CHECK(otherSection->continuing == 2);
    CHECK(otherSection->exits == 0);

    // Back to candidate (a mistake): no stay is left to count.
    late.status = TraineeStatus::Candidate;
    late.entryDate = QDate();
    save(late, QDate(2025, 2, 11));
    CHECK(trainees.stays(late.id)->isEmpty());
}
