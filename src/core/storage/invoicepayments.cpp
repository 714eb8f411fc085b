#include "storage/invoicerepository.h"

// InvoiceRepository: payments, what is due (balances, receivables and their
// ages) and cheque deposits.

#include "storage/database.h"
#include "storage/invoicerows.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"

namespace etabli {

namespace {

using sql::fromIso;
using sql::idOrNull;
using sql::iso;

// What is still due on an issued invoice, in SQL (alias i).
const QString creditedSql = QStringLiteral(
    "(SELECT COALESCE(SUM(-cr.total_incl_cents), 0) FROM invoice cr WHERE cr.credited_invoice_id = i.id AND "
    "cr.status = 'issued')");
const QString paidSql =
    QStringLiteral("(SELECT COALESCE(SUM(p.amount_cents), 0) FROM payment p WHERE p.invoice_id = i.id)");

} // namespace

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
    ETABLI_TRY(q.prepare(invoicerows::receivableColumns() +
                         QStringLiteral("WHERE b.due_cents > 0%1 ORDER BY b.due_date, i.number%2")
                             .arg(contactId != 0 ? QStringLiteral(" AND b.contact_id = :contact") : QString(),
                                  limit > 0 ? QStringLiteral(" LIMIT :limit") : QString())));
    if (contactId != 0)
        q.bind(QStringLiteral("contact"), contactId);
    if (limit > 0)
        q.bind(QStringLiteral("limit"), limit);
    ETABLI_TRY(q.exec());
    QList<Receivable> out;
    while (q.next())
        out << invoicerows::readReceivable(q, asOf);
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

Result<QList<Payment>> InvoiceRepository::payments(qint64 invoiceId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(invoicerows::paymentColumns() +
                         QStringLiteral(" WHERE invoice_id = :id ORDER BY day, id")));
    q.bind(QStringLiteral("id"), invoiceId);
    ETABLI_TRY(q.exec());
    QList<Payment> out;
    while (q.next())
        out << invoicerows::readPayment(q);
    return out;
}

Result<QList<Payment>> InvoiceRepository::paymentsBetween(const QDate& from, const QDate& to) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(invoicerows::paymentColumns() +
                         QStringLiteral(" WHERE day BETWEEN :from AND :to ORDER BY id")));
    q.bind(QStringLiteral("from"), from.toString(Qt::ISODate))
        .bind(QStringLiteral("to"), to.toString(Qt::ISODate));
    ETABLI_TRY(q.exec());
    QList<Payment> out;
    while (q.next())
        out << invoicerows::readPayment(q);
    return out;
}

Result<Payment> InvoiceRepository::payment(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(invoicerows::paymentColumns() + QStringLiteral(" WHERE id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This payment does not exist."));
    Payment p = invoicerows::readPayment(q);
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
        .bind(QStringLiteral("amount"), p.amount.cents())
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

} // namespace etabli
