#pragma once

#include "domain/bank.h"
#include "domain/sales.h"
#include "util/error.h"

#include <optional>
#include <QCoreApplication>
#include <QSet>

namespace etabli {

class Database;

// Bank statements, their lines and what accounts for each line (schema 33),
// and what a credit may be matched with: invoices whose remaining due is
// its amount, deposit slips whose total is, gifts of that amount.
class BankRepository
{
    Q_DECLARE_TR_FUNCTIONS(BankRepository)

public:
    explicit BankRepository(Database& db) : m_db(db) {}

    // The statement a file was imported as (same SHA-256), or none.
    Result<std::optional<BankStatement>> statementByDigest(const QByteArray& digest) const;
    // The keys of an account's lines recorded already over these days.
    Result<QSet<QString>> knownKeys(const QString& account, const QDate& from, const QDate& to) const;
    // Records a statement and its lines (each with its key); returns its id.
    Result<qint64> insert(const StatementFile& file, const QStringList& keys, const QString& fileName,
                          const QString& by, const QString& nowIso);

    // Newest first, with their counts of lines.
    Result<QList<BankStatement>> statements() const;
    Result<QList<StatementLine>> lines(qint64 statementId) const;
    Result<StatementLine> line(qint64 lineId) const;

    enum class MatchKind
    {
        Payment,
        Deposit,
        Donation,
    };
    // Marks an open line matched with one payment, deposit slip or gift.
    // Refused (Conflict) when the line is no longer open or the other one is
    // matched already: a line is never matched twice.
    Status match(qint64 lineId, MatchKind kind, qint64 targetId, const QString& by, const QString& nowIso);
    // Opens a matched line again (its match undone by the service).
    Status clearMatch(qint64 lineId);
    // Sets an open line aside, or back to open.
    Status setIgnored(qint64 lineId, bool ignored, const QString& by, const QString& nowIso);

    // Invoices with something due: those whose remaining due is `amount`,
    // and those with these numbers (whatever is due).
    Result<QList<Receivable>> invoicesDue(const Money& amount, int limit) const;
    Result<QList<Receivable>> invoicesNumbered(const QStringList& numbers) const;

    struct DepositCandidate
    {
        qint64 id = 0;
        QDate day;
        Money total;
        int cheques = 0;
    };
    // Deposit slips of `total` made between the two days, not matched yet.
    Result<QList<DepositCandidate>> depositsOf(const Money& total, const QDate& from, const QDate& to) const;

    struct GiftCandidate
    {
        qint64 id = 0;
        qint64 contactId = 0;
        QString donor;
        QDate day;
        Money amount;
    };
    // Gifts of money by transfer or card of `amount` between the two days, not matched yet.
    Result<QList<GiftCandidate>> giftsOf(const Money& amount, const QDate& from, const QDate& to) const;

    // The layout of a bank's CSV set up for this heading row, if any.
    Result<std::optional<QByteArray>> csvLayout(const QString& signature) const;
    Status saveCsvLayout(const QString& signature, const QByteArray& layout, const QString& nowIso);

private:
    Database& m_db;
};

} // namespace etabli
