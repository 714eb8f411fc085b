// Issue 16, item 7: monthly and yearly closings with perpetual grand totals,
// sealed and chained; nothing dated in a closed month afterwards.
#include "services/closingservice.h"
#include "services/invoiceservice.h"
#include "storage/chaincounters.h"
#include "support/salesfixture.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <catch2/catch.hpp>

using namespace etabli;
using etabli::test::draftFor;
using etabli::test::line;
using etabli::test::makeShop;
using etabli::test::payment;
using etabli::test::Shop;
using etabli::test::TestDatabase;

namespace {

QDateTime at(int year, int month, int day)
{
    return QDateTime(QDate(year, month, day), QTime(10, 0), Qt::UTC);
}

qint64 issued(InvoiceService& sales, const Invoice& draft)
{
    auto id = sales.saveDraft(draft);
    REQUIRE(id);
    REQUIRE(sales.issue(*id));
    return *id;
}

} // namespace

TEST_CASE("Months close in order once over, with totals per VAT rate and method and perpetual grand totals",
          "[sales][closing][legal]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(at(2025, 1, 15));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Assujetti);
    InvoiceService sales(t.db(), clock, shop.director);
    ClosingService closings(t.db(), clock, shop.director);

    // January: an invoice at two rates, half paid by cheque.
    const qint64 gate =
        issued(sales, draftFor(shop.garage, {line("Portail", 1000, 10000), line("Livre", 2000, 1000, 550)}));
    clock.set(at(2025, 1, 20));
    REQUIRE(sales.recordPayment(payment(gate, QDate(2025, 1, 20), PaymentMethod::Cheque, 50)));
    // February: a private customer pays cash; half the gate's first line is credited.
    clock.set(at(2025, 2, 10));
    const qint64 fitting = issued(sales, draftFor(shop.person, {line("Montage", 1000, 5000)}));
    REQUIRE(sales.recordPayment(payment(fitting, QDate(2025, 2, 10), PaymentMethod::Cash, 60)));
    auto credit = sales.draftCreditNote(gate, {line("Portail", -500, 10000)});
    REQUIRE(credit);
    REQUIRE(sales.issue(*credit));

    // Only January is over.
    auto pending = closings.pendingMonths();
    REQUIRE(pending);
    CHECK(*pending == QList<QDate>{QDate(2025, 1, 1)});
    auto early = closings.closeUntil(QDate(2025, 2, 1));
    REQUIRE_FALSE(early);
    CHECK(early.error().code == Error::Code::InvalidInput);
    CHECK(early.error().message.contains(QStringLiteral("février 2025")));
    CHECK(closings.closings()->isEmpty());

    auto january = closings.closeUntil(QDate(2025, 1, 1));
    REQUIRE(january);
    REQUIRE(january->size() == 1);
    const Closing& jan = january->first();
    CHECK(jan.period == QStringLiteral("2025-01"));
    CHECK(jan.totals.sales.value(2000) == RateTotal{Money::fromEuros(100), Money::fromEuros(20)});
    CHECK(jan.totals.sales.value(550) == RateTotal{Money::fromEuros(20), Money::fromCents(110)});
    CHECK(jan.totals.incl() == Money::fromCents(14110));
    CHECK(jan.totals.payments == QMap<QString, Money>{{QStringLiteral("cheque"), Money::fromEuros(50)}});
    CHECK(jan.totals.invoices == 1);
    CHECK(jan.firstNumber == QStringLiteral("F2025-0001"));
    CHECK(jan.grandTotals == jan.totals);
    CHECK(jan.position == 1);
    CHECK(jan.prevHash.isEmpty());
    CHECK(jan.hash == closingHash(jan, QString()));

    // Nothing can be paid on a day of January any more, nor closed twice.
    auto late = sales.recordPayment(payment(gate, QDate(2025, 1, 31), PaymentMethod::Transfer, 10));
    REQUIRE_FALSE(late);
    CHECK(late.error().message.contains(QStringLiteral("janvier 2025")));
    CHECK(late.error().message.contains(QStringLiteral("clôturé")));
    CHECK(sales.payments(gate)->size() == 1);
    auto again = closings.closeUntil(QDate(2025, 1, 1));
    REQUIRE_FALSE(again);
    CHECK(again.error().message.contains(QStringLiteral("déjà clôturé")));
    // Paying on an open day still works.
    REQUIRE(sales.recordPayment(payment(gate, QDate(2025, 2, 10), PaymentMethod::Transfer, 10)));

    // A year later, the rest of 2025 closes at once, December with its year.
    clock.set(at(2026, 1, 5));
    auto rest = closings.closeUntil(QDate(2025, 12, 1));
    REQUIRE(rest);
    REQUIRE(rest->size() == 12);
    const Closing& year = rest->last();
    CHECK(year.kind == ClosingKind::Year);
    CHECK(year.period == QStringLiteral("2025"));
    CHECK(year.totals.sales.value(2000) == RateTotal{Money::fromEuros(100), Money::fromEuros(20)});
    CHECK(year.totals.sales.value(550) == RateTotal{Money::fromEuros(20), Money::fromCents(110)});
    CHECK(year.totals.invoices == 2);
    CHECK(year.totals.credits == 1);
    CHECK(year.totals.payments.value(QStringLiteral("cash")) == Money::fromEuros(60));
    CHECK(year.totals.paid() == Money::fromEuros(120));
    CHECK(year.grandTotals == year.totals);
    // December's perpetual totals are every month's sum.
    const Closing& december = rest->at(10);
    CHECK(december.period == QStringLiteral("2025-12"));
    ClosingTotals sum;
    const auto all = closings.closings();
    REQUIRE(all);
    for (const Closing& c : *all)
        if (c.kind == ClosingKind::Month)
            sum.add(c.totals);
    CHECK(december.grandTotals == sum);
    CHECK(december.grandTotals == year.totals);
    CHECK(closings.pendingMonths()->isEmpty());

    auto chain = closings.verifyChain();
    REQUIRE(chain);
    CHECK(chain->ok());
    CHECK(chain->closings == 13);

    // Reading is not closing.
    UserContext reader;
    reader.login = QStringLiteral("lecture");
    reader.permissions = {permission::SalesRead};
    clock.set(at(2026, 3, 2));
    auto refused = ClosingService(t.db(), clock, reader).closeUntil(QDate(2026, 1, 1));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == Error::Code::AccessDenied);
    CHECK(closings.closings()->size() == 13);
}

TEST_CASE("A closing cannot be changed, an altered or deleted one is seen by the checks",
          "[sales][closing][check]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(at(2025, 3, 3));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Franchise);
    InvoiceService sales(t.db(), clock, shop.director);
    issued(sales, draftFor(shop.person, {line("Montage", 1000, 5000)}));
    clock.set(at(2025, 5, 2));
    ClosingService closings(t.db(), clock, shop.director);
    auto made = closings.closeUntil(QDate(2025, 4, 1));
    REQUIRE(made);
    REQUIRE(made->size() == 2);
    // Outside VAT, the sales are at rate 0 whatever the lines said.
    CHECK(made->first().totals.sales.keys() == QList<int>{0});
    CHECK(made->first().totals.vat().isZero());
    CHECK(made->last().grandTotals.excl() == Money::fromEuros(50));

    CHECK_FALSE(test::rawExec(t.db(), QStringLiteral("UPDATE closing SET totals = '{}'")));
    CHECK_FALSE(test::rawExec(t.db(), QStringLiteral("DELETE FROM closing")));
    REQUIRE(test::rawExec(t.db(), t.isSqlite() ? QStringLiteral("DROP TRIGGER closing_no_update")
                                               : QStringLiteral("ALTER TABLE closing DISABLE TRIGGER USER")));
    if (t.isSqlite())
        REQUIRE(test::rawExec(t.db(), QStringLiteral("DROP TRIGGER closing_no_delete")));
    ChainCounters counters(t.db());
    CHECK(counters.missing()->isEmpty());
    REQUIRE(test::rawExec(t.db(), QStringLiteral("BEGIN")));
    REQUIRE(test::rawExec(t.db(), QStringLiteral("UPDATE closing SET grand_totals = replace(grand_totals, "
                                                 "'5000', '4000') WHERE period = '2025-03'")));
    auto altered = closings.verifyChain();
    REQUIRE(altered);
    CHECK(altered->firstBad == QStringLiteral("2025-03"));
    REQUIRE(test::rawExec(t.db(), QStringLiteral("ROLLBACK")));
    CHECK(closings.verifyChain()->ok());
    REQUIRE(test::rawExec(t.db(), QStringLiteral("BEGIN")));
    REQUIRE(test::rawExec(t.db(), QStringLiteral("DELETE FROM closing WHERE period = '2025-04'")));
    CHECK(closings.verifyChain()->ok()); // the chain alone cannot see its end cut
    auto missing = counters.missing();
    REQUIRE(missing);
    CHECK(missing->join(QLatin1Char('\n')).contains(QStringLiteral("Clôtures")));
    REQUIRE(test::rawExec(t.db(), QStringLiteral("ROLLBACK")));
}
