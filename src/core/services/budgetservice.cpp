#include "services/budgetservice.h"

#include "domain/funding.h"
#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "services/financialyearservice.h"
#include "storage/contactrepository.h"
#include "storage/fundingrepository.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/translations.h"

namespace etabli {

namespace {

// The categories a new database has (schema 11), by their stored French
// name: shown in the interface's language.
const translations::Seeded kDefaultCategories[] = {
    {"Ventes de la production", QT_TRANSLATE_NOOP("BudgetService", "Sales of the production")},
    {"Dons des particuliers", QT_TRANSLATE_NOOP("BudgetService", "Gifts from individuals")},
    {"Mécénat des entreprises et organismes",
     QT_TRANSLATE_NOOP("BudgetService", "Sponsorship by companies and organisations")},
    {"Taxe d'apprentissage", QT_TRANSLATE_NOOP("BudgetService", "Apprenticeship tax")},
    {"Subventions", QT_TRANSLATE_NOOP("BudgetService", "Subsidies")},
    {"Cotisations des adhérents", QT_TRANSLATE_NOOP("BudgetService", "Members' dues")},
    {"Autres produits", QT_TRANSLATE_NOOP("BudgetService", "Other income")},
    {"Achats, matières et fournitures",
     QT_TRANSLATE_NOOP("BudgetService", "Purchases, materials and supplies")},
    {"Services extérieurs", QT_TRANSLATE_NOOP("BudgetService", "External services")},
    {"Impôts et taxes", QT_TRANSLATE_NOOP("BudgetService", "Taxes")},
    {"Charges de personnel", QT_TRANSLATE_NOOP("BudgetService", "Staff costs")},
    {"Dotations aux amortissements", QT_TRANSLATE_NOOP("BudgetService", "Depreciation")},
    {"Autres charges", QT_TRANSLATE_NOOP("BudgetService", "Other expenses")},
};

} // namespace

QString BudgetService::categoryName(const QString& stored)
{
    return translations::seededName(stored, "BudgetService", kDefaultCategories);
}

Result<QList<BudgetCategory>> BudgetService::categories() const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    auto categories = BudgetRepository(m_db).categories();
    if (categories) {
        for (BudgetCategory& c : *categories)
            c.name = categoryName(c.name);
    }
    return categories;
}

Result<QList<BudgetForecast>> BudgetService::forecasts(qint64 financialYearId) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return BudgetRepository(m_db).forecasts(financialYearId);
}

Status BudgetService::setForecast(const BudgetForecast& f)
{
    if (auto r = AccessControl::require(m_actor, permission::FundingWrite); !r)
        return r;
    if (f.financialYearId == 0)
        return fail(Error::Code::InvalidInput,
                    tr("A forecast belongs to a financial year: open the year first."));
    if (f.amount.isNegative())
        return fail(Error::Code::InvalidInput, tr("A forecast is zero or more."));
    return inTransaction(m_db, [&]() -> Status {
        auto year = FundingRepository(m_db).year(f.financialYearId);
        if (!year)
            return std::unexpected(year.error());
        if (year->closed)
            return fail(Error::Code::InvalidInput,
                        tr("This financial year is closed: its forecast stays as it was."));
        auto category = BudgetRepository(m_db).category(f.categoryId);
        if (!category)
            return std::unexpected(category.error());
        const bool subsidies = category->source == QLatin1String("subsidies");
        if (subsidies && f.funderId == 0)
            return fail(Error::Code::InvalidInput,
                        tr("The subsidies' forecast is given per funder: choose the funder."));
        if (!subsidies && f.funderId != 0)
            return fail(Error::Code::InvalidInput, tr("Only the subsidies' forecast is given per funder."));
        if (f.funderId != 0)
            ETABLI_TRY(ContactRepository(m_db).get(f.funderId));
        if (auto r = BudgetRepository(m_db).setForecast(f, m_clock.nowIso()); !r)
            return r;
        ChangeSet c;
        c.set(QStringLiteral("financial_year_id"), f.financialYearId)
            .set(QStringLiteral("category"), category->code)
            .set(QStringLiteral("amount_cents"), f.amount.cents());
        if (f.funderId != 0)
            c.set(QStringLiteral("funder_id"), f.funderId);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::BudgetForecast, QString::number(f.financialYearId),
                    AuditAction::Update, c);
    });
}

Result<qint64> BudgetService::recordEntry(const BudgetEntry& input)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingWrite));
    BudgetEntry e = input;
    e.correctsEntryId = 0;
    if (!e.day.isValid() || e.day > m_clock.today())
        return fail(Error::Code::InvalidInput, tr("Give the day of the entry (not in the future)."));
    if (e.label.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput,
                    tr("Give the entry a label (what was bought, paid or received)."));
    if (e.amount.isNegative() || e.amount.isZero())
        return fail(Error::Code::InvalidInput,
                    tr("The amount is greater than zero (to undo an entry, record its correction)."));
    e.createdBy = m_actor.login;
    return inTransaction(m_db, [&]() -> Result<qint64> {
        auto category = BudgetRepository(m_db).category(e.categoryId);
        if (!category)
            return std::unexpected(category.error());
        if (!category->takesEntries())
            return fail(Error::Code::InvalidInput, tr("“%1” is computed by Établi (from the invoices, gifts, "
                                                      "subsidies or dues): it takes no entry.")
                                                       .arg(category->name));
        ETABLI_TRY(FinancialYearService::requireOpen(m_db, e.day));
        if (e.contactId != 0)
            ETABLI_TRY(ContactRepository(m_db).get(e.contactId));
        auto id = BudgetRepository(m_db).insertEntry(e, m_clock.nowIso());
        if (!id)
            return id;
        ChangeSet c;
        c.set(QStringLiteral("day"), e.day.toString(Qt::ISODate))
            .set(QStringLiteral("category"), category->code)
            .set(QStringLiteral("label"), e.label.trimmed())
            .set(QStringLiteral("amount_cents"), e.amount.cents());
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::BudgetEntry, QString::number(*id), AuditAction::Create, c));
        return id;
    });
}

Result<qint64> BudgetService::correctEntry(qint64 entryId, const QDate& day, const QString& reason)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingWrite));
    if (!day.isValid() || day > m_clock.today())
        return fail(Error::Code::InvalidInput, tr("Give the day of the correction (not in the future)."));
    if (reason.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("Say why the entry is corrected."));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        BudgetRepository repo(m_db);
        auto original = repo.entry(entryId);
        if (!original)
            return std::unexpected(original.error());
        if (original->correctsEntryId != 0)
            return fail(Error::Code::InvalidInput,
                        tr("This entry is itself a correction: record the entry again instead."));
        if (original->correctedById != 0)
            return fail(Error::Code::InvalidInput, tr("This entry is already corrected."));
        ETABLI_TRY(FinancialYearService::requireOpen(m_db, day));
        BudgetEntry c = *original;
        c.id = 0;
        c.day = day;
        c.amount = -original->amount;
        c.label = tr("Correction: %1 (%2)").arg(original->label, reason.trimmed());
        c.correctsEntryId = original->id;
        c.createdBy = m_actor.login;
        auto id = repo.insertEntry(c, m_clock.nowIso());
        if (!id)
            return id;
        ChangeSet changes;
        changes.set(QStringLiteral("corrects_entry_id"), original->id)
            .set(QStringLiteral("day"), day.toString(Qt::ISODate))
            .set(QStringLiteral("amount_cents"), c.amount.cents())
            .set(QStringLiteral("reason"), reason.trimmed());
        ETABLI_TRY(AuditTrail(m_db, m_clock)
                       .record(m_actor, AuditEntity::BudgetEntry, QString::number(*id), AuditAction::Create,
                               changes));
        return id;
    });
}

Result<Page<BudgetEntry>> BudgetService::entries(const BudgetEntryFilter& filter,
                                                 const PageRequest& request) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    auto entries = BudgetRepository(m_db).entries(filter, request);
    if (entries) {
        for (BudgetEntry& e : entries->rows)
            e.categoryName = categoryName(e.categoryName);
    }
    return entries;
}

Result<qint64> BudgetService::countEntries(const BudgetEntryFilter& filter, int cap) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return BudgetRepository(m_db).countEntries(filter, cap);
}

Result<QList<ApprenticeshipTax>> BudgetService::apprenticeshipTaxes(int year) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return BudgetRepository(m_db).apprenticeshipTaxes(year);
}

Result<qint64> BudgetService::saveApprenticeshipTax(const ApprenticeshipTax& t)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingWrite));
    if (t.contactId == 0)
        return fail(Error::Code::InvalidInput, tr("Choose the company paying the tax."));
    if (t.year < 2000 || t.year > 2100)
        return fail(Error::Code::InvalidInput, tr("Give the year of the tax."));
    if (t.expected.isNegative() || t.received.isNegative())
        return fail(Error::Code::InvalidInput, tr("The amounts of the tax are zero or more."));
    if (!t.received.isZero() && (!t.receivedOn.isValid() || t.receivedOn > m_clock.today()))
        return fail(Error::Code::InvalidInput, tr("Give the day the tax was received (not in the future)."));
    if (t.received.isZero() && t.receivedOn.isValid())
        return fail(Error::Code::InvalidInput, tr("Give the amount received on that day."));
    auto saved = inTransaction(m_db, [&]() -> Result<qint64> {
        BudgetRepository repo(m_db);
        ETABLI_TRY(ContactRepository(m_db).get(t.contactId));
        ApprenticeshipTax before;
        if (t.id != 0) {
            auto stored = repo.apprenticeshipTax(t.id);
            if (!stored)
                return std::unexpected(stored.error());
            before = *stored;
            if (before.contactId != t.contactId || before.year != t.year)
                return fail(Error::Code::InvalidInput,
                            tr("The company and the year of a line stay as they are."));
            if (before.receivedOn.isValid())
                ETABLI_TRY(FinancialYearService::requireOpen(m_db, before.receivedOn));
        } else {
            auto existing = repo.apprenticeshipTaxes(t.year);
            if (!existing)
                return std::unexpected(existing.error());
            for (const ApprenticeshipTax& other : *existing)
                if (other.contactId == t.contactId)
                    return fail(Error::Code::InvalidInput,
                                tr("%1 already has a line for %2: change that one.")
                                    .arg(other.companyName)
                                    .arg(t.year));
        }
        if (t.receivedOn.isValid())
            ETABLI_TRY(FinancialYearService::requireOpen(m_db, t.receivedOn));
        qint64 id = t.id;
        if (id == 0) {
            auto inserted = repo.insertApprenticeshipTax(t, m_clock.nowIso());
            if (!inserted)
                return inserted;
            id = *inserted;
        } else if (auto r = repo.updateApprenticeshipTax(t, m_clock.nowIso()); !r) {
            return std::unexpected(r.error());
        }
        ChangeSet c;
        c.add(QStringLiteral("expected_cents"), before.expected.cents(), t.expected.cents())
            .add(QStringLiteral("received_cents"), before.received.cents(), t.received.cents())
            .add(QStringLiteral("received_on"), before.receivedOn.toString(Qt::ISODate),
                 t.receivedOn.toString(Qt::ISODate));
        ETABLI_TRY(AuditTrail(m_db, m_clock)
                       .record(m_actor, AuditEntity::ApprenticeshipTax, QString::number(id),
                               t.id == 0 ? AuditAction::Create : AuditAction::Update, c));
        return id;
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::ApprenticeshipTax, t.id);
}

Result<QList<Member>> BudgetService::members() const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return BudgetRepository(m_db).members();
}

Result<qint64> BudgetService::saveMember(const Member& m)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingWrite));
    if (m.contactId == 0)
        return fail(Error::Code::InvalidInput, tr("Choose the member in the directory."));
    if (!m.joinedOn.isValid() || m.joinedOn > m_clock.today())
        return fail(Error::Code::InvalidInput, tr("Give the day the member joined (not in the future)."));
    if (m.leftOn.isValid() && m.leftOn < m.joinedOn)
        return fail(Error::Code::InvalidInput, tr("A member leaves after joining."));
    auto saved = inTransaction(m_db, [&]() -> Result<qint64> {
        BudgetRepository repo(m_db);
        ETABLI_TRY(ContactRepository(m_db).get(m.contactId));
        qint64 id = m.id;
        if (id == 0) {
            auto existing = repo.members();
            if (!existing)
                return std::unexpected(existing.error());
            for (const Member& other : *existing)
                if (other.contactId == m.contactId)
                    return fail(Error::Code::InvalidInput, tr("%1 is already a member.").arg(other.name));
            auto inserted = repo.insertMember(m, m_clock.nowIso());
            if (!inserted)
                return inserted;
            id = *inserted;
        } else if (auto r = repo.updateMember(m, m_clock.nowIso()); !r) {
            return std::unexpected(r.error());
        }
        ChangeSet c;
        c.set(QStringLiteral("contact_id"), m.contactId)
            .set(QStringLiteral("joined_on"), m.joinedOn.toString(Qt::ISODate))
            .set(QStringLiteral("left_on"), m.leftOn.toString(Qt::ISODate));
        ETABLI_TRY(AuditTrail(m_db, m_clock)
                       .record(m_actor, AuditEntity::Member, QString::number(id),
                               m.id == 0 ? AuditAction::Create : AuditAction::Update, c));
        return id;
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::Member, m.id);
}

Result<QList<MembershipDue>> BudgetService::dues(qint64 memberId) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return BudgetRepository(m_db).dues(memberId);
}

Result<qint64> BudgetService::recordDue(const MembershipDue& d)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingWrite));
    if (d.year < 2000 || d.year > 2100)
        return fail(Error::Code::InvalidInput, tr("Give the year the dues are for."));
    if (d.amount.isNegative() || d.amount.isZero())
        return fail(Error::Code::InvalidInput, tr("The dues are greater than zero."));
    if (!d.paidOn.isValid() || d.paidOn > m_clock.today())
        return fail(Error::Code::InvalidInput, tr("Give the day the dues were paid (not in the future)."));
    if (!fromCode<GiftMethod>(codeOf(d.method)))
        return fail(Error::Code::InvalidInput, tr("Choose how the dues were paid."));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        BudgetRepository repo(m_db);
        auto member = repo.member(d.memberId);
        if (!member)
            return std::unexpected(member.error());
        auto paid = repo.dues(d.memberId);
        if (!paid)
            return std::unexpected(paid.error());
        for (const MembershipDue& other : *paid)
            if (other.year == d.year)
                return fail(Error::Code::InvalidInput,
                            tr("%1 has already paid the dues for %2.").arg(member->name).arg(d.year));
        ETABLI_TRY(FinancialYearService::requireOpen(m_db, d.paidOn));
        auto id = repo.insertDue(d, m_clock.nowIso());
        if (!id)
            return id;
        ChangeSet c;
        c.set(QStringLiteral("member_id"), d.memberId)
            .set(QStringLiteral("year"), d.year)
            .set(QStringLiteral("amount_cents"), d.amount.cents())
            .set(QStringLiteral("paid_on"), d.paidOn.toString(Qt::ISODate));
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::MembershipDue, QString::number(*id), AuditAction::Create, c));
        return id;
    });
}

Result<int> BudgetService::activeMembers(int year) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return BudgetRepository(m_db).activeMembers(year);
}

} // namespace etabli
