#include "storage/cataloguerepository.h"

#include "storage/database.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "util/text.h"

namespace etabli {

namespace {
void bindItem(SqlQuery& q, const CatalogueItem& i)
{
    q.bind(QStringLiteral("code"), i.code.trimmed())
        .bind(QStringLiteral("code_key"), text::fold(i.code))
        .bind(QStringLiteral("label"), i.label.trimmed())
        .bind(QStringLiteral("label_key"), text::fold(i.label))
        .bind(QStringLiteral("unit"), codeOf(i.unit))
        .bind(QStringLiteral("price"), i.unitPrice.cents())
        .bind(QStringLiteral("vat"), i.vatRateBp)
        .bind(QStringLiteral("active"), i.active ? 1 : 0);
}
} // namespace

Result<CatalogueItem> CatalogueRepository::get(qint64 id) const
{
    auto items = list(0, false, {}, id);
    if (!items)
        return std::unexpected(items.error());
    if (items->isEmpty())
        return fail(Error::Code::NotFound, tr("This catalogue item does not exist."));
    return items->first();
}

Result<QList<CatalogueItem>> CatalogueRepository::list(qint64 sectionId, bool activeOnly,
                                                       const QString& textIn, qint64 id) const
{
    QStringList where;
    if (id != 0)
        where << QStringLiteral("id = :id");
    if (sectionId != 0)
        where << QStringLiteral("section_id = :section");
    if (activeOnly)
        where << QStringLiteral("active = 1");
    if (!textIn.trimmed().isEmpty())
        where << QStringLiteral("(code_key LIKE :pattern OR label_key LIKE :pattern2)");
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("SELECT id, section_id, code, label, unit, unit_price_cents, vat_rate_bp, "
                       "active, version FROM catalogue_item%1 ORDER BY section_id, code_key")
            .arg(where.isEmpty() ? QString()
                                 : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")))));
    if (id != 0)
        q.bind(QStringLiteral("id"), id);
    if (sectionId != 0)
        q.bind(QStringLiteral("section"), sectionId);
    if (!textIn.trimmed().isEmpty()) {
        QString pattern = text::fold(textIn);
        pattern.remove(QLatin1Char('%')).remove(QLatin1Char('_'));
        q.bind(QStringLiteral("pattern"), pattern + QLatin1Char('%'))
            .bind(QStringLiteral("pattern2"), QLatin1Char('%') + pattern + QLatin1Char('%'));
    }
    ETABLI_TRY(q.exec());
    QList<CatalogueItem> out;
    while (q.next()) {
        CatalogueItem i;
        sql::RowReader col(q);
        i.id = col.int64();
        i.sectionId = col.int64();
        i.code = col.text();
        i.label = col.text();
        i.unit = col.code(Unit::Piece);
        i.unitPrice = col.money();
        i.vatRateBp = col.integer();
        i.active = col.flag();
        i.version = col.integer();
        out << i;
    }
    return out;
}

Result<qint64> CatalogueRepository::insert(const CatalogueItem& i, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("INSERT INTO catalogue_item (section_id, code, code_key, label, label_key, unit, "
                       "unit_price_cents, "
                       "vat_rate_bp, active, version, created_at, updated_at) VALUES (:section, :code, "
                       ":code_key, :label, "
                       ":label_key, :unit, :price, :vat, :active, 1, :now, :now) RETURNING id")));
    bindItem(q, i);
    q.bind(QStringLiteral("section"), i.sectionId).bind(QStringLiteral("now"), nowIso);
    auto id = q.execReturningId();
    if (!id && id.error().code == Error::Code::Conflict)
        return fail(Error::Code::Conflict,
                    tr("The code “%1” is already used in this workshop.").arg(i.code.trimmed()));
    return id;
}

Status CatalogueRepository::update(const CatalogueItem& i, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("UPDATE catalogue_item SET code = :code, code_key = :code_key, "
                                          "label = :label, label_key = :label_key, "
                                          "unit = :unit, unit_price_cents = :price, vat_rate_bp = :vat, "
                                          "active = :active, version = version + 1, "
                                          "updated_at = :now WHERE id = :id AND version = :version"));
        !r)
        return r;
    bindItem(q, i);
    q.bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), i.id)
        .bind(QStringLiteral("version"), i.version);
    if (auto r = q.exec(); !r) {
        if (r.error().code == Error::Code::Conflict)
            return fail(Error::Code::Conflict,
                        tr("The code “%1” is already used in this workshop.").arg(i.code.trimmed()));
        return r;
    }
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This item was changed meanwhile on another computer."));
    return {};
}

} // namespace etabli
