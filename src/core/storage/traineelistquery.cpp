#include "storage/traineelistquery.h"

#include "storage/database.h"
#include "storage/sqlquery.h"
#include "util/text.h"

namespace etabli {

namespace {

QString where(const TraineeFilter& f)
{
    QStringList parts;
    if (!f.text.trimmed().isEmpty())
        parts << QStringLiteral("t.sort_key LIKE :pattern");
    if (f.sectionId != 0)
        parts << QStringLiteral("t.section_id = :section_id");
    if (!f.sectionIds.isEmpty())
        parts << QStringLiteral("t.section_id IN (%1)")
                     .arg(SqlQuery::listPlaceholders(QStringLiteral("allowed"), f.sectionIds.size()));
    if (f.cohortYear != 0)
        parts << QStringLiteral("t.cohort_year = :cohort");
    if (!f.status.isEmpty())
        parts << QStringLiteral("t.status = :status");
    if (!f.includeArchived)
        parts << QStringLiteral("t.archived_at IS NULL");
    return parts.isEmpty() ? QString() : QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
}

void bind(SqlQuery& q, const TraineeFilter& f)
{
    if (!f.text.trimmed().isEmpty()) {
        QString pattern = text::fold(f.text);
        pattern.remove(QLatin1Char('%')).remove(QLatin1Char('_'));
        q.bind(QStringLiteral("pattern"), QLatin1Char('%') + pattern + QLatin1Char('%'));
    }
    if (f.sectionId != 0)
        q.bind(QStringLiteral("section_id"), f.sectionId);
    q.bindList(QStringLiteral("allowed"), f.sectionIds);
    if (f.cohortYear != 0)
        q.bind(QStringLiteral("cohort"), f.cohortYear);
    if (!f.status.isEmpty())
        q.bind(QStringLiteral("status"), f.status);
}

// Whitelisted ORDER BY: never built from user text.
QString orderBy(const TraineeFilter& f)
{
    QString column;
    switch (f.sort) {
    case TraineeFilter::Sort::Name:
        column = QStringLiteral("t.sort_key");
        break;
    case TraineeFilter::Sort::BirthDate:
        column = QStringLiteral("t.birth_date");
        break;
    case TraineeFilter::Sort::Section:
        column = QStringLiteral("s.name_key");
        break;
    case TraineeFilter::Sort::Cohort:
        column = QStringLiteral("t.cohort_year");
        break;
    case TraineeFilter::Sort::StudyYear:
        column = QStringLiteral("t.study_year");
        break;
    case TraineeFilter::Sort::Status:
        column = QStringLiteral("t.status");
        break;
    case TraineeFilter::Sort::EntryDate:
        column = QStringLiteral("t.entry_date");
        break;
    case TraineeFilter::Sort::ExitDate:
        column = QStringLiteral("t.exit_date");
        break;
    }
    const QString dir = f.ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    // NULLs last in both dialects, then a stable tie-breaker.
    return QStringLiteral(" ORDER BY (%1 IS NULL), %1 %2, t.sort_key, t.id").arg(column, dir);
}

} // namespace

Result<QList<TraineeRow>> TraineeListQuery::rows(const TraineeFilter& f, int limit, int offset) const
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("SELECT t.id, t.last_name, t.first_name, t.birth_date, t.sex, "
                                          "COALESCE(s.name, ''), t.section_id, t.cohort_year, t.study_year, "
                                          "t.status, t.entry_date, t.exit_date, t.archived_at "
                                          "FROM trainee t LEFT JOIN section s ON s.id = t.section_id") +
                           where(f) + orderBy(f) + QStringLiteral(" LIMIT :limit OFFSET :offset"));
        !r)
        return std::unexpected(r.error());
    bind(q, f);
    q.bind(QStringLiteral("limit"), limit).bind(QStringLiteral("offset"), offset);
    q.setForwardOnly(true);
    if (auto r = q.exec(); !r)
        return std::unexpected(r.error());
    QList<TraineeRow> out;
    while (q.next()) {
        TraineeRow row;
        row.id = q.value(0).toLongLong();
        row.lastName = q.value(1).toString();
        row.firstName = q.value(2).toString();
        row.birthDate = QDate::fromString(q.value(3).toString(), Qt::ISODate);
        row.sex = q.value(4).toString();
        row.section = q.value(5).toString();
        row.sectionId = q.value(6).toLongLong();
        row.cohortYear = q.value(7).toInt();
        row.studyYear = q.value(8).toInt();
        row.status = traineeStatusFromCode(q.value(9).toString());
        row.entryDate = QDate::fromString(q.value(10).toString(), Qt::ISODate);
        row.exitDate = QDate::fromString(q.value(11).toString(), Qt::ISODate);
        row.archived = !q.value(12).toString().isEmpty();
        out << row;
    }
    return out;
}

Result<qint64> TraineeListQuery::count(const TraineeFilter& f) const
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(
            QStringLiteral("SELECT count(*) FROM trainee t LEFT JOIN section s ON s.id = t.section_id") +
            where(f));
        !r)
        return std::unexpected(r.error());
    bind(q, f);
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return v->toLongLong();
}

Result<QList<int>> TraineeListQuery::cohorts() const
{
    SqlQuery q(m_db);
    if (auto r =
            q.exec(QStringLiteral("SELECT DISTINCT cohort_year FROM trainee WHERE cohort_year IS NOT NULL "
                                  "ORDER BY cohort_year DESC"));
        !r)
        return std::unexpected(r.error());
    QList<int> out;
    while (q.next())
        out << q.value(0).toInt();
    return out;
}

} // namespace etabli
