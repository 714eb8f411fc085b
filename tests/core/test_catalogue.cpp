#include "services/catalogueservice.h"
#include "services/demogenerator.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <catch2/catch.hpp>

using namespace etabli;
using etabli::test::TestDatabase;

TEST_CASE("The workshops' catalogue: search, add, change, refuse bad items", "[catalogue]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend, test::DemoSpec::school());
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
    const UserContext office =
        test::logIn(t.db(), QStringLiteral("secretariat"), DemoGenerator::demoPassword());
    const UserContext trainer =
        test::logIn(t.db(), QStringLiteral("formateur.pneus"), DemoGenerator::demoPassword());
    const qint64 tyres = trainer.sectionIds.first();

    CatalogueService asTrainer(t.db(), clock, trainer);
    auto items = asTrainer.list(tyres);
    REQUIRE(items);
    REQUIRE(items->size() == 6);
    auto found = asTrainer.list(tyres, true, QStringLiteral("crevaison"));
    REQUIRE(found);
    REQUIRE(found->size() == 1);
    CHECK(found->first().code == QStringLiteral("REP-CREV"));
    CHECK(found->first().unitPrice == Money::fromCents(1800));
    CHECK(asTrainer.list(tyres, true, QStringLiteral("mont"))->size() == 2); // code prefix

    CatalogueItem item;
    item.sectionId = tyres;
    item.code = QStringLiteral("VALVE");
    item.label = QStringLiteral("Remplacement d'une valve");
    item.unitPrice = Money::fromCents(500);
    auto denied = asTrainer.add(item);
    REQUIRE_FALSE(denied);
    CHECK(denied.error().code == Error::Code::AccessDenied);

    CatalogueService service(t.db(), clock, office);
    auto id = service.add(item);
    REQUIRE(id);
    auto twice = service.add(item);
    REQUIRE_FALSE(twice);
    CHECK(twice.error().message.contains(QStringLiteral("déjà")));
    CatalogueItem bad = item;
    bad.code = QStringLiteral("NEG");
    bad.unitPrice = Money::fromCents(-1);
    CHECK_FALSE(service.add(bad));
    bad.unitPrice = Money::fromCents(100);
    bad.unit = static_cast<Unit>(42); // not a unit
    CHECK_FALSE(service.add(bad));

    CatalogueItem changed = service.list(tyres, true, QStringLiteral("valve"))->first();
    changed.unitPrice = Money::fromCents(650);
    changed.active = false;
    REQUIRE(service.update(changed));
    CHECK(service.list(tyres, true)->size() == 6);
    CHECK(service.list(tyres, false)->size() == 7);
    CHECK_FALSE(service.update(changed)); // stale version
}
