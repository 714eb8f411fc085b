#include "services/careerservice.h"
#include "services/demogenerator.h"
#include "services/traineeservice.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <catch2/catch.hpp>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {
using etabli::test::kToday;
}

TEST_CASE("Internships, certifications and outcomes of a trainee", "[career]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend, test::DemoSpec::school());
    FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    const UserContext office =
        test::logIn(t.db(), QStringLiteral("secretariat"), DemoGenerator::demoPassword());
    CareerService career(t.db(), clock, office);
    const qint64 enrolled =
        test::rawScalar(t.db(), QStringLiteral("SELECT min(id) FROM trainee WHERE status = 'enrolled'"))
            .toLongLong();

    Organisation comtois;
    comtois.name = QStringLiteral("Pneus Comtois");
    auto host = career.addOrganisation(comtois);
    REQUIRE(host);
    auto found = career.searchOrganisations(QStringLiteral("comtois"));
    REQUIRE(found);
    REQUIRE(found->size() == 1);
    Internship i;
    i.traineeId = enrolled;
    i.organisationId = *host;
    i.tutor = QStringLiteral("M. Faivre");
    i.start = QDate(2026, 12, 7);
    i.end = QDate(2026, 12, 4);
    auto backwards = career.addInternship(i);
    REQUIRE_FALSE(backwards);
    i.end = QDate(2026, 12, 18);
    REQUIRE(career.addInternship(i));
    auto list = career.internships(enrolled);
    REQUIRE(list);
    CHECK(std::any_of(list->begin(), list->end(), [](const Internship& x) {
        return x.organisationName == QStringLiteral("Pneus Comtois");
    }));

    auto catalogue = career.certifications();
    REQUIRE(catalogue);
    CHECK(catalogue->first().code == QStringLiteral("CFG"));
    auto sst = career.addCertification(
        Certification{0, QStringLiteral("PRAP"),
                      QStringLiteral("Prévention des risques liés à l'activité physique"), true});
    REQUIRE(sst);
    CHECK_FALSE(
        career.addCertification(Certification{0, QStringLiteral("CFG"), QStringLiteral("Doublon"), true}));
    TraineeCertification c{0, enrolled, *sst, {}, 2027, CertificationResult::Registered, {}};
    REQUIRE(career.setCertification(c));
    c.result = CertificationResult::Passed;
    c.resultDate = QDate(2027, 3, 2);
    REQUIRE(career.setCertification(c)); // same session: updated, not duplicated
    auto certs = career.traineeCertifications(enrolled);
    REQUIRE(certs);
    CHECK(std::count_if(certs->begin(), certs->end(), [](const TraineeCertification& x) {
              return x.code == QStringLiteral("PRAP") && x.result == CertificationResult::Passed;
          }) == 1);
    // A result outside the four is not a value the type has; the database refuses one written by hand.
    CHECK_FALSE(
        test::rawExec(t.db(), QStringLiteral("UPDATE trainee_certification SET result = 'brilliant'")));

    // Outcomes only for those who left.
    auto notYet =
        career.setOutcome(Outcome{0, enrolled, OutcomeMilestone::Exit, OutcomeSituation::Cdi, {}, kToday});
    REQUIRE_FALSE(notYet);
    const qint64 left =
        test::rawScalar(t.db(), QStringLiteral("SELECT min(id) FROM trainee WHERE status = 'left'"))
            .toLongLong();
    REQUIRE(career.setOutcome(Outcome{0, left, OutcomeMilestone::TwelveMonths, OutcomeSituation::Cdi,
                                      QStringLiteral("Garage du Doubs"), kToday}));
    auto outcomes = career.outcomes(left);
    REQUIRE(outcomes);
    CHECK(std::any_of(outcomes->begin(), outcomes->end(), [](const Outcome& x) {
        return x.milestone == OutcomeMilestone::TwelveMonths && x.situation == OutcomeSituation::Cdi;
    }));

    // Readers read, but do not write.
    const UserContext reader = test::logIn(t.db(), QStringLiteral("lecture"), DemoGenerator::demoPassword());
    CareerService readOnly(t.db(), clock, reader);
    CHECK(readOnly.internships(enrolled));
    CHECK_FALSE(readOnly.addInternship(i));
}

TEST_CASE("The follow-up list shows who is due for the 6- and 12-month contact", "[career]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    TraineeService trainees(t.db(), clock, director);
    const auto leftOn = [&](const char* name, const QDate& exit) {
        Trainee x;
        x.lastName = QString::fromUtf8(name);
        x.firstName = QStringLiteral("Test");
        x.birthDate = QDate(2008, 1, 1);
        x.sectionId = 1;
        x.status = TraineeStatus::Left;
        x.entryDate = QDate(2024, 9, 2);
        x.exitDate = exit;
        x.exitReason = ExitReason::EndOfCourse;
        auto id = trainees.create(x);
        REQUIRE(id);
        return *id;
    };
    const qint64 sixMonths = leftOn("Six", QDate(2026, 5, 20)); // due for +6 since 20/11
    const qint64 twelve = leftOn("Douze", QDate(2025, 11, 10)); // due for +12 (and +6 was due long ago)
    const qint64 recent = leftOn("Récent", QDate(2026, 10, 1)); // nothing due yet
    CareerService career(t.db(), clock, director);
    auto due = career.dueFollowUps(kToday);
    REQUIRE(due);
    const auto has = [&](qint64 id, const char* milestone) {
        return std::any_of(due->begin(), due->end(), [&](const FollowUpDue& d) {
            return d.traineeId == id && codeOf(d.milestone) == QLatin1String(milestone);
        });
    };
    CHECK(has(sixMonths, "m6"));
    CHECK_FALSE(has(sixMonths, "m12"));
    CHECK(has(twelve, "m12"));
    CHECK_FALSE(has(recent, "m6"));
    // Recording the contact takes it off the list.
    REQUIRE(career.setOutcome(
        Outcome{0, sixMonths, OutcomeMilestone::SixMonths, OutcomeSituation::Apprenticeship, {}, kToday}));
    due = career.dueFollowUps(kToday);
    CHECK_FALSE(has(sixMonths, "m6"));
}

TEST_CASE("An internship is changed in place, once per reading, and hosts are organisations", "[career]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend, test::DemoSpec::school());
    FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    const UserContext office =
        test::logIn(t.db(), QStringLiteral("secretariat"), DemoGenerator::demoPassword());
    CareerService career(t.db(), clock, office);
    const qint64 trainee =
        test::rawScalar(t.db(), QStringLiteral("SELECT min(trainee_id) FROM internship")).toLongLong();
    auto internships = career.internships(trainee);
    REQUIRE(internships);
    REQUIRE_FALSE(internships->isEmpty());
    Internship read = internships->first();
    Internship changed = read;
    changed.tutor = QStringLiteral("Mme Vuillet");
    REQUIRE(career.updateInternship(changed));
    CHECK(career.internships(trainee)->first().tutor == QStringLiteral("Mme Vuillet"));
    // The same reading again: another computer changed it meanwhile.
    changed.tutor = QStringLiteral("M. Girod");
    const Status stale = career.updateInternship(changed);
    REQUIRE_FALSE(stale);
    CHECK(stale.error().code == Error::Code::ChangedMeanwhile);
    changed.end = changed.start.addDays(-1);
    CHECK_FALSE(career.updateInternship(changed));

    auto hosts = career.searchOrganisations(QString());
    REQUIRE(hosts);
    for (const Organisation& o : *hosts)
        CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT person FROM contact WHERE id = %1").arg(o.id))
                  .toInt() == 0);
}
