#include "storage/closingrepository.h"

#include "domain/sales.h"
#include "domain/school.h"
#include "storage/database.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"

namespace etabli {

namespace {

const QString closingColumns = QStringLiteral(
    "SELECT id, kind, period, period_start, period_end, chain_position, first_number, last_number, totals, "
    "grand_totals, closed_at, closed_by, prev_hash, hash FROM closing");

Result<Closing> readClosing(const SqlQuery& q)
{
    Closing c;
    sql::RowReader col(q);
    c.id = col.int64();
    const auto kind = fromCode<ClosingKind>(col.text());
    c.period = col.text();
    c.start = col.date();
    c.end = col.date();
    c.position = col.integer();
    c.firstNumber = col.text();
    c.lastNumber = col.text();
    const auto totals = ClosingTotals::fromJson(col.text().toUtf8());
    const auto grand = ClosingTotals::fromJson(col.text().toUtf8());
    if (!kind || !totals || !grand)
        return fail(Error::Code::Storage,
                    ClosingRepository::tr("A closing cannot be read: run a check of the database."),
                    QStringLiteral("closing %1 unreadable").arg(c.id));
    c.kind = *kind;
    c.totals = *totals;
    c.grandTotals = *grand;
    c.closedAt = col.text();
    c.closedBy = col.text();
    c.prevHash = col.text();
    c.hash = col.text();
    return c;
}

} // namespace

Result<QList<Closing>> ClosingRepository::list(int year) const
{
    SqlQuery q(m_db);
    QString sql = closingColumns;
    if (year > 0)
        sql += QStringLiteral(" WHERE period_start >= :from AND period_end <= :to");
    ETABLI_TRY(q.prepare(sql + QStringLiteral(" ORDER BY chain_position")));
    if (year > 0)
        q.bind(QStringLiteral("from"), QDate(year, 1, 1).toString(Qt::ISODate))
            .bind(QStringLiteral("to"), QDate(year, 12, 31).toString(Qt::ISODate));
    ETABLI_TRY(q.exec());
    QList<Closing> out;
    while (q.next()) {
        auto c = readClosing(q);
        if (!c)
            return std::unexpected(c.error());
        out << *c;
    }
    return out;
}

Result<std::optional<Closing>> ClosingRepository::last(ClosingKind kind) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(closingColumns +
                         QStringLiteral(" WHERE kind = :kind ORDER BY chain_position DESC LIMIT 1")));
    q.bind(QStringLiteral("kind"), codeOf(kind));
    ETABLI_TRY(q.exec());
    if (!q.next())
        return std::optional<Closing>();
    auto c = readClosing(q);
    if (!c)
        return std::unexpected(c.error());
    return std::optional<Closing>(*c);
}

Result<std::pair<int, QString>> ClosingRepository::tip() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(QStringLiteral("SELECT chain_position, hash FROM closing WHERE chain_position = "
                                     "(SELECT MAX(chain_position) FROM closing)")));
    if (!q.next())
        return std::pair<int, QString>(0, QString());
    return std::pair<int, QString>(q.value(0).toInt(), q.value(1).toString());
}

Status ClosingRepository::insert(const Closing& c)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "INSERT INTO closing (kind, period, period_start, period_end, chain_position, first_number, "
            "last_number, totals, grand_totals, closed_at, closed_by, prev_hash, hash) VALUES (:kind, "
            ":period, :start, :end, :position, :first, :last, :totals, :grand, :at, :by, :prev, :hash)"));
        !r)
        return r;
    q.bind(QStringLiteral("kind"), codeOf(c.kind))
        .bind(QStringLiteral("period"), c.period)
        .bind(QStringLiteral("start"), c.start.toString(Qt::ISODate))
        .bind(QStringLiteral("end"), c.end.toString(Qt::ISODate))
        .bind(QStringLiteral("position"), c.position)
        .bind(QStringLiteral("first"), c.firstNumber)
        .bind(QStringLiteral("last"), c.lastNumber)
        .bind(QStringLiteral("totals"), QString::fromUtf8(c.totals.toJson()))
        .bind(QStringLiteral("grand"), QString::fromUtf8(c.grandTotals.toJson()))
        .bind(QStringLiteral("at"), c.closedAt)
        .bind(QStringLiteral("by"), c.closedBy)
        .bind(QStringLiteral("prev"), c.prevHash)
        .bind(QStringLiteral("hash"), c.hash);
    return q.exec();
}

Result<ClosingTotals> ClosingRepository::totals(const QDate& from, const QDate& to) const
{
    ClosingTotals t;
    // VAT is computed per document and rate, as on the document itself.
    SqlQuery sales(m_db);
    ETABLI_TRY(sales.prepare(QStringLiteral(
        "SELECT i.id, i.vat_regime, l.vat_rate_bp, SUM(l.total_excl_cents) FROM invoice i JOIN "
        "invoice_line l ON l.invoice_id = i.id WHERE i.status = 'issued' AND i.issue_date BETWEEN :from "
        "AND :to GROUP BY i.id, i.vat_regime, l.vat_rate_bp")));
    sales.bind(QStringLiteral("from"), from.toString(Qt::ISODate))
        .bind(QStringLiteral("to"), to.toString(Qt::ISODate));
    ETABLI_TRY(sales.exec());
    QMap<std::pair<qint64, int>, Money> bases;
    while (sales.next()) {
        const bool vat = chargesVat(fromCode(sales.value(1).toString(), VatRegime::Franchise));
        bases[{sales.value(0).toLongLong(), vat ? sales.value(2).toInt() : 0}] +=
            Money::fromCents(sales.value(3).toLongLong());
    }
    for (auto it = bases.cbegin(); it != bases.cend(); ++it) {
        RateTotal& rate = t.sales[it.key().second];
        rate.excl += it.value();
        rate.vat += it.value().percent(it.key().second);
    }
    SqlQuery counts(m_db);
    ETABLI_TRY(counts.prepare(QStringLiteral("SELECT kind, COUNT(*) FROM invoice WHERE status = 'issued' AND "
                                             "issue_date BETWEEN :from AND :to GROUP BY kind")));
    counts.bind(QStringLiteral("from"), from.toString(Qt::ISODate))
        .bind(QStringLiteral("to"), to.toString(Qt::ISODate));
    ETABLI_TRY(counts.exec());
    while (counts.next())
        (fromCode<InvoiceKind>(counts.value(0).toString()) == InvoiceKind::Credit ? t.credits : t.invoices) =
            counts.value(1).toLongLong();
    SqlQuery paid(m_db);
    ETABLI_TRY(paid.prepare(QStringLiteral("SELECT method, SUM(amount_cents), COUNT(*) FROM payment WHERE "
                                           "day BETWEEN :from AND :to GROUP BY method")));
    paid.bind(QStringLiteral("from"), from.toString(Qt::ISODate))
        .bind(QStringLiteral("to"), to.toString(Qt::ISODate));
    ETABLI_TRY(paid.exec());
    while (paid.next()) {
        t.payments.insert(paid.value(0).toString(), Money::fromCents(paid.value(1).toLongLong()));
        t.paymentCount += paid.value(2).toLongLong();
    }
    return t;
}

Result<std::pair<QString, QString>> ClosingRepository::numbers(const QDate& from, const QDate& to) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT number FROM invoice WHERE chain_position IN ((SELECT MIN(chain_position) FROM invoice "
        "WHERE status = 'issued' AND issue_date BETWEEN :from AND :to), (SELECT MAX(chain_position) FROM "
        "invoice WHERE status = 'issued' AND issue_date BETWEEN :from2 AND :to2)) ORDER BY "
        "chain_position")));
    q.bind(QStringLiteral("from"), from.toString(Qt::ISODate))
        .bind(QStringLiteral("to"), to.toString(Qt::ISODate))
        .bind(QStringLiteral("from2"), from.toString(Qt::ISODate))
        .bind(QStringLiteral("to2"), to.toString(Qt::ISODate));
    ETABLI_TRY(q.exec());
    QStringList found;
    while (q.next())
        found << q.value(0).toString();
    if (found.isEmpty())
        return std::pair<QString, QString>();
    return std::pair<QString, QString>(found.first(), found.last());
}

Result<QDate> ClosingRepository::firstActivity() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(QStringLiteral("SELECT MIN(issue_date) FROM invoice WHERE status = 'issued' "
                                     "UNION ALL SELECT MIN(day) FROM payment")));
    QDate first;
    while (q.next()) {
        const QDate d = QDate::fromString(q.value(0).toString(), Qt::ISODate);
        if (d.isValid() && (!first.isValid() || d < first))
            first = d;
    }
    return first;
}

Result<bool> ClosingRepository::isClosed(const QDate& day) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT COUNT(*) FROM closing WHERE kind = 'month' AND period_start "
                                        "<= :day AND period_end >= :day2")));
    q.bind(QStringLiteral("day"), day.toString(Qt::ISODate))
        .bind(QStringLiteral("day2"), day.toString(Qt::ISODate));
    auto n = q.execScalar();
    if (!n)
        return std::unexpected(n.error());
    return n->toLongLong() > 0;
}

Result<ClosingRepository::ChainReport> ClosingRepository::verifyChain() const
{
    auto all = list();
    if (!all)
        return std::unexpected(all.error());
    ChainReport report;
    QString prev;
    int expected = 1;
    for (const Closing& c : std::as_const(*all)) {
        ++report.closings;
        if (c.position != expected++ || c.prevHash != prev || closingHash(c, prev) != c.hash) {
            report.firstBad = c.period;
            return report;
        }
        prev = c.hash;
    }
    return report;
}

} // namespace etabli
