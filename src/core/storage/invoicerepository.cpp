#include "storage/invoicerepository.h"

#include "storage/database.h"
#include "storage/documentlines.h"
#include "storage/pagedquery.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"
#include "storage/textsearch.h"
#include "util/text.h"

#include <deque>
#include <future>
#include <QHash>
#include <QScopeGuard>

namespace etabli {

namespace {

using sql::idOrNull;
using sql::isoOrNull;

using sql::fromIso;
using sql::iso;

// What is still due on an issued invoice, in SQL (alias i).
const QString creditedSql = QStringLiteral(
    "(SELECT COALESCE(SUM(-cr.total_incl_cents), 0) FROM invoice cr WHERE cr.credited_invoice_id = i.id AND "
    "cr.status = 'issued')");
const QString paidSql =
    QStringLiteral("(SELECT COALESCE(SUM(p.amount_cents), 0) FROM payment p WHERE p.invoice_id = i.id)");

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
                                         "i.total_incl_cents, b.due_cents"),
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
    row.dueDate = fromIso(q.value(QStringLiteral("due_date")));
    row.customer = q.value(QStringLiteral("customer_name")).toString();
    if (row.customer.isEmpty()) {
        const QString name = q.value(QStringLiteral("name")).toString();
        const QString firstName = q.value(QStringLiteral("first_name")).toString();
        row.customer = q.value(QStringLiteral("person")).toInt() != 0 && !firstName.isEmpty()
                           ? name + QLatin1Char(' ') + firstName
                           : name;
    }
    row.total = Money::fromCents(q.value(QStringLiteral("total_incl_cents")).toLongLong());
    // Only issued invoices have a balance (credit notes and drafts: none).
    row.due = Money::fromCents(q.value(QStringLiteral("due_cents")).toLongLong());
    return row;
}

const QString invoiceColumns = QStringLiteral(
    "SELECT i.id, i.kind, i.status, i.number, i.contact_id, i.credited_invoice_id, i.issue_date, i.due_date, "
    "i.customer_name, i.customer_address, i.customer_siret, i.professional, i.vat_regime, i.vat_mention, "
    "i.payment_terms, i.reference, i.notes, i.total_excl_cents, i.total_vat_cents, i.total_incl_cents, "
    "i.prev_hash, "
    "i.hash, i.issued_by, i.version, (SELECT cr.number FROM invoice cr WHERE cr.id = i.credited_invoice_id), "
    "i.seller, i.customer_kind, i.operations, i.service_from, i.service_to, i.buyer_reference, "
    "i.delivery_address, "
    "i.chorus_engagement, i.chorus_service, i.mentions, i.hash_version, i.issued_at FROM invoice i");

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
        .bind(QStringLiteral("excl"), static_cast<qint64>(inv.totals.excl.cents()))
        .bind(QStringLiteral("vat"), static_cast<qint64>(inv.totals.vatTotal.cents()))
        .bind(QStringLiteral("incl"), static_cast<qint64>(inv.totals.incl.cents()));
}

// An invoice out of a row of invoiceColumns, its totals as stored; its lines
// are given by withLines().
// An invoice read by invoiceColumns; its seller's identity parsed unless
// the caller reads it itself (`check`).
Invoice invoiceFromRow(const SqlQuery& q, bool withSeller = true)
{
    Invoice i;
    i.id = q.value(0).toLongLong();
    i.kind = fromCode(q.value(1).toString(), InvoiceKind::Invoice);
    i.status = fromCode(q.value(2).toString(), InvoiceStatus::Draft);
    i.number = q.value(3).toString();
    i.contactId = q.value(4).toLongLong();
    i.creditedInvoiceId = q.value(5).isNull() ? 0 : q.value(5).toLongLong();
    i.issueDate = fromIso(q.value(6));
    i.dueDate = fromIso(q.value(7));
    i.customerName = q.value(8).toString();
    i.customerAddress = q.value(9).toString();
    i.customerSiret = q.value(10).toString();
    i.professional = q.value(11).toInt() != 0;
    i.vatRegime = fromCode(q.value(12).toString(), VatRegime::Franchise);
    i.vatMention = q.value(13).toString();
    i.paymentTerms = q.value(14).toString();
    i.reference = q.value(15).toString();
    i.notes = q.value(16).toString();
    i.totals.excl = Money::fromCents(q.value(17).toLongLong());
    i.totals.vatTotal = Money::fromCents(q.value(18).toLongLong());
    i.totals.incl = Money::fromCents(q.value(19).toLongLong());
    i.prevHash = q.value(20).toString();
    i.hash = q.value(21).toString();
    i.issuedBy = q.value(22).toString();
    i.version = q.value(23).toInt();
    i.creditedNumber = q.value(24).toString();
    const QByteArray seller = q.value(25).toString().toUtf8();
    i.customerKind = q.value(26).toString();
    i.operations = operationsFromCode(q.value(27).toString());
    i.serviceFrom = fromIso(q.value(28));
    i.serviceTo = fromIso(q.value(29));
    i.buyerReference = q.value(30).toString();
    i.deliveryAddress = q.value(31).toString();
    i.chorusEngagement = q.value(32).toString();
    i.chorusService = q.value(33).toString();
    const QString mentions = q.value(34).toString();
    i.hashVersion = q.value(35).toInt();
    i.issuedAt = q.value(36).toString();
    if (withSeller && !seller.isEmpty())
        i.seller = SchoolIdentity::fromSellerJson(seller);
    if (!mentions.isEmpty())
        i.mentions = mentions.split(QLatin1Char('\n'));
    return i;
}

// The invoice's lines, and its totals computed from them; an issued
// document keeps the totals stored when it was issued.
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
        return fail(Error::Code::Conflict, tr("This invoice was changed meanwhile on another computer."));
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
    ETABLI_TRY(q.prepare(invoiceColumns + QStringLiteral(" WHERE ") + where));
    q.bind(QStringLiteral("value"), value);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This invoice does not exist."));
    Invoice i = invoiceFromRow(q);
    q.finish();
    auto lines =
        documentlines::read(m_db, QStringLiteral("invoice_line"), QStringLiteral("invoice_id"), i.id);
    if (!lines)
        return std::unexpected(lines.error());
    withLines(i, *lines);
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
        .bind(QStringLiteral("customer_kind"), i.customerKind)
        .bind(QStringLiteral("professional"), i.professional ? 1 : 0)
        .bind(QStringLiteral("regime"), codeOf(i.vatRegime))
        .bind(QStringLiteral("mention"), i.vatMention)
        .bind(QStringLiteral("terms"), i.paymentTerms)
        .bind(QStringLiteral("operations"), operationsCode(i.operations))
        .bind(QStringLiteral("service_from"), isoOrNull(i.serviceFrom))
        .bind(QStringLiteral("service_to"), isoOrNull(i.serviceTo))
        .bind(QStringLiteral("seller"), QString::fromUtf8(i.seller.sellerJson()))
        .bind(QStringLiteral("mentions"), i.mentions.join(QLatin1Char('\n')))
        .bind(QStringLiteral("excl"), static_cast<qint64>(i.totals.excl.cents()))
        .bind(QStringLiteral("vat"), static_cast<qint64>(i.totals.vatTotal.cents()))
        .bind(QStringLiteral("incl"), static_cast<qint64>(i.totals.incl.cents()))
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
        return fail(Error::Code::Conflict,
                    tr("This invoice was changed or issued meanwhile on another computer."));
    return {};
}

Result<Money> InvoiceRepository::credited(qint64 invoiceId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT COALESCE(SUM(-total_incl_cents), 0) FROM invoice WHERE "
                                        "credited_invoice_id = :id AND status = 'issued'")));
    q.bind(QStringLiteral("id"), invoiceId);
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return Money::fromCents(v->toLongLong());
}

Result<InvoiceBalance> InvoiceRepository::balance(qint64 invoiceId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("SELECT i.total_incl_cents, %1, %2, (SELECT COALESCE(SUM(p.amount_cents), 0) "
                       "FROM payment p WHERE p.invoice_id = i.id AND p.method = 'cash') FROM "
                       "invoice i WHERE i.id = :id")
            .arg(creditedSql, paidSql)));
    q.bind(QStringLiteral("id"), invoiceId);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This invoice does not exist."));
    InvoiceBalance b{Money::fromCents(q.value(0).toLongLong()), Money::fromCents(q.value(1).toLongLong()),
                     Money::fromCents(q.value(2).toLongLong()), Money::fromCents(q.value(3).toLongLong())};
    q.finish();
    return b;
}

Result<InvoiceRepository::AgingTotals> InvoiceRepository::receivableTotals(const QDate& asOf,
                                                                           qint64 contactId) const
{
    // Days late = due date → asOf: bucket 0 not yet due, then 1–30, 31–60, 61–90, over 90.
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral(
            "SELECT COALESCE(SUM(CASE WHEN x.due_date >= :d0 THEN x.due END), 0), COALESCE(SUM(CASE "
            "WHEN x.due_date < :d1 AND x.due_date >= :d30 THEN x.due END), 0), COALESCE(SUM(CASE WHEN "
            "x.due_date < :d30b AND x.due_date >= :d60 THEN x.due END), 0), COALESCE(SUM(CASE WHEN "
            "x.due_date < :d60b AND x.due_date >= :d90 THEN x.due END), 0), COALESCE(SUM(CASE WHEN "
            "x.due_date < :d90b THEN x.due END), 0), COUNT(*), COUNT(DISTINCT x.contact_id) FROM "
            "(SELECT b.contact_id, b.due_date, b.due_cents AS due FROM invoice_balance b "
            "WHERE b.due_cents > 0%1) x")
            .arg(contactId != 0 ? QStringLiteral(" AND b.contact_id = :contact") : QString())));
    // A day d is late by n days when d + n = asOf.
    q.bind(QStringLiteral("d0"), iso(asOf))
        .bind(QStringLiteral("d1"), iso(asOf))
        .bind(QStringLiteral("d30"), iso(asOf.addDays(-30)))
        .bind(QStringLiteral("d30b"), iso(asOf.addDays(-30)))
        .bind(QStringLiteral("d60"), iso(asOf.addDays(-60)))
        .bind(QStringLiteral("d60b"), iso(asOf.addDays(-60)))
        .bind(QStringLiteral("d90"), iso(asOf.addDays(-90)))
        .bind(QStringLiteral("d90b"), iso(asOf.addDays(-90)));
    if (contactId != 0)
        q.bind(QStringLiteral("contact"), contactId);
    ETABLI_TRY(q.exec());
    AgingTotals t;
    if (q.next()) {
        for (int b = 0; b < 5; ++b)
            t.buckets[b] = q.value(b).toLongLong();
        t.count = q.value(5).toLongLong();
        t.customers = q.value(6).toLongLong();
    }
    return t;
}

Result<QList<Receivable>> InvoiceRepository::receivables(const QDate& asOf, qint64 contactId, int limit) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("SELECT i.id, i.number, i.contact_id, i.customer_name, i.issue_date, i.due_date, "
                       "i.total_incl_cents, b.due_cents FROM invoice_balance b JOIN invoice i ON i.id = "
                       "b.invoice_id WHERE b.due_cents > 0%1 ORDER BY b.due_date, i.number%2")
            .arg(contactId != 0 ? QStringLiteral(" AND b.contact_id = :contact") : QString(),
                 limit > 0 ? QStringLiteral(" LIMIT :limit") : QString())));
    if (contactId != 0)
        q.bind(QStringLiteral("contact"), contactId);
    if (limit > 0)
        q.bind(QStringLiteral("limit"), limit);
    ETABLI_TRY(q.exec());
    QList<Receivable> out;
    while (q.next()) {
        Receivable r;
        r.invoiceId = q.value(0).toLongLong();
        r.number = q.value(1).toString();
        r.contactId = q.value(2).toLongLong();
        r.customer = q.value(3).toString();
        r.issueDate = fromIso(q.value(4));
        r.dueDate = fromIso(q.value(5));
        r.total = Money::fromCents(q.value(6).toLongLong());
        r.due = Money::fromCents(q.value(7).toLongLong());
        r.daysLate = r.dueDate.isValid() ? static_cast<int>(r.dueDate.daysTo(asOf)) : 0;
        out << r;
    }
    return out;
}

Result<QList<ChequeToDeposit>> InvoiceRepository::cheques(qint64 depositId) const
{
    SqlQuery q(m_db);
    const QString which =
        depositId == 0
            ? QStringLiteral("NOT EXISTS (SELECT 1 FROM cheque_deposit_item d WHERE d.payment_id = p.id) "
                             "AND NOT EXISTS (SELECT 1 FROM payment r WHERE r.reverses_payment_id = "
                             "p.id)")
            : QStringLiteral("p.id IN (SELECT d.payment_id FROM cheque_deposit_item d WHERE "
                             "d.deposit_id = :deposit)");
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT p.id, p.day, p.bank, p.cheque_number, i.customer_name, i.number, "
                                 "p.amount_cents FROM payment p JOIN invoice i ON i.id = p.invoice_id WHERE "
                                 "p.method = 'cheque' AND p.amount_cents > 0 AND %1 ORDER BY p.day, p.id")
                      .arg(which)));
    if (depositId != 0)
        q.bind(QStringLiteral("deposit"), depositId);
    ETABLI_TRY(q.exec());
    QList<ChequeToDeposit> out;
    while (q.next())
        out << ChequeToDeposit{q.value(0).toLongLong(),
                               fromIso(q.value(1)),
                               q.value(2).toString(),
                               q.value(3).toString(),
                               q.value(4).toString(),
                               q.value(5).toString(),
                               Money::fromCents(q.value(6).toLongLong())};
    return out;
}

Result<qint64> InvoiceRepository::insertDeposit(const QDate& day, const QList<qint64>& paymentIds,
                                                const QString& by, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("INSERT INTO cheque_deposit (day, created_by, created_at) VALUES (:day, :by, "
                       ":now) RETURNING id")));
    q.bind(QStringLiteral("day"), iso(day))
        .bind(QStringLiteral("by"), by)
        .bind(QStringLiteral("now"), nowIso);
    auto id = q.execReturningId();
    if (!id)
        return id;
    SqlQuery item(m_db);
    ETABLI_TRY(item.prepare(QStringLiteral(
        "INSERT INTO cheque_deposit_item (deposit_id, payment_id) VALUES (:deposit, :payment)")));
    for (qint64 p : paymentIds) {
        item.bind(QStringLiteral("deposit"), *id).bind(QStringLiteral("payment"), p);
        ETABLI_TRY(item.exec());
    }
    return id;
}

namespace {
const QString paymentColumns = QStringLiteral(
    "SELECT id, invoice_id, day, method, amount_cents, bank, cheque_number, reverses_payment_id, reason, "
    "recorded_by, hash, prev_hash, recorded_at, hash_version FROM payment");

Payment readPayment(const SqlQuery& q)
{
    Payment p;
    p.id = q.value(0).toLongLong();
    p.invoiceId = q.value(1).toLongLong();
    p.day = fromIso(q.value(2));
    p.method = fromCode(q.value(3).toString(), PaymentMethod::Cheque);
    p.amount = Money::fromCents(q.value(4).toLongLong());
    p.bank = q.value(5).toString();
    p.chequeNumber = q.value(6).toString();
    p.reversesPaymentId = q.value(7).isNull() ? 0 : q.value(7).toLongLong();
    p.reason = q.value(8).toString();
    p.recordedBy = q.value(9).toString();
    p.hash = q.value(10).toString();
    p.recordedAt = q.value(12).toString();
    p.hashVersion = q.value(13).toInt();
    return p;
}
} // namespace

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

Result<QList<Payment>> InvoiceRepository::payments(qint64 invoiceId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(paymentColumns + QStringLiteral(" WHERE invoice_id = :id ORDER BY day, id")));
    q.bind(QStringLiteral("id"), invoiceId);
    ETABLI_TRY(q.exec());
    QList<Payment> out;
    while (q.next())
        out << readPayment(q);
    return out;
}

Result<QList<Payment>> InvoiceRepository::paymentsBetween(const QDate& from, const QDate& to) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(paymentColumns + QStringLiteral(" WHERE day BETWEEN :from AND :to ORDER BY id")));
    q.bind(QStringLiteral("from"), from.toString(Qt::ISODate))
        .bind(QStringLiteral("to"), to.toString(Qt::ISODate));
    ETABLI_TRY(q.exec());
    QList<Payment> out;
    while (q.next())
        out << readPayment(q);
    return out;
}

Result<Payment> InvoiceRepository::payment(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(paymentColumns + QStringLiteral(" WHERE id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This payment does not exist."));
    Payment p = readPayment(q);
    q.finish();
    return p;
}

Result<qint64> InvoiceRepository::insertPayment(Payment p, const QString& nowIso)
{
    SqlQuery tip(m_db);
    ETABLI_TRY(tip.exec(QStringLiteral("SELECT hash FROM payment WHERE id = (SELECT MAX(id) FROM payment)")));
    const QString prev = tip.next() ? tip.value(0).toString() : QString();
    tip.finish();
    p.recordedAt = nowIso;
    p.hashVersion = 2;
    p.hash = paymentHash(p, prev);
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("INSERT INTO payment (invoice_id, day, method, amount_cents, bank, cheque_number, "
                       "reverses_payment_id, "
                       "reason, recorded_at, recorded_by, prev_hash, hash, hash_version) VALUES "
                       "(:invoice, :day, :method, :amount, "
                       ":bank, :cheque, :reverses, :reason, :now, :by, :prev, :hash, 2) RETURNING id")));
    q.bind(QStringLiteral("invoice"), p.invoiceId)
        .bind(QStringLiteral("day"), iso(p.day))
        .bind(QStringLiteral("method"), codeOf(p.method))
        .bind(QStringLiteral("amount"), static_cast<qint64>(p.amount.cents()))
        .bind(QStringLiteral("bank"), p.bank)
        .bind(QStringLiteral("cheque"), p.chequeNumber)
        .bind(QStringLiteral("reverses"), idOrNull(p.reversesPaymentId))
        .bind(QStringLiteral("reason"), p.reason)
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("by"), p.recordedBy)
        .bind(QStringLiteral("prev"), prev)
        .bind(QStringLiteral("hash"), p.hash);
    return q.execReturningId();
}

Result<InvoiceRepository::ChainReport> InvoiceRepository::verifyChains(int batchSize) const
{
    ChainReport report;
    // One streaming query for the chain of invoices: those with a place in
    // it (issued ones) in chain order, a row per line (the invoice's columns
    // repeated), read once from the first to the last — no statement per
    // invoice or chunk. The status is checked here, not filtered: the
    // chain's unique index then gives the order without a sort.
    const QString fromInvoice = QStringLiteral(" FROM invoice i");
    Q_ASSERT(invoiceColumns.endsWith(fromInvoice));
    const int positionColumn = 37; // after invoiceFromRow's columns
    const int sellerColumn = 25;
    SqlQuery chain(m_db);
    chain.setForwardOnly(true);
    ETABLI_TRY(
        chain.exec(invoiceColumns.chopped(fromInvoice.size()) +
                   QStringLiteral(", i.chain_position, l.invoice_id, %1 FROM invoice i LEFT JOIN "
                                  "invoice_line l ON l.invoice_id = i.id WHERE i.chain_position IS NOT "
                                  "NULL ORDER BY i.chain_position, l.position")
                       .arg(documentlines::columns(QStringLiteral("l")))));
    // The links (each invoice's previous hash is the one before's) are
    // checked as the rows come; each invoice's own hash, which needs only
    // its row and lines, is computed on a second thread a batch at a time
    // while the next batch is read. The first invoice that fails, in chain
    // order, is the one named.
    struct Link
    {
        Invoice invoice;
        QByteArray sellerJson;
        int position = 0;
    };
    const qsizetype BatchSize = std::max(1, batchSize);
    // The batch stays owned by this thread, which frees it: memory freed on
    // another thread than the one that allocated it makes both wait on the
    // allocator's lock.
    const auto firstBadIn = [](const QList<Link>* batch) -> QString {
        for (const Link& link : *batch) {
            if (!link.invoice.isIssued() ||
                invoiceHash(link.invoice, link.invoice.prevHash, link.sellerJson) != link.invoice.hash)
                return link.invoice.number.isEmpty()
                           ? tr("position %1 of the chain of invoices").arg(link.position)
                           : link.invoice.number;
        }
        return {};
    };
    std::deque<std::pair<std::future<QString>, std::unique_ptr<QList<Link>>>> hashing;
    // Waits for the batches sent (all, or all but `keep`); false at the first that failed.
    const auto settle = [&](std::size_t keep) {
        while (hashing.size() > keep) {
            const QString bad = hashing.front().first.get();
            hashing.pop_front();
            if (!bad.isEmpty()) {
                report.firstBad = bad;
                return false;
            }
        }
        return true;
    };
    // On any early return the thread still running is waited for.
    const auto joinAll = qScopeGuard([&]() {
        for (auto& [future, sent] : hashing)
            future.wait();
    });
    QList<Link> batch;
    batch.reserve(BatchSize);
    const auto send = [&]() {
        if (batch.isEmpty())
            return;
        auto sent = std::make_unique<QList<Link>>(std::move(batch));
        auto future = std::async(std::launch::async, firstBadIn, sent.get());
        hashing.emplace_back(std::move(future), std::move(sent));
        batch = {};
        batch.reserve(BatchSize);
    };
    QString prev; // the hash of the invoice before, as stored
    Invoice current;
    QList<InvoiceLine> lines;
    QString sellerText; // the last seller read, and its identity as hashed
    QByteArray sellerJson;
    int position = 0; // of the invoice being read; 0 before the first
    // The invoice just read: its link checked now, its hash on the thread.
    const auto linked = [&]() {
        withLines(current, std::move(lines));
        lines = {};
        ++report.documents;
        if (current.prevHash != prev) {
            send();
            if (settle(0))
                report.firstBad = current.number;
            return false;
        }
        prev = current.hash;
        batch.append({std::move(current), sellerJson, position});
        current = {};
        if (batch.size() == BatchSize) {
            send();
            return settle(1); // one batch hashed while the next is read
        }
        return true;
    };
    while (chain.next()) {
        const int rowPosition = chain.value(positionColumn).toInt();
        if (rowPosition != position) {
            if (position != 0 && !linked())
                return report;
            if (rowPosition != position + 1) {
                send();
                if (settle(0))
                    report.firstBad = tr("position %1 of the chain of invoices").arg(position + 1);
                return report;
            }
            position = rowPosition;
            current = invoiceFromRow(chain, false);
            if (current.hashVersion >= 2) {
                const QString seller = chain.value(sellerColumn).toString();
                if (seller != sellerText || sellerJson.isEmpty()) {
                    sellerText = seller;
                    sellerJson = seller.isEmpty()
                                     ? SchoolIdentity().sellerJson()
                                     : SchoolIdentity::fromSellerJson(seller.toUtf8()).sellerJson();
                }
            }
        }
        if (!chain.value(positionColumn + 1).isNull())
            lines << documentlines::fromRow(chain, positionColumn + 2);
    }
    if (position != 0 && !linked())
        return report;
    send();
    if (!settle(0))
        return report;
    SqlQuery p(m_db);
    ETABLI_TRY(p.exec(paymentColumns + QStringLiteral(" ORDER BY id")));
    QString prevPayment;
    while (p.next()) {
        const Payment payment = readPayment(p);
        ++report.payments;
        if (p.value(11).toString() != prevPayment || paymentHash(payment, prevPayment) != payment.hash) {
            report.firstBad = tr("payment n°%1").arg(payment.id);
            return report;
        }
        prevPayment = payment.hash;
    }
    return report;
}

Result<InvoiceRepository::BalanceReport> InvoiceRepository::verifyBalances() const
{
    // Three grouped scans (payments, credit notes, balances) joined to the
    // issued invoices: no statement per invoice.
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(QStringLiteral(
        "SELECT i.number, b.invoice_id IS NULL OR b.contact_id <> i.contact_id OR b.issue_date <> "
        "i.issue_date OR COALESCE(b.due_date, '') <> COALESCE(i.due_date, '') OR b.total_cents <> "
        "i.total_incl_cents OR b.paid_cents <> COALESCE(p.paid, 0) OR b.credited_cents <> "
        "COALESCE(c.credited, 0) OR b.due_cents <> i.total_incl_cents - COALESCE(p.paid, 0) - "
        "COALESCE(c.credited, 0) FROM invoice i LEFT JOIN invoice_balance b ON b.invoice_id = i.id "
        "LEFT JOIN (SELECT invoice_id, SUM(amount_cents) AS paid FROM payment GROUP BY invoice_id) p ON "
        "p.invoice_id = i.id LEFT JOIN (SELECT credited_invoice_id, SUM(-total_incl_cents) AS credited "
        "FROM invoice WHERE status = 'issued' AND kind = 'credit' GROUP BY credited_invoice_id) c ON "
        "c.credited_invoice_id = i.id WHERE i.status = 'issued' AND i.kind = 'invoice' ORDER BY "
        "i.chain_position")));
    BalanceReport report;
    while (q.next()) {
        ++report.invoices;
        if (report.firstBad.isEmpty() && q.value(1).toBool())
            report.firstBad = q.value(0).toString();
    }
    q.finish();
    if (report.ok()) {
        // A balance for a draft, a credit note or no invoice at all.
        SqlQuery extra(m_db);
        ETABLI_TRY(extra.exec(QStringLiteral(
            "SELECT COALESCE(i.number, CAST(b.invoice_id AS TEXT)) FROM invoice_balance b LEFT JOIN "
            "invoice i ON i.id = b.invoice_id WHERE i.id IS NULL OR i.status <> 'issued' OR i.kind <> "
            "'invoice' LIMIT 1")));
        if (extra.next())
            report.firstBad = extra.value(0).toString();
    }
    return report;
}

} // namespace etabli
