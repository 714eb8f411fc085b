#include "storage/dashboardqueries.h"

#include "storage/database.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"

namespace etabli {

Result<DashboardQueries::Counts> DashboardQueries::counts(const QDate& yearStart, const QDate& yearEnd) const
{
    Counts c;
    const QString from = yearStart.toString(Qt::ISODate);
    const QString to = yearEnd.toString(Qt::ISODate);
    {
        SqlQuery q(m_db);
        ETABLI_TRY(q.prepare(
            QStringLiteral("SELECT "
                           "(SELECT count(*) FROM section WHERE active = 1), "
                           "(SELECT count(*) FROM trainee WHERE status = 'enrolled'), "
                           "(SELECT count(*) FROM trainee WHERE status = 'candidate'), "
                           "(SELECT count(*) FROM trainee WHERE entry_date BETWEEN :from1 AND :to1), "
                           "(SELECT count(*) FROM trainee WHERE exit_date BETWEEN :from2 AND :to2), "
                           "(SELECT count(*) FROM trainee WHERE status IN ('enrolled', 'left')), "
                           "(SELECT count(*) FROM trainee), (SELECT count(*) FROM app_user), "
                           "(SELECT count(*) FROM catalogue_item)")));
        q.bind(QStringLiteral("from1"), from)
            .bind(QStringLiteral("to1"), to)
            .bind(QStringLiteral("from2"), from)
            .bind(QStringLiteral("to2"), to);
        ETABLI_TRY(q.exec());
        if (q.next()) {
            sql::RowReader col(q);
            c.activeSections = col.int64();
            c.enrolled = col.int64();
            c.candidates = col.int64();
            c.entrantsThisYear = col.int64();
            c.exitsThisYear = col.int64();
            c.traineesEver = col.int64();
            c.traineeRecords = col.int64();
            c.accounts = col.int64();
            c.catalogueItems = col.int64();
        }
    }
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(QStringLiteral("SELECT s.name, "
                                     "sum(CASE WHEN t.status = 'enrolled' THEN 1 ELSE 0 END), "
                                     "sum(CASE WHEN t.status = 'candidate' THEN 1 ELSE 0 END) "
                                     "FROM section s LEFT JOIN trainee t ON t.section_id = s.id "
                                     "WHERE s.active = 1 GROUP BY s.id, s.name, s.position, s.name_key "
                                     "ORDER BY s.position, s.name_key")));
    while (q.next())
        c.bySection << SectionCount{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()};
    return c;
}

} // namespace etabli
