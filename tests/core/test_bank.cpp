// Bank statements and their reconciliation (issue 22, item 3), on the
// hand-built files of tests/data/bank: the same week of the sample school's
// account as an OFX download, a CAMT.053 statement and a bank's CSV export
// (two of them, overlapping).

#include "io/bankstatement.h"
#include "services/bankstatementservice.h"
#include "services/contactservice.h"
#include "services/donationservice.h"
#include "services/invoiceservice.h"
#include "services/reconciliationservice.h"
#include "support/salesfixture.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QFile>

using namespace etabli;
using etabli::test::required;
using etabli::test::TestDatabase;
using Proposal = ReconciliationService::Proposal;

namespace {

QByteArray bankFile(const char* name)
{
    QFile f(QStringLiteral(ETABLI_TEST_DATA "/bank/") + QLatin1String(name));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

// The week the files tell: three invoices (the third paid by a cheque now
// on a deposit slip) and a donor.
struct Week
{
    test::Shop shop;
    qint64 garageInvoice = 0; // F2026-0001, 240 €
    qint64 personInvoice = 0; // F2026-0002, 90 €
    qint64 chequeInvoice = 0; // F2026-0003, 150 € paid by cheque
    qint64 slip = 0;
    qint64 donor = 0; // Claire Martin
};

Week makeWeek(Database& db, const Clock& clock)
{
    Week w;
    w.shop = test::makeShop(db, clock, VatRegime::Franchise);
    InvoiceService invoices(db, clock, w.shop.director);
    const auto issued = [&](qint64 contact, qint64 cents) {
        const qint64 id =
            required(invoices.saveDraft(test::draftFor(contact, {test::line("Pneus", 1000, cents)})));
        required(invoices.issue(id));
        return id;
    };
    w.garageInvoice = issued(w.shop.garage, 24000);
    w.personInvoice = issued(w.shop.person, 9000);
    w.chequeInvoice = issued(w.shop.garage, 15000);
    const qint64 cheque = required(
        invoices.recordPayment(test::payment(w.chequeInvoice, test::kToday, PaymentMethod::Cheque, 150)));
    w.slip = required(invoices.depositCheques({cheque}));
    Contact claire;
    claire.person = true;
    claire.name = QStringLiteral("Martin");
    claire.firstName = QStringLiteral("Claire");
    claire.postcode = QStringLiteral("39100");
    claire.donor = true;
    w.donor = required(ContactService(db, clock, w.shop.director).add(claire));
    return w;
}

const StatementLine& lineAt(const QList<StatementLine>& lines, int position)
{
    for (const StatementLine& l : lines) {
        if (l.line.position == position)
            return l;
    }
    FAIL("no line " << position);
    return lines.first();
}

} // namespace

TEST_CASE("Bank statement files: OFX, CAMT.053 and a bank's CSV read alike", "[bank]")
{
    auto ofx = bank::readOfx(bankFile("releve.ofx"));
    REQUIRE(ofx);
    auto camt = bank::readCamt053(bankFile("releve-camt053.xml"));
    REQUIRE(camt);
    CHECK(bank::detect(bankFile("releve.ofx")) == StatementFormat::Ofx);
    CHECK(bank::detect(bankFile("releve-camt053.xml")) == StatementFormat::Camt053);
    CHECK(bank::detect(bankFile("releve-banque.csv")) == StatementFormat::Csv);
    for (const StatementFile* f : {&*ofx, &*camt}) {
        INFO(codeOf(f->format).toStdString());
        CHECK(f->account == QStringLiteral("FR7612506391000012345678901"));
        CHECK(f->from == QDate(2026, 11, 23));
        CHECK(f->to == QDate(2026, 11, 27));
        // The pending entry of the CAMT file is not on the account yet.
        REQUIRE(f->lines.size() == 5);
        CHECK(f->lines.at(0).amount.cents() == -1250);
        CHECK(f->lines.at(0).day == QDate(2026, 11, 26));
        CHECK(f->lines.at(1).amount.cents() == 24000);
        CHECK(f->lines.at(1).label.contains(QStringLiteral("F2026-0001")));
        CHECK(f->lines.at(1).label.contains(QStringLiteral("GARAGE DU DOUBS")));
        CHECK(f->lines.at(2).day == QDate(2026, 11, 27));
        CHECK(
            f->lines.at(3).label.contains(QStringLiteral("l'école & ses élèves"))); // Windows-1252, entities
        CHECK(f->lines.at(4).amount.cents() == 9000);                               // "90,00"
        CHECK(f->lines.at(4).position == 5);
        CHECK(f->digest.size() == 64);
    }
    CHECK(ofx->lines.at(1).reference == QStringLiteral("OFX2611270001"));
    CHECK(camt->lines.at(1).reference == QStringLiteral("CAMT2611270001"));
    CHECK(camt->lines.at(1).party == QStringLiteral("GARAGE DU DOUBS"));

    // The CSV: its heading row under the bank's lines about the account.
    auto columns = bank::csvColumns(bankFile("releve-banque.csv"));
    REQUIRE(columns);
    CHECK(columns->header.first() == QStringLiteral("Date"));
    CHECK(columns->guessed.isComplete());
    CHECK(columns->guessed.debit == QStringLiteral("Débit euros"));
    CHECK(columns->guessed.credit == QStringLiteral("Crédit euros"));
    auto csv = bank::readCsv(bankFile("releve-banque.csv"), columns->guessed);
    REQUIRE(csv);
    REQUIRE(csv->lines.size() == 3);
    CHECK(csv->lines.at(0).amount.cents() == -1250);
    CHECK(csv->lines.at(1).amount.cents() == 24000);
    CHECK(csv->lines.at(1).label == QStringLiteral("VIR SEPA GARAGE DU DOUBS REF FACT F2026-0001"));
    CHECK(csv->from == QDate(2026, 11, 26));

    // A layout the headings do not tell, then said.
    auto other = bank::csvColumns(bankFile("releve-autre-banque.csv"));
    REQUIRE(other);
    CHECK_FALSE(other->guessed.isComplete());
    bank::CsvLayout said;
    said.header = other->header;
    said.date = QStringLiteral("Jour");
    said.label = {QStringLiteral("Texte")};
    said.amount = QStringLiteral("Valeur");
    auto read = bank::readCsv(bankFile("releve-autre-banque.csv"), said);
    REQUIRE(read);
    CHECK(read->lines.size() == 1);
    CHECK(read->lines.at(0).amount.cents() == 24000);
    CHECK(bank::CsvLayout::fromJson(said.toJson())->signature() == said.signature());

    // Refused, in French, nothing half read.
    QByteArray dollars = bankFile("releve.ofx");
    dollars.replace("<CURDEF>EUR", "<CURDEF>USD");
    auto usd = bank::readOfx(dollars);
    REQUIRE_FALSE(usd);
    CHECK(usd.error().message.contains(QStringLiteral("USD")));
    CHECK(usd.error().message.contains(QStringLiteral("euros")));
    QByteArray report = bankFile("releve-camt053.xml");
    report.replace("BkToCstmrStmt", "BkToCstmrAcctRpt");
    auto intraday = bank::readCamt053(report);
    REQUIRE_FALSE(intraday);
    CHECK(intraday.error().message.contains(QStringLiteral("camt.053")));
    QByteArray pounds = bankFile("releve-camt053.xml");
    pounds.replace("<Amt Ccy=\"EUR\">90.00", "<Amt Ccy=\"GBP\">90.00");
    CHECK(bank::readCamt053(pounds).error().message.contains(QStringLiteral("GBP")));
    auto badDay = bank::readCsv(QByteArray("Date;Libellé;Montant\r\n31/02/2026;VIR;10,00\r\n"),
                                bank::CsvLayout::guess({QStringLiteral("Date"), QStringLiteral("Libellé"),
                                                        QStringLiteral("Montant")}));
    REQUIRE_FALSE(badDay);
    CHECK(badDay.error().message.contains(QStringLiteral("Ligne 2")));
    CHECK_FALSE(bank::detect(QByteArray("<html><body>Session expirée</body></html>")));
}

TEST_CASE("A statement is imported once and its credits reconciled with invoices, deposit slips and gifts",
          "[bank][sales][funding]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(test::kToday, QTime(16, 0), Qt::UTC));
    const Week w = makeWeek(t.db(), clock);
    const UserContext& director = w.shop.director;
    BankStatementService statements(t.db(), clock, director);
    ReconciliationService reconcile(t.db(), clock, director);
    InvoiceService invoices(t.db(), clock, director);
    const auto count = [&t](const QString& sql) { return test::rawScalar(t.db(), sql).toLongLong(); };

    auto preview = statements.prepare(bankFile("releve.ofx"), QStringLiteral("releve.ofx"));
    REQUIRE(preview);
    CHECK(preview->newLines() == 5);
    CHECK(preview->newCredits() == 4);
    CHECK(preview->newCreditTotal().cents() == 53000);
    CHECK(preview->accountWarning.isEmpty()); // no IBAN in the school's settings
    const qint64 id = required(statements.import(*preview));
    // The same file again: refused, nothing added.
    auto again =
        statements.import(required(statements.prepare(bankFile("releve.ofx"), QStringLiteral("x.ofx"))));
    REQUIRE_FALSE(again);
    CHECK(again.error().code == Error::Code::Conflict);
    CHECK(again.error().message.contains(QStringLiteral("déjà")));
    CHECK(count(QStringLiteral("SELECT count(*) FROM bank_statement")) == 1);
    CHECK(count(QStringLiteral("SELECT count(*) FROM bank_line")) == 5);

    const QList<StatementLine> lines = required(statements.lines(id));
    REQUIRE(lines.size() == 5);
    const auto proposals = required(reconcile.proposals(id));
    // The charges go out: nothing to propose.
    CHECK_FALSE(proposals.contains(lineAt(lines, 1).id));
    // The garage's transfer names its invoice and pays what is due.
    const auto& garage = proposals.value(lineAt(lines, 2).id);
    REQUIRE(ReconciliationService::preferred(garage));
    CHECK(ReconciliationService::preferred(garage)->kind == Proposal::Kind::Invoice);
    CHECK(ReconciliationService::preferred(garage)->id == w.garageInvoice);
    CHECK(ReconciliationService::preferred(garage)->score >= ReconciliationService::SureScore);
    CHECK(ReconciliationService::preferred(garage)->label.contains(QStringLiteral("F2026-0001")));
    // The cheques handed to the bank.
    const auto& cheques = proposals.value(lineAt(lines, 3).id);
    REQUIRE(ReconciliationService::preferred(cheques));
    CHECK(ReconciliationService::preferred(cheques)->kind == Proposal::Kind::Deposit);
    CHECK(ReconciliationService::preferred(cheques)->id == w.slip);
    // A donor the wording names: a new gift.
    const auto& gift = proposals.value(lineAt(lines, 4).id);
    REQUIRE(ReconciliationService::preferred(gift));
    CHECK(ReconciliationService::preferred(gift)->kind == Proposal::Kind::NewGift);
    CHECK(ReconciliationService::preferred(gift)->id == w.donor);
    // Mrs Faivre pays her invoice without its number: the amount and her name.
    const auto& faivre = proposals.value(lineAt(lines, 5).id);
    REQUIRE(ReconciliationService::preferred(faivre));
    CHECK(ReconciliationService::preferred(faivre)->id == w.personInvoice);
    CHECK(ReconciliationService::preferred(faivre)->score >= ReconciliationService::SureScore);

    // Confirmed, one after the other.
    for (int position : {2, 3, 4, 5}) {
        INFO(position);
        const StatementLine& l = lineAt(lines, position);
        REQUIRE(reconcile.confirm(l.id, *ReconciliationService::preferred(proposals.value(l.id))));
    }
    REQUIRE(reconcile.setAside(lineAt(lines, 1).id));
    // The invoices are paid by transfer on the statement's day.
    CHECK(required(invoices.balance(w.garageInvoice)).due().isZero());
    CHECK(required(invoices.balance(w.personInvoice)).due().isZero());
    const QList<Payment> paid = required(invoices.payments(w.garageInvoice));
    REQUIRE(paid.size() == 1);
    CHECK(paid.first().method == PaymentMethod::Transfer);
    CHECK(paid.first().day == QDate(2026, 11, 27));
    CHECK(count(QStringLiteral(
                    "SELECT count(*) FROM donation WHERE contact_id = %1 AND amount_cents = 5000 AND "
                    "method = 'transfer' AND day = '2026-11-27'")
                    .arg(w.donor)) == 1);
    const QList<StatementLine> after = required(statements.lines(id));
    CHECK(lineAt(after, 1).state == BankLineState::Ignored);
    CHECK(lineAt(after, 2).state == BankLineState::Matched);
    CHECK(lineAt(after, 2).matchedWith == QStringLiteral("Règlement de F2026-0001"));
    CHECK(lineAt(after, 3).depositId == w.slip);
    CHECK(lineAt(after, 4).matchedWith.contains(QStringLiteral("Martin")));
    CHECK(required(statements.statements()).first().open == 0);
    CHECK(required(reconcile.proposals(id)).isEmpty());

    // A line is matched once; a deposit slip by one line.
    auto twice = reconcile.confirm(lineAt(lines, 2).id, *ReconciliationService::preferred(garage));
    REQUIRE_FALSE(twice);
    CHECK(twice.error().code == Error::Code::Conflict);
    REQUIRE(reconcile.unmatch(lineAt(lines, 3).id, QStringLiteral("remise rapprochée par erreur")));
    REQUIRE(reconcile.setAside(lineAt(lines, 3).id));
    REQUIRE(reconcile.reopen(lineAt(lines, 3).id));
    REQUIRE(reconcile.confirm(lineAt(lines, 3).id, *ReconciliationService::preferred(cheques)));
    CHECK(count(QStringLiteral("SELECT count(*) FROM bank_line WHERE deposit_id = %1").arg(w.slip)) == 1);

    // A match undone: the payment is reversed, the invoice due again, the line open.
    REQUIRE(reconcile.unmatch(lineAt(lines, 2).id, QStringLiteral("virement d'un autre client")));
    CHECK(required(invoices.balance(w.garageInvoice)).due().cents() == 24000);
    CHECK(required(statements.lines(id)).at(1).state == BankLineState::Open);
    CHECK(reconcile.unmatch(lineAt(lines, 2).id, QStringLiteral("x")).error().code ==
          Error::Code::InvalidInput);
    // Chosen by hand among the choices: the invoice searched by its number.
    const StatementLine reopened = required(statements.lines(id)).at(1);
    const auto choices = required(reconcile.choices(reopened, QStringLiteral("f2026-0001")));
    REQUIRE(choices.size() == 1);
    REQUIRE(reconcile.confirm(reopened.id, choices.first()));
    CHECK(required(invoices.balance(w.garageInvoice)).due().isZero());
    // More than is due is refused, nothing written.
    Proposal wrong{Proposal::Kind::Invoice, w.personInvoice, QString(), QString(), 0};
    CHECK_FALSE(reconcile.confirm(lineAt(lines, 2).id, wrong));

    // A trainer neither imports nor reconciles.
    UserContext trainer;
    trainer.permissions = {permission::ProductionWrite};
    CHECK(BankStatementService(t.db(), clock, trainer).prepare(bankFile("releve.ofx"), {}).error().code ==
          Error::Code::AccessDenied);
    CHECK(ReconciliationService(t.db(), clock, trainer).setAside(lineAt(lines, 1).id).error().code ==
          Error::Code::AccessDenied);
}

TEST_CASE("Overlapping CSV statements add only new movements, a bank's layout said once is remembered",
          "[bank][sales]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(test::kToday, QTime(16, 0), Qt::UTC));
    const Week w = makeWeek(t.db(), clock);
    BankStatementService statements(t.db(), clock, w.shop.director);
    const auto count = [&t](const char* sql) {
        return test::rawScalar(t.db(), QString::fromLatin1(sql)).toLongLong();
    };

    const qint64 first = required(statements.import(
        required(statements.prepare(bankFile("releve-banque.csv"), QStringLiteral("a.csv")))));
    auto next = statements.prepare(bankFile("releve-banque-suite.csv"), QStringLiteral("b.csv"));
    REQUIRE(next);
    // The deposit of the 27th is on both.
    CHECK(next->known == QList<bool>{true, false, false});
    CHECK(next->newLines() == 2);
    const qint64 second = required(statements.import(*next));
    CHECK(second != first);
    CHECK(count("SELECT count(*) FROM bank_line") == 5);
    CHECK(required(statements.lines(second)).size() == 2);
    CHECK(required(statements.lines(second)).first().line.position == 1);

    // Another bank: its columns are said once, then known.
    auto unknown = statements.prepare(bankFile("releve-autre-banque.csv"), QStringLiteral("c.csv"));
    REQUIRE(unknown);
    CHECK(unknown->needsLayout);
    CHECK(unknown->columns.header.contains(QStringLiteral("Texte")));
    CHECK_FALSE(statements.import(*unknown));
    bank::CsvLayout said;
    said.header = unknown->columns.header;
    said.date = QStringLiteral("Jour");
    said.label = {QStringLiteral("Texte")};
    said.amount = QStringLiteral("Valeur");
    auto withLayout = statements.prepare(bankFile("releve-autre-banque.csv"), QStringLiteral("c.csv"), said);
    REQUIRE(withLayout);
    CHECK_FALSE(withLayout->needsLayout);
    REQUIRE(statements.import(*withLayout));
    QByteArray nextWeek = bankFile("releve-autre-banque.csv");
    nextWeek.replace("27/11/2026", "26/11/2026");
    auto remembered = statements.prepare(nextWeek, QStringLiteral("d.csv"));
    REQUIRE(remembered);
    CHECK_FALSE(remembered->needsLayout);
    CHECK(remembered->file.lines.size() == 1);
    CHECK(count("SELECT count(*) FROM bank_csv_layout") == 2);
}
