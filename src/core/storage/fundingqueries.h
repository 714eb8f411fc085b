#pragma once

#include "util/error.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace etabli {

class Database;

// The sums the funding report is made of, each one SQL query over a period
// (both days included). Amounts in cents.
class FundingQueries
{
public:
    explicit FundingQueries(Database& db) : m_db(db) {}

    // Issued invoices minus credit notes, excluding VAT, by issue date.
    Result<qint64> productionExclVat(const QDate& from, const QDate& to) const;
    // The same by month: "2025-03" -> cents.
    Result<QMap<QString, qint64>> productionByMonth(const QDate& from, const QDate& to) const;
    // Issued invoices minus credit notes, VAT included.
    Result<qint64> invoicedInclVat(const QDate& from, const QDate& to) const;
    // Payments received (reversals deducted), by their day.
    Result<qint64> paymentsReceived(const QDate& from, const QDate& to) const;

    struct Gifts
    {
        qint64 persons = 0;       // money from private persons
        qint64 organisations = 0; // money from companies and other bodies (sponsorship)
        qint64 inKind = 0;        // valuation of gifts in kind, from anyone
        qint64 count = 0;
    };
    Result<Gifts> gifts(const QDate& from, const QDate& to) const;
    // The art. 222 bis figures: gifts received in the period whose receipt
    // (issued whenever) is not cancelled — count, amount, and the part
    // receipted after the period —; receipts issued in the period, not
    // cancelled since, and those cancelled since.
    struct Receipts
    {
        qint64 gifts = 0;
        qint64 giftsCount = 0;
        qint64 receiptedLater = 0;
        qint64 issued = 0;
        qint64 cancelled = 0;
    };
    Result<Receipts> receipts(const QDate& from, const QDate& to) const;
    // Apprenticeship tax received in the period.
    Result<qint64> apprenticeshipTaxReceived(const QDate& from, const QDate& to) const;
    // Dues paid in the period.
    Result<qint64> duesPaid(const QDate& from, const QDate& to) const;
    // Entries' sums per category id.
    Result<QHash<qint64, qint64>> entriesByCategory(const QDate& from, const QDate& to) const;

    struct FunderAmount
    {
        qint64 funderId = 0;
        QString funderName;
        qint64 granted = 0;
        qint64 received = 0; // instalments received, whenever
    };
    // Granted subsidies covering a financial year, per funder.
    Result<QList<FunderAmount>> subsidiesByFunder(qint64 financialYearId) const;
    // Subsidy instalments received in the period (cash).
    Result<qint64> subsidyInstalmentsReceived(const QDate& from, const QDate& to) const;

private:
    Result<qint64> sum(const QString& sql, const QDate& from, const QDate& to) const;

    Database& m_db;
};

} // namespace etabli
