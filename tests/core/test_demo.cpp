#include "services/dashboardservice.h"
#include "services/demogenerator.h"
#include "services/indicatorservice.h"
#include "services/invoiceservice.h"
#include "storage/invoicerepository.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <QCryptographicHash>
#include <QHashSeed>
#include <QMap>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {

QByteArray contentHash(Database& db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char* table : {"school", "section", "trainee", "production_entry"}) {
        QSqlQuery q(db.connection());
        REQUIRE(q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(QString::fromLatin1(table))));
        // By column name: the backends' migrations may place a column
        // elsewhere in the table.
        const QSqlRecord columns = q.record();
        QMap<QString, int> byName;
        for (int i = 0; i < columns.count(); ++i)
            byName.insert(columns.fieldName(i), i);
        while (q.next()) {
            for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
                // A NULL number reads as 0 from PostgreSQL, as nothing from SQLite.
                const QVariant v = q.value(it.value());
                hash.addData(it.key().toUtf8() + '=' +
                             (v.isNull() ? QByteArray("NULL") : v.toString().toUtf8()) + '|');
            }
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

// The same seed gives the same database, whoever generates it, on either
// backend: the run's shared demos (SQLite, and PostgreSQL when there is a
// test server) are compared, generated once for every test that copies them.
// Were both generated in this very process, the second is made under another
// QHash seed, so that an order drawn from a hash would still show.
TEST_CASE("The demo is deterministic: same seed, same database, on either backend", "[demo]")
{
    TestDatabase shared("sqlite", test::DemoSpec::school());
    const QByteArray reference = contentHash(shared.db());
    QHashSeed::setDeterministicGlobalSeed();
    const auto backends = test::backends();
    if (std::find(backends.begin(), backends.end(), "postgresql") != backends.end()) {
        TestDatabase server("postgresql", test::DemoSpec::school());
        CHECK(contentHash(server.db()) == reference);
    } else {
        TestDatabase again("sqlite");
        REQUIRE(DemoGenerator(again.db(), options(2011)).run());
        CHECK(contentHash(again.db()) == reference);
    }
    // Another seed draws other trainees: no need for its years of workshop log.
    TestDatabase other("sqlite");
    auto otherOptions = options(8);
    otherOptions.productionLog = false;
    REQUIRE(DemoGenerator(other.db(), otherOptions).run());
    CHECK(contentHash(other.db()) != reference);
    QHashSeed::resetRandomGlobalSeed();
}

TEST_CASE("The demo school looks like Juralternance since it opened in 2011", "[demo]")
{
    TestDatabase t("sqlite", test::DemoSpec::school());
    const auto summary = std::make_optional(test::demoSummary());
    CHECK(summary->sections == 2);
    CHECK(summary->schoolYears == 16); // 2011-2012 to 2026-2027
    // Five to eight entrants a section a year, up to two refused, plus candidates.
    CHECK(summary->trainees >= 16 * 2 * 5);
    CHECK(summary->trainees <= 16 * 2 * 10 + 6);
    CHECK(summary->attendanceRows > 1000);
    Database& db = t.db();
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(DISTINCT cohort_year) FROM trainee")).toInt() ==
          17);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM trainee WHERE last_name LIKE '%''%'"))
              .toInt() > 0);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM trainee WHERE first_name LIKE '%é%'"))
              .toInt() > 0);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM trainee WHERE postcode LIKE '39%'"))
              .toInt() > 0);
    // Ages at entry are 15 to 18.
    QSqlQuery q(db.connection());
    REQUIRE(
        q.exec(QStringLiteral("SELECT birth_date, entry_date FROM trainee WHERE entry_date IS NOT NULL")));
    while (q.next()) {
        const QDate birth = QDate::fromString(q.value(0).toString(), Qt::ISODate);
        const QDate entry = QDate::fromString(q.value(1).toString(), Qt::ISODate);
        const int age =
            entry.year() - birth.year() -
            ((entry.month() < birth.month() || (entry.month() == birth.month() && entry.day() < birth.day()))
                 ? 1
                 : 0);
        REQUIRE(age >= 15);
        REQUIRE(age <= 18);
    }
    // A register for every school year (issue 18, item 10): the director's
    // first funder pack, of a past year, shows an attendance rate.
    const FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC));
    for (int year = 2011; year <= 2026; ++year) {
        INFO(year);
        CHECK(
            test::rawScalar(db, QStringLiteral("SELECT count(*) FROM attendance WHERE day BETWEEN '%1-09-01' "
                                               "AND '%2-06-30'")
                                    .arg(year)
                                    .arg(year + 1))
                .toInt() > 1000);
    }
    auto past = IndicatorService(db, clock, UserContext::system()).indicators(QStringLiteral("2013-2014"));
    REQUIRE(past);
    CHECK(past->attendanceRate > 0.8);
    CHECK(past->attendanceRate < 0.99);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM attendance WHERE day LIKE '%-07-%' OR day "
                                             "LIKE '%-08-%'"))
              .toInt() == 0);
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
    o.productionLog = false;   // ~1.2M rows: measured by tests/bench, too slow under the sanitizers
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
    CHECK(test::rawScalar(db, QStringLiteral("SELECT COUNT(*) FROM work_order")).toInt() ==
          summary->workOrders);
    CHECK(
        test::rawScalar(db, QStringLiteral("SELECT COUNT(*) FROM invoice WHERE status = 'issued'")).toInt() ==
        summary->invoices);
    CHECK(test::rawScalar(
              db, QStringLiteral("SELECT COUNT(*) FROM work_order o JOIN invoice i ON i.id = o.invoice_id "
                                 "WHERE i.reference <> o.number OR i.total_excl_cents <> (SELECT "
                                 "SUM(total_excl_cents) FROM work_order_line WHERE order_id = o.id)"))
              .toInt() == 0);
    const FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC));
    InvoiceService sales(db, clock, UserContext::system());
    auto chains = sales.verifyChains();
    REQUIRE(chains);
    CHECK(chains->ok());

    // The check hashes a batch on a second thread while it reads the next:
    // in batches of 100, the first invoice changed in chain order is named,
    // whether its own hash or its link to the one before fails, in an early,
    // a later or the last (incomplete) batch.
    const InvoiceRepository invoices(db);
    REQUIRE(invoices.verifyChains(100)->ok());
    const qint64 issued = chains->documents;
    REQUIRE(issued > 3000);
    const auto numberAt = [&](qint64 position) {
        return test::rawScalar(
                   db, QStringLiteral("SELECT number FROM invoice WHERE chain_position = %1").arg(position))
            .toString();
    };
    const auto changeName = [&](qint64 position) {
        REQUIRE(test::rawExec(
            db, QStringLiteral("UPDATE invoice SET customer_name = customer_name || ' (modifié)' WHERE "
                               "chain_position = %1")
                    .arg(position)));
    };
    const auto breakLink = [&](qint64 position) {
        REQUIRE(test::rawExec(
            db, QStringLiteral("UPDATE invoice SET prev_hash = 'x' || prev_hash WHERE chain_position = %1")
                    .arg(position)));
    };
    const auto firstBadAfter = [&](const std::function<void()>& change) {
        REQUIRE(test::rawExec(db, QStringLiteral("BEGIN")));
        change();
        auto report = invoices.verifyChains(100);
        REQUIRE(test::rawExec(db, QStringLiteral("ROLLBACK")));
        REQUIRE(report);
        return report->firstBad;
    };
    REQUIRE(test::rawExec(db, QStringLiteral("DROP TRIGGER invoice_issued_no_update")));
    CHECK(firstBadAfter([&]() {
              changeName(1550);
              breakLink(1560); // the same batch, not yet hashed
          }) == numberAt(1550));
    CHECK(firstBadAfter([&]() {
              changeName(1590);
              breakLink(1610); // the next batch: the one before still hashing
          }) == numberAt(1590));
    CHECK(firstBadAfter([&]() {
              breakLink(1250);
              changeName(1550);
          }) == numberAt(1250));
    CHECK(firstBadAfter([&]() { changeName(150); }) == numberAt(150));
    CHECK(firstBadAfter([&]() { changeName(issued); }) == numberAt(issued));
    CHECK(firstBadAfter([&]() { breakLink(issued); }) == numberAt(issued));
    CHECK(invoices.verifyChains(100)->ok());
    REQUIRE(test::rawExec(db, QStringLiteral("CREATE TRIGGER invoice_issued_no_update BEFORE UPDATE ON "
                                             "invoice WHEN OLD.status = 'issued' BEGIN SELECT "
                                             "RAISE(ABORT, 'an issued invoice cannot be changed'); END")));

    const QString last =
        test::rawScalar(db, QStringLiteral("SELECT MAX(number) FROM invoice WHERE number LIKE "
                                           "'F2026-%'"))
            .toString();
    REQUIRE_FALSE(last.isEmpty());
    Invoice next;
    // A customer whose record has what an invoice needs (address; SIRET for an organisation).
    next.contactId =
        test::rawScalar(db, QStringLiteral("SELECT MIN(id) FROM contact WHERE is_customer = 1 AND "
                                           "address_line1 <> '' AND (person = 1 OR siret <> '')"))
            .toLongLong();
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
    TestDatabase t("sqlite", test::DemoSpec::school());
    Database& db = t.db();
    const QString cohort = QStringLiteral(
        "FROM trainee t JOIN section s ON s.id = t.section_id WHERE s.name = 'Pneus et services' AND "
        "t.cohort_year = 2013 AND t.status IN ('enrolled', 'left')");
    const auto count = [&db](const QString& sql) { return test::rawScalar(db, sql).toInt(); };
    // 6 entered in September 2013.
    CHECK(count(QStringLiteral("SELECT count(*) ") + cohort) == 6);
    CHECK(count(QStringLiteral("SELECT count(*) ") + cohort +
                QStringLiteral(" AND t.entry_date LIKE '2013-09-%'")) == 6);
    // 1 went on to an apprenticeship (CAP mécanicien automobile).
    CHECK(count(QStringLiteral("SELECT count(*) ") + cohort +
                QStringLiteral(" AND t.exit_reason = 'apprenticeship'")) == 1);
    CHECK(count(QStringLiteral(
              "SELECT count(*) FROM outcome o WHERE o.employer LIKE '%CAP mécanicien automobile%'")) == 1);
    // 2 obtained the CFG.
    CHECK(count(QStringLiteral(
                    "SELECT count(*) FROM trainee_certification tc JOIN certification c ON c.id = "
                    "tc.certification_id WHERE c.code = 'CFG' AND tc.result = 'passed' AND tc.trainee_id IN "
                    "(SELECT t.id ") +
                cohort + QStringLiteral(")")) == 2);
    // 4 continued into the second year.
    CHECK(count(QStringLiteral("SELECT count(*) ") + cohort + QStringLiteral(" AND t.study_year = 2")) == 4);
    // 1 left the school.
    CHECK(count(QStringLiteral("SELECT count(*) ") + cohort +
                QStringLiteral(" AND t.exit_date < '2014-06-01' AND t.exit_reason <> 'apprenticeship'")) ==
          1);
}

TEST_CASE("The demo's production log agrees with the register and the records", "[demo][production]")
{
    TestDatabase t("sqlite", test::DemoSpec::school());
    const auto summary = std::make_optional(test::demoSummary());
    CHECK(summary->productionEntries > 1500);
    Database& db = t.db();
    const auto count = [&db](const QString& sql) { return test::rawScalar(db, sql).toLongLong(); };
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM production_entry")) == summary->productionEntries);
    // No one logged on a day the register marks them absent.
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM production_trainee pt JOIN production_entry e ON e.id = "
                               "pt.entry_id JOIN attendance a "
                               "ON a.trainee_id = pt.trainee_id AND a.day = e.day WHERE a.code IN "
                               "('excused', 'unexcused', 'excluded', "
                               "'internship')")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM attendance WHERE code IN ('excused', 'unexcused')")) >
          0);
    // Nor before they entered or after they left, nor today or later, nor over 12 h a day.
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM production_trainee pt JOIN production_entry e ON e.id = "
              "pt.entry_id JOIN trainee t ON t.id = pt.trainee_id WHERE e.day < t.entry_date OR "
              "(t.exit_date IS NOT NULL AND e.day > t.exit_date)")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM production_entry WHERE day >= '2026-11-27'")) == 0);
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM (SELECT pt.trainee_id, e.day FROM production_trainee pt JOIN "
              "production_entry e ON e.id = pt.entry_id GROUP BY pt.trainee_id, e.day HAVING "
              "SUM(pt.minutes) > 720) x")) == 0);
    // Catalogue lines stay in their workshop; skills too.
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM production_output o JOIN production_entry e ON e.id = o.entry_id "
              "JOIN catalogue_item c ON c.id = o.catalogue_item_id WHERE c.section_id <> e.section_id")) ==
          0);
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM production_skill ps JOIN production_entry e ON e.id = ps.entry_id "
              "JOIN skill s ON s.id = ps.skill_id WHERE s.section_id <> e.section_id")) == 0);
    // The team: a master trainer per workshop linked to the trainers' accounts, volunteers with hours.
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM staff s JOIN app_user u ON u.id = s.user_id WHERE "
                               "u.login LIKE 'formateur.%' AND s.job = 'master_trainer'")) == 2);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM volunteer_hours")) > 50);
}

TEST_CASE("The demo's CAPs have example frameworks, its skills map onto them, its trainees are evaluated "
          "from their jobs",
          "[demo][learning]")
{
    TestDatabase t("sqlite", test::DemoSpec::school());
    Database& db = t.db();
    const auto count = [&db](const QString& sql) { return test::rawScalar(db, sql).toLongLong(); };
    // Two frameworks, marked as examples, each competence with a criterion.
    CHECK(count(QStringLiteral("SELECT COUNT(DISTINCT certification_id) FROM competence")) == 2);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM certification WHERE framework_demo = 1")) == 2);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM competence c WHERE NOT EXISTS (SELECT 1 FROM "
                               "competence_criterion k WHERE k.competence_id = c.id)")) == 0);
    // Every workshop skill practises a competence of its own workshop's CAP.
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM skill s WHERE NOT EXISTS (SELECT 1 FROM skill_competence m "
              "WHERE m.skill_id = s.id)")) == 0);
    CHECK(
        count(QStringLiteral(
            "SELECT COUNT(*) FROM skill_competence m JOIN skill s ON s.id = m.skill_id JOIN competence c ON "
            "c.id = m.competence_id WHERE NOT EXISTS (SELECT 1 FROM section_certification x WHERE "
            "x.section_id "
            "= s.section_id AND x.certification_id = c.certification_id)")) == 0);
    // The trainees still there are evaluated, by their workshop's trainer, never ahead of their
    // jobs, each evaluation with evidence of theirs.
    CHECK(
        count(QStringLiteral("SELECT COUNT(DISTINCT trainee_id) FROM competence_evaluation")) ==
        count(QStringLiteral("SELECT COUNT(*) FROM trainee t WHERE status = 'enrolled' AND EXISTS (SELECT 1 "
                             "FROM production_trainee p WHERE p.trainee_id = t.id)")));
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM competence_evaluation WHERE level IN ('acquired', "
                               "'mastered')")) > 0);
    CHECK(
        count(QStringLiteral("SELECT COUNT(*) FROM competence_evaluation e WHERE NOT EXISTS (SELECT 1 FROM "
                             "evaluation_evidence v JOIN production_trainee p ON p.entry_id = v.entry_id AND "
                             "p.trainee_id = e.trainee_id WHERE v.evaluation_id = e.id)")) == 0);
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM competence_evaluation e JOIN trainee t ON t.id = "
              "e.trainee_id JOIN staff s ON s.user_id = e.evaluator_id JOIN staff_section x ON "
              "x.staff_id = s.id WHERE x.section_id <> t.section_id")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM competence_evaluation WHERE day >= '2026-11-27'")) == 0);
}

TEST_CASE("The demo's sales follow the workshops' log: quotes, work orders, invoices, the tyre hotel",
          "[demo][sales]")
{
    TestDatabase t("sqlite", test::DemoSpec::school());
    const auto summary = std::make_optional(test::demoSummary());
    Database& db = t.db();
    const auto count = [&db](const QString& sql) { return test::rawScalar(db, sql).toLongLong(); };
    CHECK(summary->workOrders > 300);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM work_order")) == summary->workOrders);
    // Every customer order of the log belongs to a work order of its workshop, named after it.
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM production_entry WHERE kind = 'order' AND order_id IS NULL")) == 0);
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM production_entry e JOIN work_order o ON o.id = e.order_id WHERE "
              "o.section_id <> e.section_id OR o.number <> e.reference")) == 0);
    // Work is logged after the order was taken; invoiced orders are done or delivered.
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM production_entry e JOIN work_order o ON o.id = e.order_id WHERE "
              "e.day < o.order_date")) == 0);
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM work_order WHERE invoice_id IS NOT NULL AND status NOT IN ('done', "
              "'delivered')")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM work_order WHERE invoice_id IS NOT NULL")) ==
          summary->invoices);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM work_order WHERE status IN ('todo', 'in_progress')")) >
          0);
    // Accepted quotes made their orders; some wait for an answer, one expired.
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM quote q WHERE status = 'accepted' AND NOT EXISTS (SELECT 1 FROM "
              "work_order o WHERE o.quote_id = q.id)")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM quote WHERE status = 'accepted'")) > 50);
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM quote WHERE status = 'sent' AND valid_until < '2026-11-27'")) == 1);
    // Most cheques went to the bank; those of the last weeks wait.
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM cheque_deposit")) > 10);
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM payment p WHERE method = 'cheque' AND NOT EXISTS (SELECT 1 FROM "
              "cheque_deposit_item i WHERE i.payment_id = p.id)")) > 0);
    // The tyre hotel: one set per place and per vehicle in storage, summer sets in since the autumn.
    CHECK(summary->tyreSets > 40);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM tyre_set WHERE date_out IS NULL")) > 20);
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM (SELECT vehicle_id FROM tyre_set WHERE date_out IS NULL GROUP BY "
              "vehicle_id HAVING COUNT(*) > 1) x")) == 0);
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM tyre_set s WHERE (SELECT COUNT(*) FROM tyre_set_tyre t WHERE "
              "t.set_id = s.id) <> s.tyre_count")) == 0);
    // Ten years of gifts; every gift of a past year from a person or a
    // company has its receipt, and only one; service clubs and a foundation
    // get none; a company's receipt names its legal form and SIREN.
    CHECK(summary->gifts > 300);
    CHECK(count(QStringLiteral("SELECT COUNT(DISTINCT substr(day, 1, 4)) FROM donation")) == 10);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM donation d JOIN contact c ON c.id = d.contact_id WHERE "
                               "d.receipt_id IS NULL AND d.day < '2026-01-01' AND (c.person = 1 OR c.kind = "
                               "'company')")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM donation d JOIN contact c ON c.id = d.contact_id WHERE "
                               "d.receipt_id IS NOT NULL AND c.person = 0 AND c.kind <> 'company'")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM donation d JOIN contact c ON c.id = d.contact_id WHERE "
                               "c.person = 0 AND c.kind <> 'company'")) > 0);
    CHECK(
        count(QStringLiteral("SELECT COUNT(*) FROM tax_receipt WHERE donor_company = 1 AND (donor_siren = '' "
                             "OR donor_legal_form = '')")) == 0);
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM donation WHERE nature = 'expenses_waived' AND receipt_id IS "
              "NOT NULL")) > 0);
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM (SELECT donation_id FROM tax_receipt_line GROUP BY donation_id "
              "HAVING COUNT(*) > 1) x")) == 0);
    CHECK(count(QStringLiteral(
              "SELECT COUNT(*) FROM tax_receipt r WHERE total_cents <> (SELECT SUM(amount_cents) FROM "
              "tax_receipt_line l WHERE l.receipt_id = r.id)")) == 0);
    CHECK(count(QStringLiteral("SELECT COUNT(*) FROM donation WHERE nature = 'in_kind'")) > 0);
}
