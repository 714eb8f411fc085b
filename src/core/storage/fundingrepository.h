#pragma once

#include "domain/funding.h"
#include "domain/paging.h"
#include "util/error.h"

#include <optional>
#include <QCoreApplication>
#include <QList>

namespace etabli {

class Database;

struct DonationFilter
{
    qint64 contactId = 0;
    QDate from; // by the gift's day
    QDate to;
    bool unreceiptedOnly = false;
    QString text; // in the donor's name
};

// Financial years, gifts and tax receipts.
class FundingRepository
{
    Q_DECLARE_TR_FUNCTIONS(FundingRepository)

public:
    explicit FundingRepository(Database& db) : m_db(db) {}

    // The financial year holding a day, if one was opened.
    Result<std::optional<FinancialYear>> yearContaining(const QDate& day) const;
    Result<QList<FinancialYear>> years() const;
    Result<qint64> insertYear(const FinancialYear& year, const QString& nowIso);
    Result<FinancialYear> year(qint64 id) const;
    Status setClosed(qint64 yearId, bool closed, int version, const QString& nowIso);
    Status setTargets(const FinancialYear& year, const QString& nowIso);

    Result<qint64> insertDonation(const Donation& donation, const QString& nowIso);
    // The gift recorded with this platform reference (0: none).
    Result<qint64> donationByReference(const QString& reference) const;
    Result<Donation> donation(qint64 id) const;
    // Newest first.
    // A page of the gifts, newest first (keyset: see sql::PagedQuery); counted up to `cap`.
    Result<Page<Donation>> donations(const DonationFilter& filter, const PageRequest& request) const;
    Result<qint64> countDonations(const DonationFilter& filter, int cap) const;
    // Marks the gifts as receipted by `receiptId`; fails if one already is.
    Status attachReceipt(const QList<qint64>& donationIds, qint64 receiptId, const QString& nowIso);
    // The gifts of a cancelled receipt may be receipted again.
    Status detachReceipt(qint64 receiptId, const QString& nowIso);

    // Inserts, writes the lines and seals: from then on the database refuses any change.
    Result<qint64> insertReceipt(const TaxReceipt& receipt);
    Result<TaxReceipt> receipt(qint64 id) const;
    Result<qint64> receiptId(const QString& number) const;
    // The receipts and cancellations issued in a civil year, in the order of their chain.
    Result<QList<qint64>> receiptIds(int year) const;
    struct ChainTip
    {
        int position = 0;
        QString hash;
    };
    Result<ChainTip> receiptTip() const;
    // The first receipt whose hash does not match what it says (empty: intact).
    Result<QString> verifyReceipts() const;

private:
    Database& m_db;
};

} // namespace etabli
