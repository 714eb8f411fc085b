#include "services/contactservice.h"
#include "services/donationservice.h"
#include "services/reportdataservice.h"
#include "services/schoolservice.h"
#include "storage/fundingrepository.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <catch2/catch.hpp>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {

const QDate kToday(2026, 11, 27);

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
    c.kind = QStringLiteral("company");
    c.siret = QStringLiteral("44200123000014");
    c.donor = true;
    d.company = *contacts.add(c);
    return d;
}

Donation gift(qint64 donor, const QDate& day, qint64 cents)
{
    Donation g;
    g.contactId = donor;
    g.day = day;
    g.amount = Money::fromCents(cents);
    g.method = QStringLiteral("cheque");
    return g;
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
    goods.nature = QStringLiteral("in_kind");
    CHECK(gifts.record(goods).error().message.contains(QStringLiteral("nature")));
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT COUNT(*) FROM donation")).toInt() == 0);
    goods.description = QStringLiteral("Une soudeuse MIG");
    auto inKind = gifts.record(goods);
    REQUIRE(inKind);
    CHECK(gifts.donation(*inKind)->method == QStringLiteral("other"));

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
    CHECK(issued->hashVersion == 2);
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
