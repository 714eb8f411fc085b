#include "storage/invoicerepository.h"

#include "storage/database.h"
#include "storage/documentlines.h"
#include "storage/invoicerows.h"
#include "storage/pagedquery.h"
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

// The invoices' list: newest first by issue date (drafts by their creation
// day), the column list_date, read a page at a time through the matching
// index (schemas 25 and 27).
const QString listDate = QStringLiteral("i.list_date");

Result<sql::PagedQuery> listQuery(const Database& db, const InvoiceFilter& f)
{
    sql::Where where;
    if (f.status)
        where.add(QStringLiteral("i.status = :status"), {{QStringLiteral("status"), codeOf(*f.status)}});
    if (f.kind)
        where.add(QStringLiteral("i.kind = :kind"), {{QStringLiteral("kind"), codeOf(*f.kind)}});
    if (f.contactId != 0)
        where.add(QStringLiteral("i.contact_id = :contact"), {{QStringLiteral("contact"), f.contactId}});
    // The number and the customer's name, through the search table (schema 26).
    const sql::TextSearch search(db, QStringLiteral("invoice_search"), f.text);
    ETABLI_TRY(search.addTo(where, QStringLiteral("i.id")));
    // The unpaid ones are read from their balance's index (issue date, invoice).
    const QString key = f.unpaidOnly ? QStringLiteral("b.issue_date") : listDate;
    if (f.from.isValid())
        where.add(key + QStringLiteral(" >= :from"), {{QStringLiteral("from"), iso(f.from)}});
    if (f.to.isValid())
        where.add(key + QStringLiteral(" <= :to"), {{QStringLiteral("to"), iso(f.to)}});
    if (f.unpaidOnly)
        where.add(QStringLiteral("b.due_cents > 0"));
    const QString from =
        f.unpaidOnly
            ? QStringLiteral("invoice_balance b JOIN invoice i ON i.id = b.invoice_id JOIN contact c ON "
                             "c.id = i.contact_id")
            : QStringLiteral("invoice i JOIN contact c ON c.id = i.contact_id LEFT JOIN invoice_balance "
                             "b ON b.invoice_id = i.id");
    sql::PagedQuery query(QStringLiteral("i.id, i.kind, i.status, i.number, i.issue_date, i.due_date, "
                                         "i.customer_name, c.name, c.first_name, c.person, "
                                         "i.total_incl_cents, b.due_cents, i.list_date"),
                          from, where, key,
                          f.unpaidOnly ? QStringLiteral("b.invoice_id") : QStringLiteral("i.id"));
    // Every invoice has its customer, every balance its invoice: the pager's
    // count reads only the table its conditions read.
    if (!f.unpaidOnly)
        query.countFrom(QStringLiteral("invoice i"));
    else if (!f.status && !f.kind && f.contactId == 0 && search.isEmpty())
        query.countFrom(QStringLiteral("invoice_balance b"));
    const bool searchAlone =
        !f.status && !f.kind && f.contactId == 0 && !f.unpaidOnly && !f.from.isValid() && !f.to.isValid();
    if (!search.isEmpty() && searchAlone)
        query.countBy([search](int cap) { return search.count(cap); });
    return query;
}

InvoiceRow invoiceRowFrom(const SqlQuery& q)
{
    InvoiceRow row;
    row.id = q.value(QStringLiteral("id")).toLongLong();
    row.kind = fromCode(q.value(QStringLiteral("kind")).toString(), InvoiceKind::Invoice);
    row.status = fromCode(q.value(QStringLiteral("status")).toString(), InvoiceStatus::Draft);
    row.number = q.value(QStringLiteral("number")).toString();
    row.issueDate = fromIso(q.value(QStringLiteral("issue_date")));
    row.listDay = fromIso(q.value(QStringLiteral("list_date")));
    row.dueDate = fromIso(q.value(QStringLiteral("due_date")));
    row.customer = q.value(QStringLiteral("customer_name")).toString();
    if (row.customer.isEmpty()) {
        row.customer = contactDisplayName(q.value(QStringLiteral("name")).toString(),
                                          q.value(QStringLiteral("first_name")).toString(),
                                          q.value(QStringLiteral("person")).toInt() != 0);
    }
    row.total = Money::fromCents(q.value(QStringLiteral("total_incl_cents")).toLongLong());
    // Only issued invoices have a balance (credit notes and drafts: none).
    row.due = Money::fromCents(q.value(QStringLiteral("due_cents")).toLongLong());
    return row;
}

// The fields a draft keeps, bound by name (insertDraft and updateDraft).
void bindDraftFields(SqlQuery& q, const Invoice& inv)
{
    q.bind(QStringLiteral("contact"), inv.contactId)
        .bind(QStringLiteral("due"), isoOrNull(inv.dueDate))
        .bind(QStringLiteral("regime"), codeOf(inv.vatRegime))
        .bind(QStringLiteral("terms"), inv.paymentTerms.trimmed())
        .bind(QStringLiteral("reference"), inv.reference.trimmed())
        .bind(QStringLiteral("buyer_reference"), inv.buyerReference.trimmed())
        .bind(QStringLiteral("delivery"), inv.deliveryAddress.trimmed())
        .bind(QStringLiteral("operations"), operationsCode(inv.operations))
        .bind(QStringLiteral("service_from"), isoOrNull(inv.serviceFrom))
        .bind(QStringLiteral("service_to"), isoOrNull(inv.serviceTo))
        .bind(QStringLiteral("engagement"), inv.chorusEngagement.trimmed())
        .bind(QStringLiteral("service"), inv.chorusService.trimmed())
        .bind(QStringLiteral("notes"), inv.notes.trimmed())
        .bind(QStringLiteral("excl"), inv.totals.excl.cents())
        .bind(QStringLiteral("vat"), inv.totals.vatTotal.cents())
        .bind(QStringLiteral("incl"), inv.totals.incl.cents());
}

} // namespace

Status InvoiceRepository::writeLines(qint64 invoiceId, const QList<InvoiceLine>& lines)
{
    return documentlines::write(m_db, QStringLiteral("invoice_line"), QStringLiteral("invoice_id"), invoiceId,
                                lines);
}

Result<qint64> InvoiceRepository::insertDraft(const Invoice& inv, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "INSERT INTO invoice (kind, status, contact_id, credited_invoice_id, due_date, vat_regime, "
        "payment_terms, "
        "reference, buyer_reference, delivery_address, operations, service_from, service_to, "
        "chorus_engagement, "
        "chorus_service, notes, total_excl_cents, total_vat_cents, total_incl_cents, version, "
        "created_at, updated_at, list_date) VALUES (:kind, 'draft', :contact, :credited, :due, :regime, "
        ":terms, :reference, :buyer_reference, :delivery, :operations, :service_from, :service_to, "
        ":engagement, :service, :notes, :excl, :vat, :incl, 1, :now, :now, :list_date) RETURNING id")));
    bindDraftFields(q, inv);
    q.bind(QStringLiteral("kind"), codeOf(inv.kind))
        .bind(QStringLiteral("credited"), idOrNull(inv.creditedInvoiceId))
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("list_date"), draftListDate(nowIso));
    auto id = q.execReturningId();
    if (!id)
        return id;
    ETABLI_TRY(writeLines(*id, inv.lines));
    return id;
}

Status InvoiceRepository::updateDraft(const Invoice& inv, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "UPDATE invoice SET contact_id = :contact, due_date = :due, vat_regime = :regime, payment_terms "
            "= :terms, "
            "reference = :reference, buyer_reference = :buyer_reference, delivery_address = :delivery, "
            "operations = "
            ":operations, service_from = :service_from, service_to = :service_to, chorus_engagement = "
            ":engagement, "
            "chorus_service = :service, notes = :notes, total_excl_cents = :excl, total_vat_cents = :vat, "
            "total_incl_cents = :incl, version = version + 1, updated_at = :now WHERE id = :id AND version = "
            ":version "
            "AND status = 'draft'"));
        !r)
        return r;
    bindDraftFields(q, inv);
    q.bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), inv.id)
        .bind(QStringLiteral("version"), inv.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This invoice was changed meanwhile on another computer."));
    return writeLines(inv.id, inv.lines);
}

Status InvoiceRepository::deleteDraft(qint64 id)
{
    if (auto r = writeLines(id, {}); !r)
        return r;
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("DELETE FROM invoice WHERE id = :id AND status = 'draft'")); !r)
        return r;
    q.bind(QStringLiteral("id"), id);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::NotFound, tr("This draft no longer exists."));
    return {};
}

Result<Invoice> InvoiceRepository::read(const QString& where, const QVariant& value) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(invoicerows::columns() + QStringLiteral(" WHERE ") + where));
    q.bind(QStringLiteral("value"), value);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This invoice does not exist."));
    Invoice i = invoicerows::read(q);
    q.finish();
    auto lines =
        documentlines::read(m_db, QStringLiteral("invoice_line"), QStringLiteral("invoice_id"), i.id);
    if (!lines)
        return std::unexpected(lines.error());
    invoicerows::withLines(i, *lines);
    return i;
}

Result<Invoice> InvoiceRepository::get(qint64 id) const
{
    return read(QStringLiteral("i.id = :value"), id);
}

Result<Invoice> InvoiceRepository::getByNumber(const QString& number) const
{
    return read(QStringLiteral("i.number = :value"), number.trimmed().toUpper());
}

Result<Page<InvoiceRow>> InvoiceRepository::page(const InvoiceFilter& filter,
                                                 const PageRequest& request) const
{
    auto query = listQuery(m_db, filter);
    if (!query)
        return std::unexpected(query.error());
    return query->read<InvoiceRow>(m_db, request, invoiceRowFrom);
}

Result<qint64> InvoiceRepository::count(const InvoiceFilter& filter, int cap) const
{
    auto query = listQuery(m_db, filter);
    if (!query)
        return std::unexpected(query.error());
    return query->count(m_db, cap);
}

Result<int> InvoiceRepository::takeNumber(const QString& series, int year)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "INSERT INTO document_counter (series, year, last_number) VALUES (:series, :year, 1) "
        "ON CONFLICT (series, year) DO UPDATE SET last_number = document_counter.last_number + 1 "
        "RETURNING last_number")));
    q.bind(QStringLiteral("series"), series).bind(QStringLiteral("year"), year);
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return v->toInt();
}

Result<InvoiceRepository::ChainTip> InvoiceRepository::chainTip() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.exec(QStringLiteral("SELECT chain_position, hash, issue_date FROM invoice WHERE chain_position = "
                              "(SELECT MAX(chain_position) FROM invoice)")));
    ChainTip tip;
    if (q.next()) {
        tip.position = q.value(0).toInt();
        tip.hash = q.value(1).toString();
        tip.issueDate = fromIso(q.value(2));
    }
    q.finish();
    return tip;
}

Result<QDate> InvoiceRepository::lastIssueDate(InvoiceKind kind, int year) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT MAX(issue_date) FROM invoice WHERE status = 'issued' AND kind = "
                                 ":kind AND series_year = :year")));
    q.bind(QStringLiteral("kind"), codeOf(kind)).bind(QStringLiteral("year"), year);
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return fromIso(*v);
}

QString InvoiceRepository::issueSql()
{
    return QStringLiteral(
        "UPDATE invoice SET status = 'issued', number = :number, series_year = :year, sequence = :sequence, "
        "chain_position = :position, issue_date = :issue, list_date = :issue, due_date = :due, customer_name "
        "= :name, "
        "customer_address = :address, customer_siret = :siret, customer_kind = :customer_kind, professional "
        "= "
        ":professional, vat_regime = :regime, vat_mention = :mention, payment_terms = :terms, operations = "
        ":operations, service_from = :service_from, service_to = :service_to, seller = :seller, mentions = "
        ":mentions, "
        "total_excl_cents = :excl, total_vat_cents = :vat, total_incl_cents = :incl, prev_hash = :prev, hash "
        "= :hash, "
        "hash_version = :hash_version, issued_at = :now, issued_by = :by, version = version + 1, updated_at "
        "= :now "
        "WHERE id = :id AND version = :version AND status = 'draft'");
}

void InvoiceRepository::bindIssue(SqlQuery& q, const Invoice& i, int year, int sequence, int chainPosition)
{
    q.bind(QStringLiteral("number"), i.number)
        .bind(QStringLiteral("year"), year)
        .bind(QStringLiteral("sequence"), sequence)
        .bind(QStringLiteral("position"), chainPosition)
        .bind(QStringLiteral("issue"), iso(i.issueDate))
        .bind(QStringLiteral("due"), isoOrNull(i.dueDate))
        .bind(QStringLiteral("name"), i.customerName)
        .bind(QStringLiteral("address"), i.customerAddress)
        .bind(QStringLiteral("siret"), i.customerSiret)
        .bind(QStringLiteral("customer_kind"), codeOf(i.customerKind))
        .bind(QStringLiteral("professional"), i.professional ? 1 : 0)
        .bind(QStringLiteral("regime"), codeOf(i.vatRegime))
        .bind(QStringLiteral("mention"), i.vatMention)
        .bind(QStringLiteral("terms"), i.paymentTerms)
        .bind(QStringLiteral("operations"), operationsCode(i.operations))
        .bind(QStringLiteral("service_from"), isoOrNull(i.serviceFrom))
        .bind(QStringLiteral("service_to"), isoOrNull(i.serviceTo))
        .bind(QStringLiteral("seller"), QString::fromUtf8(i.seller.sellerJson()))
        .bind(QStringLiteral("mentions"), i.mentions.join(QLatin1Char('\n')))
        .bind(QStringLiteral("excl"), i.totals.excl.cents())
        .bind(QStringLiteral("vat"), i.totals.vatTotal.cents())
        .bind(QStringLiteral("incl"), i.totals.incl.cents())
        .bind(QStringLiteral("prev"), i.prevHash)
        .bind(QStringLiteral("hash"), i.hash)
        .bind(QStringLiteral("hash_version"), i.hashVersion)
        .bind(QStringLiteral("now"), i.issuedAt)
        .bind(QStringLiteral("by"), i.issuedBy)
        .bind(QStringLiteral("id"), i.id)
        .bind(QStringLiteral("version"), i.version);
}

Status InvoiceRepository::markIssued(const Invoice& i, int year, int sequence, int chainPosition)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(issueSql()); !r)
        return r;
    bindIssue(q, i, year, sequence, chainPosition);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This invoice was changed or issued meanwhile on another computer."));
    return {};
}

Result<InvoiceRepository::Turnover> InvoiceRepository::turnover(int year) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT COALESCE(SUM(CASE WHEN operations = 'goods' THEN total_excl_cents ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN operations = 'goods' THEN 0 ELSE total_excl_cents END), 0) FROM invoice "
        "WHERE status = 'issued' AND issue_date BETWEEN :from AND :to")));
    q.bind(QStringLiteral("from"), iso(QDate(year, 1, 1)))
        .bind(QStringLiteral("to"), iso(QDate(year, 12, 31)));
    ETABLI_TRY(q.exec());
    Turnover t;
    if (q.next()) {
        t.goods = Money::fromCents(q.value(0).toLongLong());
        t.services = Money::fromCents(q.value(1).toLongLong());
    }
    return t;
}

Result<qint64> InvoiceRepository::recordPrint(const QString& document, qint64 documentId, const QString& by,
                                              const QString& nowIso)
{
    SqlQuery count(m_db);
    ETABLI_TRY(count.prepare(QStringLiteral(
        "SELECT COUNT(*) FROM document_print WHERE document = :document AND document_id = :id")));
    count.bind(QStringLiteral("document"), document).bind(QStringLiteral("id"), documentId);
    auto before = count.execScalar();
    if (!before)
        return std::unexpected(before.error());
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("INSERT INTO document_print (document, document_id, printed_at, printed_by) "
                                 "VALUES (:document, :id, :now, :by)")));
    q.bind(QStringLiteral("document"), document)
        .bind(QStringLiteral("id"), documentId)
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("by"), by);
    ETABLI_TRY(q.exec());
    return before->toLongLong();
}

} // namespace etabli
