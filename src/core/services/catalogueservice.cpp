#include "services/catalogueservice.h"

#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "storage/cataloguerepository.h"
#include "storage/transaction.h"
#include "util/clock.h"

namespace etabli {

Status CatalogueService::validate(const CatalogueItem& i)
{
    if (i.sectionId == 0)
        return fail(Error::Code::InvalidInput, tr("Choose the workshop of the item."));
    if (i.code.trimmed().isEmpty() || i.label.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("An item needs a code and a label."));
    if (i.code.trimmed().size() > 20)
        return fail(Error::Code::InvalidInput, tr("The code is 20 characters at most."));
    if (!allOf<Unit>().contains(i.unit))
        return fail(Error::Code::InvalidInput, tr("“%1”: choose the unit.").arg(i.label.trimmed()));
    if (i.unitPrice.isNegative())
        return fail(Error::Code::InvalidInput, tr("The price cannot be negative."));
    if (i.vatRateBp < 0 || i.vatRateBp > 10000)
        return fail(Error::Code::InvalidInput, tr("The VAT rate is between 0 and 100 %."));
    return {};
}

Result<QList<CatalogueItem>> CatalogueService::list(qint64 sectionId, bool activeOnly,
                                                    const QString& text) const
{
    return CatalogueRepository(m_db).list(sectionId, activeOnly, text);
}

Result<CatalogueItem> CatalogueService::item(qint64 id) const
{
    return CatalogueRepository(m_db).get(id);
}

Result<qint64> CatalogueService::add(const CatalogueItem& item)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SettingsEdit));
    ETABLI_TRY(validate(item));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        auto id = CatalogueRepository(m_db).insert(item, m_clock.nowIso());
        if (!id)
            return id;
        ChangeSet c;
        c.set(QStringLiteral("code"), item.code.trimmed())
            .set(QStringLiteral("label"), item.label.trimmed())
            .set(QStringLiteral("unit_price_cents"), item.unitPrice.cents());
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::Catalogue, QString::number(*id), AuditAction::Create, c));
        return id;
    });
}

Status CatalogueService::update(const CatalogueItem& item)
{
    if (auto r = AccessControl::require(m_actor, permission::SettingsEdit); !r)
        return r;
    if (auto r = validate(item); !r)
        return r;
    auto saved = inTransaction(m_db, [&]() -> Status {
        CatalogueRepository repo(m_db);
        auto all = repo.list(item.sectionId, false);
        if (!all)
            return std::unexpected(all.error());
        CatalogueItem before;
        for (const CatalogueItem& i : *all) {
            if (i.id == item.id)
                before = i;
        }
        if (auto r = repo.update(item, m_clock.nowIso()); !r)
            return r;
        ChangeSet c;
        c.add(QStringLiteral("code"), before.code, item.code.trimmed())
            .add(QStringLiteral("label"), before.label, item.label.trimmed())
            .add(QStringLiteral("unit"), codeOf(before.unit), codeOf(item.unit))
            .add(QStringLiteral("unit_price_cents"), before.unitPrice.cents(), item.unitPrice.cents())
            .add(QStringLiteral("vat_rate_bp"), before.vatRateBp, item.vatRateBp)
            .add(QStringLiteral("active"), before.active, item.active);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Catalogue, QString::number(item.id), AuditAction::Update, c);
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::Catalogue, item.id);
}

} // namespace etabli
