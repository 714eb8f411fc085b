// Several PCs on one PostgreSQL server (issue 20): what one commits, the
// others hear of.

#include "services/contactservice.h"
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

} // namespace

TEST_CASE("A change committed on one PC is heard on the others within two seconds, a rolled back one "
          "never",
          "[severalpcs][postgresql]")
{
    if (test::backends().size() < 2) {
        WARN("No PostgreSQL test server (ETABLI_TEST_PG): nothing to share.");
        return;
    }
    test::TestDatabase t("postgresql");
    const UserContext director = test::createSchool(t.db());
    auto office = t.reopen();
    auto workshop = t.reopen();
    REQUIRE(office);
    REQUIRE(workshop);
    DataKinds heardInWorkshop;
    DataKinds heardInOffice;
    REQUIRE((*workshop)->listenToOtherComputers([&](DataKinds k) { heardInWorkshop |= k; }));
    REQUIRE((*office)->listenToOtherComputers([&](DataKinds k) { heardInOffice |= k; }));

    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
    Contact c;
    c.name = QStringLiteral("Garage du Doubs");
    REQUIRE(ContactService(**office, clock, director).add(c, true));
    CHECK(within2s([&]() { return heardInWorkshop.testFlag(DataKind::Contacts); }));
    CHECK(heardInWorkshop.testFlag(DataKind::Audit));
    CHECK_FALSE(heardInWorkshop.testFlag(DataKind::Invoices));
    // The PC that wrote knows it already: it is not told again.
    CHECK_FALSE(heardInOffice.testFlag(DataKind::Contacts));

    // A write that fails tells nobody.
    heardInWorkshop = {};
    Contact twin = c;
    twin.name = QString(); // refused: a contact has a name
    REQUIRE_FALSE(ContactService(**office, clock, director).add(twin, true));
    within2s([]() { return false; });
    CHECK(heardInWorkshop.toInt() == 0);

    // After the server dropped it, the connection listens again once reconnected.
    const qint64 pid = test::rawScalar(**workshop, QStringLiteral("SELECT pg_backend_pid()")).toLongLong();
    test::pgAdminExec(QStringLiteral("SELECT pg_terminate_backend(%1, 5000)").arg(pid));
    REQUIRE((*workshop)->reconnect());
    c.name = QStringLiteral("Carrosserie Vuillemin");
    REQUIRE(ContactService(**office, clock, director).add(c, true));
    CHECK(within2s([&]() { return heardInWorkshop.testFlag(DataKind::Contacts); }));
}
