#include "services/accountingservice.h"

#include "domain/money.h"
#include "io/fec.h"
#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "storage/fundingrepository.h"
#include "storage/ledgerrepository.h"
#include "storage/schoolrepository.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/text.h"

#include <algorithm>
#include <QRegularExpression>

namespace etabli {

Result<QList<LedgerAccountSetting>> AccountingService::accounts() const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return LedgerRepository(m_db).accounts();
}

Result<QList<CategoryAccount>> AccountingService::categoryAccounts() const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return LedgerRepository(m_db).categoryAccounts();
}

Status AccountingService::validateNumber(const QString& what, const QString& number)
{
    static const QRegularExpression pattern(QStringLiteral("^[1-8]\\d{1,19}$"));
    if (!pattern.match(number.trimmed()).hasMatch())
        return fail(Error::Code::InvalidInput,
                    tr("“%1”: an account number has 2 to 20 digits and starts with 1 to 8 (“%2”).")
                        .arg(what, number.trimmed()));
    return {};
}

Status AccountingService::saveCategoryAccount(const CategoryAccount& category)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SettingsEdit));
    const QString number = category.account.trimmed();
    if (!number.isEmpty())
        ETABLI_TRY(validateNumber(category.name, number));
    return inTransaction(m_db, [&]() -> Status {
        auto all = LedgerRepository(m_db).categoryAccounts();
        if (!all)
            return std::unexpected(all.error());
        QString before;
        for (const CategoryAccount& c : std::as_const(*all))
            if (c.id == category.id)
                before = c.account;
        if (before == number)
            return {};
        ETABLI_TRY(LedgerRepository(m_db).saveCategoryAccount(category.id, number));
        ChangeSet c;
        c.add(QStringLiteral("number"), before, number);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::LedgerAccount, QStringLiteral("category:") + category.code,
                    AuditAction::Update, c);
    });
}

Status AccountingService::saveAccount(const LedgerAccountSetting& account)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SettingsEdit));
    LedgerAccountSetting a = account;
    a.number = a.number.trimmed();
    a.label = a.label.simplified();
    ETABLI_TRY(validateNumber(labelOf(a.role), a.number));
    if (a.label.isEmpty())
        return fail(Error::Code::InvalidInput, tr("“%1”: give the account's name.").arg(labelOf(a.role)));
    auto saved = inTransaction(m_db, [&]() -> Status {
        auto all = LedgerRepository(m_db).accounts();
        if (!all)
            return std::unexpected(all.error());
        LedgerAccountSetting before;
        for (const LedgerAccountSetting& s : std::as_const(*all))
            if (s.role == a.role)
                before = s;
        ETABLI_TRY(LedgerRepository(m_db).saveAccount(a, m_clock.nowIso()));
        ChangeSet c;
        c.add(QStringLiteral("number"), before.number, a.number)
            .add(QStringLiteral("label"), before.label, a.label);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::LedgerAccount, codeOf(a.role), AuditAction::Update, c);
    });
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::LedgerAccount, codeOf(a.role));
}

int AccountingService::Fec::lineCount() const
{
    int n = 0;
    for (const LedgerEntry& e : entries)
        n += static_cast<int>(e.lines.size());
    return n;
}

namespace {

// The accounts by role, and the lines an entry books on them.
class Chart
{
public:
    explicit Chart(const QList<LedgerAccountSetting>& accounts)
    {
        for (const LedgerAccountSetting& a : accounts)
            m_accounts.insert(a.role, a);
    }
    LedgerLine line(LedgerAccount role) const
    {
        const LedgerAccountSetting a = m_accounts.value(role);
        LedgerLine l;
        l.account = a.number;
        l.accountLabel = a.label;
        return l;
    }
    LedgerLine customer(qint64 contactId, const QString& name) const
    {
        LedgerLine l = line(LedgerAccount::Customers);
        l.auxiliary = QStringLiteral("C%1").arg(contactId, 6, 10, QLatin1Char('0'));
        l.auxiliaryLabel = name;
        return l;
    }
    // Where money paid this way goes: the cash box, the cheques waiting for
    // their deposit, or the bank.
    LedgerLine money(PaymentMethod m) const
    {
        switch (m) {
        case PaymentMethod::Cash:
            return line(LedgerAccount::Cash);
        case PaymentMethod::Cheque:
            return line(LedgerAccount::ChequesToDeposit);
        case PaymentMethod::Transfer:
        case PaymentMethod::Card:
            break;
        }
        return line(LedgerAccount::Bank);
    }

private:
    QHash<LedgerAccount, LedgerAccountSetting> m_accounts;
};

Journal journalOf(const LedgerLine& money, const Chart& chart)
{
    return money.account == chart.line(LedgerAccount::Cash).account ? Journal::CashBox : Journal::Bank;
}

} // namespace

Result<AccountingService::Fec> AccountingService::fec(int endYear) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    auto years = FundingRepository(m_db).years();
    if (!years)
        return std::unexpected(years.error());
    Fec out;
    bool found = false;
    for (const FinancialYear& y : std::as_const(*years))
        if (y.end.year() == endYear && !found) {
            out.year = y;
            found = true;
        }
    if (!found)
        return fail(Error::Code::NotFound, tr("No financial year ends in %1.").arg(endYear));
    const QDate from = out.year.start;
    const QDate to = out.year.end;

    LedgerRepository ledger(m_db);
    auto accounts = ledger.accounts();
    if (!accounts)
        return std::unexpected(accounts.error());
    const Chart chart(*accounts);
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    auto categories = ledger.categoryAccounts();
    if (!categories)
        return std::unexpected(categories.error());

    QList<LedgerEntry> entries;
    // Sales: the customer owes the total; the sales and the VAT per rate.
    auto invoices = ledger.invoices(from, to);
    if (!invoices)
        return std::unexpected(invoices.error());
    for (const LedgerRepository::InvoiceRow& i : std::as_const(*invoices)) {
        LedgerEntry e;
        e.journal = Journal::Sales;
        e.day = e.pieceDay = i.issued;
        e.piece = i.number;
        e.label = (i.credit ? tr("Credit note %1, %2") : tr("Invoice %1, %2")).arg(i.number, i.customer);
        e.add(chart.customer(i.contactId, i.customer), i.incl);
        e.add(chart.line(i.operations == Operations::Goods ? LedgerAccount::SalesGoods
                                                           : LedgerAccount::SalesServices),
              -i.excl);
        if (chargesVat(i.regime)) {
            for (const auto& [rate, base] : i.bases) {
                LedgerLine vat = chart.line(LedgerAccount::VatCollected);
                vat.accountLabel +=
                    QStringLiteral(" %1 %").arg(QLocale(QLocale::French).toString(rate / 100.0));
                e.add(vat, -Money::fromCents(base).percent(rate).cents());
            }
        }
        entries << e;
    }
    // Payments: the money (cash box, cheques to deposit, bank) against the customer.
    auto payments = ledger.payments(from, to);
    if (!payments)
        return std::unexpected(payments.error());
    for (const LedgerRepository::PaymentRow& p : std::as_const(*payments)) {
        LedgerEntry e;
        const LedgerLine money = chart.money(p.method);
        e.journal = journalOf(money, chart);
        e.day = e.pieceDay = p.day;
        e.piece = p.invoiceNumber;
        e.label = p.chequeNumber.isEmpty()
                      ? tr("Payment of %1 (%2)").arg(p.invoiceNumber, labelOf(p.method).toLower())
                      : tr("Payment of %1 (cheque no. %2)").arg(p.invoiceNumber, p.chequeNumber);
        if (p.amount < 0)
            e.label = tr("Reversal of a payment of %1").arg(p.invoiceNumber);
        e.add(money, p.amount);
        e.add(chart.customer(p.contactId, p.customer), -p.amount);
        entries << e;
    }
    // Cheque deposits: from the cheques to deposit to the bank.
    auto deposits = ledger.deposits(from, to);
    if (!deposits)
        return std::unexpected(deposits.error());
    for (const LedgerRepository::DepositRow& d : std::as_const(*deposits)) {
        LedgerEntry e;
        e.journal = Journal::Bank;
        e.day = e.pieceDay = d.day;
        e.piece = tr("Deposit %1").arg(d.id);
        e.label = tr("Deposit of %n cheque(s)", nullptr, d.cheques);
        e.add(chart.line(LedgerAccount::Bank), d.total);
        e.add(chart.line(LedgerAccount::ChequesToDeposit), -d.total);
        entries << e;
    }
    // Gifts: money through the bank or the cash box (a gift's cheque is not
    // on a deposit slip: it goes to the bank); securities and waived expenses
    // as miscellaneous operations. Donors are named nowhere in the file.
    auto gifts = ledger.gifts(from, to);
    if (!gifts)
        return std::unexpected(gifts.error());
    for (const LedgerRepository::GiftRow& g : std::as_const(*gifts)) {
        LedgerEntry e;
        e.day = e.pieceDay = g.day;
        e.piece = tr("Gift %1").arg(g.id);
        const LedgerLine gift =
            chart.line(g.person ? LedgerAccount::GiftsPersons : LedgerAccount::GiftsOrganisations);
        LedgerLine debit;
        if (g.nature == GiftNature::Securities) {
            e.journal = Journal::Other;
            debit = chart.line(LedgerAccount::GiftSecurities);
            e.label = tr("Gift of securities");
        } else if (g.nature == GiftNature::ExpensesWaived) {
            e.journal = Journal::Other;
            debit = chart.line(LedgerAccount::WaivedExpenses);
            e.label = tr("Expenses waived by a volunteer");
        } else {
            debit = g.method == GiftMethod::Cash ? chart.line(LedgerAccount::Cash)
                                                 : chart.line(LedgerAccount::Bank);
            e.journal = journalOf(debit, chart);
            e.label = g.person ? tr("Gift (%1)").arg(labelOf(g.method).toLower())
                               : tr("Sponsorship (%1)").arg(labelOf(g.method).toLower());
        }
        e.add(debit, g.amount);
        e.add(gift, -g.amount);
        entries << e;
    }
    // The apprenticeship tax's balance, paid by transfer from the national platform.
    auto tax = ledger.apprenticeshipTax(from, to);
    if (!tax)
        return std::unexpected(tax.error());
    for (const LedgerRepository::Receipt& r : std::as_const(*tax)) {
        LedgerEntry e;
        e.journal = Journal::Bank;
        e.day = e.pieceDay = r.day;
        e.piece = tr("Apprenticeship tax %1").arg(r.what);
        e.label = tr("Apprenticeship tax %1, %2").arg(r.what, r.from);
        e.add(chart.line(LedgerAccount::Bank), r.amount);
        e.add(chart.line(LedgerAccount::ApprenticeshipTax), -r.amount);
        entries << e;
    }
    // Members' dues.
    auto dues = ledger.dues(from, to);
    if (!dues)
        return std::unexpected(dues.error());
    for (const LedgerRepository::Receipt& r : std::as_const(*dues)) {
        LedgerEntry e;
        const LedgerLine money =
            chart.line(r.method == GiftMethod::Cash ? LedgerAccount::Cash : LedgerAccount::Bank);
        e.journal = journalOf(money, chart);
        e.day = e.pieceDay = r.day;
        e.piece = tr("Due %1").arg(r.id);
        e.label = tr("Member's due %1").arg(r.what);
        e.add(money, r.amount);
        e.add(chart.line(LedgerAccount::Dues), -r.amount);
        entries << e;
    }
    // Subsidies: earned by the year they cover, when granted (dated by the
    // decision, within the year: a decision after the year is booked at its
    // last day); then received from the funder.
    auto granted = ledger.subsidiesGranted(out.year.id);
    if (!granted)
        return std::unexpected(granted.error());
    for (const LedgerRepository::Receipt& r : std::as_const(*granted)) {
        LedgerEntry e;
        e.journal = Journal::Other;
        e.day = e.pieceDay = std::clamp(r.day.isValid() ? r.day : to, from, to);
        e.piece = tr("Subsidy %1").arg(r.id);
        e.label = tr("Subsidy granted: %1, %2").arg(r.from, r.what);
        e.add(chart.line(LedgerAccount::SubsidiesReceivable), r.amount);
        e.add(chart.line(LedgerAccount::Subsidies), -r.amount);
        entries << e;
    }
    auto instalments = ledger.subsidyInstalments(from, to);
    if (!instalments)
        return std::unexpected(instalments.error());
    for (const LedgerRepository::Receipt& r : std::as_const(*instalments)) {
        LedgerEntry e;
        e.journal = Journal::Bank;
        e.day = e.pieceDay = r.day;
        e.piece = tr("Subsidy instalment %1").arg(r.id);
        e.label = tr("Subsidy received: %1, %2").arg(r.from, r.what);
        e.add(chart.line(LedgerAccount::Bank), r.amount);
        e.add(chart.line(LedgerAccount::SubsidiesReceivable), -r.amount);
        entries << e;
    }
    // Other income and expenses, through the bank, on their category's account.
    QHash<qint64, CategoryAccount> byId;
    QString otherIncome, otherExpenses;
    for (const auto& c : std::as_const(*categories)) {
        byId.insert(c.id, c);
        if (c.code == QLatin1String("other_income"))
            otherIncome = c.account;
        if (c.code == QLatin1String("other_expenses"))
            otherExpenses = c.account;
    }
    auto typed = ledger.entries(from, to);
    if (!typed)
        return std::unexpected(typed.error());
    for (const LedgerRepository::EntryRow& r : std::as_const(*typed)) {
        const auto c = byId.value(r.categoryId);
        LedgerLine account;
        account.account = !c.account.isEmpty() ? c.account : c.expense ? otherExpenses : otherIncome;
        account.accountLabel = c.name;
        LedgerEntry e;
        e.journal = Journal::Bank;
        e.day = e.pieceDay = r.day;
        e.piece = r.reference.isEmpty() ? tr("Entry %1").arg(r.id) : r.reference;
        e.label = r.label;
        // A resource is credited, an expense debited; a correction is negative.
        const qint64 toBank = c.expense ? -r.amount : r.amount;
        e.add(chart.line(LedgerAccount::Bank), toBank);
        e.add(account, -toBank);
        entries << e;
    }

    // In order of date (journals in their order within a day), numbered from 1.
    std::stable_sort(entries.begin(), entries.end(), [](const LedgerEntry& a, const LedgerEntry& b) {
        if (a.day != b.day)
            return a.day < b.day;
        return static_cast<int>(a.journal) < static_cast<int>(b.journal);
    });
    entries.removeIf([](const LedgerEntry& e) { return e.lines.isEmpty(); });
    int n = 0;
    for (LedgerEntry& e : entries) {
        e.number = ++n;
        if (!e.balanced())
            return fail(Error::Code::InvalidInput,
                        tr("The entry of %1 (%2) does not balance: debit %3, credit %4. Nothing was written; "
                           "run a check of the database.")
                            .arg(e.piece, text::frenchDate(e.day), Money::fromCents(e.debit()).format(),
                                 Money::fromCents(e.credit()).format()));
        for (const LedgerLine& l : std::as_const(e.lines))
            out.balanceByAccount[codeOf(e.journal) + QLatin1Char(' ') + l.account] += l.debit - l.credit;
    }
    out.entries = entries;
    out.text = fec::text(entries);
    out.fileName = fec::fileName(school->siret.left(9), to);
    return out;
}

} // namespace etabli
