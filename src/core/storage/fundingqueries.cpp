#include "storage/fundingqueries.h"

#include "domain/funding.h"
#include "storage/database.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"

namespace etabli {

namespace {

using sql::iso;

const QString issuedInPeriod =
    QStringLiteral("FROM invoice WHERE status = 'issued' AND issue_date >= :from AND issue_date <= :to");

} // namespace

Result<qint64> FundingQueries::sum(const QString& sql, const QDate& from, const QDate& to) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(sql));
    q.bind(QStringLiteral("from"), iso(from)).bind(QStringLiteral("to"), iso(to));
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return v->toLongLong();
}

Result<qint64> FundingQueries::productionExclVat(const QDate& from, const QDate& to) const
{
    return sum(QStringLiteral("SELECT COALESCE(SUM(total_excl_cents), 0) ") + issuedInPeriod, from, to);
}

Result<qint64> FundingQueries::invoicedInclVat(const QDate& from, const QDate& to) const
{
    return sum(QStringLiteral("SELECT COALESCE(SUM(total_incl_cents), 0) ") + issuedInPeriod, from, to);
}

Result<QMap<QString, qint64>> FundingQueries::productionByMonth(const QDate& from, const QDate& to) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("SELECT substr(issue_date, 1, 7) AS month, COALESCE(SUM(total_excl_cents), 0) ") +
        issuedInPeriod + QStringLiteral(" GROUP BY substr(issue_date, 1, 7)")));
    q.bind(QStringLiteral("from"), iso(from)).bind(QStringLiteral("to"), iso(to));
    ETABLI_TRY(q.exec());
    QMap<QString, qint64> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

Result<qint64> FundingQueries::paymentsReceived(const QDate& from, const QDate& to) const
{
    return sum(QStringLiteral(
                   "SELECT COALESCE(SUM(amount_cents), 0) FROM payment WHERE day >= :from AND day <= :to"),
               from, to);
}

Result<FundingQueries::Receipts> FundingQueries::receipts(const QDate& from, const QDate& to) const
{
    Receipts out;
    SqlQuery gifts(m_db);
    if (auto r = gifts.prepare(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(d.amount_cents), 0), "
                                              "COALESCE(SUM(CASE WHEN r.issue_date > :to THEN "
                                              "d.amount_cents ELSE 0 END), 0) FROM donation d JOIN "
                                              "tax_receipt r ON r.id = d.receipt_id WHERE d.day "
                                              ">= :from AND d.day <= :to AND r.kind = 'receipt' AND NOT "
                                              "EXISTS (SELECT 1 FROM tax_receipt x WHERE "
                                              "x.cancels_receipt_id = r.id)"));
        !r)
        return std::unexpected(r.error());
    gifts.bind(QStringLiteral("from"), iso(from)).bind(QStringLiteral("to"), iso(to));
    ETABLI_TRY(gifts.exec());
    if (gifts.next()) {
        out.giftsCount = gifts.value(0).toLongLong();
        out.gifts = gifts.value(1).toLongLong();
        out.receiptedLater = gifts.value(2).toLongLong();
    }
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "SELECT COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM tax_receipt x WHERE x.cancels_receipt_id = "
            "r.id) "
            "THEN 0 ELSE 1 END), 0), COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM tax_receipt x WHERE "
            "x.cancels_receipt_id = r.id) THEN 1 ELSE 0 END), 0) FROM tax_receipt r WHERE r.kind = 'receipt' "
            "AND "
            "r.issue_date >= :from AND r.issue_date <= :to"));
        !r)
        return std::unexpected(r.error());
    q.bind(QStringLiteral("from"), iso(from)).bind(QStringLiteral("to"), iso(to));
    ETABLI_TRY(q.exec());
    if (q.next()) {
        out.issued = q.value(0).toLongLong();
        out.cancelled = q.value(1).toLongLong();
    }
    return out;
}

Result<FundingQueries::Gifts> FundingQueries::gifts(const QDate& from, const QDate& to) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT c.person, d.nature, COALESCE(SUM(d.amount_cents), 0), COUNT(*) FROM donation d JOIN "
        "contact c ON "
        "c.id = d.contact_id WHERE d.day >= :from AND d.day <= :to GROUP BY c.person, d.nature")));
    q.bind(QStringLiteral("from"), iso(from)).bind(QStringLiteral("to"), iso(to));
    ETABLI_TRY(q.exec());
    Gifts g;
    while (q.next()) {
        const qint64 cents = q.value(2).toLongLong();
        g.count += q.value(3).toLongLong();
        // Goods and services given; listed securities and waived expenses
        // are gifts like money in the accounts (the latter booked both as an
        // expense and as a gift).
        if (fromCode(q.value(1).toString(), GiftNature::Cash) == GiftNature::InKind)
            g.inKind += cents;
        else if (q.value(0).toInt() != 0)
            g.persons += cents;
        else
            g.organisations += cents;
    }
    return g;
}

Result<qint64> FundingQueries::apprenticeshipTaxReceived(const QDate& from, const QDate& to) const
{
    return sum(
        QStringLiteral("SELECT COALESCE(SUM(received_cents), 0) FROM apprenticeship_tax WHERE received_on >= "
                       ":from AND received_on <= :to"),
        from, to);
}

Result<qint64> FundingQueries::duesPaid(const QDate& from, const QDate& to) const
{
    return sum(QStringLiteral("SELECT COALESCE(SUM(amount_cents), 0) FROM membership_due WHERE paid_on >= "
                              ":from AND paid_on <= :to"),
               from, to);
}

Result<QHash<qint64, qint64>> FundingQueries::entriesByCategory(const QDate& from, const QDate& to) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT category_id, COALESCE(SUM(amount_cents), 0) FROM budget_entry WHERE "
                                 "day >= :from AND day <= :to GROUP BY category_id")));
    q.bind(QStringLiteral("from"), iso(from)).bind(QStringLiteral("to"), iso(to));
    ETABLI_TRY(q.exec());
    QHash<qint64, qint64> out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    return out;
}

Result<QList<FundingQueries::FunderAmount>> FundingQueries::subsidiesByFunder(qint64 financialYearId) const
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "SELECT s.funder_id, c.name, SUM(s.granted_cents), COALESCE(SUM(r.received), 0) FROM subsidy s "
            "JOIN "
            "contact c ON c.id = s.funder_id LEFT JOIN (SELECT subsidy_id, SUM(received_cents) AS received "
            "FROM "
            "subsidy_instalment GROUP BY subsidy_id) r ON r.subsidy_id = s.id WHERE s.financial_year_id = "
            ":year AND s.decision = 'granted' GROUP BY s.funder_id, c.name ORDER BY c.name"));
        !r)
        return std::unexpected(r.error());
    q.bind(QStringLiteral("year"), financialYearId);
    ETABLI_TRY(q.exec());
    QList<FunderAmount> out;
    while (q.next())
        out << FunderAmount{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong(),
                            q.value(3).toLongLong()};
    return out;
}

Result<qint64> FundingQueries::subsidyInstalmentsReceived(const QDate& from, const QDate& to) const
{
    return sum(
        QStringLiteral("SELECT COALESCE(SUM(received_cents), 0) FROM subsidy_instalment WHERE received_on >= "
                       ":from AND received_on <= :to"),
        from, to);
}

} // namespace etabli
