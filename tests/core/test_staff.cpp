#include "services/staffservice.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <catch2/catch.hpp>

using namespace etabli;
using etabli::test::TestDatabase;

TEST_CASE("The team and the volunteers' hours, valued for the funders", "[staff]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
    const UserContext director = test::createSchool(t.db());
    const qint64 tyres =
        test::rawScalar(t.db(), QStringLiteral("SELECT id FROM section WHERE name = 'Pneus et services'"))
            .toLongLong();
    StaffService team(t.db(), clock, director);

    StaffMember trainer;
    trainer.lastName = QStringLiteral("Perrin");
    trainer.firstName = QStringLiteral("Jean-Luc");
    trainer.job = StaffJob::MasterTrainer;
    trainer.sectionIds = {tyres};
    trainer.userId = director.userId; // linked to an account
    auto trainerId = team.add(trainer);
    REQUIRE(trainerId);
    auto me = team.me();
    REQUIRE(me);
    CHECK(me->id == *trainerId);
    CHECK(me->sectionIds == QList<qint64>{tyres});

    StaffMember volunteer;
    volunteer.lastName = QStringLiteral("Bourgeois");
    volunteer.firstName = QStringLiteral("André");
    volunteer.kind = StaffKind::Volunteer;
    volunteer.email = QStringLiteral("pas une adresse");
    CHECK_FALSE(team.add(volunteer));
    volunteer.email = QStringLiteral("andre@example.invalid");
    auto volunteerId = team.add(volunteer);
    REQUIRE(volunteerId);
    CHECK(team.list(true, StaffKind::Volunteer)->size() == 1);

    // Hours: only volunteers give them, never in advance, within a day.
    VolunteerHours h{0, *volunteerId, {}, QDate(2026, 11, 20), 150, QStringLiteral("Soutien en maths")};
    REQUIRE(team.addHours(h));
    h.day = QDate(2026, 11, 25);
    h.minutes = 90;
    REQUIRE(team.addHours(h));
    VolunteerHours bad = h;
    bad.day = QDate(2026, 11, 28);
    CHECK_FALSE(team.addHours(bad));
    bad = h;
    bad.minutes = 0;
    CHECK_FALSE(team.addHours(bad));
    bad = h;
    bad.staffId = *trainerId;
    CHECK_FALSE(team.addHours(bad));

    // 4 h at the default 12,00 € an hour, then at 15,50 €.
    auto summary = team.volunteerSummary(QDate(2026, 11, 1), QDate(2026, 11, 30));
    REQUIRE(summary);
    CHECK(summary->minutes == 240);
    CHECK(summary->value == Money::fromCents(4800));
    REQUIRE(team.setVolunteerHourValue(Money::fromCents(1550)));
    CHECK(team.volunteerSummary(QDate(2026, 11, 1), QDate(2026, 11, 30))->value == Money::fromCents(6200));
    CHECK(team.volunteerSummary(QDate(2026, 11, 21), QDate(2026, 11, 30))->minutes == 90);

    auto hours = team.hours(QDate(2026, 11, 1), QDate(2026, 11, 30));
    REQUIRE(hours);
    REQUIRE(hours->size() == 2);
    CHECK(hours->first().name == QStringLiteral("André Bourgeois"));
    REQUIRE(team.removeHours(hours->first()));
    CHECK(team.volunteerSummary(QDate(2026, 11, 1), QDate(2026, 11, 30))->minutes == 150);

    // Changing the team needs settings.edit; the change is audited.
    StaffMember changed = team.list()->first();
    changed.phone = QStringLiteral("06 11 22 33 44");
    REQUIRE(team.update(changed));
    CHECK_FALSE(team.update(changed)); // stale version
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity IN ('staff', "
                                                 "'volunteer_hours')"))
              .toLongLong() == 6);
}
