#include "services/budgetservice.h"
#include "services/contactservice.h"
#include "services/demogenerator.h"
#include "services/donationservice.h"
#include "services/invoiceservice.h"
#include "services/orderservice.h"
#include "services/productionservice.h"
#include "services/tyrehotelservice.h"
#include "storage/database.h"
#include "storage/invoicerepository.h"
#include "storage/sqlquery.h"
#include "support/salesfixture.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

using namespace etabli;
using etabli::test::draftFor;
using etabli::test::line;
using etabli::test::makeShop;
using etabli::test::Shop;
using etabli::test::TestDatabase;

namespace {

const QDate kFirstDay(2026, 9, 1);

// Issued invoices on `days` successive days from `from` (two a day), then
// `drafts` drafts: the list mixes dates and kinds.
void fill(Database& db, const Shop& shop, const QDate& from, int days, int drafts)
{
    for (int d = 0; d < days; ++d) {
        FixedClock then(QDateTime(from.addDays(d), QTime(10, 0), Qt::UTC));
        InvoiceService sales(db, then, shop.director);
        for (int k = 0; k < 2; ++k) {
            auto id = sales.saveDraft(
                draftFor(k == 0 ? shop.garage : shop.person, {line("Pneu", 1000, 1000 * (d + 1) + k)}));
            REQUIRE(id);
            REQUIRE(sales.issue(*id));
        }
    }
    FixedClock later(QDateTime(from.addDays(days), QTime(11, 0), Qt::UTC));
    InvoiceService sales(db, later, shop.director);
    for (int k = 0; k < drafts; ++k)
        REQUIRE(sales.saveDraft(draftFor(shop.garage, {line("Jante", 1000, 500 + k)})));
}

QList<qint64> idsOf(const QList<InvoiceRow>& rows)
{
    QList<qint64> ids;
    for (const InvoiceRow& r : rows)
        ids << r.id;
    return ids;
}

// The list's order, straight from the table.
QList<qint64> expectedOrder(Database& db, const QString& where = {})
{
    QSqlQuery q(db.connection());
    REQUIRE(
        q.exec(QStringLiteral("SELECT id FROM invoice %1 ORDER BY COALESCE(issue_date, substr(created_at, 1, "
                              "10)) DESC, id DESC")
                   .arg(where)));
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

// Ids of a query's rows, in order.
QList<qint64> idsBy(Database& db, const QString& sql)
{
    QSqlQuery q(db.connection());
    REQUIRE(q.exec(sql));
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

// Walks a list page after page as the pager does, then back, then jumps:
// every row once, in the order `expected` gives.
template <class Row, class Fetch> void checkPaging(Fetch fetch, const QList<qint64>& expected, int size)
{
    REQUIRE(expected.size() > 2 * size);
    QList<qint64> seen;
    QList<PageInfo> infos;
    PageRequest request = PageRequest::first(size);
    for (;;) {
        Result<Page<Row>> page = fetch(request);
        REQUIRE(page);
        for (const Row& r : std::as_const(page->rows))
            seen << r.id;
        infos << page->info;
        if (!page->info.more)
            break;
        request = PageRequest::after(page->info.last, size);
    }
    CHECK(seen == expected);
    CHECK(infos.first().following == expected.size());
    CHECK(infos.size() == (expected.size() + size - 1) / size);
    Result<Page<Row>> back = fetch(PageRequest{PageRequest::From::Before, infos.at(2).first, 0, size, 0});
    REQUIRE(back);
    QList<qint64> backIds;
    for (const Row& r : std::as_const(back->rows))
        backIds << r.id;
    CHECK(backIds == expected.mid(size, size));
    Result<Page<Row>> jump = fetch(PageRequest{PageRequest::From::Start, {}, 2 * size, size, 100000});
    REQUIRE(jump);
    REQUIRE_FALSE(jump->rows.isEmpty());
    CHECK(jump->rows.first().id == expected.at(2 * size));
    CHECK(jump->info.following == expected.size() - 2 * size);
}

struct Run
{
    QString sql;
    QVariantMap values;
};

// The statements the reads in `work` run.
QList<Run> traced(const std::function<void()>& work)
{
    QList<Run> runs;
    SqlQuery::setTrace([&runs](const QString& sql, const QVariantMap& values) { runs << Run{sql, values}; });
    const auto stop = qScopeGuard([]() { SqlQuery::setTrace({}); });
    work();
    return runs;
}

// The statement with each :name replaced by its value as an SQL literal.
QString withLiterals(const QString& sql, const QVariantMap& values)
{
    QString out;
    qsizetype at = 0;
    auto it = QRegularExpression(QStringLiteral(":(\\w+)")).globalMatch(sql);
    while (it.hasNext()) {
        const auto m = it.next();
        out += sql.mid(at, m.capturedStart() - at);
        const QVariant v = values.value(m.captured(1));
        if (v.isNull())
            out += QStringLiteral("NULL");
        else if (v.typeId() == QMetaType::QString)
            out += QLatin1Char('\'') + v.toString().replace(QLatin1Char('\''), QStringLiteral("''")) +
                   QLatin1Char('\'');
        else if (v.typeId() == QMetaType::Bool)
            out += v.toBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        else
            out += v.toString();
        at = m.capturedEnd();
    }
    return out + sql.mid(at);
}

// The plan of a statement run, one line per step (SQLite's detail column,
// PostgreSQL's EXPLAIN lines). PostgreSQL cannot PREPARE an EXPLAIN: the
// values go in as literals.
QString planOf(TestDatabase& t, const Run& run)
{
    QSqlQuery plan(t.db().connection());
    const QString sql = withLiterals(run.sql, run.values);
    if (!plan.exec((t.isSqlite() ? QStringLiteral("EXPLAIN QUERY PLAN ") : QStringLiteral("EXPLAIN ")) + sql))
        return QStringLiteral("EXPLAIN failed: ") + plan.lastError().text() + QStringLiteral(" for ") + sql;
    QStringList lines;
    while (plan.next())
        lines << plan.value(t.isSqlite() ? 3 : 0).toString();
    return lines.join(QLatin1Char('\n'));
}

// A plan that sorts has read every row the filter matches before showing
// the first: what a million invoices made slow. Each page's statement must
// walk an index in the list's order (a count is bounded by its cap).
int checkPlans(TestDatabase& t, const QList<Run>& runs)
{
    if (!t.isSqlite()) {
        REQUIRE(test::rawExec(t.db(), QStringLiteral("SET enable_sort = off")));
        REQUIRE(test::rawExec(t.db(), QStringLiteral("SET enable_seqscan = off")));
    }
    int explained = 0;
    for (const Run& run : runs) {
        // The page and the seek of "aller à la page"; not the counts (bounded by
        // their cap) nor what is read for the page's rows (bounded by the page).
        if (!run.sql.contains(QStringLiteral(":page_limit")) &&
            !run.sql.contains(QStringLiteral(":page_skip")))
            continue;
        const QString text = planOf(t, run);
        INFO(run.sql.toStdString());
        INFO(text.toStdString());
        REQUIRE_FALSE(text.startsWith(QStringLiteral("EXPLAIN failed")));
        if (t.isSqlite()) {
            CHECK_FALSE(text.contains(QStringLiteral("TEMP B-TREE")));
            CHECK_FALSE(text.contains(
                QRegularExpression(QStringLiteral("SCAN \\w+$"), QRegularExpression::MultilineOption)));
        } else {
            CHECK_FALSE(text.contains(QStringLiteral("Sort")));
        }
        ++explained;
    }
    if (!t.isSqlite()) {
        REQUIRE(test::rawExec(t.db(), QStringLiteral("RESET enable_sort")));
        REQUIRE(test::rawExec(t.db(), QStringLiteral("RESET enable_seqscan")));
    }
    return explained;
}

} // namespace

TEST_CASE("The invoices' list reads a page after the last row shown: every row once, in order",
          "[paging][sales]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kFirstDay.addDays(30), QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Franchise);
    fill(t.db(), shop, kFirstDay, 15, 5); // 30 issued, 5 drafts
    InvoiceService sales(t.db(), clock, shop.director);
    const InvoiceFilter all;
    const QList<qint64> expected = expectedOrder(t.db());
    REQUIRE(expected.size() == 35);

    // Pages of 10: 10, 10, 10, 5; the first says 35 rows follow.
    QList<qint64> seen;
    PageRequest request = PageRequest::first(10);
    QList<PageInfo> infos;
    for (int p = 0; p < 4; ++p) {
        auto page = sales.page(all, request);
        REQUIRE(page);
        seen << idsOf(page->rows);
        infos << page->info;
        request = PageRequest::after(page->info.last, 10);
    }
    CHECK(seen == expected);
    CHECK(infos.at(0).following == 35);
    CHECK(infos.at(2).following == 15);
    CHECK(infos.at(0).more);
    CHECK(infos.at(2).more);
    CHECK_FALSE(infos.at(3).more);

    // The page before the fourth is the third; the same page read again is itself.
    auto before = sales.page(all, PageRequest{PageRequest::From::Before, infos.at(3).first, 0, 10, 0});
    REQUIRE(before);
    CHECK(idsOf(before->rows) == expected.mid(20, 10));
    CHECK(before->info.more);
    auto again = sales.page(all, PageRequest{PageRequest::From::At, infos.at(1).first, 0, 10, 0});
    REQUIRE(again);
    CHECK(idsOf(again->rows) == expected.mid(10, 10));

    // "Aller à la page 3", and a page past the end.
    auto third = sales.page(all, PageRequest{PageRequest::From::Start, {}, 20, 10, 100});
    REQUIRE(third);
    CHECK(idsOf(third->rows) == expected.mid(20, 10));
    CHECK(third->info.following == 15);
    auto past = sales.page(all, PageRequest{PageRequest::From::Start, {}, 35, 10, 100});
    REQUIRE(past);
    CHECK(past->info.beyondEnd);
    CHECK(past->rows.isEmpty());

    // The count stops at its cap: "more than 12".
    auto capped = sales.page(all, PageRequest{PageRequest::From::Start, {}, 0, 10, 12});
    REQUIRE(capped);
    CHECK(capped->info.following == 13);
    CHECK(*sales.count(all, 12) == 13);
    CHECK(*sales.count(all, 100) == 35);

    // Filters: drafts, the ones issued, and a page cursor that crosses them.
    InvoiceFilter drafts;
    drafts.status = InvoiceStatus::Draft;
    auto draftPage = sales.page(drafts, PageRequest::first(3));
    REQUIRE(draftPage);
    CHECK(idsOf(draftPage->rows) ==
          expectedOrder(t.db(), QStringLiteral("WHERE status = 'draft'")).mid(0, 3));
    auto draftRest = sales.page(drafts, PageRequest::after(draftPage->info.last, 3));
    REQUIRE(draftRest);
    CHECK(idsOf(draftRest->rows) == expectedOrder(t.db(), QStringLiteral("WHERE status = 'draft'")).mid(3));
}

TEST_CASE("Paging while another computer issues invoices shows no row twice and skips none",
          "[paging][sales][concurrency]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kFirstDay.addDays(30), QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Franchise);
    fill(t.db(), shop, kFirstDay, 10, 0);
    InvoiceService sales(t.db(), clock, shop.director);
    const QList<qint64> before = expectedOrder(t.db());
    auto first = sales.page({}, PageRequest::first(8));
    REQUIRE(first);
    // Meanwhile, newer invoices land at the top of the list (OFFSET would
    // show the first page's last rows again on the second).
    fill(t.db(), shop, kFirstDay.addDays(20), 2, 1);
    QList<qint64> seen = idsOf(first->rows);
    PageRequest request = PageRequest::after(first->info.last, 8);
    for (;;) {
        auto page = sales.page({}, request);
        REQUIRE(page);
        seen << idsOf(page->rows);
        if (!page->info.more)
            break;
        request = PageRequest::after(page->info.last, 8);
    }
    CHECK(seen == before);
}

TEST_CASE("The unpaid invoices and odd searches page like the rest", "[paging][sales]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kFirstDay.addDays(30), QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Franchise);
    fill(t.db(), shop, kFirstDay, 6, 2);
    InvoiceService sales(t.db(), clock, shop.director);
    // The garage's invoices are paid.
    const QList<qint64> garage =
        expectedOrder(t.db(), QStringLiteral("WHERE status = 'issued' AND contact_id = %1").arg(shop.garage));
    REQUIRE(garage.size() == 6);
    for (qint64 id : garage) {
        Payment p;
        p.invoiceId = id;
        p.day = clock.today();
        p.method = PaymentMethod::Transfer;
        p.amount = sales.balance(id)->due();
        REQUIRE(sales.recordPayment(p));
    }
    InvoiceFilter unpaid;
    unpaid.unpaidOnly = true;
    const QList<qint64> open =
        expectedOrder(t.db(), QStringLiteral("WHERE status = 'issued' AND contact_id = %1").arg(shop.person));
    auto page = sales.page(unpaid, PageRequest::first(4));
    REQUIRE(page);
    CHECK(page->info.following == 6);
    auto rest = sales.page(unpaid, PageRequest::after(page->info.last, 4));
    REQUIRE(rest);
    CHECK(idsOf(page->rows) + idsOf(rest->rows) == open);
    for (const InvoiceRow& r : page->rows)
        CHECK(r.due.cents() > 0);

    // What the search field may receive: wildcards, quotes, a pasted novel.
    // The wildcards are taken out (a "%" alone finds everything), never read as SQL.
    const QList<std::pair<QString, int>> odd = {{QStringLiteral("%"), 14},
                                                {QStringLiteral("_"), 14},
                                                {QStringLiteral("' OR 1=1 --"), 0},
                                                {QStringLiteral("F2026-%_"), 12},
                                                {QString(500, QLatin1Char('x')), 0}};
    for (const auto& [text, matches] : odd) {
        INFO(text.left(20).toStdString());
        InvoiceFilter f;
        f.text = text;
        auto found = sales.page(f, PageRequest::first(10));
        REQUIRE(found);
        CHECK(found->rows.size() == std::min(matches, 10));
        CHECK(*sales.count(f, 100) == matches);
    }
    InvoiceFilter nothing;
    nothing.text = QStringLiteral("Personne de ce nom");
    auto none = sales.page(nothing, PageRequest::first(10));
    REQUIRE(none);
    CHECK(none->rows.isEmpty());
    CHECK(none->info.following == 0);
    CHECK_FALSE(none->info.more);
}

TEST_CASE("Searches read the search tables, which follow a customer renamed", "[paging][sales][search]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kFirstDay.addDays(30), QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Franchise);
    fill(t.db(), shop, kFirstDay, 3, 1);
    InvoiceService sales(t.db(), clock, shop.director);
    ContactService contacts(t.db(), clock, shop.director);
    const QList<qint64> garage =
        expectedOrder(t.db(), QStringLiteral("WHERE contact_id = %1").arg(shop.garage));
    REQUIRE(garage.size() == 4);

    auto renamed = contacts.get(shop.garage);
    REQUIRE(renamed);
    const QString oldName = renamed->name;
    renamed->name = QStringLiteral("Carrosserie Évêque");
    renamed->city = QStringLiteral("Besançon");
    REQUIRE(contacts.update(*renamed));

    // Found by the new name, accents and case as the user types them; the
    // statement reads the search table, not the invoices' columns.
    InvoiceFilter byName;
    byName.text = QStringLiteral("  EVEQUE ");
    QList<InvoiceRow> rows;
    const QList<Run> runs = traced([&]() {
        auto found = sales.page(byName, PageRequest::first(10));
        REQUIRE(found);
        rows = found->rows;
        CHECK(found->info.following == 4);
    });
    CHECK(idsOf(rows) == garage);
    bool throughIndex = false;
    for (const Run& run : runs) {
        throughIndex = throughIndex || run.sql.contains(QStringLiteral("invoice_search"));
        CHECK_FALSE(run.sql.contains(QStringLiteral("name_key LIKE")));
    }
    CHECK(throughIndex);
    InvoiceFilter byOldName;
    byOldName.text = oldName;
    CHECK(sales.page(byOldName, PageRequest::first(10))->rows.isEmpty());
    // Two letters (no trigram) and a whole number find the same way.
    InvoiceFilter shortText;
    shortText.text = QStringLiteral("vê");
    CHECK(idsOf(sales.page(shortText, PageRequest::first(10))->rows) == garage);
    const QString number = sales.get(garage.at(1))->number;
    InvoiceFilter byNumber;
    byNumber.text = number.toLower();
    auto one = sales.page(byNumber, PageRequest::first(10));
    REQUIRE(one);
    REQUIRE(one->rows.size() == 1);
    CHECK(one->rows.first().number == number);

    // The directory finds the contact by its new name and town (accents as
    // the user types them), not by the old ones.
    CHECK(*contacts.count({QStringLiteral("évêque"), QString()}, 100) == 1);
    CHECK(*contacts.count({QStringLiteral("besancon"), QString()}, 100) == 1);
    CHECK(*contacts.count({QStringLiteral("BESANÇON"), QString()}, 100) == 1);
    CHECK(*contacts.count({oldName, QString()}, 100) == 0);
}

TEST_CASE("No page of the invoices' list is sorted after reading: each walks an index in the list's order",
          "[paging][sales][plan]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kFirstDay.addDays(30), QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Franchise);
    fill(t.db(), shop, kFirstDay, 3, 2);
    InvoiceService sales(t.db(), clock, shop.director);

    InvoiceFilter drafts;
    drafts.status = InvoiceStatus::Draft;
    InvoiceFilter unpaid;
    unpaid.unpaidOnly = true;
    InvoiceFilter customer;
    customer.contactId = shop.garage;
    InvoiceFilter credits;
    credits.kind = InvoiceKind::Credit;
    const QList<Run> runs = traced([&]() {
        for (const InvoiceFilter& f : {InvoiceFilter{}, drafts, unpaid, customer, credits}) {
            auto first = sales.page(f, PageRequest::first(2));
            REQUIRE(first);
            REQUIRE(sales.page(f, PageRequest::after(first->info.last, 2)));
            REQUIRE(sales.page(f, PageRequest{PageRequest::From::Before, first->info.last, 0, 2, 100}));
            REQUIRE(sales.page(f, PageRequest{PageRequest::From::Start, {}, 1, 2, 100}));
        }
    });
    CHECK(checkPlans(t, runs) >= 20);
}

TEST_CASE("The count after a page of invoices is read from the list's index alone, whose date the database "
          "keeps right",
          "[paging][sales][plan]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kFirstDay.addDays(30), QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Franchise);
    fill(t.db(), shop, kFirstDay, 3, 2);
    InvoiceService sales(t.db(), clock, shop.director);

    // The list's order is the issue date, a draft's creation day (schema 27).
    CHECK(idsOf(sales.page({}, PageRequest::first(100))->rows) == expectedOrder(t.db()));

    const QList<Run> runs = traced([&]() {
        auto first = sales.page({}, PageRequest::first(2));
        REQUIRE(first);
        REQUIRE(sales.page({}, PageRequest::after(first->info.last, 2)));
    });
    int counts = 0;
    for (const Run& run : runs) {
        if (!run.sql.contains(QStringLiteral("COUNT(*)")) || !run.sql.contains(QStringLiteral("list_date")))
            continue;
        const QString text = planOf(t, run);
        INFO(text.toStdString());
        REQUIRE_FALSE(text.startsWith(QStringLiteral("EXPLAIN failed")));
        // SQLite 3.40 reads the table to compare an indexed expression: the
        // column makes the count walk the index only. PostgreSQL may choose
        // a scan on so few rows; its plan is checked with the pages' above.
        if (t.isSqlite())
            CHECK(text.contains(QStringLiteral("COVERING INDEX invoice_list")));
        ++counts;
    }
    CHECK(counts >= 1);

    // A list date other than the issue date (the creation day for a draft)
    // is refused by the database, on a draft as on a new row.
    const QList<qint64> drafts = expectedOrder(t.db(), QStringLiteral("WHERE status = 'draft'"));
    REQUIRE_FALSE(drafts.isEmpty());
    CHECK_FALSE(test::rawExec(
        t.db(),
        QStringLiteral("UPDATE invoice SET list_date = '1999-01-01' WHERE id = %1").arg(drafts.first())));
    const auto insert = [&](const QString& listDate) {
        return test::rawExec(
            t.db(),
            QStringLiteral("INSERT INTO invoice (kind, status, contact_id, vat_regime, total_excl_cents, "
                           "total_vat_cents, total_incl_cents, version, created_at, updated_at, "
                           "list_date) VALUES ('invoice', 'draft', %1, 'franchise', 0, 0, 0, 1, "
                           "'2026-09-01T10:00:00Z', '2026-09-01T10:00:00Z', '%2')")
                .arg(shop.garage)
                .arg(listDate));
    };
    CHECK_FALSE(insert(QStringLiteral("2026-09-02")));
    CHECK(insert(QStringLiteral("2026-09-01")));
}

TEST_CASE("The directory pages by name, for every role, through its indexes", "[paging][sales][plan]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kFirstDay, QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Franchise);
    ContactService contacts(t.db(), clock, shop.director);
    // Names whose order is not the order they were typed in; every third a donor.
    const QStringList towns = {QStringLiteral("Dole"), QStringLiteral("Tavaux"), QStringLiteral("Auxonne")};
    for (int i = 0; i < 40; ++i) {
        Contact c;
        c.name = QStringLiteral("%1 Établissements %2")
                     .arg(QChar(u'Z' - (i * 7) % 26))
                     .arg(i, 2, 10, QLatin1Char('0'));
        c.city = towns.at(i % 3);
        c.postcode = QStringLiteral("39100");
        c.customer = true;
        c.donor = i % 3 == 0;
        REQUIRE(contacts.add(c));
    }
    const auto pageOf = [&contacts](const ContactFilter& f) {
        return [&contacts, f](const PageRequest& r) { return contacts.page(f, r); };
    };
    checkPaging<Contact>(pageOf({}),
                         idsBy(t.db(), QStringLiteral("SELECT id FROM contact ORDER BY name_key, id")), 7);
    checkPaging<Contact>(
        pageOf({QString(), QStringLiteral("donor")}),
        idsBy(t.db(), QStringLiteral("SELECT id FROM contact WHERE is_donor = 1 ORDER BY name_key, id")), 4);
    checkPaging<Contact>(
        pageOf({QStringLiteral("tavaux"), QString()}),
        idsBy(t.db(), QStringLiteral("SELECT id FROM contact WHERE city = 'Tavaux' ORDER BY name_key, id")),
        4);
    // A "%" typed alone finds everyone, as an empty search.
    CHECK(*contacts.count({QStringLiteral("%"), QString()}, 1000) == *contacts.count({}, 1000));

    const QList<Run> runs = traced([&]() {
        for (const QString& role :
             {QString(), QStringLiteral("customer"), QStringLiteral("host"), QStringLiteral("donor"),
              QStringLiteral("funder"), QStringLiteral("supplier")}) {
            const ContactFilter f{QString(), role};
            auto first = contacts.page(f, PageRequest::first(2));
            REQUIRE(first);
            REQUIRE(contacts.page(f, PageRequest::after(first->info.last, 2)));
            REQUIRE(contacts.page(f, PageRequest{PageRequest::From::Start, {}, 1, 2, 100}));
        }
    });
    CHECK(checkPlans(t, runs) >= 18);
}

TEST_CASE("Quotes and work orders page newest first, by workshop and status, through their indexes",
          "[paging][orders][plan]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock first(QDateTime(kFirstDay, QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), first, VatRegime::Franchise);
    const QList<qint64> sections =
        idsBy(t.db(), QStringLiteral("SELECT id FROM section ORDER BY id LIMIT 2"));
    REQUIRE(sections.size() == 2);
    // A quote and a work order a day, in two workshops; some orders done, some quotes sent.
    for (int d = 0; d < 24; ++d) {
        FixedClock day(QDateTime(kFirstDay.addDays(d), QTime(10, 0), Qt::UTC));
        OrderService orders(t.db(), day, shop.director);
        Quote q;
        q.contactId = d % 2 == 0 ? shop.garage : shop.person;
        q.sectionId = sections.at(d % 2);
        q.reference = QStringLiteral("Devis %1").arg(d);
        q.lines = {line("Soudure", 1000, 10000 + d)};
        auto quote = orders.saveQuote(q);
        REQUIRE(quote);
        if (d % 3 == 0 && q.contactId == shop.garage) // a business: nothing more to say before sending
            REQUIRE(orders.setQuoteStatus(*quote, QuoteStatus::Sent));
        WorkOrder o;
        o.contactId = q.contactId;
        o.sectionId = q.sectionId;
        o.description = QStringLiteral("Travaux %1").arg(d);
        o.lines = q.lines;
        auto order = orders.saveOrder(o);
        REQUIRE(order);
        if (d % 4 == 0)
            REQUIRE(test::rawExec(
                t.db(), QStringLiteral("UPDATE work_order SET status = 'done' WHERE id = %1").arg(*order)));
    }
    FixedClock today(QDateTime(kFirstDay.addDays(40), QTime(10, 0), Qt::UTC));
    OrderService orders(t.db(), today, shop.director);
    const auto orderPages = [&orders](const OrderFilter& f) {
        return [&orders, f](const PageRequest& r) { return orders.orders(f, r); };
    };
    const auto quotePages = [&orders](const OrderFilter& f) {
        return [&orders, f](const PageRequest& r) { return orders.quotes(f, r); };
    };
    const QString byDate = QStringLiteral(" ORDER BY order_date DESC, id DESC");
    OrderFilter open;
    open.shown = OrderFilter::Shown::Open;
    OrderFilter workshop;
    workshop.sectionId = sections.at(1);
    checkPaging<WorkOrder>(orderPages({}),
                           idsBy(t.db(), QStringLiteral("SELECT id FROM work_order") + byDate), 5);
    checkPaging<WorkOrder>(
        orderPages(open),
        idsBy(t.db(), QStringLiteral("SELECT id FROM work_order WHERE status = 'todo'") + byDate), 5);
    checkPaging<WorkOrder>(
        orderPages(workshop),
        idsBy(t.db(),
              QStringLiteral("SELECT id FROM work_order WHERE section_id = %1").arg(sections.at(1)) + byDate),
        3);
    const QString quotesByDate = QStringLiteral(" ORDER BY quote_date DESC, id DESC");
    checkPaging<Quote>(quotePages({}), idsBy(t.db(), QStringLiteral("SELECT id FROM quote") + quotesByDate),
                       5);
    checkPaging<Quote>(
        quotePages(open),
        idsBy(t.db(), QStringLiteral("SELECT id FROM quote WHERE status = 'draft' OR (status = "
                                     "'sent' AND valid_until >= '%1')")
                              .arg(today.today().toString(Qt::ISODate)) +
                          quotesByDate),
        3);

    const QList<Run> runs = traced([&]() {
        using Shown = OrderFilter::Shown;
        for (const Shown shown : {Shown::All, Shown::Open, Shown::One}) {
            for (qint64 section : {qint64(0), sections.at(0)}) {
                OrderFilter f;
                f.shown = shown;
                f.orderStatus = WorkOrderStatus::Done;
                f.sectionId = section;
                auto page = orders.orders(f, PageRequest::first(2));
                REQUIRE(page);
                REQUIRE(orders.orders(f, PageRequest::after(page->info.last, 2)));
                // The quotes: the open ones, or one status (drafts, accepted ones).
                if (shown != Shown::Open) {
                    f.quoteStatus = shown == Shown::All ? QuoteStatus::Draft : QuoteStatus::Accepted;
                    f.shown = Shown::One;
                }
                auto quotes = orders.quotes(f, PageRequest::first(2));
                REQUIRE(quotes);
                REQUIRE(orders.quotes(f, PageRequest::after(quotes->info.last, 2)));
            }
        }
        OrderFilter customer;
        customer.contactId = shop.person;
        REQUIRE(orders.orders(customer, PageRequest::first(2)));
        REQUIRE(orders.quotes(customer, PageRequest::first(2)));
    });
    CHECK(checkPlans(t, runs) >= 26);
}

TEST_CASE("The demo's gifts, budget entries and production log page through their indexes",
          "[paging][funding][production][plan]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend, test::DemoSpec::school());
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC));
    const UserContext director =
        test::logIn(t.db(), QStringLiteral("direction"), DemoGenerator::demoPassword());
    const UserContext trainer =
        test::logIn(t.db(), QStringLiteral("formateur.metal"), DemoGenerator::demoPassword());
    DonationService gifts(t.db(), clock, director);
    BudgetService budget(t.db(), clock, director);
    ProductionService log(t.db(), clock, director);
    ProductionService trainerLog(t.db(), clock, trainer);

    DonationFilter unreceipted;
    unreceipted.unreceiptedOnly = true;
    checkPaging<Donation>([&](const PageRequest& r) { return gifts.donations({}, r); },
                          idsBy(t.db(), QStringLiteral("SELECT id FROM donation ORDER BY day DESC, id DESC")),
                          40);
    checkPaging<Donation>(
        [&](const PageRequest& r) { return gifts.donations(unreceipted, r); },
        idsBy(t.db(),
              QStringLiteral("SELECT id FROM donation WHERE receipt_id IS NULL ORDER BY day DESC, id DESC")),
        10);
    checkPaging<BudgetEntry>(
        [&](const PageRequest& r) { return budget.entries({}, r); },
        idsBy(t.db(), QStringLiteral("SELECT id FROM budget_entry ORDER BY day DESC, id DESC")), 30);
    checkPaging<ProductionSummary>(
        [&](const PageRequest& r) { return log.list({}, r); },
        idsBy(t.db(), QStringLiteral("SELECT id FROM production_entry ORDER BY day DESC, id DESC")), 100);
    // A trainer's log is their workshop's, paged the same way.
    checkPaging<ProductionSummary>(
        [&](const PageRequest& r) { return trainerLog.list({}, r); },
        idsBy(t.db(),
              QStringLiteral("SELECT e.id FROM production_entry e JOIN section s ON s.id = e.section_id "
                             "WHERE s.name = 'Métallerie' ORDER BY e.day DESC, e.id DESC")),
        100);

    // The tyre hotel: the sets in storage by place (rack, row, level), the others newest first.
    TyreHotelService hotel(t.db(), clock, director);
    TyreSetFilter stored;
    stored.state = TyreSetFilter::State::Stored;
    checkPaging<TyreSet>(
        [&](const PageRequest& r) { return hotel.list(stored, r); },
        idsBy(t.db(), QStringLiteral("SELECT id FROM tyre_set WHERE date_out IS NULL ORDER BY "
                                     "rack, row_no, level_no, id")),
        10);
    TyreSetFilter every;
    every.state.reset();
    checkPaging<TyreSet>(
        [&](const PageRequest& r) { return hotel.list(every, r); },
        idsBy(t.db(), QStringLiteral("SELECT id FROM tyre_set ORDER BY date_in DESC, id DESC")), 20);

    const QList<Run> runs = traced([&]() {
        for (const TyreSetFilter& f : {every, stored}) {
            auto p = hotel.list(f, PageRequest::first(5));
            REQUIRE(p);
            REQUIRE(hotel.list(f, PageRequest::after(p->info.last, 5)));
            REQUIRE(hotel.list(f, PageRequest{PageRequest::From::Before, p->info.last, 0, 5, 100}));
        }
        for (const DonationFilter& f : {DonationFilter{}, unreceipted}) {
            auto p = gifts.donations(f, PageRequest::first(5));
            REQUIRE(p);
            REQUIRE(gifts.donations(f, PageRequest::after(p->info.last, 5)));
        }
        auto e = budget.entries({}, PageRequest::first(5));
        REQUIRE(e);
        REQUIRE(budget.entries({}, PageRequest::after(e->info.last, 5)));
        for (const ProductionService* s : {&log, &trainerLog}) {
            auto p = s->list({}, PageRequest::first(5));
            REQUIRE(p);
            REQUIRE(s->list({}, PageRequest::after(p->info.last, 5)));
            REQUIRE(s->list({}, PageRequest{PageRequest::From::Start, {}, 50, 5, 100}));
        }
    });
    CHECK(checkPlans(t, runs) >= 18);
}
