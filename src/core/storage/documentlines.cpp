#include "storage/documentlines.h"

#include "storage/database.h"
#include "storage/sqlquery.h"

namespace etabli::documentlines {

Status write(Database& db, const QString& table, const QString& key, qint64 id,
             const QList<InvoiceLine>& lines)
{
    SqlQuery del(db);
    if (auto r = del.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = :id").arg(table, key)); !r)
        return r;
    del.bind(QStringLiteral("id"), id);
    if (auto r = del.exec(); !r)
        return r;
    SqlQuery q(db);
    if (auto r = q.prepare(
            QStringLiteral("INSERT INTO %1 (%2, position, catalogue_item_id, label, quantity_thousandths, "
                           "unit, unit_price_cents, vat_rate_bp, vat_exemption, total_excl_cents) VALUES "
                           "(:id, :position, :item, :label, :quantity, :unit, :price, :vat, :exemption, "
                           ":total)")
                .arg(table, key));
        !r)
        return r;
    for (int i = 0; i < lines.size(); ++i) {
        const InvoiceLine& l = lines.at(i);
        q.bind(QStringLiteral("id"), id)
            .bind(QStringLiteral("position"), i + 1)
            .bind(QStringLiteral("item"), l.catalogueItemId == 0 ? QVariant(QMetaType::fromType<qint64>())
                                                                 : QVariant(l.catalogueItemId))
            .bind(QStringLiteral("label"), l.label.trimmed())
            .bind(QStringLiteral("quantity"), l.quantityThousandths)
            .bind(QStringLiteral("unit"), codeOf(l.unit))
            .bind(QStringLiteral("price"), l.unitPrice.cents())
            .bind(QStringLiteral("vat"), l.vatRateBp)
            .bind(QStringLiteral("exemption"), l.vatRateBp == 0 ? l.vatExemption.trimmed() : QString())
            .bind(QStringLiteral("total"), l.total().cents());
        if (auto r = q.exec(); !r)
            return r;
    }
    return {};
}

QString columns(const QString& alias)
{
    return QStringLiteral("%1.catalogue_item_id, %1.label, %1.quantity_thousandths, %1.unit, "
                          "%1.unit_price_cents, %1.vat_rate_bp, %1.vat_exemption")
        .arg(alias);
}

InvoiceLine fromRow(const SqlQuery& q, int first)
{
    InvoiceLine l;
    l.catalogueItemId = q.value(first).isNull() ? 0 : q.value(first).toLongLong();
    l.label = q.value(first + 1).toString();
    l.quantityThousandths = q.value(first + 2).toLongLong();
    l.unit = fromCode(q.value(first + 3).toString(), Unit::Piece);
    l.unitPrice = Money::fromCents(q.value(first + 4).toLongLong());
    l.vatRateBp = q.value(first + 5).toInt();
    l.vatExemption = q.value(first + 6).toString();
    return l;
}

Result<QList<InvoiceLine>> read(const Database& db, const QString& table, const QString& key, qint64 id)
{
    SqlQuery q(db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT %1 FROM %2 l WHERE l.%3 = :id ORDER BY l.position")
                             .arg(columns(QStringLiteral("l")), table, key)));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    QList<InvoiceLine> out;
    while (q.next())
        out << fromRow(q, 0);
    return out;
}

} // namespace etabli::documentlines
