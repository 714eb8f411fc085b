#include "storage/budgetrepository.h"

#include "storage/database.h"
#include "storage/pagedquery.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"
#include "storage/sqlwhere.h"

namespace etabli {

namespace {

using sql::idOrNull;
using sql::isoOrNull;

using sql::fromIso;
using sql::iso;

// A contact's name as shown: "Faivre Monique" for a person, the name otherwise.
QString contactNameSql(const QString& alias)
{
    return QStringLiteral(
               "CASE WHEN %1.person = 1 AND %1.first_name <> '' THEN %1.name || ' ' || %1.first_name ELSE "
               "%1.name END")
        .arg(alias);
}

const QString categoryColumns =
    QStringLiteral("SELECT id, kind, code, name, split_group, source, position, active FROM budget_category");

BudgetCategory readCategory(const SqlQuery& q)
{
    BudgetCategory c;
    sql::RowReader col(q);
    c.id = col.int64();
    c.kind = col.code(BudgetKind::Expense);
    c.code = col.text();
    c.name = col.text();
    c.splitGroup = col.text();
    c.source = col.text();
    c.position = col.integer();
    c.active = col.flag();
    return c;
}

QString entryFields()
{
    return QStringLiteral("e.id, e.day, e.category_id, k.name, e.label, e.amount_cents, e.contact_id, %1, "
                          "e.reference, e.corrects_entry_id, x.id, e.created_by")
        .arg(contactNameSql(QStringLiteral("c")));
}

const QString entryTables = QStringLiteral(
    "budget_entry e JOIN budget_category k ON k.id = e.category_id LEFT JOIN contact c ON c.id = "
    "e.contact_id LEFT JOIN budget_entry x ON x.corrects_entry_id = e.id");

QString entryColumns()
{
    return QStringLiteral("SELECT ") + entryFields() + QStringLiteral(" FROM ") + entryTables;
}

BudgetEntry readEntry(const SqlQuery& q)
{
    BudgetEntry e;
    sql::RowReader col(q);
    e.id = col.int64();
    e.day = col.date();
    e.categoryId = col.int64();
    e.categoryName = col.text();
    e.label = col.text();
    e.amount = col.money();
    e.contactId = col.int64();
    e.contactName = col.text();
    e.reference = col.text();
    e.correctsEntryId = col.int64();
    e.correctedById = col.int64();
    e.createdBy = col.text();
    return e;
}

sql::Where entryWhere(const BudgetEntryFilter& f)
{
    sql::Where w;
    if (f.from.isValid())
        w.add(QStringLiteral("e.day >= :from"), {{QStringLiteral("from"), iso(f.from)}});
    if (f.to.isValid())
        w.add(QStringLiteral("e.day <= :to"), {{QStringLiteral("to"), iso(f.to)}});
    if (f.categoryId != 0)
        w.add(QStringLiteral("e.category_id = :category"), {{QStringLiteral("category"), f.categoryId}});
    if (f.kind)
        w.add(QStringLiteral("k.kind = :kind"), {{QStringLiteral("kind"), codeOf(*f.kind)}});
    if (!f.search.trimmed().isEmpty()) {
        const QString pattern = sql::Where::containsPattern(f.search);
        w.add(
            QStringLiteral("(lower(e.label) LIKE :s1 OR lower(e.reference) LIKE :s2 OR c.name_key LIKE :s3)"),
            {{QStringLiteral("s1"), pattern},
             {QStringLiteral("s2"), pattern},
             {QStringLiteral("s3"), pattern}});
    }
    return w;
}

QString taxColumns()
{
    return QStringLiteral(
               "SELECT t.id, t.contact_id, %1, t.year, t.expected_cents, t.received_cents, t.received_on, "
               "t.note, t.version FROM apprenticeship_tax t JOIN contact c ON c.id = t.contact_id")
        .arg(contactNameSql(QStringLiteral("c")));
}

ApprenticeshipTax readTax(const SqlQuery& q)
{
    ApprenticeshipTax t;
    sql::RowReader col(q);
    t.id = col.int64();
    t.contactId = col.int64();
    t.companyName = col.text();
    t.year = col.integer();
    t.expected = col.money();
    t.received = col.money();
    t.receivedOn = col.date();
    t.note = col.text();
    t.version = col.integer();
    return t;
}

QString memberColumns()
{
    return QStringLiteral(
               "SELECT m.id, m.contact_id, %1, m.joined_on, m.left_on, (SELECT MAX(d.year) FROM "
               "membership_due d WHERE d.member_id = m.id), m.version FROM member m JOIN contact c ON c.id = "
               "m.contact_id")
        .arg(contactNameSql(QStringLiteral("c")));
}

Member readMember(const SqlQuery& q)
{
    Member m;
    sql::RowReader col(q);
    m.id = col.int64();
    m.contactId = col.int64();
    m.name = col.text();
    m.joinedOn = col.date();
    m.leftOn = col.date();
    m.lastPaidYear = col.value().isNull() ? 0 : col.integer();
    m.version = col.integer();
    return m;
}

} // namespace

Result<QList<BudgetCategory>> BudgetRepository::categories() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(categoryColumns + QStringLiteral(" ORDER BY position, id")));
    QList<BudgetCategory> out;
    while (q.next())
        out << readCategory(q);
    return out;
}

Result<BudgetCategory> BudgetRepository::category(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(categoryColumns + QStringLiteral(" WHERE id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This budget category does not exist."));
    return readCategory(q);
}

Result<QList<BudgetForecast>> BudgetRepository::forecasts(qint64 financialYearId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("SELECT f.id, f.financial_year_id, f.category_id, f.funder_id, %1, "
                       "f.amount_cents, f.version FROM budget_forecast f LEFT JOIN contact c ON c.id "
                       "= f.funder_id WHERE f.financial_year_id = :year ORDER BY f.category_id, %1")
            .arg(contactNameSql(QStringLiteral("c")))));
    q.bind(QStringLiteral("year"), financialYearId);
    ETABLI_TRY(q.exec());
    QList<BudgetForecast> out;
    while (q.next()) {
        BudgetForecast f;
        sql::RowReader col(q);
        f.id = col.int64();
        f.financialYearId = col.int64();
        f.categoryId = col.int64();
        f.funderId = col.int64();
        f.funderName = col.text();
        f.amount = col.money();
        f.version = col.integer();
        out << f;
    }
    return out;
}

Status BudgetRepository::setForecast(const BudgetForecast& f, const QString& nowIso)
{
    SqlQuery update(m_db);
    if (auto r = update.prepare(QStringLiteral(
            "UPDATE budget_forecast SET amount_cents = :amount, version = version + 1, updated_at = :now "
            "WHERE "
            "financial_year_id = :year AND category_id = :category AND COALESCE(funder_id, 0) = :funder"));
        !r)
        return r;
    update.bind(QStringLiteral("amount"), f.amount.cents())
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("year"), f.financialYearId)
        .bind(QStringLiteral("category"), f.categoryId)
        .bind(QStringLiteral("funder"), f.funderId);
    if (auto r = update.exec(); !r)
        return r;
    if (update.numRowsAffected() == 1)
        return {};
    SqlQuery insert(m_db);
    if (auto r = insert.prepare(QStringLiteral(
            "INSERT INTO budget_forecast (financial_year_id, category_id, funder_id, amount_cents, version, "
            "created_at, updated_at) VALUES (:year, :category, :funder, :amount, 1, :now, :now)"));
        !r)
        return r;
    insert.bind(QStringLiteral("year"), f.financialYearId)
        .bind(QStringLiteral("category"), f.categoryId)
        .bind(QStringLiteral("funder"), idOrNull(f.funderId))
        .bind(QStringLiteral("amount"), f.amount.cents())
        .bind(QStringLiteral("now"), nowIso);
    return insert.exec();
}

Result<qint64> BudgetRepository::insertEntry(const BudgetEntry& e, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("INSERT INTO budget_entry (day, category_id, label, amount_cents, "
                                        "contact_id, reference, corrects_entry_id, "
                                        "created_at, created_by) VALUES (:day, :category, :label, :amount, "
                                        ":contact, :reference, :corrects, :now, "
                                        ":by) RETURNING id")));
    q.bind(QStringLiteral("day"), iso(e.day))
        .bind(QStringLiteral("category"), e.categoryId)
        .bind(QStringLiteral("label"), e.label.trimmed())
        .bind(QStringLiteral("amount"), e.amount.cents())
        .bind(QStringLiteral("contact"), idOrNull(e.contactId))
        .bind(QStringLiteral("reference"), e.reference.trimmed())
        .bind(QStringLiteral("corrects"), idOrNull(e.correctsEntryId))
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("by"), e.createdBy);
    return q.execReturningId();
}

Result<BudgetEntry> BudgetRepository::entry(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(entryColumns() + QStringLiteral(" WHERE e.id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This entry does not exist."));
    return readEntry(q);
}

Result<Page<BudgetEntry>> BudgetRepository::entries(const BudgetEntryFilter& filter,
                                                    const PageRequest& request) const
{
    // Newest first, through (day, id) or (category, day, id) (schema 25).
    return sql::PagedQuery(entryFields(), entryTables, entryWhere(filter), QStringLiteral("e.day"),
                           QStringLiteral("e.id"))
        .read<BudgetEntry>(m_db, request, readEntry);
}

Result<qint64> BudgetRepository::countEntries(const BudgetEntryFilter& filter, int cap) const
{
    return sql::PagedQuery(entryFields(), entryTables, entryWhere(filter), QStringLiteral("e.day"),
                           QStringLiteral("e.id"))
        .count(m_db, cap);
}

Result<QList<ApprenticeshipTax>> BudgetRepository::apprenticeshipTaxes(int year) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(taxColumns() + QStringLiteral(" WHERE (:year = 0 OR t.year = :year2) ORDER BY t.year DESC, "
                                                "c.name_key")));
    q.bind(QStringLiteral("year"), year).bind(QStringLiteral("year2"), year);
    ETABLI_TRY(q.exec());
    QList<ApprenticeshipTax> out;
    while (q.next())
        out << readTax(q);
    return out;
}

Result<ApprenticeshipTax> BudgetRepository::apprenticeshipTax(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(taxColumns() + QStringLiteral(" WHERE t.id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This apprenticeship tax line does not exist."));
    return readTax(q);
}

Result<qint64> BudgetRepository::insertApprenticeshipTax(const ApprenticeshipTax& t, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("INSERT INTO apprenticeship_tax (contact_id, year, expected_cents, "
                                        "received_cents, received_on, note, "
                                        "version, created_at, updated_at) VALUES (:contact, :year, "
                                        ":expected, :received, :on, :note, 1, :now, "
                                        ":now) RETURNING id")));
    q.bind(QStringLiteral("contact"), t.contactId)
        .bind(QStringLiteral("year"), t.year)
        .bind(QStringLiteral("expected"), t.expected.cents())
        .bind(QStringLiteral("received"), t.received.cents())
        .bind(QStringLiteral("on"), isoOrNull(t.receivedOn))
        .bind(QStringLiteral("note"), t.note.trimmed())
        .bind(QStringLiteral("now"), nowIso);
    return q.execReturningId();
}

Status BudgetRepository::updateApprenticeshipTax(const ApprenticeshipTax& t, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "UPDATE apprenticeship_tax SET expected_cents = :expected, received_cents = :received, "
            "received_on = :on, "
            "note = :note, version = version + 1, updated_at = :now WHERE id = :id AND version = :version"));
        !r)
        return r;
    q.bind(QStringLiteral("expected"), t.expected.cents())
        .bind(QStringLiteral("received"), t.received.cents())
        .bind(QStringLiteral("on"), isoOrNull(t.receivedOn))
        .bind(QStringLiteral("note"), t.note.trimmed())
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), t.id)
        .bind(QStringLiteral("version"), t.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This line was changed meanwhile on another computer."));
    return {};
}

Result<QList<Member>> BudgetRepository::members() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(memberColumns() + QStringLiteral(" ORDER BY c.name_key, m.id")));
    QList<Member> out;
    while (q.next())
        out << readMember(q);
    return out;
}

Result<Member> BudgetRepository::member(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(memberColumns() + QStringLiteral(" WHERE m.id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This member does not exist."));
    return readMember(q);
}

Result<qint64> BudgetRepository::insertMember(const Member& m, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("INSERT INTO member (contact_id, joined_on, left_on, version, created_at, "
                       "updated_at) VALUES (:contact, :joined, :left, 1, :now, :now) RETURNING id")));
    q.bind(QStringLiteral("contact"), m.contactId)
        .bind(QStringLiteral("joined"), iso(m.joinedOn))
        .bind(QStringLiteral("left"), isoOrNull(m.leftOn))
        .bind(QStringLiteral("now"), nowIso);
    return q.execReturningId();
}

Status BudgetRepository::updateMember(const Member& m, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(
            QStringLiteral("UPDATE member SET joined_on = :joined, left_on = :left, version = version + "
                           "1, updated_at = :now WHERE id = :id AND version = :version"));
        !r)
        return r;
    q.bind(QStringLiteral("joined"), iso(m.joinedOn))
        .bind(QStringLiteral("left"), isoOrNull(m.leftOn))
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), m.id)
        .bind(QStringLiteral("version"), m.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This member was changed meanwhile on another computer."));
    return {};
}

Result<QList<MembershipDue>> BudgetRepository::dues(qint64 memberId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT id, member_id, year, amount_cents, paid_on, method FROM "
                                        "membership_due WHERE member_id = :member ORDER BY year DESC")));
    q.bind(QStringLiteral("member"), memberId);
    ETABLI_TRY(q.exec());
    QList<MembershipDue> out;
    while (q.next()) {
        MembershipDue d;
        sql::RowReader col(q);
        d.id = col.int64();
        d.memberId = col.int64();
        d.year = col.integer();
        d.amount = col.money();
        d.paidOn = col.date();
        d.method = col.code(GiftMethod::Other);
        out << d;
    }
    return out;
}

Result<qint64> BudgetRepository::insertDue(const MembershipDue& d, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("INSERT INTO membership_due (member_id, year, amount_cents, paid_on, method, "
                       "created_at) VALUES (:member, :year, :amount, :paid, :method, :now) RETURNING "
                       "id")));
    q.bind(QStringLiteral("member"), d.memberId)
        .bind(QStringLiteral("year"), d.year)
        .bind(QStringLiteral("amount"), d.amount.cents())
        .bind(QStringLiteral("paid"), iso(d.paidOn))
        .bind(QStringLiteral("method"), codeOf(d.method))
        .bind(QStringLiteral("now"), nowIso);
    return q.execReturningId();
}

Result<int> BudgetRepository::activeMembers(int year) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT COUNT(DISTINCT member_id) FROM membership_due WHERE year = :year")));
    q.bind(QStringLiteral("year"), year);
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return v->toInt();
}

} // namespace etabli
