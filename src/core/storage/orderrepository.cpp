#include "storage/orderrepository.h"

#include "storage/database.h"
#include "storage/documentlines.h"
#include "storage/pagedquery.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"
#include "storage/textsearch.h"
#include "util/text.h"

namespace etabli {

namespace {

using sql::idOrNull;
using sql::isoOrNull;

using sql::fromIso;
using sql::iso;

// The quotes' and work orders' lists: newest first, filtered by workshop,
// customer, status and text, a page at a time through the index made for
// each filter (schema 25). "Open" names the statuses the partial indexes
// are built on, so that both engines use them.
Result<sql::PagedQuery> listQuery(const Database& db, const OrderFilter& f, bool orders,
                                  const QString& select, const QString& from)
{
    const QString a = orders ? QStringLiteral("o") : QStringLiteral("q");
    sql::Where where;
    if (f.sectionId != 0)
        where.add(a + QStringLiteral(".section_id = :section"), {{QStringLiteral("section"), f.sectionId}});
    if (f.contactId != 0)
        where.add(a + QStringLiteral(".contact_id = :contact"), {{QStringLiteral("contact"), f.contactId}});
    const QString today = (f.today.isValid() ? f.today : QDate::currentDate()).toString(Qt::ISODate);
    const QString sent = codeOf(QuoteStatus::Sent);
    using Shown = OrderFilter::Shown;
    if (f.shown == Shown::Open && orders) {
        where.add(QStringLiteral("o.status IN ('%1', '%2')")
                      .arg(codeOf(WorkOrderStatus::ToDo), codeOf(WorkOrderStatus::InProgress)));
    } else if (f.shown == Shown::Open) {
        where.add(QStringLiteral("q.status IN ('%1', '%2') AND (q.status = '%1' OR q.valid_until >= :today)")
                      .arg(codeOf(QuoteStatus::Draft), sent),
                  {{QStringLiteral("today"), today}});
    } else if (f.shown == Shown::Expired && !orders) {
        where.add(QStringLiteral("q.status = :status AND q.valid_until < :today"),
                  {{QStringLiteral("status"), sent}, {QStringLiteral("today"), today}});
    } else if (f.shown == Shown::One && !orders && f.quoteStatus == QuoteStatus::Sent) {
        where.add(QStringLiteral("q.status = :status AND q.valid_until >= :today"),
                  {{QStringLiteral("status"), sent}, {QStringLiteral("today"), today}});
    } else if (f.shown == Shown::One) {
        where.add(a + QStringLiteral(".status = :status"),
                  {{QStringLiteral("status"), orders ? codeOf(f.orderStatus) : codeOf(f.quoteStatus)}});
    }
    // The number and the customer's name, through the search table (schema 26).
    const sql::TextSearch search(
        db, orders ? QStringLiteral("work_order_search") : QStringLiteral("quote_search"), f.text);
    ETABLI_TRY(search.addTo(where, a + QStringLiteral(".id")));
    sql::PagedQuery query(select, from, where,
                          a + (orders ? QStringLiteral(".order_date") : QStringLiteral(".quote_date")),
                          a + QStringLiteral(".id"));
    // Every quote and order has its customer: the pager's count reads only the list's own table.
    query.countFrom(orders ? QStringLiteral("work_order o") : QStringLiteral("quote q"));
    if (f.shown == Shown::Open && f.contactId == 0)
        query.preferIndex(QStringLiteral("%1_list_%2open")
                              .arg(orders ? QStringLiteral("work_order") : QStringLiteral("quote"),
                                   f.sectionId != 0 ? QStringLiteral("section_") : QString()));
    if (!search.isEmpty() && f.sectionId == 0 && f.contactId == 0 && f.shown == Shown::All)
        query.countBy([search](int cap) { return search.count(cap); });
    return query;
}

} // namespace

Status OrderRepository::writeLines(const QString& table, const QString& key, qint64 id,
                                   const QList<InvoiceLine>& lines)
{
    return documentlines::write(m_db, table, key, id, lines);
}

Result<QList<InvoiceLine>> OrderRepository::readLines(const QString& table, const QString& key,
                                                      qint64 id) const
{
    return documentlines::read(m_db, table, key, id);
}

Result<qint64> OrderRepository::insertQuote(const Quote& quote, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("INSERT INTO quote (number, contact_id, section_id, vehicle_id, "
                                        "status, quote_date, valid_until, reference, "
                                        "notes, execution_time, total_excl_cents, total_vat_cents, "
                                        "total_incl_cents, version, created_at, updated_at) VALUES "
                                        "(:number, :contact, :section, :vehicle, :status, :date, :valid, "
                                        ":reference, :notes, :execution, :excl, :vat, :incl, 1, "
                                        ":now, :now) RETURNING id")));
    q.bind(QStringLiteral("number"), quote.number)
        .bind(QStringLiteral("contact"), quote.contactId)
        .bind(QStringLiteral("section"), idOrNull(quote.sectionId))
        .bind(QStringLiteral("vehicle"), idOrNull(quote.vehicleId))
        .bind(QStringLiteral("status"), codeOf(quote.status))
        .bind(QStringLiteral("date"), iso(quote.quoteDate))
        .bind(QStringLiteral("valid"), iso(quote.validUntil))
        .bind(QStringLiteral("reference"), quote.reference.trimmed())
        .bind(QStringLiteral("notes"), quote.notes.trimmed())
        .bind(QStringLiteral("execution"), quote.executionTime.trimmed())
        .bind(QStringLiteral("excl"), quote.totals.excl.cents())
        .bind(QStringLiteral("vat"), quote.totals.vatTotal.cents())
        .bind(QStringLiteral("incl"), quote.totals.incl.cents())
        .bind(QStringLiteral("now"), nowIso);
    auto id = q.execReturningId();
    if (!id)
        return id;
    ETABLI_TRY(writeLines(QStringLiteral("quote_line"), QStringLiteral("quote_id"), *id, quote.lines));
    return id;
}

Status OrderRepository::updateQuote(const Quote& quote, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("UPDATE quote SET contact_id = :contact, section_id = :section, "
                                          "vehicle_id = :vehicle, status = :status, "
                                          "valid_until = :valid, reference = :reference, notes = :notes, "
                                          "execution_time = :execution, "
                                          "total_excl_cents = :excl, total_vat_cents = "
                                          ":vat, total_incl_cents = :incl, version = version + 1, updated_at "
                                          "= :now WHERE id = :id AND version = "
                                          ":version"));
        !r)
        return r;
    q.bind(QStringLiteral("contact"), quote.contactId)
        .bind(QStringLiteral("section"), idOrNull(quote.sectionId))
        .bind(QStringLiteral("vehicle"), idOrNull(quote.vehicleId))
        .bind(QStringLiteral("status"), codeOf(quote.status))
        .bind(QStringLiteral("valid"), iso(quote.validUntil))
        .bind(QStringLiteral("reference"), quote.reference.trimmed())
        .bind(QStringLiteral("notes"), quote.notes.trimmed())
        .bind(QStringLiteral("execution"), quote.executionTime.trimmed())
        .bind(QStringLiteral("excl"), quote.totals.excl.cents())
        .bind(QStringLiteral("vat"), quote.totals.vatTotal.cents())
        .bind(QStringLiteral("incl"), quote.totals.incl.cents())
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), quote.id)
        .bind(QStringLiteral("version"), quote.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This quote was changed meanwhile on another computer."));
    return writeLines(QStringLiteral("quote_line"), QStringLiteral("quote_id"), quote.id, quote.lines);
}

namespace {
const QString quoteFields = QStringLiteral(
    "q.id, q.number, q.contact_id, c.name, c.first_name, c.person, q.section_id, q.vehicle_id, q.status, "
    "q.quote_date, q.valid_until, q.reference, q.notes, q.total_excl_cents, q.total_vat_cents, "
    "q.total_incl_cents, q.version, q.execution_time");
const QString quoteTables = QStringLiteral("quote q JOIN contact c ON c.id = q.contact_id");
const QString quoteColumns = QStringLiteral("SELECT ") + quoteFields + QStringLiteral(" FROM ") + quoteTables;

Quote readQuote(const SqlQuery& q)
{
    Quote o;
    sql::RowReader col(q);
    o.id = col.int64();
    o.number = col.text();
    o.contactId = col.int64();
    o.customerName = col.contactName();
    o.sectionId = col.int64();
    o.vehicleId = col.int64();
    // A code this version does not know (a newer one wrote it) keeps the quote as it is.
    o.status = col.code(QuoteStatus::Refused);
    o.quoteDate = col.date();
    o.validUntil = col.date();
    o.reference = col.text();
    o.notes = col.text();
    o.totals.excl = col.money();
    o.totals.vatTotal = col.money();
    o.totals.incl = col.money();
    o.version = col.integer();
    o.executionTime = col.text();
    return o;
}

const QString orderFields = QStringLiteral(
    "o.id, o.number, o.quote_id, o.contact_id, c.name, c.first_name, c.person, o.section_id, o.vehicle_id, "
    "o.description, o.order_date, o.due_date, o.status, o.invoice_id, i.number, o.version");
const QString orderTables = QStringLiteral(
    "work_order o JOIN contact c ON c.id = o.contact_id LEFT JOIN invoice i ON i.id = o.invoice_id");
const QString orderColumns = QStringLiteral("SELECT ") + orderFields + QStringLiteral(" FROM ") + orderTables;

WorkOrder readOrder(const SqlQuery& q)
{
    WorkOrder o;
    sql::RowReader col(q);
    o.id = col.int64();
    o.number = col.text();
    o.quoteId = col.int64();
    o.contactId = col.int64();
    o.customerName = col.contactName();
    o.sectionId = col.int64();
    o.vehicleId = col.int64();
    o.description = col.text();
    o.orderDate = col.date();
    o.dueDate = col.date();
    o.status = col.code(WorkOrderStatus::Cancelled);
    o.invoiceId = col.int64();
    o.invoiceNumber = col.text();
    o.version = col.integer();
    return o;
}
} // namespace

Result<Quote> OrderRepository::quote(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(quoteColumns + QStringLiteral(" WHERE q.id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This quote does not exist."));
    Quote o = readQuote(q);
    q.finish();
    auto lines = readLines(QStringLiteral("quote_line"), QStringLiteral("quote_id"), id);
    if (!lines)
        return std::unexpected(lines.error());
    o.lines = *lines;
    return o;
}

Result<Page<Quote>> OrderRepository::quotes(const OrderFilter& filter, const PageRequest& request) const
{
    auto query = listQuery(m_db, filter, false, quoteFields, quoteTables);
    if (!query)
        return std::unexpected(query.error());
    return query->read<Quote>(m_db, request, readQuote);
}

Result<qint64> OrderRepository::quoteId(const QString& number) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT id FROM quote WHERE number = :number")));
    q.bind(QStringLiteral("number"), number.trimmed().toUpper());
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("No quote has the number “%1”.").arg(number.trimmed()));
    return q.value(0).toLongLong();
}

Result<qint64> OrderRepository::insertOrder(const WorkOrder& o, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("INSERT INTO work_order (number, quote_id, contact_id, section_id, "
                                        "vehicle_id, description, order_date, "
                                        "due_date, status, version, created_at, updated_at) VALUES "
                                        "(:number, :quote, :contact, :section, :vehicle, "
                                        ":description, :date, :due, :status, 1, :now, :now) RETURNING id")));
    q.bind(QStringLiteral("number"), o.number)
        .bind(QStringLiteral("quote"), idOrNull(o.quoteId))
        .bind(QStringLiteral("contact"), o.contactId)
        .bind(QStringLiteral("section"), o.sectionId)
        .bind(QStringLiteral("vehicle"), idOrNull(o.vehicleId))
        .bind(QStringLiteral("description"), o.description.trimmed())
        .bind(QStringLiteral("date"), iso(o.orderDate))
        .bind(QStringLiteral("due"), isoOrNull(o.dueDate))
        .bind(QStringLiteral("status"), codeOf(o.status))
        .bind(QStringLiteral("now"), nowIso);
    auto id = q.execReturningId();
    if (!id)
        return id;
    ETABLI_TRY(writeLines(QStringLiteral("work_order_line"), QStringLiteral("order_id"), *id, o.lines));
    return id;
}

Status OrderRepository::updateOrder(const WorkOrder& o, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("UPDATE work_order SET contact_id = :contact, section_id = "
                                          ":section, vehicle_id = :vehicle, description = "
                                          ":description, due_date = :due, status = :status, invoice_id = "
                                          ":invoice, version = version + 1, updated_at = "
                                          ":now WHERE id = :id AND version = :version"));
        !r)
        return r;
    q.bind(QStringLiteral("contact"), o.contactId)
        .bind(QStringLiteral("section"), o.sectionId)
        .bind(QStringLiteral("vehicle"), idOrNull(o.vehicleId))
        .bind(QStringLiteral("description"), o.description.trimmed())
        .bind(QStringLiteral("due"), isoOrNull(o.dueDate))
        .bind(QStringLiteral("status"), codeOf(o.status))
        .bind(QStringLiteral("invoice"), idOrNull(o.invoiceId))
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), o.id)
        .bind(QStringLiteral("version"), o.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This work order was changed meanwhile on another computer."));
    return writeLines(QStringLiteral("work_order_line"), QStringLiteral("order_id"), o.id, o.lines);
}

Result<WorkOrder> OrderRepository::order(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(orderColumns + QStringLiteral(" WHERE o.id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This work order does not exist."));
    WorkOrder o = readOrder(q);
    q.finish();
    auto lines = readLines(QStringLiteral("work_order_line"), QStringLiteral("order_id"), id);
    if (!lines)
        return std::unexpected(lines.error());
    o.lines = *lines;
    return o;
}

Result<Page<WorkOrder>> OrderRepository::orders(const OrderFilter& filter, const PageRequest& request) const
{
    auto query = listQuery(m_db, filter, true, orderFields, orderTables);
    if (!query)
        return std::unexpected(query.error());
    return query->read<WorkOrder>(m_db, request, readOrder);
}

Result<qint64> OrderRepository::countOrders(const OrderFilter& filter, int cap) const
{
    auto query = listQuery(m_db, filter, true, orderFields, orderTables);
    if (!query)
        return std::unexpected(query.error());
    return query->count(m_db, cap);
}

Result<qint64> OrderRepository::countQuotes(const OrderFilter& filter, int cap) const
{
    auto query = listQuery(m_db, filter, false, quoteFields, quoteTables);
    if (!query)
        return std::unexpected(query.error());
    return query->count(m_db, cap);
}

Result<QDate> OrderRepository::lastWorkDay(qint64 orderId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT MAX(day) FROM production_entry WHERE order_id = :id")));
    q.bind(QStringLiteral("id"), orderId);
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return QDate::fromString(v->toString(), Qt::ISODate);
}

Result<OrderCosting> OrderRepository::costing(qint64 orderId) const
{
    OrderCosting c;
    SqlQuery t(m_db);
    ETABLI_TRY(t.prepare(QStringLiteral(
        "SELECT pt.trainee_id, tr.last_name, tr.first_name, SUM(pt.minutes) FROM production_entry e JOIN "
        "production_trainee pt ON pt.entry_id = e.id JOIN trainee tr ON tr.id = pt.trainee_id WHERE "
        "e.order_id = "
        ":id GROUP BY pt.trainee_id, tr.sort_key, tr.last_name, tr.first_name ORDER BY tr.sort_key, "
        "pt.trainee_id")));
    t.bind(QStringLiteral("id"), orderId);
    ETABLI_TRY(t.exec());
    while (t.next()) {
        OrderCosting::TraineeTime tt{t.value(0).toLongLong(),
                                     t.value(2).toString().isEmpty()
                                         ? t.value(1).toString()
                                         : t.value(1).toString() + QLatin1Char(' ') + t.value(2).toString(),
                                     t.value(3).toLongLong()};
        c.minutes += tt.minutes;
        c.trainees << tt;
    }
    SqlQuery e(m_db);
    ETABLI_TRY(
        e.prepare(QStringLiteral("SELECT (SELECT COUNT(*) FROM production_entry WHERE order_id = :id), "
                                 "(SELECT COALESCE(SUM((m.quantity_thousandths "
                                 "* m.unit_cost_cents + 500) / 1000), 0) FROM production_material m JOIN "
                                 "production_entry pe ON pe.id = "
                                 "m.entry_id WHERE pe.order_id = :id2), (SELECT hourly_cost_cents FROM "
                                 "school), (SELECT i.total_excl_cents "
                                 "FROM work_order o JOIN invoice i ON i.id = o.invoice_id WHERE o.id = "
                                 ":id3), (SELECT COALESCE(SUM("
                                 "total_excl_cents), 0) FROM work_order_line WHERE order_id = :id4)")));
    e.bind(QStringLiteral("id"), orderId)
        .bind(QStringLiteral("id2"), orderId)
        .bind(QStringLiteral("id3"), orderId)
        .bind(QStringLiteral("id4"), orderId);
    ETABLI_TRY(e.exec());
    if (e.next()) {
        c.entries = e.value(0).toInt();
        c.materials = Money::fromCents(e.value(1).toLongLong());
        c.hourlyCost = Money::fromCents(e.value(2).toLongLong());
        c.invoiced =
            Money::fromCents(e.value(3).isNull() ? e.value(4).toLongLong() : e.value(3).toLongLong());
    }
    c.labour = Money::fromCents((c.minutes * c.hourlyCost.cents() + 30) / 60);
    return c;
}

} // namespace etabli
