// The accountant's file (issue 22, item 4): the FEC of a financial year,
// checked with the rules the tax administration's "Test Compta Demat"
// applies, and its totals against the funding report's.

#include "io/fec.h"
#include "services/accountingservice.h"
#include "services/donationservice.h"
#include "services/financialyearservice.h"
#include "services/invoiceservice.h"
#include "storage/fundingqueries.h"
#include "support/salesfixture.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QRegularExpression>

using namespace etabli;
using etabli::test::draftFor;
using etabli::test::kToday;
using etabli::test::line;
using etabli::test::Shop;
using etabli::test::TestDatabase;

namespace {

struct FecLine
{
    QStringList fields;
    QString journal() const { return fields.value(0); }
    int number() const { return fields.value(2).toInt(); }
    QString account() const { return fields.value(4); }
    qint64 debit() const { return cents(fields.value(11)); }
    qint64 credit() const { return cents(fields.value(12)); }
    static qint64 cents(QString amount)
    {
        const QStringList parts = amount.split(QLatin1Char(','));
        return parts.value(0).toLongLong() * 100 + parts.value(1).toLongLong();
    }
};

struct Checked
{
    QStringList problems;
    QList<FecLine> lines;
    // Net credit (credit − debit) of the accounts starting with `prefix`,
    // in one journal or all.
    qint64 credit(const QString& prefix, const QString& journal = {}) const
    {
        qint64 sum = 0;
        for (const FecLine& l : lines)
            if (l.account().startsWith(prefix) && (journal.isEmpty() || l.journal() == journal))
                sum += l.credit() - l.debit();
        return sum;
    }
};

// The checks of Test Compta Demat (BOI-CF-IOR-60-40-20): the 18 columns and
// their names, a value for every mandatory field, amounts with a comma,
// dates AAAAMMJJ within the year, numbers continuous, validation dates in the
// order of the numbers, each entry balanced.
Checked check(const QByteArray& bytes, const QDate& from, const QDate& to)
{
    Checked c;
    // ISO 8859-15 read as Latin-1: the same bytes for everything checked here.
    const QStringList rows = QString::fromLatin1(bytes).split(QStringLiteral("\r\n"));
    const QStringList names = rows.value(0).split(QLatin1Char('\t'));
    const QStringList expected = {
        QStringLiteral("JournalCode"),  QStringLiteral("JournalLib"),    QStringLiteral("EcritureNum"),
        QStringLiteral("EcritureDate"), QStringLiteral("CompteNum"),     QStringLiteral("CompteLib"),
        QStringLiteral("CompAuxNum"),   QStringLiteral("CompAuxLib"),    QStringLiteral("PieceRef"),
        QStringLiteral("PieceDate"),    QStringLiteral("EcritureLib"),   QStringLiteral("Debit"),
        QStringLiteral("Credit"),       QStringLiteral("EcritureLet"),   QStringLiteral("DateLet"),
        QStringLiteral("ValidDate"),    QStringLiteral("Montantdevise"), QStringLiteral("Idevise")};
    if (names != expected)
        c.problems << QStringLiteral("header: ") + rows.value(0);
    if (!rows.last().isEmpty())
        c.problems << QStringLiteral("the last line has no line break");
    static const QRegularExpression amount(QStringLiteral("^\\d+,\\d\\d$"));
    static const QRegularExpression account(QStringLiteral("^[1-8]\\d{1,19}$"));
    const QList<int> mandatory = {0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 15};
    QMap<int, qint64> balance;
    QMap<int, QString> validOf;
    QDate lastValid;
    int lastNumber = 0;
    for (qsizetype i = 1; i < rows.size() - 1; ++i) {
        const QString where = QStringLiteral("line %1: ").arg(i + 1);
        FecLine l{rows.at(i).split(QLatin1Char('\t'))};
        if (l.fields.size() != 18) {
            c.problems << where + QStringLiteral("%1 columns").arg(l.fields.size());
            continue;
        }
        for (int m : mandatory)
            if (l.fields.at(m).trimmed().isEmpty())
                c.problems << where + expected.at(m) + QStringLiteral(" is empty");
        for (int d : {3, 9, 15}) {
            const QDate day = QDate::fromString(l.fields.at(d), QStringLiteral("yyyyMMdd"));
            if (!day.isValid())
                c.problems << where + expected.at(d) + QStringLiteral(" is not AAAAMMJJ");
            else if (d != 9 && (day < from || day > to))
                c.problems << where + expected.at(d) + QStringLiteral(" is outside the year");
        }
        for (int a : {11, 12})
            if (!amount.match(l.fields.at(a)).hasMatch())
                c.problems << where + expected.at(a) + QStringLiteral(" = ") + l.fields.at(a);
        if ((l.debit() == 0) == (l.credit() == 0))
            c.problems << where + QStringLiteral("debit and credit both zero or both set");
        if (!account.match(l.account()).hasMatch())
            c.problems << where + QStringLiteral("account ") + l.account();
        const int n = l.number();
        if (n != lastNumber && n != lastNumber + 1)
            c.problems << where + QStringLiteral("number %1 after %2").arg(n).arg(lastNumber);
        if (n == lastNumber && validOf.value(n) != l.fields.at(15))
            c.problems << where + QStringLiteral("two validation dates in one entry");
        const QDate valid = QDate::fromString(l.fields.at(15), QStringLiteral("yyyyMMdd"));
        if (lastValid.isValid() && valid < lastValid)
            c.problems << where + QStringLiteral("validation date before the previous entry's");
        lastValid = valid;
        lastNumber = n;
        validOf[n] = l.fields.at(15);
        balance[n] += l.debit() - l.credit();
        c.lines << l;
    }
    for (auto it = balance.cbegin(); it != balance.cend(); ++it)
        if (it.value() != 0)
            c.problems << QStringLiteral("entry %1 does not balance (%2)").arg(it.key()).arg(it.value());
    return c;
}

} // namespace

TEST_CASE("The FEC of the demo's last closed year passes the administration's checks and matches the funding "
          "report",
          "[fec][demo]")
{
    TestDatabase t("sqlite", test::DemoSpec::school());
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const UserContext director =
        test::logIn(t.db(), QStringLiteral("direction"), QStringLiteral("etabli-demo-2026"));
    auto fec = AccountingService(t.db(), clock, director).fec(2025);
    REQUIRE(fec);
    CHECK(fec->year.closed);
    CHECK(fec->fileName == QStringLiteral("753124680FEC20251231.txt"));
    const QDate from(2025, 1, 1), to(2025, 12, 31);
    const Checked c = check(fec->text, from, to);
    INFO(c.problems.mid(0, 20).join(QLatin1Char('\n')).toStdString());
    CHECK(c.problems.isEmpty());
    REQUIRE(c.lines.size() == fec->lineCount());
    for (const char* journal : {"VT", "BQ", "CA", "OD"})
        CHECK(std::any_of(c.lines.cbegin(), c.lines.cend(),
                          [&](const FecLine& l) { return l.journal() == QLatin1String(journal); }));

    // The totals per journal are the funding report's, from the same data.
    FundingQueries q(t.db());
    CHECK(c.credit(QStringLiteral("70"), QStringLiteral("VT")) == *q.productionExclVat(from, to));
    CHECK(-c.credit(QStringLiteral("411"), QStringLiteral("VT")) == *q.invoicedInclVat(from, to));
    // What customers paid is credited to them: the sales' debit less the payments.
    CHECK(c.credit(QStringLiteral("411")) ==
          c.credit(QStringLiteral("411"), QStringLiteral("VT")) + *q.paymentsReceived(from, to));
    const auto gifts = *q.gifts(from, to);
    CHECK(c.credit(QStringLiteral("7541")) == gifts.persons);
    CHECK(c.credit(QStringLiteral("7542")) == gifts.organisations);
    CHECK(c.credit(QStringLiteral("7481")) == *q.apprenticeshipTaxReceived(from, to));
    CHECK(c.credit(QStringLiteral("756")) == *q.duesPaid(from, to));
    qint64 granted = 0;
    const auto funders = test::required(q.subsidiesByFunder(fec->year.id));
    for (const auto& f : funders)
        granted += f.granted;
    CHECK(granted > 0);
    CHECK(c.credit(QStringLiteral("74"), QStringLiteral("OD")) == granted);
    qint64 entries = 0;
    const auto byCategory = test::required(q.entriesByCategory(from, to));
    for (qint64 v : byCategory)
        entries += v;
    const qint64 expenses = -(c.credit(QStringLiteral("6")) - c.credit(QStringLiteral("625")));
    CHECK(c.credit(QStringLiteral("758")) - expenses != 0);
    CHECK(expenses + c.credit(QStringLiteral("758")) == entries);
    // Bank and cash: what came in, what went out, what was deposited.
    CHECK(c.credit(QStringLiteral("5112")) <= 0); // cheques received are debited, deposits credited

    // Names: customers in the sales' auxiliary accounts; donors and members nowhere.
    const QString text = QString::fromLatin1(fec->text);
    CHECK(text.contains(QStringLiteral("\tC0")));
    const QString donor =
        test::rawScalar(t.db(),
                        QStringLiteral("SELECT c.name || ' ' || c.first_name FROM contact c JOIN donation d "
                                       "ON d.contact_id = c.id WHERE c.person = 1 AND d.day >= '2025-01-01' "
                                       "AND d.day <= '2025-12-31' AND NOT EXISTS (SELECT 1 FROM invoice i "
                                       "WHERE i.contact_id = c.id) ORDER BY d.id LIMIT 1"))
            .toString();
    REQUIRE_FALSE(donor.isEmpty());
    CHECK_FALSE(text.contains(donor));
}

TEST_CASE(
    "The FEC books a sale, its payments, a deposit, a gift and a changed account, and refuses an unbalanced "
    "entry",
    "[fec]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const Shop shop = test::makeShop(t.db(), clock, VatRegime::Assujetti);
    REQUIRE(FinancialYearService(t.db(), clock, shop.director).open(2026));
    InvoiceService sales(t.db(), clock, shop.director);
    Invoice draft = draftFor(shop.garage, {line("Jantes", 1000, 10000), line("Repas", 1000, 1000, 550)});
    const qint64 id = test::required(sales.saveDraft(draft));
    const QString number = test::required(sales.issue(id));
    Payment cheque;
    cheque.invoiceId = id;
    cheque.day = kToday;
    cheque.method = PaymentMethod::Cheque;
    cheque.chequeNumber = QStringLiteral("1234567");
    cheque.amount = Money::fromCents(5000);
    const qint64 chequeId = test::required(sales.recordPayment(cheque));
    Payment cash = cheque;
    cash.method = PaymentMethod::Cash;
    cash.chequeNumber.clear();
    cash.amount = Money::fromCents(2000);
    REQUIRE(sales.recordPayment(cash));
    REQUIRE(sales.depositCheques({chequeId}));
    REQUIRE(DonationService(t.db(), clock, shop.director).record(test::gift(shop.person, kToday, 15000)));

    AccountingService accounting(t.db(), clock, shop.director);
    // The accountant numbers the bank in six digits.
    auto accounts = test::required(accounting.accounts());
    LedgerAccountSetting bank;
    for (const LedgerAccountSetting& a : std::as_const(accounts))
        if (a.role == LedgerAccount::Bank)
            bank = a;
    bank.number = QStringLiteral("512100");
    bank.label = QStringLiteral("Crédit Mutuel");
    REQUIRE(accounting.saveAccount(bank));
    LedgerAccountSetting wrong = bank;
    wrong.number = QStringLiteral("9x");
    auto refused = accounting.saveAccount(wrong);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("numéro de compte")));

    auto fec = accounting.fec(2026);
    REQUIRE(fec);
    CHECK_FALSE(fec->year.closed);
    const Checked c = check(fec->text, QDate(2026, 1, 1), QDate(2026, 12, 31));
    INFO(c.problems.join(QLatin1Char('\n')).toStdString());
    CHECK(c.problems.isEmpty());
    // The invoice: 100 € of goods at 20 % and 10 € at 5.5 %.
    CHECK(c.credit(QStringLiteral("706"), QStringLiteral("VT")) == 11000);
    CHECK(c.credit(QStringLiteral("44571"), QStringLiteral("VT")) == 2000 + 55);
    CHECK(-c.credit(QStringLiteral("411"), QStringLiteral("VT")) == 13055);
    // Paid 50 € by cheque, deposited, and 20 € in cash: the customer owes 60.55 €.
    CHECK(-c.credit(QStringLiteral("411")) == 6055);
    CHECK(c.credit(QStringLiteral("5112")) == 0);
    CHECK(-c.credit(QStringLiteral("530"), QStringLiteral("CA")) == 2000);
    // The deposit and the gift went to the bank, under its new number.
    CHECK(-c.credit(QStringLiteral("512100")) == 5000 + 15000);
    CHECK(c.credit(QStringLiteral("7541")) == 15000);
    const QString text = QString::fromLatin1(fec->text);
    CHECK(text.contains(QStringLiteral("\t") + number + QStringLiteral("\t")));
    CHECK(text.contains(QStringLiteral("Remise de 1 chèque")));
    CHECK(fec::latin9(QStringLiteral("Œuvre 5 €")) == QByteArray("\xBCuvre 5 \xA4"));

    // An issued invoice changed behind the application's back: its entry does
    // not balance, the file is refused and names it.
    if (backend == std::string("sqlite")) {
        REQUIRE(test::rawExec(t.db(), QStringLiteral("DROP TRIGGER invoice_issued_no_update")));
        REQUIRE(test::rawExec(t.db(),
                              QStringLiteral("UPDATE invoice SET total_incl_cents = total_incl_cents + 1")));
        auto broken = accounting.fec(2026);
        REQUIRE_FALSE(broken);
        CHECK(broken.error().message.contains(number));
        CHECK(broken.error().message.contains(QStringLiteral("n'est pas équilibrée")));
    }
    CHECK_FALSE(accounting.fec(2019));
}
