// Issue 16: invoices that hold up before the tax office — the VAT regime and
// its thresholds, the mandatory mentions checked at issue, the document
// frozen as issued, cash and closed years.
#include "services/backupservice.h"
#include "services/contactservice.h"
#include "services/donationservice.h"
#include "services/financialyearservice.h"
#include "services/invoiceservice.h"
#include "services/schoolservice.h"
#include "storage/chaincounters.h"
#include "support/salesfixture.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <catch2/catch.hpp>

using namespace etabli;
using etabli::test::draftFor;
using etabli::test::line;
using etabli::test::makeShop;
using etabli::test::Shop;
using etabli::test::TestDatabase;

namespace {

using etabli::test::kToday;

LegalAmount amountOf(SchoolService& school, LegalAmountKind kind)
{
    auto a = school.legalAmount(kind);
    REQUIRE(a);
    return *a;
}

} // namespace

TEST_CASE("The VAT regime is one of three legal choices, its mention follows, thresholds are data",
          "[sales][legal]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Franchise);
    SchoolService school(t.db(), clock, shop.director);

    auto s = school.identity();
    REQUIRE(s);
    CHECK(s->vatMention == QStringLiteral("TVA non applicable, art. 293 B du CGI"));
    // A free text cannot say something else: the mention follows the regime.
    s->vatRegime = VatRegime::Association;
    s->vatMention = QStringLiteral("Exonéré");
    auto saved = school.saveIdentity(*s);
    REQUIRE(saved);
    CHECK(saved->vatRegime == VatRegime::Association);
    CHECK(saved->vatMention == QStringLiteral("TVA non applicable, art. 261-7-1° b du CGI"));
    CHECK(school.identity()->vatRegime == VatRegime::Association);
    // No VAT charged by a non-profit association either.
    CHECK(InvoiceTotals::compute({line("Portail", 1000, 10000)}, VatRegime::Association).vatTotal.isZero());

    // A VAT number has the French form; the option on debits needs VAT.
    SchoolIdentity bad = *saved;
    bad.vatNumber = QStringLiteral("12345");
    auto refused = school.saveIdentity(bad);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("TVA")));
    bad = *saved;
    bad.vatOnDebits = true;
    CHECK_FALSE(school.saveIdentity(bad));
    SchoolIdentity vat = *saved;
    vat.vatRegime = VatRegime::Assujetti;
    vat.vatNumber = QStringLiteral("fr 00 753 124 680");
    vat.vatOnDebits = true;
    auto subject = school.saveIdentity(vat);
    REQUIRE(subject);
    CHECK(subject->vatNumber == QStringLiteral("FR00753124680"));
    CHECK(subject->vatMention.isEmpty());
    CHECK(subject->vatOnDebits);

    // The thresholds and the cash ceiling, with their year and source.
    auto amounts = school.legalAmounts();
    REQUIRE(amounts);
    REQUIRE(amounts->size() == 4);
    LegalAmount goods = amountOf(school, LegalAmountKind::FranchiseGoods);
    CHECK(goods.amount == Money::fromEuros(85000));
    CHECK(goods.year == 2025);
    CHECK(goods.source.contains(QStringLiteral("293 B")));
    CHECK(amountOf(school, LegalAmountKind::FranchiseServices).amount == Money::fromEuros(37500));
    CHECK(amountOf(school, LegalAmountKind::CashCeiling).amount == Money::fromEuros(1000));
    // A new finance law: the school types the new threshold, its year and source.
    goods.amount = Money::fromEuros(90000);
    goods.year = 2026;
    goods.source = QStringLiteral("Loi de finances pour 2026");
    REQUIRE(school.saveLegalAmount(goods));
    CHECK(amountOf(school, LegalAmountKind::FranchiseGoods).amount == Money::fromEuros(90000));
    CHECK(test::rawScalar(t.db(),
                          QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'legal_amount'"))
              .toInt() == 1);
    // Stale, empty source or zero: refused, nothing changed.
    CHECK_FALSE(school.saveLegalAmount(goods)); // goods.version is stale now
    LegalAmount empty = amountOf(school, LegalAmountKind::FranchiseGoods);
    empty.source = QStringLiteral("  ");
    CHECK_FALSE(school.saveLegalAmount(empty));
    empty.source = QStringLiteral("x");
    empty.amount = Money();
    CHECK_FALSE(school.saveLegalAmount(empty));
    CHECK(amountOf(school, LegalAmountKind::FranchiseGoods).source ==
          QStringLiteral("Loi de finances pour 2026"));
    // Only the settings' editors change them.
    UserContext office = shop.director;
    office.role = Role::Secretariat;
    office.permissions.remove(permission::SettingsEdit);
    SchoolService secretary(t.db(), clock, office);
    LegalAmount ceiling = amountOf(school, LegalAmountKind::CashCeiling);
    ceiling.amount = Money::fromEuros(5000);
    CHECK_FALSE(secretary.saveLegalAmount(ceiling));
}

TEST_CASE("Issuing names every missing mandatory item and writes nothing", "[sales][legal]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Assujetti);
    SchoolService school(t.db(), clock, shop.director);
    auto s = school.identity();
    REQUIRE(s);
    s->siret.clear();
    s->vatNumber.clear();
    s->addressLine1.clear();
    REQUIRE(school.saveIdentity(*s));
    ContactService contacts(t.db(), clock, shop.director);
    Contact mairie;
    mairie.name = QStringLiteral("Mairie de Tavaux");
    mairie.kind = CustomerKind::Public;
    mairie.customer = true;
    auto mairieId = contacts.add(mairie);
    REQUIRE(mairieId);

    InvoiceService sales(t.db(), clock, shop.director);
    auto id = sales.saveDraft(draftFor(
        *mairieId, {line("Grille de clôture", 2000, 25000), line("Formation des agents", 1000, 30000, 0)}));
    REQUIRE(id);
    auto refused = sales.issue(*id);
    REQUIRE_FALSE(refused);
    const QString message = refused.error().message;
    INFO(message.toStdString());
    for (const char* item : {"SIRET de l'école", "adresse de l'école", "numéro de TVA de l'école",
                             "adresse du client", "SIRET du client", "« Formation des agents »"})
        CHECK(message.contains(QString::fromUtf8(item)));
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT COUNT(*) FROM invoice WHERE status = 'issued'"))
              .toInt() == 0);
    CHECK(test::rawScalar(
              t.db(), QStringLiteral("SELECT COUNT(*) FROM document_counter WHERE series IN ('F', 'chain')"))
              .toInt() == 0);

    // Completed one by one, it is issued.
    s = school.identity();
    s->siret = QStringLiteral("75312468000012");
    s->addressLine1 = QStringLiteral("8 rue Jacquard");
    s->vatNumber = QStringLiteral("FR00753124680");
    REQUIRE(school.saveIdentity(*s));
    auto m = contacts.get(*mairieId);
    REQUIRE(m);
    m->addressLine1 = QStringLiteral("Place de la Mairie");
    m->postcode = QStringLiteral("39500");
    m->city = QStringLiteral("Tavaux");
    m->siret = QStringLiteral("21390526900014");
    REQUIRE(contacts.update(*m));
    auto stillOne = sales.issue(*id);
    REQUIRE_FALSE(stillOne);
    CHECK(stillOne.error().message.contains(QStringLiteral("« Formation des agents »")));
    CHECK_FALSE(stillOne.error().message.contains(QStringLiteral("SIRET")));
    auto draft = sales.get(*id);
    REQUIRE(draft);
    draft->lines[1].vatExemption =
        QStringLiteral("Formation professionnelle continue, art. 261-4-4° a du CGI");
    draft->buyerReference = QStringLiteral("BC-2026-114");
    draft->chorusEngagement = QStringLiteral("EJ 1100254");
    draft->chorusService = QStringLiteral("SERV-TECH");
    draft->operations = Operations::Mixed;
    REQUIRE(sales.saveDraft(*draft));
    auto number = sales.issue(*id);
    REQUIRE(number);
    auto issued = sales.getByNumber(*number);
    REQUIRE(issued);
    CHECK(issued->isPublicBody());
    CHECK(issued->customerSiren() == QStringLiteral("213905269"));
    CHECK(issued->lines.at(1).vatExemption.contains(QStringLiteral("261-4-4°")));
    CHECK(issued->serviceFrom == kToday); // not given: the day of issue
    CHECK(issued->buyerReference == QStringLiteral("BC-2026-114"));
    CHECK(issued->chorusEngagement == QStringLiteral("EJ 1100254"));
    CHECK(issued->operations == Operations::Mixed);
    // The public procurement's rule, not the commercial one.
    const QString mentions = issued->mentions.join(QLatin1Char('\n'));
    CHECK(mentions.contains(QStringLiteral("Banque centrale européenne")));
    CHECK_FALSE(mentions.contains(QStringLiteral("trois fois le taux")));
    CHECK(issued->seller.vatNumber == QStringLiteral("FR00753124680"));
    CHECK(sales.verifyChains()->ok());
}

TEST_CASE("Payment terms past the legal maximum are refused", "[sales][legal]")
{
    CHECK(InvoiceService::latestDueDate(QDate(2026, 11, 27)) == QDate(2027, 1, 31)); // 45 days end of month
    CHECK(InvoiceService::latestDueDate(QDate(2026, 1, 31)) == QDate(2026, 4, 1));   // 60 days
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Assujetti);
    InvoiceService sales(t.db(), clock, shop.director);
    Invoice late = draftFor(shop.garage, {line("Portail", 1000, 145000)});
    late.dueDate = QDate(2027, 2, 1);
    auto id = sales.saveDraft(late);
    REQUIRE(id);
    auto refused = sales.issue(*id);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("31/01/2027")));
    auto draft = sales.get(*id);
    draft->dueDate = QDate(2027, 1, 31);
    REQUIRE(sales.saveDraft(*draft));
    CHECK(sales.issue(*id));
}

TEST_CASE("The turnover past the regime's threshold is said on issuing and on the home page",
          "[sales][legal]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Franchise);
    SchoolService school(t.db(), clock, shop.director);
    // A small threshold, so that a few invoices pass it.
    LegalAmount services = amountOf(school, LegalAmountKind::FranchiseServices);
    services.amount = Money::fromEuros(1000);
    REQUIRE(school.saveLegalAmount(services));

    InvoiceService sales(t.db(), clock, shop.director);
    auto first = sales.saveDraft(draftFor(shop.garage, {line("Soudure", 1000, 80000)}));
    REQUIRE(first);
    CHECK(sales.issueWarning(*first)->isEmpty());
    REQUIRE(sales.issue(*first));
    auto check = sales.turnoverCheck(2026);
    REQUIRE(check);
    CHECK(check->services == Money::fromEuros(800));
    CHECK_FALSE(check->exceeded);

    auto second = sales.saveDraft(draftFor(shop.person, {line("Montage", 1000, 30000)}));
    REQUIRE(second);
    auto warning = sales.issueWarning(*second);
    REQUIRE(warning);
    CHECK(warning->contains(QStringLiteral("TVA non applicable, art. 293 B du CGI")));
    REQUIRE(sales.issue(*second)); // a warning, not a refusal
    check = sales.turnoverCheck(2026);
    REQUIRE(check);
    CHECK(check->exceeded);
    CHECK(check->message.contains(QStringLiteral("100,00"))); // 1 100,00 € (narrow no-break space)
    CHECK(check->message.contains(QStringLiteral("Assujetti à la TVA")));
    // Goods count against their own, higher threshold.
    auto goods = sales.saveDraft(draftFor(shop.garage, {line("Portail", 1000, 50000)}));
    REQUIRE(goods);
    auto draft = sales.get(*goods);
    draft->operations = Operations::Goods;
    REQUIRE(sales.saveDraft(*draft));
    REQUIRE(sales.issue(*goods));
    CHECK(sales.turnoverCheck(2026)->goods == Money::fromEuros(500));
    CHECK(sales.turnoverCheck(2025)->total().isZero());
}

TEST_CASE("An issued invoice keeps the seller and the mentions of its issue, the second print is a duplicate",
          "[sales][legal]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Franchise);
    InvoiceService sales(t.db(), clock, shop.director);
    Invoice draft = draftFor(shop.garage, {line("Montage", 4000, 1500)});
    draft.notes = QStringLiteral("Merci de votre confiance.");
    auto id = sales.saveDraft(draft);
    REQUIRE(id);
    REQUIRE(sales.issue(*id));

    // The school moves and becomes subject to VAT.
    SchoolService school(t.db(), clock, shop.director);
    auto s = school.identity();
    s->addressLine1 = QStringLiteral("2 avenue de Lahr");
    s->vatRegime = VatRegime::Assujetti;
    s->vatNumber = QStringLiteral("FR00753124680");
    REQUIRE(school.saveIdentity(*s));

    auto issued = sales.get(*id);
    REQUIRE(issued);
    CHECK(issued->seller.addressLine1 == QStringLiteral("8 rue Jacquard"));
    CHECK(issued->seller.vatRegime == VatRegime::Franchise);
    CHECK(issued->seller.vatNumber.isEmpty());
    CHECK(issued->mentions.first() == QStringLiteral("TVA non applicable, art. 293 B du CGI"));
    CHECK(issued->issuedBy == QStringLiteral("direction"));
    CHECK(issued->hashVersion == 2);

    auto original = sales.printCopy(*id);
    REQUIRE(original);
    CHECK_FALSE(original->duplicate);
    auto copy = sales.printCopy(*id);
    REQUIRE(copy);
    CHECK(copy->duplicate);
    CHECK(copy->invoice.seller == original->invoice.seller);
    CHECK_FALSE(test::rawExec(t.db(), QStringLiteral("DELETE FROM document_print")));

    // The hash covers what is printed and who acted: notes, issued_by, issued_at.
    CHECK(sales.verifyChains()->ok());
    if (t.isSqlite()) {
        REQUIRE(test::rawExec(t.db(), QStringLiteral("DROP TRIGGER invoice_issued_no_update")));
        for (const QString& change :
             {QStringLiteral("notes = 'Autre note'"), QStringLiteral("issued_by = 'secretariat'"),
              QStringLiteral("issued_at = '2026-11-26T10:00:00Z'"),
              QStringLiteral("seller = replace(seller, 'Jacquard', 'Pasteur')")}) {
            INFO(change.toStdString());
            REQUIRE(test::rawExec(t.db(), QStringLiteral("SAVEPOINT tamper")));
            REQUIRE(test::rawExec(
                t.db(), QStringLiteral("UPDATE invoice SET %1 WHERE id = %2").arg(change).arg(*id)));
            auto chain = sales.verifyChains();
            REQUIRE(chain);
            CHECK_FALSE(chain->ok());
            REQUIRE(test::rawExec(t.db(), QStringLiteral("ROLLBACK TO tamper")));
            REQUIRE(test::rawExec(t.db(), QStringLiteral("RELEASE tamper")));
        }
    }
}

TEST_CASE("Cash above the legal ceiling and payments in a closed year are refused", "[sales][legal]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Assujetti);
    InvoiceService sales(t.db(), clock, shop.director);
    auto id = sales.saveDraft(draftFor(shop.person, {line("Portail", 1000, 150000)})); // 1 800 € incl. VAT
    REQUIRE(id);
    REQUIRE(sales.issue(*id));
    // The default terms do not invite cash above the ceiling.
    CHECK_FALSE(sales.get(*id)->paymentTerms.contains(QStringLiteral("espèces")));

    Payment cash;
    cash.invoiceId = *id;
    cash.day = kToday;
    cash.method = PaymentMethod::Cash;
    cash.amount = Money::fromEuros(1200);
    auto refused = sales.recordPayment(cash);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("000,00")));
    CHECK(refused.error().message.contains(QStringLiteral("L112-6")));
    cash.amount = Money::fromEuros(600);
    REQUIRE(sales.recordPayment(cash));
    // Split in two, still one debt: the second cash payment passes the ceiling.
    cash.amount = Money::fromEuros(500);
    CHECK_FALSE(sales.recordPayment(cash));
    Payment card = cash;
    card.method = PaymentMethod::Card;
    card.amount = Money::fromEuros(1200);
    REQUIRE(sales.recordPayment(card));
    CHECK(sales.balance(*id)->cashPaid == Money::fromEuros(600));

    // A closed financial year takes no payment dated in it.
    auto small = sales.saveDraft(draftFor(shop.person, {line("Équilibrage", 1000, 5000)}));
    REQUIRE(small);
    REQUIRE(sales.issue(*small));
    FinancialYearService years(t.db(), clock, shop.director);
    auto y2025 = years.open(2025);
    REQUIRE(y2025);
    REQUIRE(years.close(y2025->id, y2025->version));
    Payment old;
    old.invoiceId = *small;
    old.day = QDate(2025, 12, 31);
    old.method = PaymentMethod::Card;
    old.amount = Money::fromEuros(60);
    auto closed = sales.recordPayment(old);
    REQUIRE_FALSE(closed);
    CHECK(closed.error().message.contains(QStringLiteral("clos")));
    CHECK(sales.payments(*small)->isEmpty());
}

TEST_CASE("Deleting the last invoice, payment, receipt or audit row is seen by the counters",
          "[sales][legal][check]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Assujetti);
    InvoiceService sales(t.db(), clock, shop.director);
    auto paid = sales.saveDraft(draftFor(shop.garage, {line("Portail", 1000, 50000)}));
    REQUIRE(paid);
    REQUIRE(sales.issue(*paid));
    Payment p;
    p.invoiceId = *paid;
    p.day = kToday;
    p.method = PaymentMethod::Transfer;
    p.amount = Money::fromEuros(100);
    REQUIRE(sales.recordPayment(p));
    REQUIRE(sales.recordPayment(p));
    auto last = sales.saveDraft(draftFor(shop.person, {line("Montage", 1000, 5000)}));
    REQUIRE(last);
    REQUIRE(sales.issue(*last));
    SchoolService school(t.db(), clock, shop.director);
    auto s = school.identity();
    s->mayIssueTaxReceipts = true;
    s->rna = QStringLiteral("W392000000");
    s->statutoryObject = QStringLiteral("Former des jeunes par la production");
    s->receiptSignatoryName = QStringLiteral("Paul Girardot");
    s->receiptSignatoryCapacity = QStringLiteral("Président");
    REQUIRE(school.saveIdentity(*s));
    DonationService gifts(t.db(), clock, shop.director);
    Donation g;
    g.contactId = shop.person;
    g.day = kToday;
    g.amount = Money::fromEuros(50);
    g.method = GiftMethod::Cheque;
    auto gift = gifts.record(g);
    REQUIRE(gift);
    REQUIRE(gifts.issueReceipt(*gift));

    ChainCounters counters(t.db());
    REQUIRE(counters.missing());
    CHECK(counters.missing()->isEmpty());

    // Someone with the database's tools lifts the triggers and cuts a chain's end.
    const QStringList lift =
        t.isSqlite() ? QStringList{QStringLiteral("DROP TRIGGER invoice_issued_no_delete"),
                                   QStringLiteral("DROP TRIGGER invoice_line_issued_no_delete"),
                                   QStringLiteral("DROP TRIGGER payment_no_delete"),
                                   QStringLiteral("DROP TRIGGER audit_log_no_delete"),
                                   QStringLiteral("DROP TRIGGER tax_receipt_sealed_no_delete"),
                                   QStringLiteral("DROP TRIGGER tax_receipt_line_sealed_no_delete")}
                     : QStringList{QStringLiteral("ALTER TABLE invoice DISABLE TRIGGER USER"),
                                   QStringLiteral("ALTER TABLE invoice_line DISABLE TRIGGER USER"),
                                   QStringLiteral("ALTER TABLE payment DISABLE TRIGGER USER"),
                                   QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER USER"),
                                   QStringLiteral("ALTER TABLE tax_receipt DISABLE TRIGGER USER"),
                                   QStringLiteral("ALTER TABLE tax_receipt_line DISABLE TRIGGER USER")};
    for (const QString& sql : lift)
        REQUIRE(test::rawExec(t.db(), sql));
    struct Cut
    {
        QStringList sql;
        QString named;
    };
    const QList<Cut> cuts = {
        {{QStringLiteral("DELETE FROM invoice_line WHERE invoice_id = %1").arg(*last),
          QStringLiteral("DELETE FROM invoice_balance WHERE invoice_id = %1").arg(*last),
          QStringLiteral("DELETE FROM invoice WHERE id = %1").arg(*last)},
         QStringLiteral("F2026-0002")},
        {{QStringLiteral("DELETE FROM payment WHERE id = (SELECT MAX(id) FROM payment)")},
         QStringLiteral("Règlements")},
        {{QStringLiteral("DELETE FROM tax_receipt_line"),
          QStringLiteral("UPDATE donation SET receipt_id = NULL"), QStringLiteral("DELETE FROM tax_receipt")},
         QStringLiteral("R2026-0001")},
        {{QStringLiteral("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)")},
         QStringLiteral("Journal des modifications")},
    };
    for (const Cut& cut : cuts) {
        INFO(cut.named.toStdString());
        REQUIRE(test::rawExec(t.db(), QStringLiteral("BEGIN")));
        for (const QString& sql : cut.sql)
            REQUIRE(test::rawExec(t.db(), sql));
        auto missing = counters.missing();
        REQUIRE(missing);
        REQUIRE_FALSE(missing->isEmpty());
        CHECK(missing->join(QLatin1Char('\n')).contains(cut.named));
        REQUIRE(test::rawExec(t.db(), QStringLiteral("ROLLBACK")));
    }
    CHECK(counters.missing()->isEmpty());
}

TEST_CASE("The check reads each chain once and names the document a changed line belongs to",
          "[sales][legal][check]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Assujetti);
    InvoiceService sales(t.db(), clock, shop.director);
    // Three invoices of several lines: the check groups the lines of each.
    QList<qint64> ids;
    for (int i = 0; i < 3; ++i) {
        auto id =
            sales.saveDraft(draftFor(shop.garage, {line("Portail", 1000, 50000 + i), line("Pose", 2000, 8000),
                                                   line("Peinture", 500, 3000)}));
        REQUIRE(id);
        REQUIRE(sales.issue(*id));
        ids << *id;
    }
    auto intact = sales.verifyChains();
    REQUIRE(intact);
    CHECK(intact->documents == 3);
    CHECK(intact->firstBad.isEmpty());

    REQUIRE(test::rawExec(t.db(), t.isSqlite()
                                      ? QStringLiteral("DROP TRIGGER invoice_line_issued_no_update")
                                      : QStringLiteral("ALTER TABLE invoice_line DISABLE TRIGGER USER")));
    // The second line of the middle invoice, changed: that invoice is named.
    REQUIRE(test::rawExec(t.db(), QStringLiteral("BEGIN")));
    REQUIRE(test::rawExec(t.db(), QStringLiteral("UPDATE invoice_line SET label = 'Pose (remise)' WHERE "
                                                 "invoice_id = %1 AND position = 2")
                                      .arg(ids.at(1))));
    auto changed = sales.verifyChains();
    REQUIRE(changed);
    CHECK(changed->firstBad == QStringLiteral("F2026-0002"));
    REQUIRE(test::rawExec(t.db(), QStringLiteral("ROLLBACK")));
    // Lines swapped inside the last invoice: the order is part of what was issued.
    REQUIRE(test::rawExec(t.db(), QStringLiteral("BEGIN")));
    REQUIRE(test::rawExec(t.db(), QStringLiteral("UPDATE invoice_line SET position = 9 - position WHERE "
                                                 "invoice_id = %1 AND position IN (1, 3)")
                                      .arg(ids.at(2))));
    auto swapped = sales.verifyChains();
    REQUIRE(swapped);
    CHECK(swapped->firstBad == QStringLiteral("F2026-0003"));
    REQUIRE(test::rawExec(t.db(), QStringLiteral("ROLLBACK")));
    CHECK(sales.verifyChains()->firstBad.isEmpty());
}

TEST_CASE("Restoring an older copy is the direction's, names what it lacks, and never reuses a number",
          "[sales][legal][backup]")
{
    // A restore replaces a SQLite file; a PostgreSQL database is restored on its server.
    TestDatabase t;
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Assujetti);
    InvoiceService sales(t.db(), clock, shop.director);
    const auto issueOne = [&](qint64 contact, qint64 cents) {
        auto id = sales.saveDraft(draftFor(contact, {line("Soudure", 1000, cents)}));
        REQUIRE(id);
        auto number = sales.issue(*id);
        REQUIRE(number);
        return *id;
    };
    issueOne(shop.garage, 10000);
    const QString copy = t.dir() + QStringLiteral("/copie-ancienne.sqlite");
    REQUIRE(BackupService(t.db(), clock, shop.director).copyTo(copy));
    const qint64 second = issueOne(shop.garage, 20000);
    issueOne(shop.person, 5000);
    Payment p;
    p.invoiceId = second;
    p.day = kToday;
    p.method = PaymentMethod::Transfer;
    p.amount = Money::fromEuros(100);
    REQUIRE(sales.recordPayment(p));

    // Only the direction restores.
    UserContext office = shop.director;
    office.role = Role::Secretariat;
    office.permissions.remove(permission::BackupRestore);
    CHECK(BackupService(t.db(), clock, office).planRestore(copy).error().code == Error::Code::AccessDenied);

    auto plan = BackupService(t.db(), clock, shop.director).planRestore(copy);
    REQUIRE(plan);
    CHECK(BackupService::restore(office, t.location().path, *plan, plan->word, clock.nowUtc()).error().code ==
          Error::Code::AccessDenied);
    const QString lacks = plan->missing.join(QLatin1Char('\n'));
    INFO(lacks.toStdString());
    CHECK(plan->missing.size() == 3);
    CHECK(lacks.contains(QStringLiteral("F2026-0002")));
    CHECK(lacks.contains(QStringLiteral("F2026-0003")));
    CHECK(lacks.contains(QStringLiteral("règlement")));
    CHECK_FALSE(lacks.contains(QStringLiteral("F2026-0001")));
    CHECK(plan->word == QStringLiteral("RESTAURER"));

    const QString path = t.location().path;
    t.close();
    const QByteArray before = test::fileHash(path);
    auto refused = BackupService::restore(shop.director, path, *plan, QStringLiteral("oui"), clock.nowUtc());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("RESTAURER")));
    CHECK(test::fileHash(path) == before); // nothing moved

    auto aside =
        BackupService::restore(shop.director, path, *plan, QStringLiteral("restaurer"), clock.nowUtc());
    REQUIRE(aside);
    CHECK(test::fileHash(*aside) == before);
    REQUIRE(BackupService(t.db(), clock, shop.director).afterRestore(*plan, *aside));

    // The copy's documents only; the next number comes after every number ever issued.
    InvoiceService restored(t.db(), clock, shop.director);
    CHECK_FALSE(restored.getByNumber(QStringLiteral("F2026-0002")));
    auto id = restored.saveDraft(draftFor(shop.garage, {line("Portail", 1000, 90000)}));
    REQUIRE(id);
    auto next = restored.issue(*id);
    REQUIRE(next);
    CHECK(*next == QStringLiteral("F2026-0004"));
    CHECK(restored.verifyChains()->ok());
    // The gap is explained, not missing; the restore is in the log of changes.
    CHECK(ChainCounters(t.db()).missing()->isEmpty());
    CHECK(test::rawScalar(t.db(),
                          QStringLiteral("SELECT first_number || '-' || last_number FROM numbering_gap WHERE "
                                         "series = 'F'"))
              .toString() == QStringLiteral("2-3"));
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'restore'"))
              .toInt() == 1);
}
