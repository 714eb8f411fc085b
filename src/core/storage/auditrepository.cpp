#include "storage/auditrepository.h"

#include "storage/database.h"
#include "storage/sqlquery.h"

#include <QCryptographicHash>

namespace etabli {

namespace {

QString whereClause(const AuditFilter& f)
{
    QStringList parts;
    if (!f.userLogin.isEmpty())
        parts << QStringLiteral("user_login = :user_login");
    if (!f.entity.isEmpty())
        parts << QStringLiteral("entity = :entity");
    if (f.from.isValid())
        parts << QStringLiteral("at >= :from");
    if (f.to.isValid())
        parts << QStringLiteral("at < :to");
    if (!f.entityId.isEmpty())
        parts << QStringLiteral("entity_id = :entity_id");
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

void bindFilter(SqlQuery& q, const AuditFilter& f)
{
    if (!f.userLogin.isEmpty())
        q.bind(QStringLiteral("user_login"), f.userLogin);
    if (!f.entity.isEmpty())
        q.bind(QStringLiteral("entity"), f.entity);
    // Timestamps are UTC ISO strings: compare as text against day bounds.
    if (f.from.isValid())
        q.bind(QStringLiteral("from"), f.from.toString(Qt::ISODate));
    if (f.to.isValid())
        q.bind(QStringLiteral("to"), f.to.addDays(1).toString(Qt::ISODate));
    if (!f.entityId.isEmpty())
        q.bind(QStringLiteral("entity_id"), f.entityId);
}

const QString kColumns =
    QStringLiteral("id, at, user_id, user_login, entity, entity_id, action, changes, prev_hash, hash");

AuditEntry readEntry(const SqlQuery& q)
{
    AuditEntry e;
    e.id = q.value(0).toLongLong();
    e.at = q.value(1).toString();
    e.userId = q.value(2).toLongLong();
    e.userLogin = q.value(3).toString();
    e.entity = q.value(4).toString();
    e.entityId = q.value(5).toString();
    e.action = q.value(6).toString();
    e.changes = q.value(7).toString();
    e.prevHash = q.value(8).toString();
    e.hash = q.value(9).toString();
    return e;
}

} // namespace

QString AuditRepository::computeHash(const AuditEntry& e)
{
    const QStringList fields = {QString::number(e.id),
                                e.at,
                                QString::number(e.userId),
                                e.userLogin,
                                e.entity,
                                e.entityId,
                                e.action,
                                e.changes,
                                e.prevHash};
    // Unit separator between fields: no field can fake a boundary.
    return QString::fromLatin1(
        QCryptographicHash::hash(fields.join(QChar(0x1F)).toUtf8(), QCryptographicHash::Sha256).toHex());
}

Status AuditRepository::append(AuditEntry e)
{
    if (m_db.dialect() == Database::Dialect::PostgreSQL) {
        // Serialise writers of the chain (SQLite's BEGIN IMMEDIATE already does).
        SqlQuery lock(m_db);
        if (auto r = lock.exec(QStringLiteral("SELECT pg_advisory_xact_lock(4554424)")); !r)
            return r;
    }
    {
        SqlQuery last(m_db);
        if (auto r = last.exec(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")); !r)
            return r;
        if (last.next()) {
            e.id = last.value(0).toLongLong() + 1;
            e.prevHash = last.value(1).toString();
        } else {
            e.id = 1;
            e.prevHash = QString(QLatin1String(""));
        }
    }
    e.hash = computeHash(e);
    {
        // The chain's counter only grows: a deleted last row leaves it above the table (check).
        SqlQuery counter(m_db);
        if (auto r = counter.prepare(QStringLiteral("INSERT INTO document_counter (series, year, "
                                                    "last_number) VALUES ('audit', 0, :id) ON CONFLICT "
                                                    "(series, year) DO UPDATE SET last_number = :id2"));
            !r)
            return r;
        counter.bind(QStringLiteral("id"), e.id).bind(QStringLiteral("id2"), e.id);
        if (auto r = counter.exec(); !r)
            return r;
    }
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("INSERT INTO audit_log (id, at, user_id, user_login, entity, "
                                          "entity_id, action, changes, prev_hash, hash) "
                                          "VALUES (:id, :at, :user_id, :user_login, :entity, :entity_id, "
                                          ":action, :changes, :prev_hash, :hash)"));
        !r)
        return r;
    q.bind(QStringLiteral("id"), e.id)
        .bind(QStringLiteral("at"), e.at)
        .bind(QStringLiteral("user_id"),
              e.userId > 0 ? QVariant(e.userId) : QVariant(QMetaType(QMetaType::LongLong)))
        .bind(QStringLiteral("user_login"), e.userLogin)
        .bind(QStringLiteral("entity"), e.entity)
        .bind(QStringLiteral("entity_id"), e.entityId)
        .bind(QStringLiteral("action"), e.action)
        .bind(QStringLiteral("changes"), e.changes)
        .bind(QStringLiteral("prev_hash"), e.prevHash)
        .bind(QStringLiteral("hash"), e.hash);
    return q.exec();
}

Result<AuditRepository::ChainReport> AuditRepository::verifyChain() const
{
    ChainReport report;
    SqlQuery q(m_db);
    q.setForwardOnly(true);
    if (auto r = q.exec(QStringLiteral("SELECT %1 FROM audit_log ORDER BY id").arg(kColumns)); !r)
        return std::unexpected(r.error());
    QString previous;
    qint64 expectedId = 1;
    while (q.next()) {
        const AuditEntry e = readEntry(q);
        ++report.rows;
        if (report.firstBadId != 0)
            continue;
        if (e.id != expectedId) {
            report.firstBadId = e.id;
            report.problem = tr("row %1 follows row %2: rows are missing").arg(e.id).arg(expectedId - 1);
        } else if (e.prevHash != previous) {
            report.firstBadId = e.id;
            report.problem = tr("row %1 does not follow the previous row").arg(e.id);
        } else if (computeHash(e) != e.hash) {
            report.firstBadId = e.id;
            report.problem = tr("row %1 was modified").arg(e.id);
        }
        previous = e.hash;
        ++expectedId;
    }
    return report;
}

Result<QList<AuditEntry>> AuditRepository::list(const AuditFilter& filter, int limit, int offset) const
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(
            QStringLiteral("SELECT %1 FROM audit_log%2 ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .arg(kColumns, whereClause(filter)));
        !r)
        return std::unexpected(r.error());
    bindFilter(q, filter);
    q.bind(QStringLiteral("limit"), limit).bind(QStringLiteral("offset"), offset);
    if (auto r = q.exec(); !r)
        return std::unexpected(r.error());
    QList<AuditEntry> out;
    while (q.next())
        out << readEntry(q);
    return out;
}

Result<qint64> AuditRepository::count(const AuditFilter& filter) const
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("SELECT count(*) FROM audit_log%1").arg(whereClause(filter))); !r)
        return std::unexpected(r.error());
    bindFilter(q, filter);
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return v->toLongLong();
}

Result<QStringList> AuditRepository::distinctValues(const QString& column) const
{
    if (column != QLatin1String("user_login") && column != QLatin1String("entity"))
        return fail(Error::Code::InvalidInput, tr("Internal error: unknown column."), column);
    SqlQuery q(m_db);
    if (auto r = q.exec(QStringLiteral("SELECT DISTINCT %1 FROM audit_log ORDER BY %1").arg(column)); !r)
        return std::unexpected(r.error());
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

} // namespace etabli
