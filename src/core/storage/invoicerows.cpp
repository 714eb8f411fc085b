#include "storage/invoicerows.h"

#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"

namespace etabli::invoicerows {

const QString& columns()
{
    static const QString text = QStringLiteral(
        "SELECT i.id, i.kind, i.status, i.number, i.contact_id, i.credited_invoice_id, i.issue_date, "
        "i.due_date, "
        "i.customer_name, i.customer_address, i.customer_siret, i.professional, i.vat_regime, i.vat_mention, "
        "i.payment_terms, i.reference, i.notes, i.total_excl_cents, i.total_vat_cents, i.total_incl_cents, "
        "i.prev_hash, "
        "i.hash, i.issued_by, i.version, (SELECT cr.number FROM invoice cr WHERE cr.id = "
        "i.credited_invoice_id), "
        "i.seller, i.customer_kind, i.operations, i.service_from, i.service_to, i.buyer_reference, "
        "i.delivery_address, "
        "i.chorus_engagement, i.chorus_service, i.mentions, i.hash_version, i.issued_at FROM invoice i");
    return text;
}

Invoice read(const SqlQuery& q, bool withSeller)
{
    Invoice i;
    sql::RowReader col(q);
    i.id = col.int64();
    i.kind = col.code(InvoiceKind::Invoice);
    i.status = col.code(InvoiceStatus::Draft);
    i.number = col.text();
    i.contactId = col.int64();
    i.creditedInvoiceId = col.int64();
    i.issueDate = col.date();
    i.dueDate = col.date();
    i.customerName = col.text();
    i.customerAddress = col.text();
    i.customerSiret = col.text();
    i.professional = col.flag();
    i.vatRegime = col.code(VatRegime::Franchise);
    i.vatMention = col.text();
    i.paymentTerms = col.text();
    i.reference = col.text();
    i.notes = col.text();
    i.totals.excl = col.money();
    i.totals.vatTotal = col.money();
    i.totals.incl = col.money();
    i.prevHash = col.text();
    i.hash = col.text();
    i.issuedBy = col.text();
    i.version = col.integer();
    i.creditedNumber = col.text();
    const QByteArray seller = col.text().toUtf8();
    i.customerKind = col.code<CustomerKind>();
    i.operations = operationsFromCode(col.text());
    i.serviceFrom = col.date();
    i.serviceTo = col.date();
    i.buyerReference = col.text();
    i.deliveryAddress = col.text();
    i.chorusEngagement = col.text();
    i.chorusService = col.text();
    const QString mentions = col.text();
    i.hashVersion = col.integer();
    i.issuedAt = col.text();
    if (withSeller && !seller.isEmpty())
        i.seller = SchoolIdentity::fromSellerJson(seller);
    if (!mentions.isEmpty())
        i.mentions = mentions.split(QLatin1Char('\n'));
    return i;
}

void withLines(Invoice& i, QList<InvoiceLine> lines)
{
    const InvoiceTotals stored = i.totals;
    i.lines = std::move(lines);
    i.totals = InvoiceTotals::compute(i.lines, i.vatRegime);
    if (i.isIssued()) {
        i.totals.excl = stored.excl;
        i.totals.vatTotal = stored.vatTotal;
        i.totals.incl = stored.incl;
    }
}

const QString& paymentColumns()
{
    static const QString text = QStringLiteral(
        "SELECT id, invoice_id, day, method, amount_cents, bank, cheque_number, reverses_payment_id, reason, "
        "recorded_by, hash, prev_hash, recorded_at, hash_version FROM payment");
    return text;
}

Payment readPayment(const SqlQuery& q)
{
    Payment p;
    sql::RowReader col(q);
    p.id = col.int64();
    p.invoiceId = col.int64();
    p.day = col.date();
    p.method = col.code(PaymentMethod::Cheque);
    p.amount = col.money();
    p.bank = col.text();
    p.chequeNumber = col.text();
    p.reversesPaymentId = col.int64();
    p.reason = col.text();
    p.recordedBy = col.text();
    p.hash = col.text();
    col.skip();
    p.recordedAt = col.text();
    p.hashVersion = col.integer();
    return p;
}

const QString& receivableColumns()
{
    static const QString sql = QStringLiteral(
        "SELECT i.id, i.number, i.contact_id, i.customer_name, i.issue_date, i.due_date, i.total_incl_cents, "
        "b.due_cents FROM invoice_balance b JOIN invoice i ON i.id = b.invoice_id ");
    return sql;
}

Receivable readReceivable(const SqlQuery& q, const QDate& asOf)
{
    Receivable r;
    sql::RowReader col(q);
    r.invoiceId = col.int64();
    r.number = col.text();
    r.contactId = col.int64();
    r.customer = col.text();
    r.issueDate = col.date();
    r.dueDate = col.date();
    r.total = col.money();
    r.due = col.money();
    r.daysLate = r.dueDate.isValid() && asOf.isValid() ? static_cast<int>(r.dueDate.daysTo(asOf)) : 0;
    return r;
}

} // namespace etabli::invoicerows
