#include "services/dashboardservice.h"
#include "services/demogenerator.h"
#include "services/invoiceservice.h"
#include "util/clock.h"
#include "support/testdatabase.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>

#include <catch2/catch.hpp>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {

QByteArray contentHash(Database& db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char* table : {"school", "section", "trainee", "production_entry"}) {
        QSqlQuery q(db.connection());
        REQUIRE(q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(QString::fromLatin1(table))));
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                hash.addData(q.value(i).toString().toUtf8() + '|');
        }
    }
    return hash.result().toHex();
}

DemoGenerator::Options options(std::uint64_t seed)
{
    DemoGenerator::Options o;
    o.seed = seed;
    o.referenceDate = QDate(2026, 11, 27);
    return o;
}

} // namespace

TEST_CASE("The demo is deterministic: same seed, same database", "[demo]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase a(backend), b(backend), c(backend);
    REQUIRE(DemoGenerator(a.db(), options(7)).run());
    REQUIRE(DemoGenerator(b.db(), options(7)).run());
    REQUIRE(DemoGenerator(c.db(), options(8)).run());
    CHECK(contentHash(a.db()) == contentHash(b.db()));
    CHECK(contentHash(a.db()) != contentHash(c.db()));
}

TEST_CASE("The demo school looks like Juralternance since it opened in 2011", "[demo]")
{
    TestDatabase t;
    auto summary = DemoGenerator(t.db(), options(2011)).run();
    REQUIRE(summary);
    CHECK(summary->sections == 2);
    CHECK(summary->schoolYears == 16); // 2011-2012 to 2026-2027
    // Five to eight entrants a section a year, up to two refused, plus candidates.
    CHECK(summary->trainees >= 16 * 2 * 5);
    CHECK(summary->trainees <= 16 * 2 * 10 + 6);
    CHECK(summary->attendanceRows > 1000);
    Database& db = t.db();
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(DISTINCT cohort_year) FROM trainee")).toInt() == 17);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM trainee WHERE last_name LIKE '%''%'")).toInt() > 0);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM trainee WHERE first_name LIKE '%é%'")).toInt() > 0);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM trainee WHERE postcode LIKE '39%'")).toInt() > 0);
    // Ages at entry are 15 to 18.
    QSqlQuery q(db.connection());
    REQUIRE(q.exec(QStringLiteral("SELECT birth_date, entry_date FROM trainee WHERE entry_date IS NOT NULL")));
    while (q.next()) {
        const QDate birth = QDate::fromString(q.value(0).toString(), Qt::ISODate);
        const QDate entry = QDate::fromString(q.value(1).toString(), Qt::ISODate);
        const int age = entry.year() - birth.year() - ((entry.month() < birth.month() ||
                                                        (entry.month() == birth.month() && entry.day() < birth.day()))
                                                           ? 1
                                                           : 0);
        REQUIRE(age >= 15);
        REQUIRE(age <= 18);
    }
    auto dash = DashboardService(db).summary(QDate(2026, 11, 27));
    REQUIRE(dash);
    CHECK(dash->schoolName == QStringLiteral("Juralternance"));
    CHECK(dash->enrolled >= 10);
    CHECK(dash->enrolled <= 32);
}

TEST_CASE("The federation demo is about twenty schools' worth", "[demo]")
{
    TestDatabase t;
    DemoGenerator::Options o = options(1);
    o.scale = DemoGenerator::Scale::Federation;
    o.productionLog = false; // ~1.2M rows: measured by tests/bench, too slow under the sanitizers
    o.federationOrders = 4000; // a million in tests/bench
    auto summary = DemoGenerator(t.db(), o).run();
    REQUIRE(summary);
    CHECK(summary->sections == 40);
    CHECK(summary->trainees > 4000);

    // The sales written in bulk are what the services would have written:
    // chains intact, numbers that the next invoice follows.
    Database& db = t.db();
    CHECK(summary->workOrders > 3900);
    CHECK(summary->workOrders <= 4000);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT COUNT(*) FROM work_order")).toInt() == summary->workOrders);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT COUNT(*) FROM invoice WHERE status = 'issued'")).toInt() ==
          summary->invoices);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT COUNT(*) FROM work_order o JOIN invoice i ON i.id = o.invoice_id "
                                             "WHERE i.reference <> o.number OR i.total_excl_cents <> (SELECT "
                                             "SUM(total_excl_cents) FROM work_order_line WHERE order_id = o.id)"))
              .toInt() == 0);
    const FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC));
    InvoiceService sales(db, clock, UserContext::system());
    auto chains = sales.verifyChains();
    REQUIRE(chains);
    CHECK(chains->ok());
    const QString last = test::rawScalar(db, QStringLiteral("SELECT MAX(number) FROM invoice WHERE number LIKE "
                                                            "'F2026-%'"))
                             .toString();
    REQUIRE_FALSE(last.isEmpty());
    Invoice next;
    next.contactId = test::rawScalar(db, QStringLiteral("SELECT MIN(id) FROM contact")).toLongLong();
    InvoiceLine line;
    line.label = QStringLiteral("Réparation");
    line.quantityThousandths = 1000;
    line.unitPrice = Money::fromCents(2000);
    next.lines = {line};
    auto draft = sales.saveDraft(next);
    REQUIRE(draft);
    auto number = sales.issue(*draft);
    REQUIRE(number);
    CHECK(*number == QStringLiteral("F2026-%1").arg(last.mid(6).toInt() + 1, 4, 10, QLatin1Char('0')));
    CHECK(sales.verifyChains()->ok());
}

TEST_CASE("The demo holds the 2013/2014 tyre cohort exactly as the seed publishes it", "[demo][seed]")
{
    TestDatabase t;
    REQUIRE(DemoGenerator(t.db(), options(2011)).run());
    Database& db = t.db();
    const QString cohort = QStringLiteral(
        "FROM trainee t JOIN section s ON s.id = t.section_id WHERE s.name = 'Pneus et services' AND "
        "t.cohort_year = 2013 AND t.status IN ('enrolled', 'left')");
    const auto count = [&db](const QString& sql) { return test::rawScalar(db, sql).toInt(); };
    // 6 entered in September 2013.
    CHECK(count(QStringLiteral("SELECT count(*) ") + cohort) == 6);
    CHECK(count(QStringLiteral("SELECT count(*) ") + cohort + QStringLiteral(" AND t.entry_date LIKE '2013-09-%'")) == 6);
    // 1 went on to an apprenticeship (CAP mécanicien automobile).
    CHECK(count(QStringLiteral("SELECT count(*) ") + cohort + QStringLiteral(" AND t.exit_reason = 'apprenticeship'")) == 1);
    CHECK(count(QStringLiteral("SELECT count(*) FROM outcome o WHERE o.employer LIKE '%CAP mécanicien automobile%'")) ==
          1);
    // 2 obtained the CFG.
    CHECK(count(QStringLiteral("SELECT count(*) FROM trainee_certification tc JOIN certification c ON c.id = "
                               "tc.certification_id WHERE c.code = 'CFG' AND tc.result = 'passed' AND tc.trainee_id IN "
                               "(SELECT t.id ") +
                cohort + QStringLiteral(")")) == 2);
    // 4 continued into the second year.
    CHECK(count(QStringLiteral("SELECT count(*) ") + cohort + QStringLiteral(" AND t.study_year = 2")) == 4);
    // 1 left the school.
    CHECK(count(QStringLiteral("SELECT count(*) ") + cohort +
                QStringLiteral(" AND t.exit_date < '2014-06-01' AND t.exit_reason <> 'apprenticeship'")) == 1);
}

TEST_CASE("The demo's production log agrees with the register and the records", "[demo][production]")
{
    TestDatabase t;
    auto summary = DemoGenerator(t.db(), options(2011)).run();
    REQUIRE(summary);
    CHECK(summary->productionEntries > 1500);
    Database& db = t.db();
    const auto count = [&db](const QString& sql) { return test::rawScalar(db, sql).toLongLong(); };
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM production_entry")) == summary->productionEntries);
    // No one logged on a day the register marks them absent.
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM production_trainee pt JOIN production_entry e ON e.id = pt.entry_id JOIN attendance a "
              "ON a.trainee_id = pt.trainee_id AND a.day = e.day WHERE a.code IN ('excused', 'unexcused', 'excluded', "
              "'internship')")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM attendance WHERE code IN ('excused', 'unexcused')")) > 0);
    // Nor before they entered or after they left, nor today or later, nor over 12 h a day.
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM production_trainee pt JOIN production_entry e ON e.id = "
                               "pt.entry_id JOIN trainee t ON t.id = pt.trainee_id WHERE e.day < t.entry_date OR "
                               "(t.exit_date IS NOT NULL AND e.day > t.exit_date)")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM production_entry WHERE day >= '2026-11-27'")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM (SELECT pt.trainee_id, e.day FROM production_trainee pt JOIN "
                               "production_entry e ON e.id = pt.entry_id GROUP BY pt.trainee_id, e.day HAVING "
                               "SUM(pt.minutes) > 720) x")) == 0);
    // Catalogue lines stay in their workshop; skills too.
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM production_output o JOIN production_entry e ON e.id = o.entry_id "
                               "JOIN catalogue_item c ON c.id = o.catalogue_item_id WHERE c.section_id <> e.section_id")) ==
          0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM production_skill ps JOIN production_entry e ON e.id = ps.entry_id "
                               "JOIN skill s ON s.id = ps.skill_id WHERE s.section_id <> e.section_id")) == 0);
    // The team: a master trainer per workshop linked to the trainers' accounts, volunteers with hours.
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM staff s JOIN app_user u ON u.id = s.user_id WHERE "
                               "u.login LIKE 'formateur.%' AND s.job = 'master_trainer'")) == 2);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM volunteer_hours")) > 50);
}

TEST_CASE("The demo's sales follow the workshops' log: quotes, work orders, invoices, the tyre hotel", "[demo][sales]")
{
    TestDatabase t;
    auto summary = DemoGenerator(t.db(), options(2011)).run();
    REQUIRE(summary);
    Database& db = t.db();
    const auto count = [&db](const QString& sql) { return test::rawScalar(db, sql).toLongLong(); };
    CHECK(summary->workOrders > 300);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM work_order")) == summary->workOrders);
    // Every customer order of the log belongs to a work order of its workshop, named after it.
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM production_entry WHERE kind = 'order' AND order_id IS NULL")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM production_entry e JOIN work_order o ON o.id = e.order_id WHERE "
                               "o.section_id <> e.section_id OR o.number <> e.reference")) == 0);
    // Work is logged after the order was taken; invoiced orders are done or delivered.
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM production_entry e JOIN work_order o ON o.id = e.order_id WHERE "
                               "e.day < o.order_date")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM work_order WHERE invoice_id IS NOT NULL AND status NOT IN ('done', "
                               "'delivered')")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM work_order WHERE invoice_id IS NOT NULL")) == summary->invoices);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM work_order WHERE status IN ('todo', 'in_progress')")) > 0);
    // Accepted quotes made their orders; some wait for an answer, one expired.
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM quote q WHERE status = 'accepted' AND NOT EXISTS (SELECT 1 FROM "
                               "work_order o WHERE o.quote_id = q.id)")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM quote WHERE status = 'accepted'")) > 50);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM quote WHERE status = 'sent' AND valid_until < '2026-11-27'")) == 1);
    // Most cheques went to the bank; those of the last weeks wait.
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM cheque_deposit")) > 10);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM payment p WHERE method = 'cheque' AND NOT EXISTS (SELECT 1 FROM "
                               "cheque_deposit_item i WHERE i.payment_id = p.id)")) > 0);
    // The tyre hotel: one set per place and per vehicle in storage, summer sets in since the autumn.
    CHECK(summary->tyreSets > 40);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM tyre_set WHERE date_out IS NULL")) > 20);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM (SELECT vehicle_id FROM tyre_set WHERE date_out IS NULL GROUP BY "
                               "vehicle_id HAVING COUNT(*) > 1) x")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM tyre_set s WHERE (SELECT COUNT(*) FROM tyre_set_tyre t WHERE "
                               "t.set_id = s.id) <> s.tyre_count")) == 0);
    // Ten years of gifts; every gift of a past year has its receipt, and only one.
    CHECK(summary->gifts > 300);
    CHECK(count(QStringLiteral("SELECT COUNT(DISTINCT substr(day, 1, 4)) FROM donation")) == 10);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM donation WHERE receipt_id IS NULL AND day < '2026-01-01'")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM (SELECT donation_id FROM tax_receipt_line GROUP BY donation_id "
                               "HAVING COUNT(*) > 1) x")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM tax_receipt r WHERE total_cents <> (SELECT SUM(amount_cents) FROM "
                               "tax_receipt_line l WHERE l.receipt_id = r.id)")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM donation WHERE nature = 'in_kind'")) > 0);
}
