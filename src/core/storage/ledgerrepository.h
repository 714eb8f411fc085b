#pragma once

#include "domain/accounting.h"
#include "domain/funding.h"
#include "domain/sales.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>

namespace etabli {

class Database;

// The chart of accounts (ledger_account, budget_category.account) and what
// the accountant's file books over a period, read as plain rows: which
// account each goes to is AccountingService's business.
class LedgerRepository
{
    Q_DECLARE_TR_FUNCTIONS(LedgerRepository)

public:
    explicit LedgerRepository(Database& db) : m_db(db) {}

    Result<QList<LedgerAccountSetting>> accounts() const;
    Status saveAccount(const LedgerAccountSetting& account, const QString& nowIso);

    Result<QList<CategoryAccount>> categoryAccounts() const;
    Status saveCategoryAccount(qint64 categoryId, const QString& account);

    struct InvoiceRow
    {
        qint64 id = 0;
        bool credit = false;
        QString number;
        QDate issued;
        qint64 contactId = 0;
        QString customer;
        Operations operations = Operations::Services;
        VatRegime regime = VatRegime::Franchise;
        qint64 excl = 0;
        qint64 incl = 0;
        QList<QPair<int, qint64>> bases; // VAT rate (bp) → sum of its lines, excluding VAT
    };
    Result<QList<InvoiceRow>> invoices(const QDate& from, const QDate& to) const;

    struct PaymentRow
    {
        qint64 id = 0;
        QDate day;
        PaymentMethod method = PaymentMethod::Transfer;
        qint64 amount = 0;
        QString chequeNumber;
        QString invoiceNumber;
        qint64 contactId = 0;
        QString customer;
    };
    Result<QList<PaymentRow>> payments(const QDate& from, const QDate& to) const;

    struct DepositRow
    {
        qint64 id = 0;
        QDate day;
        qint64 total = 0;
        int cheques = 0;
    };
    Result<QList<DepositRow>> deposits(const QDate& from, const QDate& to) const;

    struct GiftRow
    {
        qint64 id = 0;
        QDate day;
        GiftMethod method = GiftMethod::Transfer;
        GiftNature nature = GiftNature::Cash;
        qint64 amount = 0;
        bool person = true;
    };
    // Gifts other than in kind (those are not resources: decision 70).
    Result<QList<GiftRow>> gifts(const QDate& from, const QDate& to) const;

    // A sum received or granted, with whom it came from.
    struct Receipt
    {
        qint64 id = 0;
        QDate day;
        qint64 amount = 0;
        QString from;                             // the company, the funder
        QString what;                             // the year of the tax, the subsidy's programme
        GiftMethod method = GiftMethod::Transfer; // how it was paid
    };
    Result<QList<Receipt>> apprenticeshipTax(const QDate& from, const QDate& to) const;
    Result<QList<Receipt>> dues(const QDate& from, const QDate& to) const;
    // Granted subsidies covering the financial year, dated by their decision.
    Result<QList<Receipt>> subsidiesGranted(qint64 financialYearId) const;
    Result<QList<Receipt>> subsidyInstalments(const QDate& from, const QDate& to) const;

    struct EntryRow
    {
        qint64 id = 0;
        QDate day;
        qint64 categoryId = 0;
        QString label;
        QString reference;
        qint64 amount = 0;
    };
    Result<QList<EntryRow>> entries(const QDate& from, const QDate& to) const;

private:
    Database& m_db;
};

} // namespace etabli
