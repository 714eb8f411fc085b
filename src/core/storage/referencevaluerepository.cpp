#include "storage/referencevaluerepository.h"

#include "storage/database.h"
#include "storage/sqlquery.h"

namespace etabli {

Result<QList<ReferenceValue>> ReferenceValueRepository::list() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(QStringLiteral(
        "SELECT id, code, label, value_bp, source, year, version FROM reference_value ORDER BY id")));
    QList<ReferenceValue> out;
    while (q.next())
        out << ReferenceValue{q.value(0).toLongLong(), q.value(1).toString(),
                              q.value(2).toString(),   q.value(3).isNull() ? -1 : q.value(3).toInt(),
                              q.value(4).toString(),   q.value(5).isNull() ? 0 : q.value(5).toInt(),
                              q.value(6).toInt()};
    return out;
}

Status ReferenceValueRepository::update(const ReferenceValue& v, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(
            QStringLiteral("UPDATE reference_value SET value_bp = :value, source = :source, year = :year, "
                           "version = version + 1, updated_at = :now WHERE id = :id AND version = "
                           ":version"));
        !r)
        return r;
    q.bind(QStringLiteral("value"), v.isSet() ? QVariant(v.valueBp) : QVariant(QMetaType::fromType<int>()))
        .bind(QStringLiteral("source"), v.source.trimmed())
        .bind(QStringLiteral("year"), v.isSet() ? QVariant(v.year) : QVariant(QMetaType::fromType<int>()))
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), v.id)
        .bind(QStringLiteral("version"), v.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This reference value was changed meanwhile on another computer."));
    return {};
}

} // namespace etabli
