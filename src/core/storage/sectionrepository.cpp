#include "storage/sectionrepository.h"

#include "storage/database.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "util/text.h"

namespace etabli {

Result<QList<Section>> SectionRepository::list(bool activeOnly) const
{
    SqlQuery q(m_db);
    const QString sql =
        QStringLiteral(
            "SELECT id, name, trade, active, position, version, capacity, half_day_minutes FROM section %1 "
            "ORDER BY position, name_key")
            .arg(activeOnly ? QStringLiteral("WHERE active = 1") : QString());
    ETABLI_TRY(q.exec(sql));
    QList<Section> out;
    while (q.next()) {
        Section s;
        sql::RowReader col(q);
        s.id = col.int64();
        s.name = col.text();
        s.trade = col.text();
        s.active = col.flag();
        s.position = col.integer();
        s.version = col.integer();
        s.capacity = col.integer();
        s.halfDayMinutes = col.integer();
        out << s;
    }
    return out;
}

Result<qint64> SectionRepository::insert(const Section& s, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("INSERT INTO section (name, name_key, trade, active, position, "
                                        "capacity, half_day_minutes, version, "
                                        "created_at, updated_at) VALUES (:name, :name_key, :trade, "
                                        ":active, :position, :capacity, :half_day, 1, "
                                        ":now, :now) RETURNING id")));
    q.bind(QStringLiteral("name"), s.name.trimmed())
        .bind(QStringLiteral("name_key"), text::fold(s.name))
        .bind(QStringLiteral("trade"), s.trade.trimmed())
        .bind(QStringLiteral("active"), s.active ? 1 : 0)
        .bind(QStringLiteral("position"), s.position)
        .bind(QStringLiteral("capacity"), s.capacity)
        .bind(QStringLiteral("half_day"), s.halfDayMinutes)
        .bind(QStringLiteral("now"), nowIso);
    auto id = q.execReturningId();
    if (!id && id.error().code == Error::Code::Conflict)
        return fail(Error::Code::Conflict, tr("A section “%1” already exists.").arg(s.name.trimmed()));
    return id;
}

Status SectionRepository::update(const Section& s, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "UPDATE section SET name = :name, name_key = :name_key, trade = :trade, active = :active, "
            "position = :position, capacity = :capacity, half_day_minutes = :half_day, version = version + "
            "1, "
            "updated_at = :now WHERE id = :id AND version = :version"));
        !r)
        return r;
    q.bind(QStringLiteral("name"), s.name.trimmed())
        .bind(QStringLiteral("name_key"), text::fold(s.name))
        .bind(QStringLiteral("trade"), s.trade.trimmed())
        .bind(QStringLiteral("active"), s.active ? 1 : 0)
        .bind(QStringLiteral("position"), s.position)
        .bind(QStringLiteral("capacity"), s.capacity)
        .bind(QStringLiteral("half_day"), s.halfDayMinutes)
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), s.id)
        .bind(QStringLiteral("version"), s.version);
    if (auto r = q.exec(); !r) {
        if (r.error().code == Error::Code::Conflict)
            return fail(Error::Code::Conflict, tr("A section “%1” already exists.").arg(s.name.trimmed()));
        return r;
    }
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("The section “%1” was changed meanwhile on another computer. Reload the list.")
                        .arg(s.name.trimmed()));
    return {};
}

Result<qint64> SectionRepository::countTrainees(qint64 sectionId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT count(*) FROM trainee WHERE section_id = :id")));
    q.bind(QStringLiteral("id"), sectionId);
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return v->toLongLong();
}

Result<QHash<qint64, QList<qint64>>> SectionRepository::preparedCertifications() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.exec(QStringLiteral("SELECT section_id, certification_id FROM section_certification ORDER BY "
                              "section_id, certification_id")));
    QHash<qint64, QList<qint64>> out;
    while (q.next())
        out[q.value(0).toLongLong()] << q.value(1).toLongLong();
    return out;
}

Status SectionRepository::setPreparedCertifications(qint64 sectionId, const QList<qint64>& certificationIds)
{
    SqlQuery del(m_db);
    if (auto r = del.prepare(QStringLiteral("DELETE FROM section_certification WHERE section_id = :id")); !r)
        return r;
    del.bind(QStringLiteral("id"), sectionId);
    if (auto r = del.exec(); !r)
        return r;
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("INSERT INTO section_certification (section_id, certification_id) "
                                          "VALUES (:section, :certification)"));
        !r)
        return r;
    for (qint64 id : certificationIds) {
        q.bind(QStringLiteral("section"), sectionId).bind(QStringLiteral("certification"), id);
        if (auto r = q.exec(); !r)
            return r;
    }
    return {};
}

Status SectionRepository::remove(qint64 sectionId)
{
    if (auto r = setPreparedCertifications(sectionId, {}); !r)
        return r;
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("DELETE FROM section WHERE id = :id")); !r)
        return r;
    q.bind(QStringLiteral("id"), sectionId);
    return q.exec();
}

} // namespace etabli
