#pragma once

#include "domain/orders.h"
#include "domain/paging.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Database;

struct OrderFilter
{
    qint64 sectionId = 0;
    qint64 contactId = 0;
    // Which statuses the list keeps.
    enum class Shown
    {
        All,
        Open,    // orders: to do or in progress; quotes: draft, or sent and still valid
        Expired, // quotes: sent and past their validity
        One,     // the status below (a quote "sent": one still valid)
    };
    Shown shown = Shown::All;
    QuoteStatus quoteStatus = QuoteStatus::Draft;
    WorkOrderStatus orderStatus = WorkOrderStatus::ToDo;
    QDate today;  // for quotes' validity
    QString text; // number or customer
};

// Quotes, work orders, their lines, and the costing of an order.
class OrderRepository
{
    Q_DECLARE_TR_FUNCTIONS(OrderRepository)

public:
    explicit OrderRepository(Database& db) : m_db(db) {}

    Result<qint64> insertQuote(const Quote& quote, const QString& nowIso);
    Status updateQuote(const Quote& quote, const QString& nowIso);
    Result<Quote> quote(qint64 id) const;
    // Pages of the lists, newest first (keyset: see sql::PagedQuery); counts up to `cap`.
    Result<Page<Quote>> quotes(const OrderFilter& filter, const PageRequest& request) const;
    Result<qint64> countQuotes(const OrderFilter& filter, int cap) const;
    Result<qint64> quoteId(const QString& number) const;

    Result<qint64> insertOrder(const WorkOrder& order, const QString& nowIso);
    Status updateOrder(const WorkOrder& order, const QString& nowIso);
    Result<WorkOrder> order(qint64 id) const;
    Result<Page<WorkOrder>> orders(const OrderFilter& filter, const PageRequest& request) const;
    Result<qint64> countOrders(const OrderFilter& filter, int cap) const;

    // The latest day of the production log's entries for an order (invalid when none).
    Result<QDate> lastWorkDay(qint64 orderId) const;
    Result<OrderCosting> costing(qint64 orderId) const;

private:
    Status writeLines(const QString& table, const QString& key, qint64 id, const QList<InvoiceLine>& lines);
    Result<QList<InvoiceLine>> readLines(const QString& table, const QString& key, qint64 id) const;

    Database& m_db;
};

} // namespace etabli
