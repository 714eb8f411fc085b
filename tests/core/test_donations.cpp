#include "services/contactservice.h"
#include "services/donationservice.h"
#include "services/reportdataservice.h"
#include "services/schoolservice.h"
#include "storage/fundingrepository.h"
#include "support/salesfixture.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QScopeGuard>

using namespace etabli;
using etabli::test::gift;
using etabli::test::TestDatabase;

namespace {

using etabli::test::kToday;

struct Donors
{
    UserContext director;
    qint64 person = 0;
    qint64 company = 0;
};

Donors makeDonors(Database& db, const Clock& clock, bool mayIssue)
{
    Donors d;
    d.director = test::createSchool(db);
    SchoolService school(db, clock, d.director);
    auto identity = school.identity();
    REQUIRE(identity);
    identity->mayIssueTaxReceipts = mayIssue;
    identity->rna = QStringLiteral("W392000000");
    identity->statutoryObject = QStringLiteral("Former des jeunes par la production");
    identity->receiptSignatoryName = QStringLiteral("Paul Girardot");
    identity->receiptSignatoryCapacity = QStringLiteral("Président");
    REQUIRE(school.saveIdentity(*identity));
    ContactService contacts(db, clock, d.director);
    Contact p;
    p.person = true;
    p.name = QStringLiteral("Faivre");
    p.firstName = QStringLiteral("Monique");
    p.addressLine1 = QStringLiteral("2 rue des Arènes");
    p.postcode = QStringLiteral("39100");
    p.city = QStringLiteral("Dole");
    p.donor = true;
    d.person = *contacts.add(p);
    Contact c;
    c.name = QStringLiteral("Transports Girod");
    c.kind = CustomerKind::Company;
    c.siret = QStringLiteral("44200123000014");
    c.legalForm = QStringLiteral("SARL");
    c.donor = true;
    d.company = *contacts.add(c);
    return d;
}

} // namespace

TEST_CASE("Gifts: bad input refused, nothing written, closed years refuse them", "[funding][donations]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const Donors d = makeDonors(t.db(), clock, true);
    DonationService gifts(t.db(), clock, d.director);
    CHECK(gifts.record(gift(d.person, kToday, -500))
              .error()
              .message.contains(QStringLiteral("supérieur à zéro")));
    CHECK_FALSE(gifts.record(gift(d.person, kToday, 0)));
    CHECK_FALSE(gifts.record(gift(d.person, kToday.addDays(1), 500)));
    CHECK_FALSE(gifts.record(gift(0, kToday, 500)));
    Donation goods = gift(d.company, kToday, 45000);
    goods.nature = GiftNature::InKind;
    CHECK(gifts.record(goods).error().message.contains(QStringLiteral("nature")));
    goods.description = QStringLiteral("Une soudeuse MIG");
    CHECK(gifts.record(goods).error().message.contains(QStringLiteral("évalué")));
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT COUNT(*) FROM donation")).toInt() == 0);
    goods.valuation = QStringLiteral("Facture d'achat de 2024");
    auto inKind = gifts.record(goods);
    REQUIRE(inKind);
    CHECK(gifts.donation(*inKind)->method == GiftMethod::Other);

    // A closed financial year takes nothing more.
    FinancialYear closed;
    closed.start = QDate(2025, 1, 1);
    closed.end = QDate(2025, 12, 31);
    closed.closed = true;
    REQUIRE(FundingRepository(t.db()).insertYear(closed, clock.nowIso()));
    auto refused = gifts.record(gift(d.person, QDate(2025, 6, 1), 5000));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("clos")));
    CHECK(gifts.record(gift(d.person, QDate(2026, 1, 2), 5000)));

    // Read-only accounts only look.
    UserContext reader;
    reader.permissions = {permission::FundingRead};
    CHECK(DonationService(t.db(), clock, reader).record(gift(d.person, kToday, 500)).error().code ==
          Error::Code::AccessDenied);
}

TEST_CASE("Tax receipts: numbered per year, never twice, sealed, cancelled by a record",
          "[funding][donations]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    Database& db = t.db();

    {
        // A school that is not of general interest issues none.
        TestDatabase other(backend);
        const Donors no = makeDonors(other.db(), clock, false);
        DonationService gifts(other.db(), clock, no.director);
        auto id = gifts.record(gift(no.person, kToday, 5000));
        REQUIRE(id);
        auto refused = gifts.issueReceipt(*id);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message.contains(QStringLiteral("intérêt général")));
        CHECK(test::rawScalar(other.db(), QStringLiteral("SELECT COUNT(*) FROM tax_receipt")).toInt() == 0);
    }

    const Donors d = makeDonors(db, clock, true);
    DonationService gifts(db, clock, d.director);
    const qint64 first = *gifts.record(gift(d.person, QDate(2026, 3, 14), 12000));
    auto receiptId = gifts.issueReceipt(first);
    REQUIRE(receiptId);
    auto receipt = gifts.receipt(*receiptId);
    REQUIRE(receipt);
    CHECK(receipt->number == QStringLiteral("R2026-0001"));
    CHECK(receipt->donorName == QStringLiteral("Faivre Monique"));
    CHECK_FALSE(receipt->donorCompany);
    CHECK(receipt->total == Money::fromCents(12000));
    CHECK(gifts.donation(first)->receiptNumber == QStringLiteral("R2026-0001"));
    // Never twice.
    auto twice = gifts.issueReceipt(first);
    REQUIRE_FALSE(twice);
    CHECK(twice.error().message.contains(QStringLiteral("R2026-0001")));

    // One annual receipt for a company's gifts of the year not yet receipted.
    REQUIRE(gifts.record(gift(d.company, QDate(2025, 12, 20), 100000)));
    REQUIRE(gifts.record(gift(d.company, QDate(2026, 2, 1), 50000)));
    REQUIRE(gifts.record(gift(d.company, QDate(2026, 9, 1), 25050)));
    auto annual = gifts.issueAnnualReceipt(d.company, 2026);
    REQUIRE(annual);
    auto yearly = gifts.receipt(*annual);
    REQUIRE(yearly);
    CHECK(yearly->number == QStringLiteral("R2026-0002"));
    CHECK(yearly->donorCompany);
    CHECK(yearly->donorSiren == QStringLiteral("442001230"));
    REQUIRE(yearly->lines.size() == 2);
    CHECK(yearly->lines.first().day == QDate(2026, 2, 1));
    CHECK(yearly->total == Money::fromCents(75050));
    CHECK_FALSE(gifts.issueAnnualReceipt(d.company, 2026)); // nothing left
    CHECK(gifts.issueAnnualReceipt(d.company, 2025));       // last year's gift: its own receipt

    // The database refuses any change to an issued receipt.
    CHECK_FALSE(test::rawExec(
        db, QStringLiteral("UPDATE tax_receipt SET total_cents = 1 WHERE id = %1").arg(*receiptId)));
    CHECK_FALSE(test::rawExec(
        db, QStringLiteral("DELETE FROM tax_receipt_line WHERE receipt_id = %1").arg(*receiptId)));
    CHECK_FALSE(test::rawExec(db, QStringLiteral("DELETE FROM tax_receipt WHERE id = %1").arg(*receiptId)));
    CHECK_FALSE(test::rawExec(
        db, QStringLiteral("INSERT INTO tax_receipt_line (receipt_id, donation_id, day, amount_cents, "
                           "method, nature) VALUES (%1, %2, '2026-03-14', 100, 'cash', 'cash')")
                .arg(*receiptId)
                .arg(first)));

    // Cancelled by a record of the same series; the gift may be receipted again.
    CHECK_FALSE(gifts.cancelReceipt(*receiptId, QStringLiteral("  ")));
    auto cancel = gifts.cancelReceipt(*receiptId, QStringLiteral("Nom du donateur mal orthographié"));
    REQUIRE(cancel);
    auto record = gifts.receipt(*cancel);
    REQUIRE(record);
    CHECK(record->number == QStringLiteral("R2026-0004"));
    CHECK(record->isCancellation());
    CHECK(record->cancelsNumber == QStringLiteral("R2026-0001"));
    CHECK(gifts.receipt(*receiptId)->cancelledByNumber == QStringLiteral("R2026-0004"));
    CHECK_FALSE(gifts.cancelReceipt(*receiptId, QStringLiteral("encore")));
    CHECK(gifts.donation(first)->receiptId == 0);
    auto again = gifts.issueReceipt(first);
    REQUIRE(again);
    CHECK(gifts.receipt(*again)->number == QStringLiteral("R2026-0005"));

    // The chain holds; altering a sealed receipt (triggers removed) is found.
    CHECK(gifts.verifyReceipts()->isEmpty());
    REQUIRE(test::rawExec(db, t.isSqlite()
                                  ? QStringLiteral("DROP TRIGGER tax_receipt_sealed_no_update")
                                  : QStringLiteral("DROP TRIGGER tax_receipt_sealed_frozen ON tax_receipt")));
    REQUIRE(
        test::rawExec(db, QStringLiteral("UPDATE tax_receipt SET donor_name = 'Faivre Monica' WHERE number = "
                                         "'R2026-0002'")));
    CHECK(*gifts.verifyReceipts() == QStringLiteral("R2026-0002"));
}

TEST_CASE(
    "The yearly declaration (art. 222 bis) counts the gifts received in the year that were receipted, even "
    "the next year",
    "[funding][donations][legal]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(QDate(2024, 12, 30), QTime(10, 0), Qt::UTC));
    const Donors d = makeDonors(t.db(), clock, true);
    DonationService gifts(t.db(), clock, d.director);
    const auto on = [&clock](int y, int m, int day) {
        clock.set(QDateTime(QDate(y, m, day), QTime(10, 0), Qt::UTC));
    };
    // A gift of the last days of 2024, receipted in January 2025.
    auto late2024 = gifts.record(gift(d.person, QDate(2024, 12, 30), 4000));
    REQUIRE(late2024);
    on(2025, 1, 5);
    REQUIRE(gifts.issueReceipt(*late2024));
    // March: a gift receipted at once.
    on(2025, 3, 10);
    auto march = gifts.record(gift(d.person, QDate(2025, 3, 10), 10000));
    REQUIRE(march);
    REQUIRE(gifts.issueReceipt(*march));
    // June: a company's gift receipted, then the receipt cancelled (the donor wants none).
    on(2025, 6, 2);
    auto june = gifts.record(gift(d.company, QDate(2025, 6, 2), 50000));
    REQUIRE(june);
    auto juneReceipt = gifts.issueReceipt(*june);
    REQUIRE(juneReceipt);
    on(2025, 6, 3);
    REQUIRE(gifts.cancelReceipt(*juneReceipt, QStringLiteral("Le donateur ne souhaite pas de reçu")));
    // December: a gift whose annual receipt is issued in January.
    on(2025, 12, 20);
    REQUIRE(gifts.record(gift(d.person, QDate(2025, 12, 20), 20000)));
    on(2026, 1, 15);
    REQUIRE(gifts.issueAnnualReceipt(d.person, 2025));
    auto january = gifts.record(gift(d.person, QDate(2026, 1, 10), 7000));
    REQUIRE(january);
    REQUIRE(gifts.issueReceipt(*january));

    ReportDataService reports(t.db(), clock, d.director);
    auto y2025 = reports.receipts(2025);
    REQUIRE(y2025);
    const ReceiptsStatement& s = y2025->statement;
    CHECK(s.from == QDate(2025, 1, 1));
    CHECK(s.to == QDate(2025, 12, 31));
    // Received in 2025 and receipted: March and December (receipted in 2026); not June (cancelled).
    CHECK(s.gifts == Money::fromEuros(300));
    CHECK(s.giftsCount == 2);
    CHECK(s.receiptedLater == Money::fromEuros(200));
    // Issued in 2025 and standing: the 2024 gift's and March's; June's was cancelled.
    CHECK(s.receipts == 2);
    CHECK(s.cancelled == 1);
    auto y2026 = reports.receipts(2026);
    REQUIRE(y2026);
    CHECK(y2026->statement.gifts == Money::fromEuros(70));
    CHECK(y2026->statement.receipts == 2);
    auto y2024 = reports.receipts(2024);
    REQUIRE(y2024);
    CHECK(y2024->statement.gifts == Money::fromEuros(40));
    CHECK(y2024->statement.receipts == 0);
    CHECK(y2024->statement.receiptedLater == Money::fromEuros(40));

    // The financial report shows the same figures for its financial year (the civil year here).
    auto financial = reports.financial(2025);
    REQUIRE(financial);
    CHECK(financial->receipts.gifts == Money::fromEuros(300));
    CHECK(financial->receipts.receipts == 2);
    CHECK(financial->receipts.financialYear);

    // Reading the funding is needed.
    UserContext trainer;
    trainer.login = QStringLiteral("formateur");
    trainer.permissions = {permission::TraineesRead};
    auto refused = ReportDataService(t.db(), clock, trainer).receipts(2025);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == Error::Code::AccessDenied);
}

TEST_CASE("A receipt freezes the beneficiary and its signatory, and needs them in the settings",
          "[funding][donations][legal]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const Donors d = makeDonors(t.db(), clock, true);
    SchoolService school(t.db(), clock, d.director);
    DonationService gifts(t.db(), clock, d.director);
    auto first = gifts.record(gift(d.person, kToday, 5000));
    REQUIRE(first);

    // Without the object nor the signatory, nothing is issued, and the message says what to fill.
    auto s = school.identity();
    REQUIRE(s);
    const SchoolIdentity complete = *s;
    s->statutoryObject.clear();
    s->receiptSignatoryName.clear();
    REQUIRE(school.saveIdentity(*s));
    auto refused = gifts.issueReceipt(*first);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("objet")));
    CHECK(refused.error().message.contains(QStringLiteral("signe")));
    CHECK(gifts.donation(*first)->receiptId == 0);

    SchoolIdentity back = *school.identity();
    back.statutoryObject = complete.statutoryObject;
    back.receiptSignatoryName = complete.receiptSignatoryName;
    REQUIRE(school.saveIdentity(back));
    auto id = gifts.issueReceipt(*first);
    REQUIRE(id);
    auto issued = gifts.receipt(*id);
    REQUIRE(issued);
    CHECK(issued->hashVersion == 3);
    CHECK(issued->signatoryName == QStringLiteral("Paul Girardot"));
    CHECK(issued->signatoryCapacity == QStringLiteral("Président"));
    const SchoolIdentity frozen = SchoolIdentity::fromBeneficiaryJson(issued->beneficiary.toUtf8());
    CHECK(frozen.statutoryObject == QStringLiteral("Former des jeunes par la production"));
    CHECK(frozen.rna == QStringLiteral("W392000000"));

    // The settings change; the issued receipt does not, and its chain holds.
    back = *school.identity();
    back.statutoryObject = QStringLiteral("Autre objet");
    back.receiptSignatoryName = QStringLiteral("Autre signataire");
    REQUIRE(school.saveIdentity(back));
    auto again = gifts.receipt(*id);
    REQUIRE(again);
    CHECK(again->beneficiary == issued->beneficiary);
    CHECK(again->signatoryName == QStringLiteral("Paul Girardot"));
    auto chain = gifts.verifyReceipts();
    REQUIRE(chain);
    CHECK(chain->isEmpty());
}

TEST_CASE("The receipt's model follows the donor, and a gift has its form and nature", "[funding][donations]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const Donors d = makeDonors(t.db(), clock, true);
    DonationService gifts(t.db(), clock, d.director);
    ContactService contacts(t.db(), clock, d.director);
    const auto count = [&](const char* table) {
        return test::rawScalar(t.db(), QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)))
            .toInt();
    };

    // A private person: Cerfa 11580; the gift's form is printed as chosen.
    Donation deed = gift(d.person, QDate(2026, 5, 2), 150000);
    deed.form = GiftForm::AuthenticDeed;
    auto deedId = gifts.record(deed);
    REQUIRE(deedId);
    auto personal = gifts.issueReceipt(*deedId);
    REQUIRE(personal);
    auto r = gifts.receipt(*personal);
    REQUIRE(r);
    CHECK_FALSE(r->donorCompany);
    CHECK(r->donorLegalForm.isEmpty());
    CHECK(r->hashVersion == 3);
    REQUIRE(r->lines.size() == 1);
    CHECK(r->lines.first().form == GiftForm::AuthenticDeed);

    // A company without SIREN or legal form gets no receipt: each is named.
    Contact bare;
    bare.name = QStringLiteral("Garage Vuillet");
    bare.kind = CustomerKind::Company;
    bare.donor = true;
    const qint64 garage = *contacts.add(bare);
    auto garageGift = gifts.record(gift(garage, QDate(2026, 6, 1), 30000));
    REQUIRE(garageGift);
    const int receipts = count("tax_receipt");
    auto refused = gifts.issueReceipt(*garageGift);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("SIREN")));
    CHECK(refused.error().message.contains(QStringLiteral("forme juridique")));
    CHECK(count("tax_receipt") == receipts);
    Contact withSiren = *contacts.get(garage);
    withSiren.siret = QStringLiteral("44200123000014");
    REQUIRE(contacts.update(withSiren, true));
    refused = gifts.issueReceipt(*garageGift);
    REQUIRE_FALSE(refused);
    CHECK_FALSE(refused.error().message.contains(QStringLiteral("SIREN (")));
    CHECK(refused.error().message.contains(QStringLiteral("forme juridique")));
    CHECK(count("tax_receipt") == receipts);

    // A company with both: Cerfa 16216, legal form and SIREN frozen.
    auto company = gifts.record(gift(d.company, QDate(2026, 6, 3), 200000));
    REQUIRE(company);
    auto companyReceipt = gifts.issueReceipt(*company);
    REQUIRE(companyReceipt);
    r = gifts.receipt(*companyReceipt);
    REQUIRE(r);
    CHECK(r->donorCompany);
    CHECK(r->donorSiren == QStringLiteral("442001230"));
    CHECK(r->donorLegalForm == QStringLiteral("SARL"));
    // Changing the directory afterwards changes nothing on the receipt.
    Contact renamed = *contacts.get(d.company);
    renamed.legalForm = QStringLiteral("SAS");
    REQUIRE(contacts.update(renamed, true));
    CHECK(gifts.receipt(*companyReceipt)->donorLegalForm == QStringLiteral("SARL"));

    // Public bodies and associations get no tax receipt at all.
    for (const CustomerKind kind : {CustomerKind::Public, CustomerKind::Association}) {
        Contact body;
        body.name = QStringLiteral("Donateur %1").arg(codeOf(kind));
        body.kind = kind;
        body.siret = QStringLiteral("44200123000014");
        body.legalForm = QStringLiteral("SAS");
        body.donor = true;
        const qint64 id = *contacts.add(body, true);
        auto g = gifts.record(gift(id, QDate(2026, 7, 1), 50000));
        REQUIRE(g);
        auto none = gifts.issueReceipt(*g);
        REQUIRE_FALSE(none);
        CHECK(none.error().message.contains(QStringLiteral("n'est pas une entreprise")));
        CHECK_FALSE(gifts.issueAnnualReceipt(id, 2026));
        CHECK(count("tax_receipt") == receipts + 1);
    }

    // Expenses waived by a volunteer: a person, the expense, its valuation and proof.
    Donation waived = gift(d.person, QDate(2026, 10, 12), 19200);
    waived.nature = GiftNature::ExpensesWaived;
    waived.description = QStringLiteral("Trajets de stage (600 km)");
    waived.valuation = QStringLiteral("600 km × 0,32 €");
    const int donations = count("donation");
    auto noProof = gifts.record(waived);
    REQUIRE_FALSE(noProof);
    CHECK(noProof.error().message.contains(QStringLiteral("renonciation")));
    Donation byCompany = waived;
    byCompany.contactId = d.company;
    byCompany.proof = QStringLiteral("Relevé des trajets et renonciation signée");
    auto notVolunteer = gifts.record(byCompany);
    REQUIRE_FALSE(notVolunteer);
    CHECK(notVolunteer.error().message.contains(QStringLiteral("bénévole")));
    CHECK(count("donation") == donations);
    waived.proof = byCompany.proof;
    waived.method = GiftMethod::Cash; // meaningless for waived expenses: "other" is kept
    auto waivedId = gifts.record(waived);
    REQUIRE(waivedId);
    auto stored = gifts.donation(*waivedId);
    REQUIRE(stored);
    CHECK(stored->nature == GiftNature::ExpensesWaived);
    CHECK(stored->method == GiftMethod::Other);
    CHECK(stored->proof == waived.proof);
    auto waivedReceipt = gifts.issueReceipt(*waivedId);
    REQUIRE(waivedReceipt);
    r = gifts.receipt(*waivedReceipt);
    REQUIRE(r);
    REQUIRE(r->lines.size() == 1);
    CHECK(r->lines.first().nature == GiftNature::ExpensesWaived);
    CHECK(r->lines.first().valuation == waived.valuation);
    CHECK(r->lines.first().proof == waived.proof);

    // Listed securities: described and valued; the database refuses an unknown nature.
    Donation shares = gift(d.person, QDate(2026, 11, 2), 500000);
    shares.nature = GiftNature::Securities;
    shares.description = QStringLiteral("100 actions Solvay");
    CHECK_FALSE(gifts.record(shares));
    shares.valuation = QStringLiteral("Cours de clôture du 2 novembre 2026");
    CHECK(gifts.record(shares));
    CHECK_FALSE(test::rawExec(t.db(), QStringLiteral("UPDATE donation SET nature = 'bitcoin'")));
    CHECK_FALSE(test::rawExec(t.db(), QStringLiteral("UPDATE donation SET form = 'oral'")));

    // Every field printed is under the hash: the chain finds a changed proof.
    CHECK(gifts.verifyReceipts()->isEmpty());
    REQUIRE(test::rawExec(
        t.db(), t.isSqlite()
                    ? QStringLiteral("DROP TRIGGER tax_receipt_line_no_update")
                    : QStringLiteral("DROP TRIGGER tax_receipt_line_sealed_frozen ON tax_receipt_line")));
    REQUIRE(test::rawExec(t.db(),
                          QStringLiteral("UPDATE tax_receipt_line SET proof = 'rien' WHERE receipt_id = %1")
                              .arg(*waivedReceipt)));
    CHECK(*gifts.verifyReceipts() == r->number);
}

TEST_CASE("Upgrading to schema 19 keeps the gifts, the receipts, their chain and their locks",
          "[funding][donations][database]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    {
        Database::setMigrationCeiling(18);
        const auto restore = qScopeGuard([]() { Database::setMigrationCeiling(0); });
        REQUIRE(t.db().schemaVersion() == 18);
    }
    Database& old = t.db();
    const QString now = QStringLiteral("2026-01-15T10:00:00Z");
    const auto id = [&](const QString& sql) { return test::rawScalar(old, sql).toLongLong(); };
    REQUIRE(
        test::rawExec(old, QStringLiteral("INSERT INTO contact (person, kind, name, name_key, first_name, "
                                          "created_at, updated_at) VALUES (1, 'other', 'Bourgeois', "
                                          "'bourgeois', 'Anne', '%1', '%1')")
                               .arg(now)));
    const qint64 donor = id(QStringLiteral("SELECT id FROM contact WHERE name = 'Bourgeois'"));
    REQUIRE(test::rawExec(old, QStringLiteral("INSERT INTO donation (contact_id, day, amount_cents, method, "
                                              "nature, description, created_at, updated_at) VALUES "
                                              "(%1, '2025-12-01', 12000, 'cheque', 'cash', '', '%2', '%2'), "
                                              "(%1, '2025-12-02', 30000, 'other', 'in_kind', 'Un établi', "
                                              "'%2', '%2')")
                                   .arg(donor)
                                   .arg(now)));
    const qint64 cheque = id(QStringLiteral("SELECT id FROM donation WHERE nature = 'cash'"));
    const qint64 bench = id(QStringLiteral("SELECT id FROM donation WHERE nature = 'in_kind'"));
    TaxReceipt r;
    r.number = QStringLiteral("R2026-0001");
    r.year = 2026;
    r.sequence = 1;
    r.contactId = donor;
    r.issueDate = QDate(2026, 1, 15);
    r.donorName = QStringLiteral("Bourgeois Anne");
    r.total = Money::fromCents(42000);
    r.chainPosition = 1;
    r.issuedBy = QStringLiteral("direction");
    r.beneficiary = QStringLiteral("{}");
    r.hashVersion = 2;
    r.lines = {
        ReceiptLine{
            cheque, QDate(2025, 12, 1), Money::fromCents(12000), GiftMethod::Cheque, GiftNature::Cash, {}},
        ReceiptLine{bench, QDate(2025, 12, 2), Money::fromCents(30000), GiftMethod::Other, GiftNature::InKind,
                    QStringLiteral("Un établi")}};
    r.hash = receiptHash(r, {});
    REQUIRE(test::rawExec(
        old,
        QStringLiteral("INSERT INTO tax_receipt (kind, number, year, sequence, contact_id, issue_date, "
                       "donor_name, total_cents, chain_position, prev_hash, hash, issued_at, issued_by, "
                       "beneficiary, hash_version) VALUES ('receipt', 'R2026-0001', 2026, 1, %1, "
                       "'2026-01-15', 'Bourgeois Anne', 42000, 1, '', '%2', '2026-01-15', 'direction', '{}', "
                       "2)")
            .arg(donor)
            .arg(r.hash)));
    const qint64 receipt = id(QStringLiteral("SELECT id FROM tax_receipt"));
    REQUIRE(
        test::rawExec(old, QStringLiteral("INSERT INTO tax_receipt_line (receipt_id, donation_id, day, "
                                          "amount_cents, method, nature, description) VALUES "
                                          "(%1, %2, '2025-12-01', 12000, 'cheque', 'cash', ''), "
                                          "(%1, %3, '2025-12-02', 30000, 'other', 'in_kind', 'Un établi')")
                               .arg(receipt)
                               .arg(cheque)
                               .arg(bench)));
    REQUIRE(test::rawExec(old, QStringLiteral("UPDATE tax_receipt SET sealed = 1")));
    REQUIRE(test::rawExec(old, QStringLiteral("UPDATE donation SET receipt_id = %1").arg(receipt)));
    REQUIRE(
        test::rawExec(old, QStringLiteral("INSERT INTO document_counter (series, year, last_number) VALUES "
                                          "('R', 2026, 1), ('receipt-chain', 0, 1)")));
    t.close();

    // Opened by this version: migrated, the rows as they were.
    REQUIRE(t.db().schemaVersion() == Database::latestSchemaVersion());
    Database& db = t.db();
    CHECK(test::rawScalar(db,
                          QStringLiteral("SELECT COUNT(*) FROM donation WHERE receipt_id = %1").arg(receipt))
              .toInt() == 2);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT form FROM donation WHERE id = %1").arg(bench))
              .toString() == QStringLiteral("other"));
    if (t.isSqlite()) {
        CHECK(test::rawScalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt() == 1);
        CHECK(test::rawScalar(db, QStringLiteral("PRAGMA legacy_alter_table")).toInt() == 0);
    }
    // Still locked, still chained; the next receipt follows it.
    CHECK_FALSE(test::rawExec(db, QStringLiteral("UPDATE tax_receipt SET total_cents = 1")));
    CHECK_FALSE(test::rawExec(db, QStringLiteral("DELETE FROM tax_receipt")));
    CHECK_FALSE(test::rawExec(db, QStringLiteral("DELETE FROM donation WHERE id = %1").arg(cheque)));
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const Donors d = makeDonors(db, clock, true);
    DonationService gifts(db, clock, d.director);
    CHECK(gifts.verifyReceipts()->isEmpty());
    auto old1 = gifts.receipt(receipt);
    REQUIRE(old1);
    CHECK(old1->hashVersion == 2);
    CHECK(old1->lines.at(1).nature == GiftNature::InKind);
    CHECK_FALSE(old1->lines.at(1).form.has_value());
    auto next = gifts.record(gift(d.person, kToday, 5000));
    REQUIRE(next);
    auto issued = gifts.issueReceipt(*next);
    REQUIRE(issued);
    CHECK(gifts.receipt(*issued)->number == QStringLiteral("R2026-0002"));
    CHECK(gifts.verifyReceipts()->isEmpty());
}
