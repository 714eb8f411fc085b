#include "storage/bankrepository.h"

#include "storage/database.h"
#include "storage/invoicerows.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"

namespace etabli {

namespace {

using sql::iso;

const QString lineColumns = QStringLiteral(
    "SELECT l.id, l.statement_id, l.position, l.day, l.amount_cents, l.label, l.party, l.reference, l.state, "
    "l.payment_id, l.deposit_id, l.donation_id, l.matched_by, l.matched_at, i.number, c.name, c.first_name, "
    "c.person FROM bank_line l LEFT JOIN payment p ON p.id = l.payment_id LEFT JOIN invoice i ON i.id = "
    "p.invoice_id LEFT JOIN donation d ON d.id = l.donation_id LEFT JOIN contact c ON c.id = d.contact_id ");

StatementLine readLine(const SqlQuery& q)
{
    sql::RowReader col(q);
    StatementLine s;
    s.id = col.int64();
    s.statementId = col.int64();
    s.line.position = col.integer();
    s.line.day = col.date();
    s.line.amount = col.money();
    s.line.label = col.text();
    s.line.party = col.text();
    s.line.reference = col.text();
    s.state = col.code(BankLineState::Open);
    s.paymentId = col.int64();
    s.depositId = col.int64();
    s.donationId = col.int64();
    s.matchedBy = col.text();
    s.matchedAt = col.text();
    const QString invoice = col.text();
    const QString donor = col.contactName();
    if (s.paymentId != 0)
        s.matchedWith = BankRepository::tr("Payment of %1").arg(invoice);
    else if (s.depositId != 0)
        s.matchedWith = BankRepository::tr("Deposit slip no. %1").arg(s.depositId);
    else if (s.donationId != 0)
        s.matchedWith = BankRepository::tr("Gift from %1").arg(donor);
    return s;
}

QList<Receivable> readReceivables(SqlQuery& q)
{
    QList<Receivable> out;
    while (q.next())
        out << invoicerows::readReceivable(q);
    return out;
}

} // namespace

Result<std::optional<BankStatement>> BankRepository::statementByDigest(const QByteArray& digest) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT id, format, account, first_day, last_day, file_name, imported_by, "
                                 "imported_at FROM bank_statement WHERE digest = :digest")));
    q.bind(QStringLiteral("digest"), QString::fromLatin1(digest));
    ETABLI_TRY(q.exec());
    if (!q.next())
        return std::optional<BankStatement>();
    sql::RowReader col(q);
    BankStatement s;
    s.id = col.int64();
    s.format = col.code(StatementFormat::Csv);
    s.account = col.text();
    s.from = col.date();
    s.to = col.date();
    s.fileName = col.text();
    s.importedBy = col.text();
    s.importedAt = col.text();
    return std::optional<BankStatement>(s);
}

Result<QSet<QString>> BankRepository::knownKeys(const QString& account, const QDate& from,
                                                const QDate& to) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT line_key FROM bank_line WHERE account = :account AND day >= :from AND day <= :to")));
    q.bind(QStringLiteral("account"), account)
        .bind(QStringLiteral("from"), iso(from))
        .bind(QStringLiteral("to"), iso(to));
    ETABLI_TRY(q.exec());
    QSet<QString> out;
    while (q.next())
        out.insert(q.value(0).toString());
    return out;
}

Result<qint64> BankRepository::insert(const StatementFile& file, const QStringList& keys,
                                      const QString& fileName, const QString& by, const QString& nowIso)
{
    SqlQuery s(m_db);
    ETABLI_TRY(s.prepare(QStringLiteral(
        "INSERT INTO bank_statement (format, account, first_day, last_day, file_name, digest, imported_by, "
        "imported_at) VALUES (:format, :account, :from, :to, :file, :digest, :by, :now) RETURNING id")));
    s.bind(QStringLiteral("format"), codeOf(file.format))
        .bind(QStringLiteral("account"), file.account)
        .bind(QStringLiteral("from"), iso(file.from))
        .bind(QStringLiteral("to"), iso(file.to))
        .bind(QStringLiteral("file"), fileName)
        .bind(QStringLiteral("digest"), QString::fromLatin1(file.digest))
        .bind(QStringLiteral("by"), by)
        .bind(QStringLiteral("now"), nowIso);
    auto id = s.execReturningId();
    if (!id)
        return id;
    SqlQuery l(m_db);
    ETABLI_TRY(l.prepare(QStringLiteral(
        "INSERT INTO bank_line (statement_id, position, account, line_key, day, amount_cents, label, party, "
        "reference) VALUES (:statement, :position, :account, :key, :day, :amount, :label, :party, "
        ":reference)")));
    for (qsizetype i = 0; i < file.lines.size(); ++i) {
        const BankLine& line = file.lines.at(i);
        l.bind(QStringLiteral("statement"), *id)
            .bind(QStringLiteral("position"), line.position)
            .bind(QStringLiteral("account"), file.account)
            .bind(QStringLiteral("key"), keys.at(i))
            .bind(QStringLiteral("day"), iso(line.day))
            .bind(QStringLiteral("amount"), line.amount.cents())
            .bind(QStringLiteral("label"), line.label)
            .bind(QStringLiteral("party"), line.party)
            .bind(QStringLiteral("reference"), line.reference);
        ETABLI_TRY(l.exec());
    }
    return id;
}

Result<QList<BankStatement>> BankRepository::statements() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(QStringLiteral(
        "SELECT s.id, s.format, s.account, s.first_day, s.last_day, s.file_name, s.imported_by, "
        "s.imported_at, "
        "(SELECT count(*) FROM bank_line l WHERE l.statement_id = s.id), (SELECT count(*) FROM bank_line l "
        "WHERE l.statement_id = s.id AND l.amount_cents > 0), (SELECT count(*) FROM bank_line l WHERE "
        "l.statement_id = s.id AND l.amount_cents > 0 AND l.state = 'open') FROM bank_statement s ORDER BY "
        "s.last_day DESC, s.id DESC")));
    QList<BankStatement> out;
    while (q.next()) {
        sql::RowReader col(q);
        BankStatement s;
        s.id = col.int64();
        s.format = col.code(StatementFormat::Csv);
        s.account = col.text();
        s.from = col.date();
        s.to = col.date();
        s.fileName = col.text();
        s.importedBy = col.text();
        s.importedAt = col.text();
        s.lines = col.integer();
        s.credits = col.integer();
        s.open = col.integer();
        out << s;
    }
    return out;
}

Result<QList<StatementLine>> BankRepository::lines(qint64 statementId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(lineColumns + QStringLiteral("WHERE l.statement_id = :id ORDER BY l.position")));
    q.bind(QStringLiteral("id"), statementId);
    ETABLI_TRY(q.exec());
    QList<StatementLine> out;
    while (q.next())
        out << readLine(q);
    return out;
}

Result<StatementLine> BankRepository::line(qint64 lineId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(lineColumns + QStringLiteral("WHERE l.id = :id")));
    q.bind(QStringLiteral("id"), lineId);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This line of the statement no longer exists."));
    return readLine(q);
}

Status BankRepository::match(qint64 lineId, MatchKind kind, qint64 targetId, const QString& by,
                             const QString& nowIso)
{
    const QString column = kind == MatchKind::Payment   ? QStringLiteral("payment_id")
                           : kind == MatchKind::Deposit ? QStringLiteral("deposit_id")
                                                        : QStringLiteral("donation_id");
    // The other one matched already (by another line): said before the
    // unique constraint would, in words.
    SqlQuery taken(m_db);
    ETABLI_TRY(taken.prepare(
        QStringLiteral("SELECT position, statement_id FROM bank_line WHERE %1 = :target").arg(column)));
    taken.bind(QStringLiteral("target"), targetId);
    ETABLI_TRY(taken.exec());
    if (taken.next())
        return fail(Error::Code::Conflict,
                    tr("This is already matched with line %1 of statement no. %2: a movement of the bank is "
                       "matched once.")
                        .arg(taken.value(0).toInt())
                        .arg(taken.value(1).toLongLong()));
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("UPDATE bank_line SET state = 'matched', %1 = :target, matched_by = :by, "
                                 "matched_at = :now WHERE id = :id AND state = 'open'")
                      .arg(column)));
    q.bind(QStringLiteral("target"), targetId)
        .bind(QStringLiteral("by"), by)
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), lineId);
    ETABLI_TRY(q.exec());
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This line was reconciled meanwhile (on another computer?): reload the statement."));
    return {};
}

Status BankRepository::clearMatch(qint64 lineId)
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("UPDATE bank_line SET state = 'open', payment_id = NULL, deposit_id = NULL, "
                                 "donation_id = NULL, matched_by = '', matched_at = '' WHERE id = :id AND "
                                 "state = 'matched'")));
    q.bind(QStringLiteral("id"), lineId);
    ETABLI_TRY(q.exec());
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This line was reconciled meanwhile (on another computer?): reload the statement."));
    return {};
}

Status BankRepository::setIgnored(qint64 lineId, bool ignored, const QString& by, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("UPDATE bank_line SET state = :state, matched_by = :by, matched_at = :now "
                                 "WHERE id = :id AND state = :from")));
    q.bind(QStringLiteral("state"), codeOf(ignored ? BankLineState::Ignored : BankLineState::Open))
        .bind(QStringLiteral("by"), ignored ? by : QString())
        .bind(QStringLiteral("now"), ignored ? nowIso : QString())
        .bind(QStringLiteral("id"), lineId)
        .bind(QStringLiteral("from"), codeOf(ignored ? BankLineState::Open : BankLineState::Ignored));
    ETABLI_TRY(q.exec());
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This line was reconciled meanwhile (on another computer?): reload the statement."));
    return {};
}

Result<QList<Receivable>> BankRepository::invoicesDue(const Money& amount, int limit) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(invoicerows::receivableColumns() +
                  QStringLiteral("WHERE abs(b.due_cents) = :amount AND b.due_cents > 0 ORDER BY b.invoice_id "
                                 "LIMIT :limit")));
    q.bind(QStringLiteral("amount"), amount.cents()).bind(QStringLiteral("limit"), limit);
    ETABLI_TRY(q.exec());
    return readReceivables(q);
}

Result<QList<Receivable>> BankRepository::invoicesNumbered(const QStringList& numbers) const
{
    if (numbers.isEmpty())
        return QList<Receivable>();
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(invoicerows::receivableColumns() +
                         QStringLiteral("WHERE b.due_cents > 0 AND i.number IN (%1)")
                             .arg(SqlQuery::listPlaceholders(QStringLiteral("n"), numbers.size()))));
    for (qsizetype i = 0; i < numbers.size(); ++i)
        q.bind(QStringLiteral("n%1").arg(i), numbers.at(i));
    ETABLI_TRY(q.exec());
    return readReceivables(q);
}

Result<QList<BankRepository::DepositCandidate>>
BankRepository::depositsOf(const Money& total, const QDate& from, const QDate& to) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT d.id, d.day, SUM(p.amount_cents), count(*) FROM cheque_deposit d JOIN cheque_deposit_item it "
        "ON "
        "it.deposit_id = d.id JOIN payment p ON p.id = it.payment_id WHERE d.day >= :from AND d.day <= :to "
        "AND "
        "NOT EXISTS (SELECT 1 FROM bank_line l WHERE l.deposit_id = d.id) GROUP BY d.id, d.day HAVING "
        "SUM(p.amount_cents) = :total ORDER BY d.day, d.id")));
    q.bind(QStringLiteral("from"), iso(from))
        .bind(QStringLiteral("to"), iso(to))
        .bind(QStringLiteral("total"), total.cents());
    ETABLI_TRY(q.exec());
    QList<DepositCandidate> out;
    while (q.next()) {
        sql::RowReader col(q);
        DepositCandidate c;
        c.id = col.int64();
        c.day = col.date();
        c.total = col.money();
        c.cheques = col.integer();
        out << c;
    }
    return out;
}

Result<QList<BankRepository::GiftCandidate>> BankRepository::giftsOf(const Money& amount, const QDate& from,
                                                                     const QDate& to) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT d.id, d.contact_id, c.name, c.first_name, c.person, d.day, d.amount_cents FROM donation d "
        "JOIN "
        "contact c ON c.id = d.contact_id WHERE d.amount_cents = :amount AND d.day >= :from AND d.day <= :to "
        "AND d.nature = 'cash' AND d.method IN ('transfer', 'card') AND NOT EXISTS (SELECT 1 FROM bank_line "
        "l "
        "WHERE l.donation_id = d.id) ORDER BY d.day, d.id")));
    q.bind(QStringLiteral("amount"), amount.cents())
        .bind(QStringLiteral("from"), iso(from))
        .bind(QStringLiteral("to"), iso(to));
    ETABLI_TRY(q.exec());
    QList<GiftCandidate> out;
    while (q.next()) {
        sql::RowReader col(q);
        GiftCandidate g;
        g.id = col.int64();
        g.contactId = col.int64();
        g.donor = col.contactName();
        g.day = col.date();
        g.amount = col.money();
        out << g;
    }
    return out;
}

Result<std::optional<QByteArray>> BankRepository::csvLayout(const QString& signature) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT layout FROM bank_csv_layout WHERE signature = :signature")));
    q.bind(QStringLiteral("signature"), signature);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(q.value(0).toString().toUtf8());
}

Status BankRepository::saveCsvLayout(const QString& signature, const QByteArray& layout,
                                     const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "INSERT INTO bank_csv_layout (signature, layout, updated_at) VALUES (:signature, :layout, :now) ON "
        "CONFLICT (signature) DO UPDATE SET layout = excluded.layout, updated_at = excluded.updated_at")));
    q.bind(QStringLiteral("signature"), signature)
        .bind(QStringLiteral("layout"), QString::fromUtf8(layout))
        .bind(QStringLiteral("now"), nowIso);
    return q.exec();
}

} // namespace etabli
