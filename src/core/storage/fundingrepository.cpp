#include "storage/fundingrepository.h"

#include "storage/database.h"
#include "storage/pagedquery.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"
#include "storage/sqlwhere.h"

namespace etabli {

namespace {

using sql::idOrNull;

using sql::fromIso;
using sql::iso;

const QString yearColumns = QStringLiteral("SELECT id, start_date, end_date, closed, target_production_bp, "
                                           "target_gifts_bp, target_subsidies_bp, version FROM "
                                           "financial_year");

FinancialYear readYear(const SqlQuery& q)
{
    FinancialYear y;
    sql::RowReader col(q);
    y.id = col.int64();
    y.start = col.date();
    y.end = col.date();
    y.closed = col.flag();
    y.targetProductionBp = col.integer();
    y.targetGiftsBp = col.integer();
    y.targetSubsidiesBp = col.integer();
    y.version = col.integer();
    return y;
}

const QString donationFields = QStringLiteral(
    "d.id, d.contact_id, c.name, c.first_name, c.person, d.day, d.amount_cents, d.method, "
    "d.nature, d.description, d.purpose, d.receipt_id, r.number, d.version, d.form, d.valuation, "
    "d.proof, d.reference");
const QString donationTables = QStringLiteral(
    "donation d JOIN contact c ON c.id = d.contact_id LEFT JOIN tax_receipt r ON r.id = d.receipt_id");
const QString donationColumns =
    QStringLiteral("SELECT ") + donationFields + QStringLiteral(" FROM ") + donationTables;

Donation readDonation(const SqlQuery& q)
{
    Donation d;
    sql::RowReader col(q);
    d.id = col.int64();
    d.contactId = col.int64();
    d.donorName = col.contactName();
    d.day = col.date();
    d.amount = col.money();
    d.method = col.code(GiftMethod::Other);
    d.nature = col.code(GiftNature::Cash);
    d.description = col.text();
    d.purpose = col.text();
    d.receiptId = col.int64();
    d.receiptNumber = col.text();
    d.version = col.integer();
    d.form = col.code(GiftForm::Other);
    d.valuation = col.text();
    d.proof = col.text();
    d.reference = col.text();
    return d;
}

// The gifts' list: newest first, a page at a time through the index of its
// filter (schema 25): all, those without a receipt, one donor's.
sql::PagedQuery donationList(const DonationFilter& f)
{
    sql::Where where;
    if (f.contactId != 0)
        where.add(QStringLiteral("d.contact_id = :contact"), {{QStringLiteral("contact"), f.contactId}});
    if (f.from.isValid())
        where.add(QStringLiteral("d.day >= :from"), {{QStringLiteral("from"), iso(f.from)}});
    if (f.to.isValid())
        where.add(QStringLiteral("d.day <= :to"), {{QStringLiteral("to"), iso(f.to)}});
    if (f.unreceiptedOnly)
        where.add(QStringLiteral("d.receipt_id IS NULL"));
    if (!f.text.trimmed().isEmpty())
        where.add(QStringLiteral("c.name_key LIKE :text"),
                  {{QStringLiteral("text"), sql::Where::containsPattern(f.text)}});
    return sql::PagedQuery(donationFields, donationTables, where, QStringLiteral("d.day"),
                           QStringLiteral("d.id"));
}

} // namespace

Result<std::optional<FinancialYear>> FundingRepository::yearContaining(const QDate& day) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(yearColumns + QStringLiteral(" WHERE start_date <= :day AND end_date >= :day2")));
    q.bind(QStringLiteral("day"), iso(day)).bind(QStringLiteral("day2"), iso(day));
    ETABLI_TRY(q.exec());
    if (!q.next())
        return std::optional<FinancialYear>{};
    return std::optional<FinancialYear>{readYear(q)};
}

Result<QList<FinancialYear>> FundingRepository::years() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(yearColumns + QStringLiteral(" ORDER BY start_date DESC")));
    QList<FinancialYear> out;
    while (q.next())
        out << readYear(q);
    return out;
}

Result<qint64> FundingRepository::insertYear(const FinancialYear& y, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("INSERT INTO financial_year (start_date, end_date, closed, "
                                        "target_production_bp, target_gifts_bp, "
                                        "target_subsidies_bp, version, created_at, updated_at) VALUES "
                                        "(:start, :end, :closed, :production, :gifts, "
                                        ":subsidies, 1, :now, :now) RETURNING id")));
    q.bind(QStringLiteral("start"), iso(y.start))
        .bind(QStringLiteral("end"), iso(y.end))
        .bind(QStringLiteral("closed"), y.closed ? 1 : 0)
        .bind(QStringLiteral("production"), y.targetProductionBp)
        .bind(QStringLiteral("gifts"), y.targetGiftsBp)
        .bind(QStringLiteral("subsidies"), y.targetSubsidiesBp)
        .bind(QStringLiteral("now"), nowIso);
    return q.execReturningId();
}

Result<FinancialYear> FundingRepository::year(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(yearColumns + QStringLiteral(" WHERE id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This financial year does not exist."));
    return readYear(q);
}

Status FundingRepository::setTargets(const FinancialYear& y, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "UPDATE financial_year SET target_production_bp = :production, target_gifts_bp = :gifts, "
            "target_subsidies_bp = :subsidies, version = version + 1, updated_at = :now WHERE id = :id AND "
            "version = "
            ":version"));
        !r)
        return r;
    q.bind(QStringLiteral("production"), y.targetProductionBp)
        .bind(QStringLiteral("gifts"), y.targetGiftsBp)
        .bind(QStringLiteral("subsidies"), y.targetSubsidiesBp)
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), y.id)
        .bind(QStringLiteral("version"), y.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This financial year was changed meanwhile on another computer."));
    return {};
}

Status FundingRepository::setClosed(qint64 yearId, bool closed, int version, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(
            QStringLiteral("UPDATE financial_year SET closed = :closed, version = version + 1, updated_at = "
                           ":now WHERE id = :id AND version = :version"));
        !r)
        return r;
    q.bind(QStringLiteral("closed"), closed ? 1 : 0)
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), yearId)
        .bind(QStringLiteral("version"), version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This financial year was changed meanwhile on another computer."));
    return {};
}

Result<qint64> FundingRepository::insertDonation(const Donation& d, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("INSERT INTO donation (contact_id, day, amount_cents, method, "
                                 "nature, form, description, valuation, proof, purpose, reference, version, "
                                 "created_at, updated_at) VALUES (:contact, :day, :amount, :method, "
                                 ":nature, :form, :description, :valuation, :proof, :purpose, :reference, 1, "
                                 ":now, :now) RETURNING id")));
    q.bind(QStringLiteral("contact"), d.contactId)
        .bind(QStringLiteral("day"), iso(d.day))
        .bind(QStringLiteral("amount"), d.amount.cents())
        .bind(QStringLiteral("method"), codeOf(d.method))
        .bind(QStringLiteral("nature"), codeOf(d.nature))
        .bind(QStringLiteral("form"), codeOf(d.form))
        .bind(QStringLiteral("description"), d.description.trimmed())
        .bind(QStringLiteral("valuation"), d.valuation.trimmed())
        .bind(QStringLiteral("proof"), d.proof.trimmed())
        .bind(QStringLiteral("purpose"), d.purpose.trimmed())
        .bind(QStringLiteral("reference"), d.reference.trimmed())
        .bind(QStringLiteral("now"), nowIso);
    return q.execReturningId();
}

Result<qint64> FundingRepository::donationByReference(const QString& reference) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT id FROM donation WHERE reference = :reference")));
    q.bind(QStringLiteral("reference"), reference.trimmed());
    auto id = q.execScalar();
    if (!id)
        return std::unexpected(id.error());
    return id->isNull() ? 0 : id->toLongLong();
}

Result<Donation> FundingRepository::donation(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(donationColumns + QStringLiteral(" WHERE d.id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This gift does not exist."));
    return readDonation(q);
}

Result<Page<Donation>> FundingRepository::donations(const DonationFilter& filter,
                                                    const PageRequest& request) const
{
    return donationList(filter).read<Donation>(m_db, request, readDonation);
}

Result<qint64> FundingRepository::countDonations(const DonationFilter& filter, int cap) const
{
    return donationList(filter).count(m_db, cap);
}

Status FundingRepository::attachReceipt(const QList<qint64>& donationIds, qint64 receiptId,
                                        const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(
            QStringLiteral("UPDATE donation SET receipt_id = :receipt, version = version + 1, updated_at = "
                           ":now WHERE id = :id AND receipt_id IS NULL"));
        !r)
        return r;
    for (qint64 id : donationIds) {
        q.bind(QStringLiteral("receipt"), receiptId)
            .bind(QStringLiteral("now"), nowIso)
            .bind(QStringLiteral("id"), id);
        if (auto r = q.exec(); !r)
            return r;
        // Another computer receipted it meanwhile: never twice.
        if (q.numRowsAffected() != 1)
            return fail(Error::Code::Conflict, tr("A gift of this receipt already has a receipt."));
    }
    return {};
}

Status FundingRepository::detachReceipt(qint64 receiptId, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(
            QStringLiteral("UPDATE donation SET receipt_id = NULL, version = version + 1, updated_at = :now "
                           "WHERE receipt_id = :receipt"));
        !r)
        return r;
    q.bind(QStringLiteral("now"), nowIso).bind(QStringLiteral("receipt"), receiptId);
    return q.exec();
}

Result<qint64> FundingRepository::insertReceipt(const TaxReceipt& t)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("INSERT INTO tax_receipt (kind, number, year, sequence, "
                       "contact_id, cancels_receipt_id, issue_date, "
                       "donor_name, donor_address, donor_company, donor_siren, "
                       "total_cents, reason, sealed, chain_position, "
                       "prev_hash, hash, issued_at, issued_by, beneficiary, signatory_name, "
                       "signatory_capacity, hash_version, donor_legal_form) VALUES (:kind, :number, "
                       ":year, :sequence, :contact, :cancels, "
                       ":issue, :name, :address, :company, :siren, :total, :reason, 0, "
                       ":position, :prev, :hash, :at, :by, :beneficiary, :signatory, "
                       ":capacity, :hash_version, :legal_form) "
                       "RETURNING id")));
    q.bind(QStringLiteral("kind"), codeOf(t.kind))
        .bind(QStringLiteral("number"), t.number)
        .bind(QStringLiteral("year"), t.year)
        .bind(QStringLiteral("sequence"), t.sequence)
        .bind(QStringLiteral("contact"), t.contactId)
        .bind(QStringLiteral("cancels"), idOrNull(t.cancelsReceiptId))
        .bind(QStringLiteral("issue"), iso(t.issueDate))
        .bind(QStringLiteral("name"), t.donorName)
        .bind(QStringLiteral("address"), t.donorAddress)
        .bind(QStringLiteral("company"), t.donorCompany ? 1 : 0)
        .bind(QStringLiteral("siren"), t.donorSiren)
        .bind(QStringLiteral("total"), t.total.cents())
        .bind(QStringLiteral("reason"), t.reason)
        .bind(QStringLiteral("position"), t.chainPosition)
        .bind(QStringLiteral("prev"), t.prevHash)
        .bind(QStringLiteral("hash"), t.hash)
        .bind(QStringLiteral("at"), iso(t.issueDate))
        .bind(QStringLiteral("by"), t.issuedBy)
        .bind(QStringLiteral("beneficiary"), t.beneficiary)
        .bind(QStringLiteral("signatory"), t.signatoryName)
        .bind(QStringLiteral("capacity"), t.signatoryCapacity)
        .bind(QStringLiteral("hash_version"), t.hashVersion)
        .bind(QStringLiteral("legal_form"), t.donorLegalForm);
    auto id = q.execReturningId();
    if (!id)
        return id;
    SqlQuery line(m_db);
    ETABLI_TRY(line.prepare(
        QStringLiteral("INSERT INTO tax_receipt_line (receipt_id, donation_id, day, amount_cents, "
                       "method, nature, description, form, valuation, proof) "
                       "VALUES (:receipt, :donation, :day, :amount, :method, :nature, :description, :form, "
                       ":valuation, :proof)")));
    for (const ReceiptLine& l : t.lines) {
        line.bind(QStringLiteral("receipt"), *id)
            .bind(QStringLiteral("donation"), l.donationId)
            .bind(QStringLiteral("day"), iso(l.day))
            .bind(QStringLiteral("amount"), l.amount.cents())
            .bind(QStringLiteral("method"), codeOf(l.method))
            .bind(QStringLiteral("nature"), codeOf(l.nature))
            .bind(QStringLiteral("description"), l.description)
            .bind(QStringLiteral("form"), l.form ? codeOf(*l.form) : QString())
            .bind(QStringLiteral("valuation"), l.valuation)
            .bind(QStringLiteral("proof"), l.proof);
        ETABLI_TRY(line.exec());
    }
    SqlQuery seal(m_db);
    ETABLI_TRY(seal.prepare(QStringLiteral("UPDATE tax_receipt SET sealed = 1 WHERE id = :id")));
    seal.bind(QStringLiteral("id"), *id);
    ETABLI_TRY(seal.exec());
    return id;
}

namespace {

// A receipt's columns (receiptFromRow reads them in this order), with the
// receipt it cancels (c) and the one that cancels it (x).
const QString receiptColumns = QStringLiteral(
    "SELECT t.id, t.kind, t.number, t.year, t.sequence, t.contact_id, t.cancels_receipt_id, c.number, "
    "t.issue_date, t.donor_name, t.donor_address, t.donor_company, t.donor_siren, t.total_cents, t.reason, "
    "t.chain_position, t.prev_hash, t.hash, t.issued_by, x.id, x.number, t.beneficiary, t.signatory_name, "
    "t.signatory_capacity, t.hash_version, t.donor_legal_form FROM tax_receipt t LEFT JOIN tax_receipt c ON "
    "c.id = t.cancels_receipt_id LEFT JOIN tax_receipt x ON x.cancels_receipt_id = t.id");
constexpr int receiptColumnCount = 26;

const QString receiptLineColumns =
    QStringLiteral("l.donation_id, l.day, l.amount_cents, l.method, l.nature, l.description, l.form, "
                   "l.valuation, l.proof");

TaxReceipt receiptFromRow(const SqlQuery& q)
{
    TaxReceipt t;
    sql::RowReader col(q);
    t.id = col.int64();
    t.kind = col.code(ReceiptKind::Receipt);
    t.number = col.text();
    t.year = col.integer();
    t.sequence = col.integer();
    t.contactId = col.int64();
    t.cancelsReceiptId = col.int64();
    t.cancelsNumber = col.text();
    t.issueDate = col.date();
    t.donorName = col.text();
    t.donorAddress = col.text();
    t.donorCompany = col.flag();
    t.donorSiren = col.text();
    t.total = col.money();
    t.reason = col.text();
    t.chainPosition = col.integer();
    t.prevHash = col.text();
    t.hash = col.text();
    t.issuedBy = col.text();
    t.cancelledById = col.int64();
    t.cancelledByNumber = col.text();
    t.beneficiary = col.text();
    t.signatoryName = col.text();
    t.signatoryCapacity = col.text();
    t.hashVersion = col.integer();
    t.donorLegalForm = col.text();
    return t;
}

ReceiptLine receiptLineFromRow(const SqlQuery& q, int first)
{
    ReceiptLine line{q.value(first).toLongLong(),
                     fromIso(q.value(first + 1)),
                     Money::fromCents(q.value(first + 2).toLongLong()),
                     fromCode(q.value(first + 3).toString(), GiftMethod::Other),
                     fromCode(q.value(first + 4).toString(), GiftNature::Cash),
                     q.value(first + 5).toString()};
    if (!q.value(first + 6).toString().isEmpty())
        line.form = fromCode(q.value(first + 6).toString(), GiftForm::Other);
    line.valuation = q.value(first + 7).toString();
    line.proof = q.value(first + 8).toString();
    return line;
}

} // namespace

Result<TaxReceipt> FundingRepository::receipt(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(receiptColumns + QStringLiteral(" WHERE t.id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This tax receipt does not exist."));
    TaxReceipt t = receiptFromRow(q);
    q.finish();
    SqlQuery l(m_db);
    ETABLI_TRY(
        l.prepare(QStringLiteral("SELECT %1 FROM tax_receipt_line l WHERE l.receipt_id = :id ORDER BY l.id")
                      .arg(receiptLineColumns)));
    l.bind(QStringLiteral("id"), id);
    ETABLI_TRY(l.exec());
    while (l.next())
        t.lines << receiptLineFromRow(l, 0);
    return t;
}

Result<qint64> FundingRepository::receiptId(const QString& number) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT id FROM tax_receipt WHERE number = :number")));
    q.bind(QStringLiteral("number"), number.trimmed().toUpper());
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("No tax receipt has the number “%1”.").arg(number.trimmed()));
    return q.value(0).toLongLong();
}

Result<QList<qint64>> FundingRepository::receiptIds(int year) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT id FROM tax_receipt WHERE issue_date BETWEEN :from AND :to ORDER BY chain_position")));
    q.bind(QStringLiteral("from"), QDate(year, 1, 1).toString(Qt::ISODate))
        .bind(QStringLiteral("to"), QDate(year, 12, 31).toString(Qt::ISODate));
    ETABLI_TRY(q.exec());
    QList<qint64> out;
    while (q.next())
        out << q.value(0).toLongLong();
    return out;
}

Result<FundingRepository::ChainTip> FundingRepository::receiptTip() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.exec(QStringLiteral("SELECT chain_position, hash FROM tax_receipt WHERE chain_position = (SELECT "
                              "MAX(chain_position) FROM tax_receipt)")));
    ChainTip tip;
    if (q.next()) {
        tip.position = q.value(0).toInt();
        tip.hash = q.value(1).toString();
    }
    return tip;
}

Result<QString> FundingRepository::verifyReceipts() const
{
    // One streaming query: the receipts in chain order, a row per line.
    SqlQuery q(m_db);
    q.setForwardOnly(true);
    ETABLI_TRY(
        q.exec(receiptColumns.section(QStringLiteral(" FROM tax_receipt t"), 0, 0) +
               QStringLiteral(", l.receipt_id, %1 FROM tax_receipt t LEFT JOIN tax_receipt c ON c.id = "
                              "t.cancels_receipt_id LEFT JOIN tax_receipt x ON x.cancels_receipt_id = t.id "
                              "LEFT JOIN tax_receipt_line l ON l.receipt_id = t.id ORDER BY "
                              "t.chain_position, l.id")
                   .arg(receiptLineColumns)));
    QString prev;
    TaxReceipt current;
    bool reading = false;
    const auto intact = [&]() {
        const bool ok = current.prevHash == prev && receiptHash(current, prev) == current.hash;
        prev = current.hash;
        return ok;
    };
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (!reading || id != current.id) {
            if (reading && !intact())
                return current.number;
            current = receiptFromRow(q);
            reading = true;
        }
        if (!q.value(receiptColumnCount).isNull())
            current.lines << receiptLineFromRow(q, receiptColumnCount + 1);
    }
    if (reading && !intact())
        return current.number;
    return QString();
}

} // namespace etabli
