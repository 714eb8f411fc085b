#include "services/attendanceservice.h"
#include "services/auditwording.h"
#include "services/demogenerator.h"
#include "services/traineeservice.h"
#include "storage/auditrepository.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"
#include "util/text.h"

#include <catch2/catch.hpp>
#include <QSet>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {

using etabli::test::kToday;

Trainee cedric(qint64 sectionId)
{
    Trainee t;
    t.lastName = QStringLiteral("Lefèvre");
    t.firstName = QStringLiteral("Cédric");
    t.birthDate = QDate(2010, 3, 14);
    t.sex = QStringLiteral("M");
    t.sectionId = sectionId;
    t.cohortYear = 2026;
    t.studyYear = 1;
    t.status = TraineeStatus::Enrolled;
    t.entryDate = QDate(2026, 9, 1);
    t.phone = QStringLiteral("06 12 34 56 78");
    return t;
}

struct School
{
    TestDatabase t;
    FixedClock clock{QDateTime(kToday, QTime(10, 0), Qt::UTC)};
    UserContext director;
    qint64 tyres = 0;
    qint64 metal = 0;

    explicit School(const std::string& backend) : t(backend, test::DemoSpec::school())
    {
        director = test::logIn(t.db(), QStringLiteral("direction"), DemoGenerator::demoPassword());
        tyres =
            test::rawScalar(t.db(), QStringLiteral("SELECT id FROM section WHERE name = 'Pneus et services'"))
                .toLongLong();
        metal =
            test::rawScalar(t.db(), QStringLiteral("SELECT id FROM section WHERE name_key = 'metallerie'"))
                .toLongLong();
    }
    UserContext as(const char* login)
    {
        return test::logIn(t.db(), QString::fromLatin1(login), DemoGenerator::demoPassword());
    }
};

} // namespace

TEST_CASE("Trainee records: create, validate, refuse duplicates, archive instead of delete", "[trainees]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    School s(backend);
    TraineeService service(s.t.db(), s.clock, s.director);

    auto id = service.create(cedric(s.tyres));
    REQUIRE(id);
    auto loaded = service.get(*id);
    REQUIRE(loaded);
    CHECK(loaded->firstName == QStringLiteral("Cédric"));
    CHECK(loaded->ageAtEntry() == 16);
    CHECK(loaded->phone == QStringLiteral("06 12 34 56 78"));

    // Same person again (accents and case do not matter): refused, names the record.
    Trainee twin = cedric(s.tyres);
    twin.lastName = QStringLiteral("LEFEVRE");
    twin.firstName = QStringLiteral("cedric");
    auto dup = service.create(twin);
    REQUIRE_FALSE(dup);
    CHECK(dup.error().code == Error::Code::Conflict);
    CHECK(dup.error().message.contains(QStringLiteral("n°%1").arg(*id)));

    Trainee bad = cedric(s.tyres);
    bad.firstName = QStringLiteral("Autre");
    bad.exitDate = QDate(2026, 8, 1);
    auto before = service.create(bad);
    REQUIRE_FALSE(before);
    CHECK(before.error().message.contains(QStringLiteral("avant")));

    // An unusual age asks for confirmation, and is accepted once confirmed.
    Trainee young = cedric(s.tyres);
    young.firstName = QStringLiteral("Noé");
    young.birthDate = QDate(2014, 1, 1);
    auto ask = service.create(young);
    REQUIRE_FALSE(ask);
    CHECK(ask.error().code == Error::Code::NeedsConfirmation);
    CHECK(ask.error().message.contains(QStringLiteral("12 ans")));
    CHECK(service.create(young, true));

    Trainee left = *loaded;
    left.status = TraineeStatus::Left;
    left.exitDate = QDate(2026, 11, 20);
    auto noReason = service.update(left);
    REQUIRE_FALSE(noReason);
    CHECK(noReason.error().message.contains(QStringLiteral("motif")));
    left.exitReason = ExitReason::Apprenticeship;
    REQUIRE(service.update(left));
    auto stale = service.update(left); // the version moved on
    REQUIRE_FALSE(stale);
    CHECK(stale.error().code == Error::Code::ChangedMeanwhile);
    // Said as the trail knows it: who saved in between, and when.
    CHECK(stale.error().message.startsWith(QStringLiteral("Modifié par ")));
    CHECK(stale.error().message.contains(QStringLiteral("pendant que vous le modifiiez")));

    // Enrolled once: never deleted, archived.
    auto refusedDelete = service.remove(*id);
    REQUIRE_FALSE(refusedDelete);
    CHECK(refusedDelete.error().message.contains(QStringLiteral("archiv")));
    REQUIRE(service.setArchived(*id, true));
    TraineeFilter f;
    f.text = QStringLiteral("lefevre cedric");
    CHECK(*service.count(f) == 0);
    f.includeArchived = true;
    CHECK(*service.count(f) == 1);

    Trainee candidate = cedric(s.tyres);
    candidate.firstName = QStringLiteral("Léa");
    candidate.status = TraineeStatus::Candidate;
    candidate.entryDate = QDate();
    auto cid = service.create(candidate);
    REQUIRE(cid);
    CHECK(service.remove(*cid));

    auto audit =
        AuditRepository(s.t.db()).count({QString(), AuditEntity::Trainee, {}, {}, QString::number(*id)});
    CHECK(*audit == 3); // created, updated, archived
}

TEST_CASE("The trainees' list filters, sorts and pages in SQL, accent-insensitive", "[trainees][list]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    School s(backend);
    TraineeService service(s.t.db(), s.clock, s.director);
    REQUIRE(service.create(cedric(s.tyres)));

    const auto list = [&service](const TraineeFilter& filter, int limit) -> Result<QList<TraineeRow>> {
        auto page = service.page(filter, PageRequest::first(limit));
        if (!page)
            return std::unexpected(page.error());
        return page->rows;
    };
    TraineeFilter f;
    f.text = QStringLiteral("Cedric");
    auto rows = list(f, 50);
    REQUIRE(rows);
    REQUIRE_FALSE(rows->isEmpty());
    for (const TraineeRow& r : *rows)
        CHECK(r.firstName.startsWith(QStringLiteral("Cédric")));

    f = TraineeFilter{};
    f.sectionId = s.metal;
    f.status = TraineeStatus::Enrolled;
    const qint64 n = *service.count(f);
    CHECK(n ==
          test::rawScalar(s.t.db(), QStringLiteral("SELECT count(*) FROM trainee WHERE section_id = %1 AND "
                                                   "status = 'enrolled' AND archived_at IS NULL")
                                        .arg(s.metal))
              .toLongLong());
    auto page1 = service.page(f, PageRequest::first(5));
    REQUIRE(page1);
    auto page2 = service.page(f, PageRequest::after(page1->info.last, 5));
    REQUIRE(page2);
    CHECK(page1->rows.size() == std::min<qint64>(5, n));
    if (n > 5)
        CHECK(page2->rows.first().id != page1->rows.first().id);
    for (const TraineeRow& r : page1->rows)
        CHECK(r.section == QStringLiteral("Métallerie"));

    // Sorted by name in French order: É sorts with E.
    f = TraineeFilter{};
    f.includeArchived = true;
    auto all = list(f, 1000);
    REQUIRE(all);
    for (int i = 1; i < all->size(); ++i) {
        const QString a = text::personSortKey(all->at(i - 1).lastName, all->at(i - 1).firstName);
        const QString b = text::personSortKey(all->at(i).lastName, all->at(i).firstName);
        REQUIRE(a <= b);
    }
    f.sort = TraineeFilter::Sort::EntryDate;
    f.ascending = false;
    auto byEntry = list(f, 20);
    REQUIRE(byEntry);
    for (int i = 1; i < byEntry->size(); ++i)
        REQUIRE(byEntry->at(i - 1).entryDate >= byEntry->at(i).entryDate);

    // Every sort, both ways, paged by keyset: each trainee once, the empty values last.
    using Sort = TraineeFilter::Sort;
    for (Sort sort : {Sort::Name, Sort::BirthDate, Sort::Section, Sort::Cohort, Sort::StudyYear, Sort::Status,
                      Sort::EntryDate, Sort::ExitDate}) {
        for (bool ascending : {true, false}) {
            TraineeFilter sorted;
            sorted.includeArchived = true;
            sorted.sort = sort;
            sorted.ascending = ascending;
            INFO(static_cast<int>(sort) << (ascending ? " ascending" : " descending"));
            auto everyone =
                readAll<TraineeRow>([&](const PageRequest& r) { return service.page(sorted, r); }, 100000, 7);
            REQUIRE(everyone);
            QSet<qint64> ids;
            for (const TraineeRow& r : *everyone)
                ids.insert(r.id);
            CHECK(ids.size() == everyone->size());
            CHECK(everyone->size() == all->size());
            if (sort == Sort::ExitDate) {
                bool emptySeen = false;
                for (const TraineeRow& r : *everyone) {
                    if (!r.exitDate.isValid())
                        emptySeen = true;
                    else
                        CHECK_FALSE(emptySeen); // no exit date after an empty one
                }
            }
        }
    }
    auto cohorts = service.cohorts();
    REQUIRE(cohorts);
    CHECK(cohorts->first() == 2027);
    CHECK(cohorts->contains(2017));
}

TEST_CASE("Trainers see names and section of their own sections only, sensitive data needs the permission",
          "[trainees][access]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    School s(backend);
    const UserContext trainer = s.as("formateur.pneus");
    const UserContext reader = s.as("lecture");
    TraineeService asTrainer(s.t.db(), s.clock, trainer);
    auto page = asTrainer.page({}, PageRequest::first(1000));
    REQUIRE(page);
    REQUIRE_FALSE(page->rows.isEmpty());
    for (const TraineeRow& r : page->rows) {
        CHECK(r.sectionId == s.tyres);
        CHECK_FALSE(r.birthDate.isValid());
    }
    const qint64 metalTrainee =
        test::rawScalar(s.t.db(),
                        QStringLiteral("SELECT min(id) FROM trainee WHERE section_id = %1").arg(s.metal))
            .toLongLong();
    CHECK_FALSE(asTrainer.get(metalTrainee));
    const qint64 own = page->rows.first().id;
    auto mine = asTrainer.get(own);
    REQUIRE(mine);
    CHECK(mine->phone.isEmpty());
    CHECK_FALSE(asTrainer.guardians(own));
    CHECK_FALSE(asTrainer.notes(own));
    CHECK_FALSE(asTrainer.update(*mine));
    CHECK_FALSE(TraineeService(s.t.db(), s.clock, reader).addNote(own, QStringLiteral("note")));

    TraineeService office(s.t.db(), s.clock, s.as("secretariat"));
    auto guardians = office.guardians(own);
    REQUIRE(guardians);
    CHECK(guardians->size() == 1);
    Guardian g = guardians->first();
    g.phone = QStringLiteral("03 84 82 00 00");
    REQUIRE(office.updateGuardian(g));
    REQUIRE(office.addNote(own, QStringLiteral("Rencontre avec la famille : bonne motivation.")));
    auto notes = office.notes(own);
    REQUIRE(notes);
    CHECK(notes->first().author == QStringLiteral("secretariat"));
    // Reading a minor's notes or guardians is on the trail: who, when, which record.
    auto reads = AuditRepository(s.t.db()).latest(
        {QStringLiteral("secretariat"), AuditEntity::Trainee, {}, {}, QString::number(own)}, 100);
    REQUIRE(reads);
    QStringList readParts;
    for (const AuditEntry& e : *reads)
        if (e.action == QLatin1String("read"))
            readParts << AuditWording::changes(fromCode<AuditEntity>(e.entity), e.changes);
    CHECK(readParts.contains(QStringLiteral("Consulté : notes de suivi")));
    CHECK(readParts.contains(QStringLiteral("Consulté : responsables légaux")));
    // Sensitive values never reach the audit trail.
    auto rowsAudit =
        AuditRepository(s.t.db()).latest({QString(), AuditEntity::Trainee, {}, {}, QString::number(own)}, 10);
    REQUIRE(rowsAudit);
    for (const AuditEntry& e : *rowsAudit) {
        CHECK_FALSE(e.changes.contains(QStringLiteral("motivation")));
        CHECK_FALSE(e.changes.contains(QStringLiteral("03 84 82")));
    }
}

TEST_CASE("Attendance: the weekly register, enrolment dates, rates and runs of unexcused absences",
          "[attendance]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    School s(backend);
    TraineeService trainees(s.t.db(), s.clock, s.director);
    Trainee t = cedric(s.tyres);
    t.entryDate = QDate(2026, 11, 18); // a Wednesday
    auto id = trainees.create(t);
    REQUIRE(id);

    const UserContext trainer = s.as("formateur.pneus");
    AttendanceService service(s.t.db(), s.clock, trainer);
    auto week = service.week(s.tyres, QDate(2026, 11, 19));
    REQUIRE(week);
    CHECK(week->monday == QDate(2026, 11, 16));
    CHECK(week->days().size() == 5);
    CHECK(std::any_of(week->trainees.begin(), week->trainees.end(),
                      [&](const auto& e) { return e.traineeId == *id; }));

    // Monday is before Cédric's entry: the whole save is refused.
    QList<AttendanceCell> cells = {{*id, QDate(2026, 11, 16), Half::Morning, AttendanceCode::Present, {}},
                                   {*id, QDate(2026, 11, 18), Half::Morning, AttendanceCode::Present, {}}};
    auto refused = service.record(s.tyres, cells);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("n'était pas inscrit")));
    CHECK(service.traineeRate(*id, QDate(2026, 11, 1), kToday)->total() == 0);

    cells = {};
    const QList<AttendanceCode> codes = {AttendanceCode::Present,   AttendanceCode::Late,
                                         AttendanceCode::Unexcused, AttendanceCode::Unexcused,
                                         AttendanceCode::Unexcused, AttendanceCode::Excused};
    int i = 0;
    for (const QDate& day : {QDate(2026, 11, 18), QDate(2026, 11, 19), QDate(2026, 11, 20)}) {
        for (Half half : {Half::Morning, Half::Afternoon})
            cells << AttendanceCell{*id, day, half, codes.at(i++), {}};
    }
    REQUIRE(service.record(s.tyres, cells));
    auto rate = service.traineeRate(*id, QDate(2026, 11, 1), kToday);
    REQUIRE(rate);
    CHECK(rate->total() == 6);
    CHECK(rate->attended() == 2);
    CHECK(rate->rateBasisPoints() == 3333);

    auto runs = service.unexcusedRuns(s.tyres, QDate(2026, 11, 16), QDate(2026, 11, 22));
    REQUIRE(runs);
    auto mine =
        std::find_if(runs->begin(), runs->end(), [&](const AbsenceRun& r) { return r.traineeId == *id; });
    REQUIRE(mine != runs->end());
    CHECK(mine->halfDays == 3);
    CHECK(mine->firstDay == QDate(2026, 11, 19));
    CHECK(mine->firstHalf == Half::Morning);
    CHECK(mine->lastDay == QDate(2026, 11, 20));

    // A code can be corrected, and cleared.
    REQUIRE(service.record(s.tyres, {{*id, QDate(2026, 11, 20), Half::Morning, AttendanceCode::Excused, {}},
                                     {*id, QDate(2026, 11, 20), Half::Afternoon, std::nullopt, {}}}));
    CHECK(service.traineeRate(*id, QDate(2026, 11, 1), kToday)->total() == 5);

    // The other trainer cannot write in this section.
    AttendanceService other(s.t.db(), s.clock, s.as("formateur.metal"));
    auto denied =
        other.record(s.tyres, {{*id, QDate(2026, 11, 18), Half::Morning, AttendanceCode::Present, {}}});
    REQUIRE_FALSE(denied);
    CHECK(denied.error().code == Error::Code::AccessDenied);
    CHECK_FALSE(other.week(s.tyres, kToday));

    // The section's rate comes from the data.
    auto sectionRate =
        AttendanceService(s.t.db(), s.clock, s.director).sectionRate(s.tyres, QDate(2026, 9, 1), kToday);
    REQUIRE(sectionRate);
    CHECK(sectionRate->total() > 100);
    CHECK(sectionRate->rateBasisPoints() > 7000);
}

TEST_CASE("Attendance: a presence is never written ahead, a planned absence may be (issue 18, item 9)",
          "[attendance]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    School s(backend); // Friday 27 November 2026, 10:00
    Trainee t = cedric(s.tyres);
    auto id = TraineeService(s.t.db(), s.clock, s.director).create(t);
    REQUIRE(id);
    AttendanceService service(s.t.db(), s.clock, s.as("formateur.pneus"));
    const auto count = [&]() {
        return test::rawScalar(
                   s.t.db(), QStringLiteral("SELECT count(*) FROM attendance WHERE trainee_id = %1").arg(*id))
            .toInt();
    };
    const QDate monday(2026, 11, 30);
    for (const char* seen : {"present", "late", "unexcused"}) {
        INFO(seen);
        auto refused = service.record(
            s.tyres, {{*id, monday, Half::Morning, fromCode<AttendanceCode>(QString::fromLatin1(seen)), {}}});
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message.contains(QStringLiteral("30/11/2026")));
        CHECK(refused.error().message.contains(QStringLiteral("absence prévue")));
        // This afternoon, in the morning, is still to come too.
        CHECK_FALSE(service.record(
            s.tyres,
            {{*id, kToday, Half::Afternoon, fromCode<AttendanceCode>(QString::fromLatin1(seen)), {}}}));
    }
    CHECK(count() == 0);
    for (const char* planned : {"excused", "internship", "excluded"}) {
        INFO(planned);
        CHECK(service.record(
            s.tyres,
            {{*id, monday, Half::Morning, fromCode<AttendanceCode>(QString::fromLatin1(planned)), {}}}));
    }
    // This morning has come.
    CHECK(service.record(s.tyres, {{*id, kToday, Half::Morning, AttendanceCode::Present, {}}}));
    CHECK(count() == 2);
}

TEST_CASE("Passage en 2e année moves the ticked first-years, all or none", "[trainees][rollover]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    test::TestDatabase t(backend, test::DemoSpec::school());
    // The next rentrée: the demo's first-years of 2026-2027 go on.
    FixedClock clock(QDateTime(QDate(2027, 9, 6), QTime(9, 0), Qt::UTC));
    const UserContext office =
        test::logIn(t.db(), QStringLiteral("secretariat"), DemoGenerator::demoPassword());
    TraineeService service(t.db(), clock, office);
    auto candidates = service.secondYearCandidates();
    REQUIRE(candidates);
    const qint64 expected =
        test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM trainee WHERE status = "
                                               "'enrolled' AND study_year = 1 AND cohort_year < "
                                               "2027 AND archived_at IS NULL"))
            .toLongLong();
    CHECK(candidates->size() == expected);
    for (const TraineeRow& row : *candidates)
        CHECK((row.studyYear == 1 && row.cohortYear < 2027));
    REQUIRE(candidates->size() >= 1);

    // A second-year among them: nobody moves.
    const qint64 second =
        test::rawScalar(t.db(), QStringLiteral("SELECT min(id) FROM trainee WHERE status = 'enrolled' AND "
                                               "study_year = 2"))
            .toLongLong();
    const Status refused = service.moveToSecondYear({candidates->first().id, second});
    REQUIRE_FALSE(refused);
    CHECK(test::rawScalar(
              t.db(),
              QStringLiteral("SELECT study_year FROM trainee WHERE id = %1").arg(candidates->first().id))
              .toInt() == 1);

    QList<qint64> ids;
    for (const TraineeRow& row : *candidates)
        ids << row.id;
    REQUIRE(service.moveToSecondYear(ids));
    CHECK(service.secondYearCandidates()->isEmpty());
    CHECK(
        test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'trainee' AND "
                                               "action = 'update' AND at >= '2027-09-06'"))
            .toLongLong() >= ids.size());

    const UserContext trainer =
        test::logIn(t.db(), QStringLiteral("formateur.metal"), DemoGenerator::demoPassword());
    CHECK_FALSE(TraineeService(t.db(), clock, trainer).moveToSecondYear(ids));
}
