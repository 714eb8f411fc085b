#pragma once

#include "domain/orders.h"
#include "domain/sales.h"
#include "util/error.h"

#include <memory>
#include <QHash>
#include <QPair>

namespace etabli {

class Database;
class SqlQuery;

// Writes years of sales at once with statements prepared once (the
// federation demo): issued invoices numbered and chained exactly as
// InvoiceService::issue does, their payments chained, the work orders they
// came from. Call finish() last: it stores the counters so that the next
// number taken by the services follows. Inside the caller's transaction.
class SalesBulkWriter
{
public:
    explicit SalesBulkWriter(Database& db);
    ~SalesBulkWriter();
    SalesBulkWriter(const SalesBulkWriter&) = delete;
    SalesBulkWriter& operator=(const SalesBulkWriter&) = delete;

    // Reads the counters and the chains' tips.
    Status prepare();
    // `invoice` carries its customer's frozen details, lines, totals, issue
    // and due dates; gets its number, hash and id.
    Status issue(Invoice& invoice, const QString& nowIso);
    // Gives a work order its number (BT + year of its date), e.g. before its
    // invoice is written with that reference.
    void numberOrder(WorkOrder& order);
    // A work order in its final state; gets its number (if it has none) and id.
    Status insertOrder(WorkOrder& order, const QString& nowIso);
    Status insertPayment(Payment& payment, const QString& nowIso);
    // Cheques handed to the bank together on `day`.
    Status insertDeposit(const QDate& day, const QList<qint64>& paymentIds, const QString& by,
                         const QString& nowIso);
    Status finish();

private:
    int take(const QString& series, int year);
    Status writeLines(SqlQuery& q, qint64 id, const QList<InvoiceLine>& lines);

    Database& m_db;
    std::unique_ptr<SqlQuery> m_draft;
    std::unique_ptr<SqlQuery> m_invoiceLine;
    std::unique_ptr<SqlQuery> m_issue;
    std::unique_ptr<SqlQuery> m_order;
    std::unique_ptr<SqlQuery> m_orderLine;
    std::unique_ptr<SqlQuery> m_payment;
    std::unique_ptr<SqlQuery> m_deposit;
    std::unique_ptr<SqlQuery> m_depositItem;
    QHash<QPair<QString, int>, int> m_counters;
    QString m_invoiceTip;
    QString m_paymentTip;
};

} // namespace etabli
