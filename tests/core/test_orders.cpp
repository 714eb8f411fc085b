#include "services/catalogueservice.h"
#include "services/contactservice.h"
#include "services/invoiceservice.h"
#include "services/orderservice.h"
#include "services/productionservice.h"
#include "services/schoolservice.h"
#include "services/traineeservice.h"
#include "support/salesfixture.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <catch2/catch.hpp>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {

using etabli::test::kToday;

InvoiceLine catalogueLine(const char* label, qint64 quantityThousandths, qint64 priceCents, qint64 item = 0)
{
    InvoiceLine l;
    l.label = QString::fromUtf8(label);
    l.quantityThousandths = quantityThousandths;
    l.unitPrice = Money::fromCents(priceCents);
    l.catalogueItemId = item;
    return l;
}

qint64 trainee(Database& db, const Clock& clock, const UserContext& who, const char* last, const char* first,
               qint64 section)
{
    Trainee t;
    t.lastName = QString::fromUtf8(last);
    t.firstName = QString::fromUtf8(first);
    t.sex = QStringLiteral("F");
    t.birthDate = QDate(2010, 5, 6);
    t.sectionId = section;
    t.cohortYear = 2026;
    t.entryDate = QDate(2026, 9, 1);
    t.status = TraineeStatus::Enrolled;
    t.studyYear = 1;
    auto id = TraineeService(db, clock, who).create(t);
    REQUIRE(id);
    return *id;
}

} // namespace

TEST_CASE("Quote → work order → production log → invoice, with the order's costing", "[sales][orders]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const test::Shop shop = test::makeShop(t.db(), clock, VatRegime::Franchise);
    const UserContext director = shop.director;
    Database& db = t.db();
    const qint64 tyres =
        test::rawScalar(db, QStringLiteral("SELECT id FROM section WHERE name = 'Pneus et services'"))
            .toLongLong();
    const qint64 metal =
        test::rawScalar(db, QStringLiteral("SELECT id FROM section WHERE name = 'Métallerie'")).toLongLong();
    const qint64 lea = trainee(db, clock, director, "Dupont", "Léa", tyres);
    const qint64 enzo = trainee(db, clock, director, "Martin", "Enzo", tyres);
    const qint64 customer = shop.garage;
    CatalogueItem mount;
    mount.sectionId = tyres;
    mount.code = QStringLiteral("MONT-EQ");
    mount.label = QStringLiteral("Montage et équilibrage d'un pneu");
    mount.unitPrice = Money::fromCents(1500);
    auto item = CatalogueService(db, clock, director).add(mount);
    REQUIRE(item);

    OrderService orders(db, clock, director);
    Quote quote;
    quote.contactId = customer;
    quote.sectionId = tyres;
    quote.reference = QStringLiteral("4 pneus hiver");
    CHECK_FALSE(orders.saveQuote(quote)); // no line
    quote.lines = {catalogueLine("Montage", 0, 1500)};
    CHECK_FALSE(orders.saveQuote(quote)); // zero quantity
    quote.lines = {catalogueLine("Montage et équilibrage d'un pneu", 4000, 1500, *item),
                   catalogueLine("Valves", 4000, 200)};
    auto quoteId = orders.saveQuote(quote);
    REQUIRE(quoteId);
    auto stored = orders.quote(*quoteId);
    REQUIRE(stored);
    CHECK(stored->number == QStringLiteral("D2026-0001"));
    CHECK(stored->validUntil == kToday.addDays(30));
    CHECK(stored->totals.incl == Money::fromCents(6800));
    CHECK_FALSE(orders.setQuoteStatus(*quoteId, QuoteStatus::Accepted)); // only by accepting it
    REQUIRE(orders.setQuoteStatus(*quoteId, QuoteStatus::Sent));
    auto orderId = orders.acceptQuote(*quoteId, 0, kToday.addDays(7));
    REQUIRE(orderId);
    CHECK(orders.quote(*quoteId)->status == QuoteStatus::Accepted);
    CHECK_FALSE(orders.acceptQuote(*quoteId, 0, {}));
    CHECK_FALSE(orders.saveQuote(*orders.quote(*quoteId)));
    auto order = orders.order(*orderId);
    REQUIRE(order);
    CHECK(order->number == QStringLiteral("BT2026-0001"));
    CHECK(order->sectionId == tyres);
    CHECK(order->status == WorkOrderStatus::ToDo);
    REQUIRE(order->lines.size() == 2);
    CHECK(order->totalExcl() == Money::fromCents(6800));

    // The trainees' work on it, from the production log.
    ProductionService log(db, clock, director);
    ProductionEntry e1;
    e1.day = QDate(2026, 11, 26);
    e1.sectionId = tyres;
    e1.orderId = *orderId;
    e1.trainees = {{lea, 210}, {enzo, 210}};
    e1.materials = {ProductionMaterial{QStringLiteral("Valves"), 4000, Money::fromCents(40)}};
    REQUIRE(log.save(e1));
    ProductionEntry e2 = e1;
    e2.day = QDate(2026, 11, 25);
    e2.trainees = {{lea, 120}};
    e2.materials.clear();
    auto second = log.save(e2);
    REQUIRE(second);
    CHECK(log.get(*second)->reference == QStringLiteral("BT2026-0001"));
    ProductionEntry wrongShop = e2;
    wrongShop.sectionId = metal;
    wrongShop.day = QDate(2026, 11, 24);
    auto otherShop = log.save(wrongShop, true);
    REQUIRE_FALSE(otherShop);
    CHECK(otherShop.error().message.contains(QStringLiteral("autre atelier")));

    auto costing = orders.costing(*orderId);
    REQUIRE(costing);
    CHECK(costing->entries == 2);
    CHECK(costing->minutes == 540);
    REQUIRE(costing->trainees.size() == 2);
    CHECK(costing->trainees.at(0).name == QStringLiteral("Dupont Léa"));
    CHECK(costing->trainees.at(0).minutes == 330);
    CHECK(costing->trainees.at(1).minutes == 210);
    CHECK(costing->materials == Money::fromCents(160));
    CHECK(costing->hourlyCost == Money::fromCents(1800));
    CHECK(costing->labour == Money::fromCents(16200)); // 9 h × 18,00 €
    CHECK(costing->cost() == Money::fromCents(16360));
    CHECK(costing->invoiced == Money::fromCents(6800));
    CHECK(costing->margin() == Money::fromCents(6800 - 16360));

    // Invoiced once it is done, in one action.
    auto early = orders.invoiceOrder(*orderId);
    REQUIRE_FALSE(early);
    CHECK(early.error().message.contains(QStringLiteral("pas encore")));
    REQUIRE(orders.setOrderStatus(*orderId, WorkOrderStatus::Done));
    auto number = orders.invoiceOrder(*orderId);
    REQUIRE(number);
    CHECK(*number == QStringLiteral("F2026-0001"));
    auto invoice = InvoiceService(db, clock, director).getByNumber(*number);
    REQUIRE(invoice);
    CHECK(invoice->reference == QStringLiteral("BT2026-0001"));
    CHECK(invoice->lines.size() == 2);
    CHECK(invoice->totals.incl == Money::fromCents(6800));
    CHECK(orders.order(*orderId)->invoiceNumber == *number);
    CHECK_FALSE(orders.invoiceOrder(*orderId));
    CHECK_FALSE(orders.setOrderStatus(*orderId, WorkOrderStatus::Cancelled));
    REQUIRE(orders.setOrderStatus(*orderId, WorkOrderStatus::Delivered));
    CHECK_FALSE(orders.setOrderStatus(*orderId, WorkOrderStatus::ToDo));
    // A delivered order takes no more work.
    ProductionEntry late = e2;
    late.day = QDate(2026, 11, 27);
    auto refused = log.save(late);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("BT2026-0001")));

    OrderFilter open;
    open.shown = OrderFilter::Shown::Open;
    CHECK(*orders.countOrders(open) == 0);
    OrderFilter byText;
    byText.text = QStringLiteral("doubs");
    CHECK(*orders.countOrders(byText) == 1);
}

TEST_CASE("A quote to a private person is sent only with its time of execution and the school's mediator",
          "[sales][orders]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    Database& db = t.db();
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const test::Shop shop = test::makeShop(db, clock, VatRegime::Assujetti);
    OrderService orders(db, clock, shop.director);
    Quote quote;
    quote.contactId = shop.person;
    quote.reference = QStringLiteral("4 pneus hiver");
    quote.lines = {test::line("Pneu 205/55 R16", 4000, 8900)};
    auto id = orders.saveQuote(quote);
    REQUIRE(id);
    // Neither the time of execution nor the mediator: both named, nothing changed.
    auto refused = orders.setQuoteStatus(*id, QuoteStatus::Sent);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("délai d'exécution")));
    CHECK(refused.error().message.contains(QStringLiteral("médiateur")));
    CHECK(orders.quote(*id)->status == QuoteStatus::Draft);
    Quote withTime = *orders.quote(*id);
    withTime.executionTime = QStringLiteral("sous 5 jours ouvrés après votre accord");
    REQUIRE(orders.saveQuote(withTime));
    CHECK(orders.quote(*id)->executionTime == withTime.executionTime);
    refused = orders.setQuoteStatus(*id, QuoteStatus::Sent);
    REQUIRE_FALSE(refused);
    CHECK_FALSE(refused.error().message.contains(QStringLiteral("délai d'exécution")));
    SchoolService school(db, clock, shop.director);
    SchoolIdentity identity = *school.identity();
    identity.consumerMediator = QStringLiteral("CM2C — www.cm2c.net");
    REQUIRE(school.saveIdentity(identity));
    REQUIRE(orders.setQuoteStatus(*id, QuoteStatus::Sent));

    // A business customer's quote needs neither.
    Quote business;
    business.contactId = shop.garage;
    business.lines = {test::line("Garde-corps", 1000, 120000)};
    auto businessId = orders.saveQuote(business);
    REQUIRE(businessId);
    identity = *school.identity();
    identity.consumerMediator.clear();
    REQUIRE(school.saveIdentity(identity));
    CHECK(orders.setQuoteStatus(*businessId, QuoteStatus::Sent));
}
