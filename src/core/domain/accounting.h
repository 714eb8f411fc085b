#pragma once

#include "domain/codes.h"

#include <QDate>
#include <QList>
#include <QString>

namespace etabli {

// What a movement is booked on, in the chart of accounts the school's
// accountant may adapt (table ledger_account; decision 70). A budget
// category's entries go to the category's own account instead.
enum class LedgerAccount
{
    Customers,
    SalesGoods,
    SalesServices,
    VatCollected,
    Bank,
    Cash,
    ChequesToDeposit,
    GiftsPersons,
    GiftsOrganisations,
    GiftSecurities,
    WaivedExpenses,
    Subsidies,
    SubsidiesReceivable,
    ApprenticeshipTax,
    Dues,
};

template <> struct Codes<LedgerAccount>
{
    static constexpr CodeEntry<LedgerAccount> entries[] = {
        {LedgerAccount::Customers, "customers", QT_TRANSLATE_NOOP("etabli::Codes", "Customers")},
        {LedgerAccount::SalesGoods, "sales_goods", QT_TRANSLATE_NOOP("etabli::Codes", "Sales of goods")},
        {LedgerAccount::SalesServices, "sales_services", QT_TRANSLATE_NOOP("etabli::Codes", "Services sold")},
        {LedgerAccount::VatCollected, "vat_collected", QT_TRANSLATE_NOOP("etabli::Codes", "VAT collected")},
        {LedgerAccount::Bank, "bank", QT_TRANSLATE_NOOP("etabli::Codes", "Bank")},
        {LedgerAccount::Cash, "cash", QT_TRANSLATE_NOOP("etabli::Codes", "Cash box")},
        {LedgerAccount::ChequesToDeposit, "cheques_to_deposit",
         QT_TRANSLATE_NOOP("etabli::Codes", "Cheques to deposit")},
        {LedgerAccount::GiftsPersons, "gifts_persons",
         QT_TRANSLATE_NOOP("etabli::Codes", "Gifts from private persons")},
        {LedgerAccount::GiftsOrganisations, "gifts_organisations",
         QT_TRANSLATE_NOOP("etabli::Codes", "Gifts from organisations (sponsorship)")},
        {LedgerAccount::GiftSecurities, "gift_securities",
         QT_TRANSLATE_NOOP("etabli::Codes", "Securities given")},
        {LedgerAccount::WaivedExpenses, "waived_expenses",
         QT_TRANSLATE_NOOP("etabli::Codes", "Expenses waived by volunteers")},
        {LedgerAccount::Subsidies, "subsidies", QT_TRANSLATE_NOOP("etabli::Codes", "Subsidies")},
        {LedgerAccount::SubsidiesReceivable, "subsidies_receivable",
         QT_TRANSLATE_NOOP("etabli::Codes", "Subsidies receivable")},
        {LedgerAccount::ApprenticeshipTax, "apprenticeship_tax",
         QT_TRANSLATE_NOOP("etabli::Codes", "Apprenticeship tax")},
        {LedgerAccount::Dues, "dues", QT_TRANSLATE_NOOP("etabli::Codes", "Members' dues")},
    };
};

// An account of the chart as the school set it.
struct LedgerAccountSetting
{
    LedgerAccount role = LedgerAccount::Bank;
    QString number; // "512", "44571"
    QString label;  // "Banque"
    int version = 0;
};

// The account a budget category's entries are booked on.
struct CategoryAccount
{
    qint64 id = 0;
    QString code;
    QString name;
    bool expense = false;
    QString account; // empty: a category the school added, booked as "other"
};

// The journals of the accountant's file.
enum class Journal
{
    Sales,   // VT: invoices and credit notes
    Bank,    // BQ: payments, deposits, gifts, subsidies and entries through the bank
    CashBox, // CA: what was paid in cash
    Other,   // OD: subsidies granted, gifts not in money
};

template <> struct Codes<Journal>
{
    static constexpr CodeEntry<Journal> entries[] = {
        {Journal::Sales, "VT", QT_TRANSLATE_NOOP("etabli::Codes", "Sales")},
        {Journal::Bank, "BQ", QT_TRANSLATE_NOOP("etabli::Codes", "Bank")},
        {Journal::CashBox, "CA", QT_TRANSLATE_NOOP("etabli::Codes", "Cash box")},
        {Journal::Other, "OD", QT_TRANSLATE_NOOP("etabli::Codes", "Miscellaneous operations")},
    };
};

// One line of an entry: an amount on one side of one account.
struct LedgerLine
{
    QString account; // number
    QString accountLabel;
    QString auxiliary; // the customer's account within 411 ("C000042"), or empty
    QString auxiliaryLabel;
    qint64 debit = 0; // cents, ≥ 0; one of the two is zero
    qint64 credit = 0;
};

// An entry (écriture): balanced lines, one document.
struct LedgerEntry
{
    Journal journal = Journal::Other;
    QDate day;
    QString piece; // the document's reference: an invoice's number, "Remise 12"…
    QDate pieceDay;
    QString label;
    QList<LedgerLine> lines;
    int number = 0; // EcritureNum, set when the file is put in order

    // Adds a line of `cents` on the debit side of `account` (on its credit
    // side when negative); nothing for zero.
    void add(const LedgerLine& account, qint64 cents);
    qint64 debit() const;
    qint64 credit() const;
    bool balanced() const { return debit() == credit(); }
};

} // namespace etabli
