#include "storage/dashboardqueries.h"

#include "storage/database.h"
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
            c.activeSections = q.value(0).toLongLong();
            c.enrolled = q.value(1).toLongLong();
            c.candidates = q.value(2).toLongLong();
            c.entrantsThisYear = q.value(3).toLongLong();
            c.exitsThisYear = q.value(4).toLongLong();
            c.traineesEver = q.value(5).toLongLong();
            c.traineeRecords = q.value(6).toLongLong();
            c.accounts = q.value(7).toLongLong();
            c.catalogueItems = q.value(8).toLongLong();
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
