#include "services/catalogueservice.h"
#include "services/contactservice.h"
#include "services/invoiceservice.h"
#include "services/tyrehotelservice.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <catch2/catch.hpp>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {

using etabli::test::kToday;

struct Hotel
{
    TestDatabase t;
    FixedClock clock{QDateTime(kToday, QTime(10, 0), Qt::UTC)};
    UserContext director;
    qint64 owner = 0;
    qint64 car = 0;
    qint64 fee = 0;

    explicit Hotel(const std::string& backend) : t(backend)
    {
        director = test::createSchool(t.db());
        ContactService contacts(t.db(), clock, director);
        Contact c;
        c.person = true;
        c.name = QStringLiteral("Faivre");
        c.firstName = QStringLiteral("Monique");
        c.phone = QStringLiteral("06 12 34 56 78");
        c.customer = true;
        owner = *contacts.add(c);
        Vehicle v;
        v.contactId = owner;
        v.plate = QStringLiteral("FG-456-HJ");
        v.make = QStringLiteral("Renault");
        v.model = QStringLiteral("Clio");
        v.tyreSize = QStringLiteral("185/65 R15 88T");
        car = *contacts.saveVehicle(v);
        const qint64 tyres =
            test::rawScalar(t.db(), QStringLiteral("SELECT id FROM section WHERE name = 'Pneus et services'"))
                .toLongLong();
        CatalogueItem item;
        item.sectionId = tyres;
        item.code = QStringLiteral("GARDIEN");
        item.label = QStringLiteral("Gardiennage saisonnier (4 pneus)");
        item.unit = Unit::Flat;
        item.unitPrice = Money::fromCents(4500);
        fee = *CatalogueService(t.db(), clock, director).add(item);
    }

    TyreSet winterSet() const
    {
        TyreSet s;
        s.vehicleId = car;
        s.season = TyreSeason::Winter;
        s.tyreSize = QStringLiteral("185/65r15 88t");
        s.brand = QStringLiteral("Michelin Alpin 6");
        s.tyreCount = 4;
        s.treadTenths = {72, 70, 65, 66};
        s.withRims = true;
        s.rack = QStringLiteral("b");
        s.row = 2;
        s.level = 3;
        s.dateIn = QDate(2026, 4, 10);
        s.feeItemId = fee;
        return s;
    }
};

} // namespace

TEST_CASE("The tyre hotel stores a set at a free place, finds it by plate and gives it back",
          "[sales][tyres]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    Hotel h(backend);
    Database& db = h.t.db();
    TyreHotelService hotel(db, h.clock, h.director);

    // Bad input: refused with the reason, nothing written.
    TyreSet bad = h.winterSet();
    bad.vehicleId = 0;
    CHECK(hotel.save(bad).error().message.contains(QStringLiteral("véhicule")));
    bad = h.winterSet();
    bad.tyreSize = QStringLiteral("205/55");
    CHECK_FALSE(hotel.save(bad));
    bad = h.winterSet();
    bad.treadTenths = {72, 70, 65};
    CHECK(hotel.save(bad).error().message.contains(QStringLiteral("4 pneus")));
    bad = h.winterSet();
    bad.treadTenths = {72, 70, 65, 250};
    CHECK(hotel.save(bad).error().message.contains(QStringLiteral("Pneu 4")));
    bad = h.winterSet();
    bad.dateIn = kToday.addDays(1);
    CHECK_FALSE(hotel.save(bad));
    bad = h.winterSet();
    bad.rack = QStringLiteral("  ");
    CHECK_FALSE(hotel.save(bad));
    CHECK(test::rawScalar(db, QStringLiteral("SELECT COUNT(*) FROM tyre_set")).toInt() == 0);

    auto id = hotel.save(h.winterSet());
    REQUIRE(id);
    auto stored = hotel.get(*id);
    REQUIRE(stored);
    CHECK(stored->contactId == h.owner);
    CHECK(stored->rack == QStringLiteral("B"));
    CHECK(stored->tyreSize == QStringLiteral("185/65 R15 88T"));
    CHECK(stored->treadTenths == QList<int>{72, 70, 65, 66});
    CHECK(stored->minTreadTenths() == 65);
    CHECK(stored->customerName == QStringLiteral("Faivre Monique"));
    CHECK(stored->plate == QStringLiteral("FG-456-HJ"));
    CHECK(TyreHotelService::placeLabel(*stored) == QStringLiteral("Casier B · rangée 2 · niveau 3"));

    // Search by plate in any form, in one step.
    auto found = hotel.findStored(QStringLiteral("fg456hj"));
    REQUIRE(found);
    CHECK(found->id == *id);
    TyreSetFilter f;
    f.text = QStringLiteral("fg-45");
    CHECK(*hotel.count(f) == 1);
    f.text = QStringLiteral("faivre");
    CHECK(*hotel.count(f) == 1);
    f.text.clear();
    f.season = TyreSeason::Summer;
    CHECK(*hotel.count(f) == 0);

    // The place is taken; the same car cannot have two sets in storage.
    Vehicle other;
    other.contactId = h.owner;
    other.plate = QStringLiteral("GH-789-JK");
    other.tyreSize = QStringLiteral("205/55 R16 91V");
    const qint64 second = *ContactService(db, h.clock, h.director).saveVehicle(other);
    TyreSet clash = h.winterSet();
    clash.vehicleId = second;
    clash.tyreSize = other.tyreSize;
    auto refused = hotel.save(clash);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("FG-456-HJ")));
    TyreSet twice = h.winterSet();
    twice.level = 4;
    CHECK_FALSE(hotel.save(twice));
    // The database refuses it too.
    CHECK_FALSE(test::rawExec(
        db, QStringLiteral("INSERT INTO tyre_set (vehicle_id, contact_id, season, tyre_size, "
                           "tyre_count, rack, row_no, level_no, date_in, created_at, updated_at) "
                           "VALUES (%1, %2, 'winter', '205/55 R16 91V', 4, 'B', 2, 3, '2026-11-01', "
                           "'x', 'x')")
                .arg(second)
                .arg(h.owner)));
    clash.level = 4;
    auto moved = hotel.save(clash);
    REQUIRE(moved);

    // Listed by place.
    TyreSetFilter storedOnes;
    auto listed = hotel.list(storedOnes, PageRequest::first(10));
    REQUIRE(listed);
    const QList<TyreSet>* page = &listed->rows;
    REQUIRE(page->size() == 2);
    CHECK(page->at(0).level == 3);
    CHECK(page->at(1).level == 4);
    CHECK(page->at(0).minTreadTenths() == 65);

    // The storage fee: a draft invoice of the catalogue's price, once.
    auto invoice = hotel.invoiceFee(*id);
    REQUIRE(invoice);
    auto draft = InvoiceService(db, h.clock, h.director).get(*invoice);
    REQUIRE(draft);
    CHECK(draft->contactId == h.owner);
    CHECK(draft->totals.incl == Money::fromCents(4500));
    CHECK(draft->lines.first().label.contains(QStringLiteral("FG-456-HJ")));
    CHECK_FALSE(hotel.invoiceFee(*id));

    // Given back: the place is free, the plate no longer found in storage.
    CHECK_FALSE(hotel.giveBack(*id, QDate(2026, 4, 1))); // before it came in
    REQUIRE(hotel.giveBack(*id, kToday));
    CHECK_FALSE(hotel.giveBack(*id, kToday));
    CHECK(hotel.findStored(QStringLiteral("FG-456-HJ")).error().code == Error::Code::NotFound);
    TyreSet changed = *hotel.get(*id);
    changed.notes = QStringLiteral("trop tard");
    CHECK_FALSE(hotel.save(changed));
    TyreSet next = h.winterSet();
    next.season = TyreSeason::Summer;
    REQUIRE(hotel.save(next)); // same car, same place: free again
    TyreSetFilter returned;
    returned.state = TyreSetFilter::State::Returned;
    CHECK(*hotel.count(returned) == 1);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'tyre_set'"))
              .toInt() >= 5);
}

TEST_CASE("The tyre hotel: trainers store sets, read-only accounts only look", "[sales][tyres][access]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    Hotel h(backend);
    UserContext trainer;
    trainer.login = QStringLiteral("formateur");
    trainer.role = Role::Formateur;
    trainer.permissions = {permission::SalesRead, permission::ProductionWrite};
    UserContext reader;
    reader.login = QStringLiteral("lecture");
    reader.permissions = {permission::SalesRead};
    CHECK(TyreHotelService(h.t.db(), h.clock, reader).save(h.winterSet()).error().code ==
          Error::Code::AccessDenied);
    auto id = TyreHotelService(h.t.db(), h.clock, trainer).save(h.winterSet());
    REQUIRE(id);
    CHECK(TyreHotelService(h.t.db(), h.clock, trainer).invoiceFee(*id).error().code ==
          Error::Code::AccessDenied);
    CHECK(TyreHotelService(h.t.db(), h.clock, reader).findStored(QStringLiteral("FG456HJ")));
}

TEST_CASE("Tread depths are typed in millimetres with a comma or a point", "[sales][tyres]")
{
    CHECK(TyreHotelService::parseTread(QStringLiteral("7,5")) == 75);
    CHECK(TyreHotelService::parseTread(QStringLiteral("7.5 mm")) == 75);
    CHECK(TyreHotelService::parseTread(QStringLiteral("8")) == 80);
    CHECK(TyreHotelService::parseTread(QStringLiteral("abc")) == -1);
    CHECK(TyreHotelService::parseTread(QStringLiteral("-1")) == -1);
    CHECK(TyreHotelService::formatTread(65) == QStringLiteral("6,5"));
}
