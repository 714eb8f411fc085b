#include "storage/ledgerrepository.h"

#include "storage/database.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"

namespace etabli {

namespace {

// Runs `sql` over the period :from–:to and reads each row with `read`.
template <class Row, class Read>
Result<QList<Row>> rows(Database& db, const QString& sql, const QDate& from, const QDate& to, Read read)
{
    SqlQuery q(db);
    ETABLI_TRY(q.prepare(sql));
    q.bind(QStringLiteral("from"), sql::iso(from)).bind(QStringLiteral("to"), sql::iso(to));
    ETABLI_TRY(q.exec());
    QList<Row> out;
    while (q.next()) {
        sql::RowReader col(q);
        out << read(col);
    }
    return out;
}

} // namespace

Result<QList<LedgerAccountSetting>> LedgerRepository::accounts() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(QStringLiteral("SELECT code, number, label, version FROM ledger_account")));
    QHash<QString, LedgerAccountSetting> byCode;
    while (q.next()) {
        sql::RowReader col(q);
        LedgerAccountSetting a;
        const QString code = col.text();
        a.number = col.text();
        a.label = col.text();
        a.version = col.integer();
        byCode.insert(code, a);
    }
    QList<LedgerAccountSetting> out;
    for (const auto& e : Codes<LedgerAccount>::entries) {
        const QString code = QLatin1String(e.code);
        if (!byCode.contains(code))
            return fail(Error::Code::Storage,
                        tr("An account of the chart is missing from the database: run a check."), code);
        LedgerAccountSetting a = byCode.value(code);
        a.role = e.value;
        out << a;
    }
    return out;
}

Status LedgerRepository::saveAccount(const LedgerAccountSetting& a, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("UPDATE ledger_account SET number = :number, label = :label, version = "
                       "version + 1, updated_at = :now WHERE code = :code AND version = :version")));
    q.bind(QStringLiteral("number"), a.number)
        .bind(QStringLiteral("label"), a.label)
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("code"), codeOf(a.role))
        .bind(QStringLiteral("version"), a.version);
    ETABLI_TRY(q.exec());
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This account was changed meanwhile on another computer. Reload the chart, then make "
                       "your change again."));
    return {};
}

Result<QList<CategoryAccount>> LedgerRepository::categoryAccounts() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(QStringLiteral("SELECT id, code, name, kind, account FROM budget_category WHERE source "
                                     "= 'entries' ORDER BY position, id")));
    QList<CategoryAccount> out;
    while (q.next()) {
        sql::RowReader col(q);
        CategoryAccount c;
        c.id = col.int64();
        c.code = col.text();
        c.name = col.text();
        c.expense = col.text() == QLatin1String("expense");
        c.account = col.text();
        out << c;
    }
    return out;
}

Status LedgerRepository::saveCategoryAccount(qint64 categoryId, const QString& account)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("UPDATE budget_category SET account = :account WHERE id = :id")));
    q.bind(QStringLiteral("account"), account).bind(QStringLiteral("id"), categoryId);
    return q.exec();
}

Result<QList<LedgerRepository::InvoiceRow>> LedgerRepository::invoices(const QDate& from,
                                                                       const QDate& to) const
{
    auto invoices = rows<InvoiceRow>(
        m_db,
        QStringLiteral(
            "SELECT id, kind, number, issue_date, contact_id, customer_name, operations, vat_regime, "
            "total_excl_cents, total_incl_cents FROM invoice WHERE status = 'issued' AND issue_date "
            ">= :from AND issue_date <= :to ORDER BY issue_date, chain_position"),
        from, to, [](sql::RowReader& col) {
            InvoiceRow r;
            r.id = col.int64();
            r.credit = col.code(InvoiceKind::Invoice) == InvoiceKind::Credit;
            r.number = col.text();
            r.issued = col.date();
            r.contactId = col.int64();
            r.customer = col.text();
            r.operations = operationsFromCode(col.text());
            r.regime = col.code(VatRegime::Franchise);
            r.excl = col.int64();
            r.incl = col.int64();
            return r;
        });
    if (!invoices)
        return invoices;
    struct Base
    {
        qint64 invoice;
        int rate;
        qint64 sum;
    };
    auto bases = rows<Base>(
        m_db,
        QStringLiteral("SELECT l.invoice_id, l.vat_rate_bp, SUM(l.total_excl_cents) FROM invoice_line l JOIN "
                       "invoice i ON i.id = l.invoice_id WHERE i.status = 'issued' AND i.issue_date >= :from "
                       "AND i.issue_date <= :to GROUP BY l.invoice_id, l.vat_rate_bp ORDER BY l.invoice_id, "
                       "l.vat_rate_bp"),
        from, to, [](sql::RowReader& col) {
            Base b;
            b.invoice = col.int64();
            b.rate = col.integer();
            b.sum = col.int64();
            return b;
        });
    if (!bases)
        return std::unexpected(bases.error());
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < invoices->size(); ++i)
        index.insert(invoices->at(i).id, i);
    for (const Base& b : std::as_const(*bases))
        if (auto it = index.constFind(b.invoice); it != index.constEnd())
            (*invoices)[*it].bases.append({b.rate, b.sum});
    return invoices;
}

Result<QList<LedgerRepository::PaymentRow>> LedgerRepository::payments(const QDate& from,
                                                                       const QDate& to) const
{
    return rows<PaymentRow>(
        m_db,
        QStringLiteral(
            "SELECT p.id, p.day, p.method, p.amount_cents, p.cheque_number, i.number, i.contact_id, "
            "i.customer_name FROM payment p JOIN invoice i ON i.id = p.invoice_id WHERE p.day >= :from "
            "AND p.day <= :to ORDER BY p.day, p.id"),
        from, to, [](sql::RowReader& col) {
            PaymentRow r;
            r.id = col.int64();
            r.day = col.date();
            r.method = col.code(PaymentMethod::Transfer);
            r.amount = col.int64();
            r.chequeNumber = col.text();
            r.invoiceNumber = col.text();
            r.contactId = col.int64();
            r.customer = col.text();
            return r;
        });
}

Result<QList<LedgerRepository::DepositRow>> LedgerRepository::deposits(const QDate& from,
                                                                       const QDate& to) const
{
    return rows<DepositRow>(
        m_db,
        QStringLiteral(
            "SELECT d.id, d.day, SUM(p.amount_cents), COUNT(*) FROM cheque_deposit d JOIN "
            "cheque_deposit_item it ON it.deposit_id = d.id JOIN payment p ON p.id = it.payment_id "
            "WHERE d.day >= :from AND d.day <= :to GROUP BY d.id, d.day ORDER BY d.day, d.id"),
        from, to, [](sql::RowReader& col) {
            DepositRow r;
            r.id = col.int64();
            r.day = col.date();
            r.total = col.int64();
            r.cheques = col.integer();
            return r;
        });
}

Result<QList<LedgerRepository::GiftRow>> LedgerRepository::gifts(const QDate& from, const QDate& to) const
{
    return rows<GiftRow>(
        m_db,
        QStringLiteral(
            "SELECT d.id, d.day, d.method, d.nature, d.amount_cents, c.person FROM donation d JOIN "
            "contact c ON c.id = d.contact_id WHERE d.day >= :from AND d.day <= :to AND d.nature <> "
            "'in_kind' ORDER BY d.day, d.id"),
        from, to, [](sql::RowReader& col) {
            GiftRow r;
            r.id = col.int64();
            r.day = col.date();
            r.method = col.code(GiftMethod::Transfer);
            r.nature = col.code(GiftNature::Cash);
            r.amount = col.int64();
            r.person = col.flag();
            return r;
        });
}

namespace {

LedgerRepository::Receipt readReceipt(sql::RowReader& col)
{
    LedgerRepository::Receipt r;
    r.id = col.int64();
    r.day = col.date();
    r.amount = col.int64();
    r.from = col.text();
    r.what = col.text();
    r.method = col.code(GiftMethod::Transfer);
    return r;
}

} // namespace

Result<QList<LedgerRepository::Receipt>> LedgerRepository::apprenticeshipTax(const QDate& from,
                                                                             const QDate& to) const
{
    return rows<Receipt>(
        m_db,
        QStringLiteral("SELECT a.id, a.received_on, a.received_cents, c.name, "
                       "CAST(a.year AS TEXT), 'transfer' FROM apprenticeship_tax a JOIN contact c "
                       "ON c.id = a.contact_id WHERE a.received_on >= :from AND a.received_on <= "
                       ":to AND a.received_cents <> 0 ORDER BY a.received_on, a.id"),
        from, to, readReceipt);
}

Result<QList<LedgerRepository::Receipt>> LedgerRepository::dues(const QDate& from, const QDate& to) const
{
    // Members are named nowhere in the file: the due's year says what it is.
    return rows<Receipt>(
        m_db,
        QStringLiteral("SELECT id, paid_on, amount_cents, '', CAST(year AS TEXT), method FROM "
                       "membership_due WHERE paid_on >= :from AND paid_on <= :to ORDER BY "
                       "paid_on, id"),
        from, to, readReceipt);
}

Result<QList<LedgerRepository::Receipt>> LedgerRepository::subsidiesGranted(qint64 financialYearId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT s.id, s.decided_on, s.granted_cents, c.name, s.programme, '' "
                                        "FROM subsidy s JOIN contact c ON "
                                        "c.id = s.funder_id WHERE s.financial_year_id = :year AND s.decision "
                                        "= 'granted' ORDER BY s.decided_on, "
                                        "s.id")));
    q.bind(QStringLiteral("year"), financialYearId);
    ETABLI_TRY(q.exec());
    QList<Receipt> out;
    while (q.next()) {
        sql::RowReader col(q);
        out << readReceipt(col);
    }
    return out;
}

Result<QList<LedgerRepository::Receipt>> LedgerRepository::subsidyInstalments(const QDate& from,
                                                                              const QDate& to) const
{
    return rows<Receipt>(
        m_db,
        QStringLiteral("SELECT si.id, si.received_on, si.received_cents, c.name, s.programme, "
                       "'transfer' FROM subsidy_instalment si JOIN subsidy s ON s.id = "
                       "si.subsidy_id JOIN contact c ON c.id = s.funder_id WHERE si.received_on "
                       ">= :from AND si.received_on <= :to AND si.received_cents <> 0 ORDER BY "
                       "si.received_on, si.id"),
        from, to, readReceipt);
}

Result<QList<LedgerRepository::EntryRow>> LedgerRepository::entries(const QDate& from, const QDate& to) const
{
    return rows<EntryRow>(m_db,
                          QStringLiteral("SELECT id, day, category_id, label, reference, amount_cents FROM "
                                         "budget_entry WHERE day >= :from AND day <= :to ORDER BY day, id"),
                          from, to, [](sql::RowReader& col) {
                              EntryRow r;
                              r.id = col.int64();
                              r.day = col.date();
                              r.categoryId = col.int64();
                              r.label = col.text();
                              r.reference = col.text();
                              r.amount = col.int64();
                              return r;
                          });
}

} // namespace etabli
