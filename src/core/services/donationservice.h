#pragma once

#include "domain/funding.h"
#include "domain/sales.h"
#include "domain/user.h"
#include "storage/fundingrepository.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Clock;
class Database;

// Gifts and their tax receipts. A gift is recorded for a donor of the
// directory, in money or in kind, never in a closed financial year. When
// the school may issue receipts (settings), a receipt covers one gift or all
// of a donor's gifts of a calendar year not yet receipted; it is numbered
// per calendar year without gaps (R2026-0001), sealed and chained; a
// cancellation record (numbered in the same series) undoes one, and its
// gifts may then be receipted again. funding.read to read, funding.write to
// write.
class DonationService
{
    Q_DECLARE_TR_FUNCTIONS(DonationService)

public:
    DonationService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Result<qint64> record(const Donation& donation);
    Result<Donation> donation(qint64 id) const;
    Result<Page<Donation>> donations(const DonationFilter& filter, const PageRequest& request) const;
    Result<qint64> count(const DonationFilter& filter, int cap = 10000) const;

    // A receipt for one gift; returns the receipt's id.
    Result<qint64> issueReceipt(qint64 donationId);
    // One receipt for all the donor's gifts of `year` not yet receipted.
    Result<qint64> issueAnnualReceipt(qint64 contactId, int year);
    // The record cancelling a receipt; returns its id.
    Result<qint64> cancelReceipt(qint64 receiptId, const QString& reason);
    Result<TaxReceipt> receipt(qint64 id) const;
    Result<qint64> receiptId(const QString& number) const;
    // The receipts and cancellations issued in a civil year, in the order of their chain.
    Result<QList<qint64>> receiptIds(int year) const;
    // The first receipt whose chain is broken (empty: intact).
    Result<QString> verifyReceipts() const;

    // As the Cerfa models word them.

private:
    Status mayIssue() const;
    static Status fillDonor(TaxReceipt& t, const Contact& donor);
    Status checkOpenYear(const QDate& day) const;
    Result<qint64> issue(TaxReceipt receipt, const QList<qint64>& donationIds);

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
