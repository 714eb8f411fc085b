#include "storage/auditrepository.h"

#include "storage/database.h"
#include "storage/pagedquery.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"

#include <algorithm>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace etabli {

namespace {

sql::Where auditWhere(const AuditFilter& f)
{
    sql::Where w;
    if (!f.userLogin.isEmpty())
        w.add(QStringLiteral("user_login = :user_login"), {{QStringLiteral("user_login"), f.userLogin}});
    if (f.entity)
        w.add(QStringLiteral("entity = :entity"), {{QStringLiteral("entity"), codeOf(*f.entity)}});
    // Timestamps are UTC ISO strings: compare as text against day bounds.
    if (f.from.isValid())
        w.add(QStringLiteral("at >= :from"), {{QStringLiteral("from"), f.from.toString(Qt::ISODate)}});
    if (f.to.isValid())
        w.add(QStringLiteral("at < :to"), {{QStringLiteral("to"), f.to.addDays(1).toString(Qt::ISODate)}});
    if (!f.entityId.isEmpty())
        w.add(QStringLiteral("entity_id = :entity_id"), {{QStringLiteral("entity_id"), f.entityId}});
    return w;
}

const QString kAuditColumns =
    QStringLiteral("id, at, user_id, user_login, entity, entity_id, action, changes, prev_hash, hash");

AuditEntry readEntry(const SqlQuery& q)
{
    AuditEntry e;
    sql::RowReader col(q);
    e.id = col.int64();
    e.at = col.text();
    e.userId = col.int64();
    e.userLogin = col.text();
    e.entity = col.text();
    e.entityId = col.text();
    e.action = col.text();
    e.changes = col.text();
    e.prevHash = col.text();
    e.hash = col.text();
    return e;
}

// The personal fields of the rows written before schema 22, by entity.
const QHash<QString, QStringList>& legacyPersonalFields()
{
    static const QHash<QString, QStringList> fields = {
        {QStringLiteral("trainee"),
         {QStringLiteral("last_name"), QStringLiteral("first_name"), QStringLiteral("birth_date"),
          QStringLiteral("address_line1"), QStringLiteral("postcode"), QStringLiteral("city"),
          QStringLiteral("phone"), QStringLiteral("email"), QStringLiteral("referral_id"),
          QStringLiteral("exit_reason")}},
        {QStringLiteral("contact"),
         {QStringLiteral("name"), QStringLiteral("address"), QStringLiteral("phone"),
          QStringLiteral("email")}},
        {QStringLiteral("vehicle"), {QStringLiteral("plate")}}};
    return fields;
}

QString jsonText(const QJsonValue& v)
{
    if (v.isDouble())
        return QString::number(v.toInteger());
    return v.toString();
}

} // namespace

QString AuditRepository::personalDigest(const QByteArray& secret, const QString& field, const QString& value)
{
    const QByteArray text = (field + QChar(0x1F) + value).toUtf8();
    return QStringLiteral("hmac:") +
           QString::fromLatin1(
               QMessageAuthenticationCode::hash(text, secret, QCryptographicHash::Sha256).toHex().left(12));
}

bool AuditRepository::isDigest(const QString& value)
{
    return value.startsWith(QLatin1String("hmac:")) && value.size() == 17;
}

Result<QByteArray> AuditRepository::subjectSecret(const QString& subject)
{
    SqlQuery find(m_db);
    ETABLI_TRY(find.prepare(QStringLiteral("SELECT secret FROM audit_subject_key WHERE subject = :subject")));
    find.bind(QStringLiteral("subject"), subject);
    auto existing = find.execScalar();
    if (!existing)
        return std::unexpected(existing.error());
    if (existing->isValid() && !existing->isNull())
        return QByteArray::fromHex(existing->toString().toLatin1());
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(secret.begin(), secret.end());
    SqlQuery insert(m_db);
    ETABLI_TRY(insert.prepare(QStringLiteral("INSERT INTO audit_subject_key (subject, secret, created_at) "
                                             "VALUES (:subject, :secret, :at)")));
    insert.bind(QStringLiteral("subject"), subject)
        .bind(QStringLiteral("secret"), QString::fromLatin1(secret.toHex()))
        .bind(QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    ETABLI_TRY(insert.exec());
    return secret;
}

Result<bool> AuditRepository::forgetSubject(const QString& subject)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("DELETE FROM audit_subject_key WHERE subject = :subject")));
    q.bind(QStringLiteral("subject"), subject);
    ETABLI_TRY(q.exec());
    return q.numRowsAffected() > 0;
}

Status AuditRepository::digestLegacyPersonalValues(const QString& nowIso)
{
    auto before = verifyChain();
    if (!before)
        return std::unexpected(before.error());
    QString head;
    QList<AuditEntry> rows;
    {
        SqlQuery q(m_db);
        q.setForwardOnly(true);
        if (auto r = q.exec(QStringLiteral("SELECT %1 FROM audit_log ORDER BY id").arg(kAuditColumns)); !r)
            return r;
        while (q.next())
            rows << readEntry(q);
    }
    if (!rows.isEmpty())
        head = rows.last().hash;
    qsizetype firstChanged = -1;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        AuditEntry& e = rows[i];
        const auto rule = legacyPersonalFields().constFind(e.entity);
        if (rule == legacyPersonalFields().cend() || e.changes.isEmpty())
            continue;
        QJsonObject changes = QJsonDocument::fromJson(e.changes.toUtf8()).object();
        // A vehicle's plate is about its owner.
        const QString subject =
            e.entity == QLatin1String("vehicle") && changes.contains(QStringLiteral("contact_id"))
                ? QStringLiteral("contact:") +
                      jsonText(changes.value(QStringLiteral("contact_id")).toArray().at(1))
                : e.entity + QLatin1Char(':') + e.entityId;
        bool changed = false;
        for (const QString& field : *rule) {
            if (!changes.contains(field))
                continue;
            QJsonArray pair = changes.value(field).toArray();
            for (int side = 0; side < pair.size(); ++side) {
                const QString value = jsonText(pair.at(side));
                if (pair.at(side).isNull() || value.isEmpty() || value == QStringLiteral("•••") ||
                    isDigest(value))
                    continue;
                auto secret = subjectSecret(subject);
                if (!secret)
                    return std::unexpected(secret.error());
                pair[side] = personalDigest(*secret, field, value);
                changed = true;
            }
            changes.insert(field, pair);
        }
        if (!changed)
            continue;
        e.changes = QString::fromUtf8(QJsonDocument(changes).toJson(QJsonDocument::Compact));
        if (firstChanged < 0)
            firstChanged = i;
    }
    // The persons already anonymised: nothing may link their digests to them.
    {
        SqlQuery q(m_db);
        if (auto r =
                q.exec(QStringLiteral("DELETE FROM audit_subject_key WHERE subject IN (SELECT 'trainee:' "
                                      "|| CAST(id AS TEXT) FROM trainee WHERE anonymised_at IS NOT NULL)"));
            !r)
            return r;
    }
    if (firstChanged < 0)
        return {};
    QString previous = firstChanged == 0 ? QString(QLatin1String("")) : rows.at(firstChanged - 1).hash;
    for (qsizetype i = firstChanged; i < rows.size(); ++i) {
        AuditEntry& e = rows[i];
        e.prevHash = previous;
        e.hash = computeHash(e);
        previous = e.hash;
        SqlQuery u(m_db);
        if (auto r = u.prepare(QStringLiteral("UPDATE audit_log SET changes = :changes, prev_hash = :prev, "
                                              "hash = :hash WHERE id = :id"));
            !r)
            return r;
        u.bind(QStringLiteral("changes"), e.changes)
            .bind(QStringLiteral("prev"), e.prevHash)
            .bind(QStringLiteral("hash"), e.hash)
            .bind(QStringLiteral("id"), e.id);
        if (auto r = u.exec(); !r)
            return r;
    }
    AuditEntry sealed;
    sealed.at = nowIso;
    sealed.userLogin = QStringLiteral("etabli");
    sealed.entity = codeOf(AuditEntity::Audit);
    sealed.entityId = QStringLiteral("22");
    sealed.action = codeOf(AuditAction::Update); // the trail itself, sealed again
    QJsonObject note{
        {QStringLiteral("rows_digested_from"), QJsonArray{QJsonValue::Null, rows.at(firstChanged).id}},
        {QStringLiteral("previous_head"), QJsonArray{QJsonValue::Null, head}}};
    if (!before->ok())
        note.insert(QStringLiteral("previous_chain_broken_at"),
                    QJsonArray{QJsonValue::Null, before->firstBadId});
    sealed.changes = QString::fromUtf8(QJsonDocument(note).toJson(QJsonDocument::Compact));
    return append(sealed);
}

QString AuditRepository::computeHash(const AuditEntry& e)
{
    // The fields' UTF-8 with a unit separator between them (no field can fake
    // a boundary), fed to the hash one after the other.
    const QString fields[] = {QString::number(e.id),
                              e.at,
                              QString::number(e.userId),
                              e.userLogin,
                              e.entity,
                              e.entityId,
                              e.action,
                              e.changes,
                              e.prevHash};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    bool first = true;
    for (const QString& field : fields) {
        if (!first)
            hash.addData(QByteArrayView("\x1F", 1));
        first = false;
        hash.addData(field.toUtf8());
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString AuditRepository::idRanges(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    QStringList ranges;
    for (qsizetype i = 0; i < ids.size();) {
        qsizetype j = i;
        while (j + 1 < ids.size() && ids.at(j + 1) <= ids.at(j) + 1)
            ++j;
        ranges << (ids.at(j) == ids.at(i) ? QString::number(ids.at(i))
                                          : QStringLiteral("%1-%2").arg(ids.at(i)).arg(ids.at(j)));
        i = j + 1;
    }
    return ranges.join(QLatin1Char(','));
}

bool AuditRepository::rangesCover(const QString& ranges, qint64 id)
{
    for (const QString& range : ranges.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype dash = range.indexOf(QLatin1Char('-'));
        bool ok = false;
        bool ok2 = false;
        const qint64 first = range.left(dash < 0 ? range.size() : dash).toLongLong(&ok);
        const qint64 last = dash < 0 ? first : range.mid(dash + 1).toLongLong(&ok2);
        if (ok && (dash < 0 || ok2) && first <= id && id <= last)
            return true;
    }
    return false;
}

Result<QList<AuditEntry>> AuditRepository::createdCovering(AuditEntity entity, qint64 id) const
{
    // The trail's imports are few: their entries are read and their ranges
    // compared here.
    SqlQuery q(m_db);
    q.setForwardOnly(true);
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT %1 FROM audit_log WHERE entity = :entity AND action = 'create' "
                                 "AND (entity_id LIKE '%-%' OR entity_id LIKE '%,%') ORDER BY id")
                      .arg(kAuditColumns)));
    q.bind(QStringLiteral("entity"), codeOf(entity));
    ETABLI_TRY(q.exec());
    QList<AuditEntry> out;
    while (q.next()) {
        AuditEntry e = readEntry(q);
        if (rangesCover(e.entityId, id))
            out << std::move(e);
    }
    return out;
}

Status AuditRepository::append(AuditEntry e)
{
    return append(QList<AuditEntry>{std::move(e)});
}

Status AuditRepository::append(QList<AuditEntry> entries)
{
    if (entries.isEmpty())
        return {};
    if (m_db.dialect() == Database::Dialect::PostgreSQL) {
        // Serialise writers of the chain (SQLite's BEGIN IMMEDIATE already does).
        SqlQuery& lock = m_statements.prepare(QStringLiteral("SELECT pg_advisory_xact_lock(4554424)"));
        if (auto r = lock.exec(); !r)
            return r;
        lock.finish();
    }
    qint64 id = 0;
    QString prevHash = QString(QLatin1String(""));
    {
        SqlQuery& last =
            m_statements.prepare(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
        if (auto r = last.exec(); !r)
            return r;
        if (last.next()) {
            id = last.value(0).toLongLong();
            prevHash = last.value(1).toString();
        }
        last.finish();
    }
    if (!m_rows)
        m_rows = std::make_unique<BatchInsert>(
            m_db, QStringLiteral("audit_log"),
            QStringList{QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("user_id"),
                        QStringLiteral("user_login"), QStringLiteral("entity"), QStringLiteral("entity_id"),
                        QStringLiteral("action"), QStringLiteral("changes"), QStringLiteral("prev_hash"),
                        QStringLiteral("hash")});
    for (AuditEntry& e : entries) {
        e.id = ++id;
        e.prevHash = prevHash;
        e.hash = computeHash(e);
        prevHash = e.hash;
        if (auto r = m_rows->add(
                {e.id, e.at, e.userId > 0 ? QVariant(e.userId) : QVariant(QMetaType::fromType<qint64>()),
                 e.userLogin, e.entity, e.entityId, e.action, e.changes, e.prevHash, e.hash});
            !r)
            return r;
    }
    if (auto r = m_rows->flush(); !r)
        return r;
    // The chain's counter only grows: a deleted last row leaves it above the table (check).
    SqlQuery& counter =
        m_statements.prepare(QStringLiteral("INSERT INTO document_counter (series, year, "
                                            "last_number) VALUES ('audit', 0, :id) ON CONFLICT "
                                            "(series, year) DO UPDATE SET last_number = :id2"));
    counter.bind(QStringLiteral("id"), id).bind(QStringLiteral("id2"), id);
    return counter.exec();
}

Result<AuditRepository::ChainReport> AuditRepository::verifyChain() const
{
    ChainReport report;
    SqlQuery q(m_db);
    q.setForwardOnly(true);
    ETABLI_TRY(q.exec(QStringLiteral("SELECT %1 FROM audit_log ORDER BY id").arg(kAuditColumns)));
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

Result<Page<AuditEntry>> AuditRepository::page(const AuditFilter& filter, const PageRequest& request) const
{
    // Newest first, by id alone (schema 25 indexes a person's and an element's rows by id).
    return sql::PagedQuery(kAuditColumns, QStringLiteral("audit_log"), auditWhere(filter), QStringList{},
                           QStringLiteral("id"))
        .read<AuditEntry>(m_db, request, readEntry);
}

Result<qint64> AuditRepository::count(const AuditFilter& filter, int cap) const
{
    return sql::PagedQuery(kAuditColumns, QStringLiteral("audit_log"), auditWhere(filter), QStringList{},
                           QStringLiteral("id"))
        .count(m_db, cap);
}

Result<QList<AuditEntry>> AuditRepository::latest(const AuditFilter& filter, int limit) const
{
    auto first = page(filter, PageRequest{PageRequest::From::Start, {}, 0, limit, 0});
    if (!first)
        return std::unexpected(first.error());
    return first->rows;
}

Result<QStringList> AuditRepository::distinctValues(const QString& column) const
{
    if (column != QLatin1String("user_login") && column != QLatin1String("entity"))
        return fail(Error::Code::InvalidInput, tr("Internal error: unknown column."), column);
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(QStringLiteral("SELECT DISTINCT %1 FROM audit_log ORDER BY %1").arg(column)));
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

} // namespace etabli
