#include "storage/traineelistquery.h"

#include "storage/database.h"
#include "storage/pagedquery.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "util/text.h"

namespace etabli {

namespace {

sql::Where where(const TraineeFilter& f)
{
    sql::Where w;
    if (!f.text.trimmed().isEmpty())
        w.add(QStringLiteral("t.sort_key LIKE :pattern"),
              {{QStringLiteral("pattern"), sql::Where::containsPattern(f.text)}});
    if (f.sectionId != 0)
        w.add(QStringLiteral("t.section_id = :section_id"), {{QStringLiteral("section_id"), f.sectionId}});
    if (!f.sectionIds.isEmpty()) {
        QList<std::pair<QString, QVariant>> binds;
        for (qsizetype i = 0; i < f.sectionIds.size(); ++i)
            binds.append({QStringLiteral("allowed%1").arg(i), f.sectionIds.at(i)});
        w.add(QStringLiteral("t.section_id IN (%1)")
                  .arg(SqlQuery::listPlaceholders(QStringLiteral("allowed"), f.sectionIds.size())),
              binds);
    }
    if (f.cohortYear != 0)
        w.add(QStringLiteral("t.cohort_year = :cohort"), {{QStringLiteral("cohort"), f.cohortYear}});
    if (f.status)
        w.add(QStringLiteral("t.status = :status"), {{QStringLiteral("status"), codeOf(*f.status)}});
    if (!f.includeArchived)
        w.add(QStringLiteral("t.archived_at IS NULL"));
    return w;
}

// Whitelisted sort keys, never built from user text. The rows without a
// value come last either way (a flag first: "IS NULL" ascending, "IS NOT
// NULL" descending), then by name, in the sort's direction (keyset paging
// compares the whole key in one direction).
sql::PagedQuery listQuery(const TraineeFilter& f)
{
    QString column;
    QString none = QStringLiteral("''");
    switch (f.sort) {
    case TraineeFilter::Sort::Name:
        break;
    case TraineeFilter::Sort::BirthDate:
        column = QStringLiteral("t.birth_date");
        break;
    case TraineeFilter::Sort::Section:
        column = QStringLiteral("s.name_key");
        break;
    case TraineeFilter::Sort::Cohort:
        column = QStringLiteral("t.cohort_year");
        none = QStringLiteral("0");
        break;
    case TraineeFilter::Sort::StudyYear:
        column = QStringLiteral("t.study_year");
        none = QStringLiteral("0");
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
    QStringList keys;
    if (!column.isEmpty()) {
        keys << QStringLiteral("(CASE WHEN %1 IS NULL THEN %2 ELSE %3 END)")
                    .arg(column, f.ascending ? QStringLiteral("1") : QStringLiteral("0"),
                         f.ascending ? QStringLiteral("0") : QStringLiteral("1"))
             << QStringLiteral("COALESCE(%1, %2)").arg(column, none);
    }
    keys << QStringLiteral("t.sort_key");
    return sql::PagedQuery(
        QStringLiteral("t.id, t.last_name, t.first_name, t.birth_date, t.sex, COALESCE(s.name, "
                       "''), t.section_id, t.cohort_year, t.study_year, t.status, t.entry_date, "
                       "t.exit_date, t.archived_at"),
        QStringLiteral("trainee t LEFT JOIN section s ON s.id = t.section_id"), where(f), keys,
        QStringLiteral("t.id"),
        f.ascending ? sql::PagedQuery::Order::Ascending : sql::PagedQuery::Order::Descending);
}

TraineeRow rowFrom(const SqlQuery& q)
{
    TraineeRow row;
    sql::RowReader col(q);
    row.id = col.int64();
    row.lastName = col.text();
    row.firstName = col.text();
    row.birthDate = col.date();
    row.sex = col.text();
    row.section = col.text();
    row.sectionId = col.int64();
    row.cohortYear = col.integer();
    row.studyYear = col.integer();
    row.status = col.code(TraineeStatus::Candidate);
    row.entryDate = col.date();
    row.exitDate = col.date();
    row.archived = !col.text().isEmpty();
    return row;
}

} // namespace

Result<Page<TraineeRow>> TraineeListQuery::page(const TraineeFilter& f, const PageRequest& request) const
{
    return listQuery(f).read<TraineeRow>(m_db, request, rowFrom);
}

Result<qint64> TraineeListQuery::count(const TraineeFilter& f, int cap) const
{
    return listQuery(f).count(m_db, cap);
}

Result<QList<int>> TraineeListQuery::cohorts() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(QStringLiteral("SELECT DISTINCT cohort_year FROM trainee WHERE cohort_year IS NOT NULL "
                                     "ORDER BY cohort_year DESC")));
    QList<int> out;
    while (q.next())
        out << q.value(0).toInt();
    return out;
}

} // namespace etabli
