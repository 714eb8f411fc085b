#include "storage/staffrepository.h"

#include "storage/database.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "util/text.h"

#include <QHash>

namespace etabli {

namespace {
const QString staffColumns = QStringLiteral(
    "SELECT id, last_name, first_name, kind, job, phone, email, user_id, active, version FROM staff");

StaffMember readStaff(const SqlQuery& q)
{
    StaffMember m;
    sql::RowReader col(q);
    m.id = col.int64();
    m.lastName = col.text();
    m.firstName = col.text();
    m.kind = col.code(StaffKind::Employee);
    m.job = col.code<StaffJob>();
    m.phone = col.text();
    m.email = col.text();
    m.userId = col.int64();
    m.active = col.flag();
    m.version = col.integer();
    return m;
}

void bindStaff(SqlQuery& q, const StaffMember& m)
{
    q.bind(QStringLiteral("last"), m.lastName.trimmed())
        .bind(QStringLiteral("first"), m.firstName.trimmed())
        .bind(QStringLiteral("sort"), text::personSortKey(m.lastName, m.firstName))
        .bind(QStringLiteral("kind"), codeOf(m.kind))
        .bind(QStringLiteral("job"), codeOf(m.job))
        .bind(QStringLiteral("phone"), m.phone.trimmed())
        .bind(QStringLiteral("email"), m.email.trimmed())
        .bind(QStringLiteral("user"),
              m.userId == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(m.userId))
        .bind(QStringLiteral("active"), m.active ? 1 : 0);
}
} // namespace

Result<QList<StaffMember>> StaffRepository::list(bool activeOnly, std::optional<StaffKind> kind) const
{
    QStringList where;
    if (activeOnly)
        where << QStringLiteral("active = 1");
    if (kind)
        where << QStringLiteral("kind = :kind");
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        staffColumns +
        (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))) +
        QStringLiteral(" ORDER BY sort_key, id")));
    if (kind)
        q.bind(QStringLiteral("kind"), codeOf(*kind));
    ETABLI_TRY(q.exec());
    QList<StaffMember> out;
    QHash<qint64, qsizetype> index;
    while (q.next()) {
        index.insert(q.value(0).toLongLong(), out.size());
        out << readStaff(q);
    }
    SqlQuery s(m_db);
    ETABLI_TRY(s.exec(QStringLiteral("SELECT staff_id, section_id FROM staff_section ORDER BY section_id")));
    while (s.next()) {
        const auto it = index.constFind(s.value(0).toLongLong());
        if (it != index.constEnd())
            out[*it].sectionIds << s.value(1).toLongLong();
    }
    return out;
}

Status StaffRepository::writeSections(qint64 staffId, const QList<qint64>& sectionIds)
{
    SqlQuery del(m_db);
    if (auto r = del.prepare(QStringLiteral("DELETE FROM staff_section WHERE staff_id = :id")); !r)
        return r;
    del.bind(QStringLiteral("id"), staffId);
    if (auto r = del.exec(); !r)
        return r;
    SqlQuery ins(m_db);
    if (auto r = ins.prepare(
            QStringLiteral("INSERT INTO staff_section (staff_id, section_id) VALUES (:id, :section)"));
        !r)
        return r;
    for (qint64 section : sectionIds) {
        ins.bind(QStringLiteral("id"), staffId).bind(QStringLiteral("section"), section);
        if (auto r = ins.exec(); !r)
            return r;
    }
    return {};
}

Result<qint64> StaffRepository::insert(const StaffMember& m, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("INSERT INTO staff (last_name, first_name, sort_key, kind, job, "
                                        "phone, email, user_id, active, version, "
                                        "created_at, updated_at) VALUES (:last, :first, :sort, :kind, "
                                        ":job, :phone, :email, :user, :active, 1, "
                                        ":now, :now) RETURNING id")));
    bindStaff(q, m);
    q.bind(QStringLiteral("now"), nowIso);
    auto id = q.execReturningId();
    if (!id)
        return id;
    ETABLI_TRY(writeSections(*id, m.sectionIds));
    return id;
}

Status StaffRepository::update(const StaffMember& m, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "UPDATE staff SET last_name = :last, first_name = :first, sort_key = :sort, kind = :kind, job = "
            ":job, "
            "phone = :phone, email = :email, user_id = :user, active = :active, version = version + 1, "
            "updated_at = :now WHERE id = :id AND version = :version"));
        !r)
        return r;
    bindStaff(q, m);
    q.bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), m.id)
        .bind(QStringLiteral("version"), m.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This team member was changed meanwhile on another computer."));
    return writeSections(m.id, m.sectionIds);
}

Result<StaffMember> StaffRepository::forUser(qint64 userId) const
{
    auto all = list(true);
    if (!all)
        return std::unexpected(all.error());
    for (const StaffMember& m : *all) {
        if (m.userId == userId)
            return m;
    }
    return StaffMember{};
}

Result<QList<VolunteerHours>> StaffRepository::hours(const QDate& from, const QDate& to, qint64 staffId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT v.id, v.staff_id, s.last_name, s.first_name, v.day, v.minutes, "
                                 "v.activity FROM volunteer_hours v JOIN staff s ON s.id = v.staff_id "
                                 "WHERE v.day BETWEEN :from AND :to%1 ORDER BY v.day DESC, v.id DESC")
                      .arg(staffId != 0 ? QStringLiteral(" AND v.staff_id = :staff") : QString())));
    q.bind(QStringLiteral("from"), from.toString(Qt::ISODate))
        .bind(QStringLiteral("to"), to.toString(Qt::ISODate));
    if (staffId != 0)
        q.bind(QStringLiteral("staff"), staffId);
    ETABLI_TRY(q.exec());
    QList<VolunteerHours> out;
    while (q.next()) {
        VolunteerHours h;
        h.id = q.value(0).toLongLong();
        h.staffId = q.value(1).toLongLong();
        const QString first = q.value(3).toString();
        h.name = first.isEmpty() ? q.value(2).toString() : first + QLatin1Char(' ') + q.value(2).toString();
        h.day = QDate::fromString(q.value(4).toString(), Qt::ISODate);
        h.minutes = q.value(5).toInt();
        h.activity = q.value(6).toString();
        out << h;
    }
    return out;
}

Result<qint64> StaffRepository::insertHours(const VolunteerHours& h, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("INSERT INTO volunteer_hours (staff_id, day, minutes, activity, created_at) "
                                 "VALUES (:staff, :day, :minutes, :activity, :now) RETURNING id")));
    q.bind(QStringLiteral("staff"), h.staffId)
        .bind(QStringLiteral("day"), h.day.toString(Qt::ISODate))
        .bind(QStringLiteral("minutes"), h.minutes)
        .bind(QStringLiteral("activity"), h.activity.trimmed())
        .bind(QStringLiteral("now"), nowIso);
    return q.execReturningId();
}

Status StaffRepository::removeHours(qint64 id)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("DELETE FROM volunteer_hours WHERE id = :id")); !r)
        return r;
    q.bind(QStringLiteral("id"), id);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::NotFound, tr("These hours were already removed."));
    return {};
}

Result<qint64> StaffRepository::totalMinutes(const QDate& from, const QDate& to) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT COALESCE(SUM(minutes), 0) FROM volunteer_hours WHERE day BETWEEN :from AND :to")));
    q.bind(QStringLiteral("from"), from.toString(Qt::ISODate))
        .bind(QStringLiteral("to"), to.toString(Qt::ISODate));
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return v->toLongLong();
}

Result<Money> StaffRepository::volunteerHourValue() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT volunteer_hour_value_cents FROM school")));
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return Money::fromCents(v->isNull() ? 0 : v->toLongLong());
}

Status StaffRepository::setVolunteerHourValue(Money value)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("UPDATE school SET volunteer_hour_value_cents = :value")); !r)
        return r;
    q.bind(QStringLiteral("value"), value.cents());
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() < 1)
        return fail(Error::Code::NotFound, tr("Fill in the school's settings first."));
    return {};
}

} // namespace etabli
