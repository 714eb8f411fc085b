#pragma once

#include "domain/paging.h"
#include "domain/sales.h"
#include "util/error.h"

#include <optional>
#include <QCoreApplication>
#include <QList>

namespace etabli {

class Database;
class SqlQuery;

struct InvoiceFilter
{
    std::optional<InvoiceStatus> status; // none: all
    std::optional<InvoiceKind> kind;     // none: both
    qint64 contactId = 0;
    QString text; // number or customer name
    QDate from;   // issue date (drafts: creation)
    QDate to;
    bool unpaidOnly = false; // issued invoices with something still due
};

// A line of the invoices' list.
struct InvoiceRow
{
    qint64 id = 0;
    InvoiceKind kind = InvoiceKind::Invoice;
    InvoiceStatus status = InvoiceStatus::Draft;
    QString number;
    QDate issueDate;
    QDate listDay; // its place in the list: the issue date, or a draft's creation day
    QDate dueDate;
    QString customer;
    Money total;
    Money due; // issued invoices: what remains after credit notes and payments
};

// Invoices, credit notes, their numbering, payments and the hash chains. The
// rules (who may, what is allowed) live in InvoiceService.
class InvoiceRepository
{
    Q_DECLARE_TR_FUNCTIONS(InvoiceRepository)

public:
    explicit InvoiceRepository(Database& db) : m_db(db) {}

    Result<qint64> insertDraft(const Invoice& invoice, const QString& nowIso);
    // Conflict when stale; refused by the database when issued.
    Status updateDraft(const Invoice& invoice, const QString& nowIso);
    Status deleteDraft(qint64 id);
    Result<Invoice> get(qint64 id) const;
    Result<Invoice> getByNumber(const QString& number) const;

    // A page of the list, newest first (keyset: see sql::PagedQuery).
    Result<Page<InvoiceRow>> page(const InvoiceFilter& filter, const PageRequest& request) const;
    // The invoices the filter matches, counted up to `cap` (cap + 1: more).
    Result<qint64> count(const InvoiceFilter& filter, int cap) const;

    // Takes the next number of a series (F, A, and the internal chains) in
    // the caller's transaction; the counter row stays locked until it ends.
    Result<int> takeNumber(const QString& series, int year);
    // The last issued document in the chain (position 0 and no hash when none).
    struct ChainTip
    {
        int position = 0;
        QString hash;
        QDate issueDate;
    };
    Result<ChainTip> chainTip() const;
    // The latest issue date in a series of a year (invalid when none).
    Result<QDate> lastIssueDate(InvoiceKind kind, int year) const;
    // Writes the issue of a draft: number, frozen fields, totals, hashes
    // (issued_at is invoice.issuedAt, which the hash covers).
    Status markIssued(const Invoice& invoice, int year, int sequence, int chainPosition);
    // The statement markIssued runs and its values, shared with the demo's bulk writer.
    static QString issueSql();
    // A draft's place in the list (column list_date): the day it was created.
    static QString draftListDate(const QString& createdAtIso) { return createdAtIso.left(10); }
    static void bindIssue(SqlQuery& query, const Invoice& invoice, int year, int sequence, int chainPosition);

    // What credit notes already took back from an invoice (positive).
    Result<Money> credited(qint64 invoiceId) const;
    Result<InvoiceBalance> balance(qint64 invoiceId) const;

    // Issued invoices with something still due, oldest due date first.
    Result<QList<Receivable>> receivables(const QDate& asOf, qint64 contactId = 0, int limit = 0) const;
    // What is due in all, by age (the buckets of Receivable::bucket()), and
    // how many invoices: summed in SQL, whatever their number.
    struct AgingTotals
    {
        qint64 buckets[5] = {0, 0, 0, 0, 0};
        qint64 count = 0;
        qint64 customers = 0;
    };
    Result<AgingTotals> receivableTotals(const QDate& asOf, qint64 contactId = 0) const;

    // Cheques not reversed and not deposited yet (depositId 0), or those of a deposit slip.
    Result<QList<ChequeToDeposit>> cheques(qint64 depositId) const;
    Result<qint64> insertDeposit(const QDate& day, const QList<qint64>& paymentIds, const QString& by,
                                 const QString& nowIso);

    // The civil year's issued invoices less credit notes, excl. VAT: goods, and services or mixed.
    struct Turnover
    {
        Money goods;
        Money services;
    };
    Result<Turnover> turnover(int year) const;
    // Records a print of an issued document; returns how many there were before.
    Result<qint64> recordPrint(const QString& document, qint64 documentId, const QString& by,
                               const QString& nowIso);

    Result<QList<Payment>> payments(qint64 invoiceId) const;
    Result<Payment> payment(qint64 id) const;
    // The payments and reversals of the days from `from` to `to`, in the order they were recorded.
    Result<QList<Payment>> paymentsBetween(const QDate& from, const QDate& to) const;
    // Inserts and chains a payment (the chain tip is locked by takeNumber("P", 0)).
    Result<qint64> insertPayment(Payment payment, const QString& nowIso);

    struct ChainReport
    {
        qint64 documents = 0;
        qint64 payments = 0;
        QString firstBad; // number or "paiement n°…"; empty when intact
        bool ok() const { return firstBad.isEmpty(); }
    };
    // One streaming query per table; the invoices' hashes computed on a
    // second thread, `batchSize` invoices at a time (tests use small ones).
    Result<ChainReport> verifyChains(int batchSize = 4096) const;

    // What invoice_balance says is due, recomputed from the payments and the
    // credit notes (etabli-cli check): the first invoice that differs.
    struct BalanceReport
    {
        qint64 invoices = 0;
        QString firstBad; // an invoice's number; empty when every balance is right
        bool ok() const { return firstBad.isEmpty(); }
    };
    Result<BalanceReport> verifyBalances() const;

private:
    Status writeLines(qint64 invoiceId, const QList<InvoiceLine>& lines);
    Result<Invoice> read(const QString& where, const QVariant& value) const;

    Database& m_db;
};

} // namespace etabli
