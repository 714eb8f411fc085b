#include "storage/traineerepository.h"

#include "storage/database.h"
#include "storage/sqlquery.h"
#include "util/text.h"

namespace etabli {

namespace {

QVariant dateOrNull(const QDate& d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

QVariant intOrNull(qint64 v)
{
    return v != 0 ? QVariant(v) : QVariant(QMetaType(QMetaType::LongLong));
}

} // namespace

Result<qint64> TraineeRepository::insert(const Trainee& t, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "INSERT INTO trainee (last_name, first_name, sort_key, birth_date, sex, address_line1, postcode, city, "
            "section_id, cohort_year, study_year, status, entry_date, exit_date, version, created_at, updated_at) "
            "VALUES (:last_name, :first_name, :sort_key, :birth_date, :sex, :address_line1, :postcode, :city, "
            ":section_id, :cohort_year, :study_year, :status, :entry_date, :exit_date, 1, :now, :now) RETURNING id"));
        !r)
        return std::unexpected(r.error());
    q.bind(QStringLiteral("last_name"), t.lastName.trimmed())
        .bind(QStringLiteral("first_name"), t.firstName.trimmed())
        .bind(QStringLiteral("sort_key"), text::personSortKey(t.lastName, t.firstName))
        .bind(QStringLiteral("birth_date"), dateOrNull(t.birthDate))
        .bind(QStringLiteral("sex"), t.sex.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(t.sex))
        .bind(QStringLiteral("address_line1"), t.addressLine1)
        .bind(QStringLiteral("postcode"), t.postcode)
        .bind(QStringLiteral("city"), t.city)
        .bind(QStringLiteral("section_id"), intOrNull(t.sectionId))
        .bind(QStringLiteral("cohort_year"), intOrNull(t.cohortYear))
        .bind(QStringLiteral("study_year"), intOrNull(t.studyYear))
        .bind(QStringLiteral("status"), traineeStatusCode(t.status))
        .bind(QStringLiteral("entry_date"), dateOrNull(t.entryDate))
        .bind(QStringLiteral("exit_date"), dateOrNull(t.exitDate))
        .bind(QStringLiteral("now"), nowIso);
    return q.execReturningId();
}

Result<qint64> TraineeRepository::count() const
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("SELECT count(*) FROM trainee")); !r)
        return std::unexpected(r.error());
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return v->toLongLong();
}

} // namespace etabli
