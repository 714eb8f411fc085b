// Several PCs on one PostgreSQL server (issue 20): what one commits, the
// others hear of.

#include "services/contactservice.h"
#include "services/presenceservice.h"
#include "services/schoolservice.h"
#include "services/staffservice.h"
#include "services/userservice.h"
#include "storage/database.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

using namespace etabli;

namespace {

// Runs the event loop (where the server's notices arrive) until `done` or 2 s.
template <typename F> bool within2s(F done)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < 2000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return done();
}

// One school on the PostgreSQL test server, opened by two PCs.
struct TwoPcs
{
    test::TestDatabase t{"postgresql"};
    UserContext director = test::createSchool(t.db());
    std::unique_ptr<Database> office = open();
    std::unique_ptr<Database> workshop = open();

    std::unique_ptr<Database> open() const
    {
        auto db = t.reopen();
        REQUIRE(db);
        return std::move(*db);
    }
};

} // namespace

TEST_CASE("A change committed on one PC is heard on the others within two seconds, a rolled back one "
          "never",
          "[severalpcs][postgresql]")
{
    if (test::backends().size() < 2) {
        WARN("No PostgreSQL test server (ETABLI_TEST_PG): nothing to share.");
        return;
    }
    TwoPcs pcs;
    Database& office = *pcs.office;
    Database& workshop = *pcs.workshop;
    const UserContext& director = pcs.director;
    DataKinds heardInWorkshop;
    DataKinds heardInOffice;
    REQUIRE(workshop.listenToOtherComputers([&](DataKinds k) { heardInWorkshop |= k; }));
    REQUIRE(office.listenToOtherComputers([&](DataKinds k) { heardInOffice |= k; }));

    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
    Contact c;
    c.name = QStringLiteral("Garage du Doubs");
    REQUIRE(ContactService(office, clock, director).add(c, true));
    CHECK(within2s([&]() { return heardInWorkshop.testFlag(DataKind::Contacts); }));
    CHECK(heardInWorkshop.testFlag(DataKind::Audit));
    CHECK_FALSE(heardInWorkshop.testFlag(DataKind::Invoices));
    // The PC that wrote knows it already: it is not told again.
    CHECK_FALSE(heardInOffice.testFlag(DataKind::Contacts));

    // A write that fails tells nobody.
    heardInWorkshop = {};
    Contact twin = c;
    twin.name = QString(); // refused: a contact has a name
    REQUIRE_FALSE(ContactService(office, clock, director).add(twin, true));
    within2s([]() { return false; });
    CHECK(heardInWorkshop.toInt() == 0);

    // After the server dropped it, the connection listens again once reconnected.
    const qint64 pid = test::rawScalar(workshop, QStringLiteral("SELECT pg_backend_pid()")).toLongLong();
    test::pgAdminExec(QStringLiteral("SELECT pg_terminate_backend(%1, 5000)").arg(pid));
    REQUIRE(workshop.reconnect());
    c.name = QStringLiteral("Carrosserie Vuillemin");
    REQUIRE(ContactService(office, clock, director).add(c, true));
    CHECK(within2s([&]() { return heardInWorkshop.testFlag(DataKind::Contacts); }));
}

TEST_CASE("Two PCs edit one record: the second save is refused with the first one's name and time",
          "[severalpcs]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    test::TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
    User marie;
    marie.login = QStringLiteral("marie");
    marie.displayName = QStringLiteral("Marie Dupont");
    marie.role = Role::Secretariat;
    REQUIRE(UserService(t.db(), clock, director).create(marie, QStringLiteral("un-mot-de-passe-solide-2")));
    const UserContext secretary =
        test::logIn(t.db(), QStringLiteral("marie"), QStringLiteral("un-mot-de-passe-solide-2"));
    Contact c;
    c.name = QStringLiteral("Garage du Doubs");
    auto id = ContactService(t.db(), clock, director).add(c, true);
    REQUIRE(id);

    // Both open the contact; Marie saves first.
    auto mine = ContactService(t.db(), clock, director).get(*id);
    auto hers = ContactService(t.db(), clock, secretary).get(*id);
    REQUIRE(mine);
    REQUIRE(hers);
    hers->phone = QStringLiteral("03 84 72 00 00");
    REQUIRE(ContactService(t.db(), clock, secretary).update(*hers, true));
    mine->email = QStringLiteral("contact@garage-doubs.fr");
    auto refused = ContactService(t.db(), clock, director).update(*mine, true);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == Error::Code::ChangedMeanwhile);
    INFO(refused.error().message.toStdString());
    CHECK(refused.error().message.startsWith(QStringLiteral("Modifié par Marie Dupont ")));
    CHECK(refused.error().message.contains(QStringLiteral("pendant que vous le modifiiez")));
    // Nothing of mine was written over hers.
    CHECK(ContactService(t.db(), clock, director).get(*id)->phone == QStringLiteral("03 84 72 00 00"));
    CHECK(ContactService(t.db(), clock, director).get(*id)->email.isEmpty());
}

TEST_CASE("The settings two directors edit at once: the second save names the first one", "[severalpcs]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    test::TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
    User marie;
    marie.login = QStringLiteral("marie");
    marie.displayName = QStringLiteral("Marie Dupont");
    marie.role = Role::Direction;
    REQUIRE(UserService(t.db(), clock, director).create(marie, QStringLiteral("un-mot-de-passe-solide-2")));
    const UserContext deputy =
        test::logIn(t.db(), QStringLiteral("marie"), QStringLiteral("un-mot-de-passe-solide-2"));
    const auto namesMarie = [](const Status& refused) {
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == Error::Code::ChangedMeanwhile);
        INFO(refused.error().message.toStdString());
        CHECK(refused.error().message.startsWith(QStringLiteral("Modifié par Marie Dupont ")));
    };

    SECTION("a section")
    {
        auto sections = SchoolService(t.db(), clock, director).sections();
        REQUIRE(sections);
        REQUIRE_FALSE(sections->isEmpty());
        Section mine = sections->constFirst();
        Section hers = mine;
        hers.capacity = mine.capacity + 2;
        REQUIRE(SchoolService(t.db(), clock, deputy).updateSection(hers));
        mine.name += QStringLiteral(" (bis)");
        namesMarie(SchoolService(t.db(), clock, director).updateSection(mine));
    }
    SECTION("the school's identity")
    {
        auto mine = SchoolService(t.db(), clock, director).identity();
        REQUIRE(mine);
        SchoolIdentity hers = *mine;
        hers.phone = QStringLiteral("03 84 72 00 00");
        REQUIRE(SchoolService(t.db(), clock, deputy).saveIdentity(hers));
        mine->city = QStringLiteral("Dole");
        auto refused = SchoolService(t.db(), clock, director).saveIdentity(*mine);
        namesMarie(refused ? Status() : Status(std::unexpected(refused.error())));
    }
    SECTION("a team member")
    {
        StaffMember trainer;
        trainer.lastName = QStringLiteral("Girard");
        trainer.firstName = QStringLiteral("Paul");
        REQUIRE(StaffService(t.db(), clock, director).add(trainer));
        auto team = StaffService(t.db(), clock, director).list();
        REQUIRE(team);
        REQUIRE_FALSE(team->isEmpty());
        StaffMember mine = team->constFirst();
        StaffMember hers = mine;
        hers.phone = QStringLiteral("06 00 00 00 00");
        REQUIRE(StaffService(t.db(), clock, deputy).update(hers));
        mine.email = QStringLiteral("direction@juralternance.fr");
        namesMarie(StaffService(t.db(), clock, director).update(mine));
    }
    SECTION("an account")
    {
        auto accounts = UserService(t.db(), clock, director).list();
        REQUIRE(accounts);
        User mine;
        for (const User& u : *accounts)
            if (u.login == QLatin1String("direction"))
                mine = u;
        REQUIRE(mine.id != 0);
        User hers = mine;
        hers.displayName = QStringLiteral("La directrice");
        REQUIRE(UserService(t.db(), clock, deputy).update(hers));
        mine.displayName = QStringLiteral("Le directeur");
        namesMarie(UserService(t.db(), clock, director).update(mine));
    }
}

TEST_CASE("Who else is connected: one session per window, gone after two minutes without a heartbeat",
          "[severalpcs][postgresql]")
{
    if (test::backends().size() < 2) {
        WARN("No PostgreSQL test server (ETABLI_TEST_PG): one PC, no one else.");
        return;
    }
    TwoPcs pcs;
    Database& office = *pcs.office;
    Database& workshop = *pcs.workshop;
    const UserContext& director = pcs.director;
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
    PresenceService atOffice(office, clock, director);
    PresenceService atWorkshop(workshop, clock, director);
    REQUIRE(atOffice.isShared());
    auto a = atOffice.join();
    auto b = atWorkshop.join();
    REQUIRE(a);
    REQUIRE(b);
    auto seenFromOffice = atOffice.others(*a);
    REQUIRE(seenFromOffice);
    REQUIRE(seenFromOffice->size() == 1);
    CHECK(seenFromOffice->first().displayName == QStringLiteral("Martine Vuillemin"));
    CHECK_FALSE(seenFromOffice->first().computer.isEmpty());

    // The workshop PC is switched off: no heartbeat for three minutes.
    REQUIRE(test::rawExec(office, QStringLiteral("UPDATE app_session SET seen_at = '2000-01-01T00:00:00Z' "
                                                 "WHERE id = %1")
                                      .arg(*b)));
    REQUIRE(atOffice.beat(*a));
    CHECK(atOffice.others(*a)->isEmpty());
    CHECK(test::rawScalar(office, QStringLiteral("SELECT count(*) FROM app_session")).toInt() == 1);
    // Back on: its next heartbeat brings it back.
    REQUIRE(atWorkshop.beat(*b));
    CHECK(atOffice.others(*a)->size() == 1);
    REQUIRE(atWorkshop.leave(*b));
    CHECK(atOffice.others(*a)->isEmpty());

    // On a file, there is no one else.
    test::TestDatabase file("sqlite");
    const UserContext alone = test::createSchool(file.db());
    PresenceService here(file.db(), clock, alone);
    CHECK_FALSE(here.isShared());
    CHECK(*here.join() == 0);
}
