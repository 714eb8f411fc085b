#include "storage/salesbulkwriter.h"

#include "storage/database.h"
#include "storage/invoicerepository.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"

namespace etabli {

namespace {

using sql::idOrNull;
using sql::isoOrNull;

} // namespace

SalesBulkWriter::SalesBulkWriter(Database& db) : m_db(db) {}

SalesBulkWriter::~SalesBulkWriter() = default;

Status SalesBulkWriter::prepare()
{
    SqlQuery counters(m_db);
    if (auto r = counters.exec(QStringLiteral("SELECT series, year, last_number FROM document_counter")); !r)
        return r;
    while (counters.next())
        m_counters.insert({counters.value(0).toString(), counters.value(1).toInt()},
                          counters.value(2).toInt());
    SqlQuery tips(m_db);
    if (auto r = tips.exec(QStringLiteral("SELECT (SELECT hash FROM invoice WHERE chain_position = (SELECT "
                                          "MAX(chain_position) FROM invoice)), (SELECT "
                                          "hash FROM payment WHERE id = (SELECT MAX(id) FROM payment))"));
        !r)
        return r;
    if (tips.next()) {
        m_invoiceTip = tips.value(0).toString();
        m_paymentTip = tips.value(1).toString();
    }
    m_draft = std::make_unique<SqlQuery>(m_db);
    m_invoiceLine = std::make_unique<SqlQuery>(m_db);
    m_issue = std::make_unique<SqlQuery>(m_db);
    m_order = std::make_unique<SqlQuery>(m_db);
    m_orderLine = std::make_unique<SqlQuery>(m_db);
    m_payment = std::make_unique<SqlQuery>(m_db);
    m_deposit = std::make_unique<SqlQuery>(m_db);
    m_depositItem = std::make_unique<SqlQuery>(m_db);
    if (auto r = m_deposit->prepare(QStringLiteral("INSERT INTO cheque_deposit (day, created_by, created_at) "
                                                   "VALUES (:day, :by, :now) RETURNING id"));
        !r)
        return r;
    if (auto r = m_depositItem->prepare(QStringLiteral(
            "INSERT INTO cheque_deposit_item (deposit_id, payment_id) VALUES (:deposit, :payment)"));
        !r)
        return r;
    if (auto r = m_draft->prepare(QStringLiteral("INSERT INTO invoice (kind, status, contact_id, "
                                                 "credited_invoice_id, due_date, vat_regime, payment_terms, "
                                                 "reference, notes, total_excl_cents, total_vat_cents, "
                                                 "total_incl_cents, version, created_at, updated_at, "
                                                 "list_date) VALUES ('invoice', 'draft', :contact, NULL, "
                                                 ":due, :regime, :terms, :reference, '', :excl, :vat, :incl, "
                                                 "1, :now, :now, :list_date) RETURNING id"));
        !r)
        return r;
    const QString lineColumns = QStringLiteral(
        "(%1, position, catalogue_item_id, label, quantity_thousandths, unit, unit_price_cents, vat_rate_bp, "
        "vat_exemption, total_excl_cents) VALUES (:id, :position, :item, :label, :quantity, :unit, :price, "
        ":vat, "
        ":exemption, :total)");
    if (auto r = m_invoiceLine->prepare(QStringLiteral("INSERT INTO invoice_line ") +
                                        lineColumns.arg(QStringLiteral("invoice_id")));
        !r)
        return r;
    if (auto r = m_orderLine->prepare(QStringLiteral("INSERT INTO work_order_line ") +
                                      lineColumns.arg(QStringLiteral("order_id")));
        !r)
        return r;
    if (auto r = m_issue->prepare(InvoiceRepository::issueSql()); !r)
        return r;
    if (auto r = m_order->prepare(QStringLiteral(
            "INSERT INTO work_order (number, quote_id, contact_id, section_id, vehicle_id, description, "
            "order_date, "
            "due_date, status, invoice_id, version, created_at, updated_at) VALUES (:number, NULL, :contact, "
            ":section, "
            "NULL, :description, :date, :due, :status, :invoice, 1, :now, :now) RETURNING id"));
        !r)
        return r;
    return m_payment->prepare(QStringLiteral("INSERT INTO payment (invoice_id, day, method, amount_cents, "
                                             "bank, cheque_number, reverses_payment_id, reason, "
                                             "recorded_at, recorded_by, prev_hash, hash, hash_version) "
                                             "VALUES (:invoice, :day, :method, :amount, :bank, "
                                             ":cheque, NULL, '', :now, :by, :prev, :hash, 2) RETURNING id"));
}

int SalesBulkWriter::take(const QString& series, int year)
{
    return ++m_counters[{series, year}];
}

Status SalesBulkWriter::writeLines(SqlQuery& q, qint64 id, const QList<InvoiceLine>& lines)
{
    for (int i = 0; i < lines.size(); ++i) {
        const InvoiceLine& l = lines.at(i);
        q.bind(QStringLiteral("id"), id)
            .bind(QStringLiteral("position"), i + 1)
            .bind(QStringLiteral("item"), idOrNull(l.catalogueItemId))
            .bind(QStringLiteral("label"), l.label)
            .bind(QStringLiteral("quantity"), l.quantityThousandths)
            .bind(QStringLiteral("unit"), codeOf(l.unit))
            .bind(QStringLiteral("price"), l.unitPrice.cents())
            .bind(QStringLiteral("vat"), l.vatRateBp)
            .bind(QStringLiteral("exemption"), l.vatExemption)
            .bind(QStringLiteral("total"), l.total().cents());
        if (auto r = q.exec(); !r)
            return r;
    }
    return {};
}

Status SalesBulkWriter::issue(Invoice& inv, const QString& nowIso)
{
    inv.kind = InvoiceKind::Invoice;
    m_draft->bind(QStringLiteral("contact"), inv.contactId)
        .bind(QStringLiteral("due"), isoOrNull(inv.dueDate))
        .bind(QStringLiteral("regime"), codeOf(inv.vatRegime))
        .bind(QStringLiteral("terms"), inv.paymentTerms)
        .bind(QStringLiteral("reference"), inv.reference)
        .bind(QStringLiteral("excl"), inv.totals.excl.cents())
        .bind(QStringLiteral("vat"), inv.totals.vatTotal.cents())
        .bind(QStringLiteral("incl"), inv.totals.incl.cents())
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("list_date"), InvoiceRepository::draftListDate(nowIso));
    auto id = m_draft->execReturningId();
    if (!id)
        return std::unexpected(id.error());
    inv.id = *id;
    inv.version = 1;
    if (auto r = writeLines(*m_invoiceLine, inv.id, inv.lines); !r)
        return r;
    const int year = inv.issueDate.year();
    const int sequence = take(QStringLiteral("F"), year);
    const int position = take(QStringLiteral("chain"), 0);
    inv.status = InvoiceStatus::Issued;
    inv.number = QStringLiteral("F%1-%2").arg(year).arg(sequence, 4, 10, QLatin1Char('0'));
    inv.issuedAt = nowIso;
    inv.hashVersion = Invoice::CurrentHashVersion;
    inv.prevHash = m_invoiceTip;
    inv.hash = invoiceHash(inv, inv.prevHash);
    InvoiceRepository::bindIssue(*m_issue, inv, year, sequence, position);
    if (auto r = m_issue->exec(); !r)
        return r;
    inv.version = 2;
    m_invoiceTip = inv.hash;
    return {};
}

void SalesBulkWriter::numberOrder(WorkOrder& o)
{
    o.number = QStringLiteral("BT%1-%2")
                   .arg(o.orderDate.year())
                   .arg(take(QStringLiteral("BT"), o.orderDate.year()), 4, 10, QLatin1Char('0'));
}

Status SalesBulkWriter::insertOrder(WorkOrder& o, const QString& nowIso)
{
    if (o.number.isEmpty())
        numberOrder(o);
    m_order->bind(QStringLiteral("number"), o.number)
        .bind(QStringLiteral("contact"), o.contactId)
        .bind(QStringLiteral("section"), o.sectionId)
        .bind(QStringLiteral("description"), o.description)
        .bind(QStringLiteral("date"), o.orderDate.toString(Qt::ISODate))
        .bind(QStringLiteral("due"), isoOrNull(o.dueDate))
        .bind(QStringLiteral("status"), codeOf(o.status))
        .bind(QStringLiteral("invoice"), idOrNull(o.invoiceId))
        .bind(QStringLiteral("now"), nowIso);
    auto id = m_order->execReturningId();
    if (!id)
        return std::unexpected(id.error());
    o.id = *id;
    return writeLines(*m_orderLine, o.id, o.lines);
}

Status SalesBulkWriter::insertPayment(Payment& p, const QString& nowIso)
{
    p.recordedAt = nowIso;
    p.hashVersion = 2;
    take(QStringLiteral("payment-chain"), 0);
    p.hash = paymentHash(p, m_paymentTip);
    m_payment->bind(QStringLiteral("invoice"), p.invoiceId)
        .bind(QStringLiteral("day"), p.day.toString(Qt::ISODate))
        .bind(QStringLiteral("method"), codeOf(p.method))
        .bind(QStringLiteral("amount"), p.amount.cents())
        .bind(QStringLiteral("bank"), p.bank)
        .bind(QStringLiteral("cheque"), p.chequeNumber)
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("by"), p.recordedBy)
        .bind(QStringLiteral("prev"), m_paymentTip)
        .bind(QStringLiteral("hash"), p.hash);
    auto id = m_payment->execReturningId();
    if (!id)
        return std::unexpected(id.error());
    p.id = *id;
    m_paymentTip = p.hash;
    return {};
}

Status SalesBulkWriter::insertDeposit(const QDate& day, const QList<qint64>& paymentIds, const QString& by,
                                      const QString& nowIso)
{
    m_deposit->bind(QStringLiteral("day"), day.toString(Qt::ISODate))
        .bind(QStringLiteral("by"), by)
        .bind(QStringLiteral("now"), nowIso);
    auto id = m_deposit->execReturningId();
    if (!id)
        return std::unexpected(id.error());
    for (qint64 p : paymentIds) {
        m_depositItem->bind(QStringLiteral("deposit"), *id).bind(QStringLiteral("payment"), p);
        if (auto r = m_depositItem->exec(); !r)
            return r;
    }
    return {};
}

Status SalesBulkWriter::finish()
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("INSERT INTO document_counter (series, year, last_number) VALUES "
                                          "(:series, :year, :last) ON CONFLICT (series, "
                                          "year) DO UPDATE SET last_number = excluded.last_number"));
        !r)
        return r;
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it) {
        q.bind(QStringLiteral("series"), it.key().first).bind(QStringLiteral("year"), it.key().second);
        q.bind(QStringLiteral("last"), it.value());
        if (auto r = q.exec(); !r)
            return r;
    }
    return {};
}

} // namespace etabli
