#pragma once

#include "domain/orders.h"
#include "domain/user.h"
#include "storage/orderrepository.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Clock;
class Database;

// Quotes → work orders → invoices. A quote is numbered when first saved
// (D2026-0001); accepting it makes a work order (BT2026-0001) for a
// workshop, which the production log attaches to; a done order is invoiced
// in one action, and its costing sets the trainees' hours and the materials
// beside what was invoiced. sales.read to read, sales.write to write.
class OrderService
{
    Q_DECLARE_TR_FUNCTIONS(OrderService)

public:
    static constexpr int DefaultQuoteDays = 30;

    OrderService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Result<Quote> quote(qint64 id) const;
    Result<Page<Quote>> quotes(const OrderFilter& filter, const PageRequest& request) const;
    Result<qint64> countQuotes(const OrderFilter& filter, int cap = 10000) const;
    Result<qint64> quoteId(const QString& number) const;
    Result<qint64> saveQuote(const Quote& quote);
    // draft → sent, sent → refused (acceptance: acceptQuote).
    Status setQuoteStatus(qint64 quoteId, QuoteStatus status);
    // Sending a quote to a private person needs its time of execution and the school's consumer mediator.
    Status checkConsumerQuote(const Quote& quote) const;
    // The quote's lines become a work order of the workshop; returns its id.
    Result<qint64> acceptQuote(qint64 quoteId, qint64 sectionId, const QDate& dueDate);

    Result<WorkOrder> order(qint64 id) const;
    Result<Page<WorkOrder>> orders(const OrderFilter& filter, const PageRequest& request) const;
    Result<qint64> countOrders(const OrderFilter& filter, int cap = 10000) const;
    // A work order without a quote (id 0), or changes to one not invoiced yet.
    Result<qint64> saveOrder(const WorkOrder& order);
    Status setOrderStatus(qint64 orderId, WorkOrderStatus status);
    // Issues the invoice of a done (or delivered) order; returns its number.
    Result<QString> invoiceOrder(qint64 orderId);
    Result<OrderCosting> costing(qint64 orderId) const;

private:
    Status validateLines(const QList<InvoiceLine>& lines) const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
