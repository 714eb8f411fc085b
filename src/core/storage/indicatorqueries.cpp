#include "storage/indicatorqueries.h"

#include "domain/attendance.h"
#include "storage/database.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"

namespace etabli {

namespace {

using sql::fromIso;
using sql::iso;

// Prepares `sql` where "{section}" becomes " AND <column> = :section" for one
// section (nothing for all), binds :from, :to and the section, and runs it.
Status run(SqlQuery& q, QString sql, const QDate& from, const QDate& to, qint64 sectionId,
           const QString& column)
{
    sql.replace(QStringLiteral("{section}"),
                sectionId != 0 ? QStringLiteral(" AND %1 = :section").arg(column) : QString());
    if (auto r = q.prepare(sql); !r)
        return r;
    if (sql.contains(QLatin1String(":from")))
        q.bind(QStringLiteral("from"), iso(from));
    if (sql.contains(QLatin1String(":to")))
        q.bind(QStringLiteral("to"), iso(to));
    if (sectionId != 0)
        q.bind(QStringLiteral("section"), sectionId);
    return q.exec();
}

const QString attendedCodes = QStringLiteral("('present', 'late', 'internship')");

} // namespace

Result<QList<IndicatorQueries::Entrant>> IndicatorQueries::entrants(const QDate& from, const QDate& to,
                                                                    qint64 sectionId) const
{
    SqlQuery q(m_db);
    if (auto r = run(q,
                     QStringLiteral(
                         "SELECT s.name, t.sex, t.birth_date, st.start_date, r.name FROM trainee_stay st "
                         "JOIN trainee t ON t.id = st.trainee_id LEFT JOIN section s ON s.id = st.section_id "
                         "LEFT JOIN referral r ON r.id = t.referral_id WHERE st.kind IN ('entry', 'return') "
                         "AND st.start_date BETWEEN :from AND :to{section} ORDER BY st.start_date, st.id"),
                     from, to, sectionId, QStringLiteral("st.section_id"));
        !r)
        return std::unexpected(r.error());
    QList<Entrant> out;
    while (q.next())
        out << Entrant{q.value(0).toString(), q.value(1).toString(), fromIso(q.value(2)), fromIso(q.value(3)),
                       q.value(4).toString()};
    return out;
}

Result<int> IndicatorQueries::enrolled(const QDate& from, const QDate& to, qint64 sectionId) const
{
    SqlQuery q(m_db);
    if (auto r = run(
            q,
            QStringLiteral("SELECT COUNT(DISTINCT st.trainee_id) FROM trainee_stay st WHERE st.start_date "
                           "<= :to AND (st.end_date IS NULL OR st.end_date >= :from){section}"),
            from, to, sectionId, QStringLiteral("st.section_id"));
        !r)
        return std::unexpected(r.error());
    return q.next() ? q.value(0).toInt() : 0;
}

Result<int> IndicatorQueries::stillThere(const QDate& from, const QDate& to, const QDate& next,
                                         qint64 sectionId) const
{
    SqlQuery q(m_db);
    // In the section on the first day of the next year, having been at the school during this one.
    QString sql =
        QStringLiteral("SELECT COUNT(DISTINCT st.trainee_id) FROM trainee_stay st WHERE st.start_date <= "
                       ":next AND (st.end_date IS NULL OR st.end_date >= :next){section} AND EXISTS (SELECT "
                       "1 FROM trainee_stay y WHERE y.trainee_id = st.trainee_id AND y.start_date <= :to AND "
                       "(y.end_date IS NULL OR y.end_date >= :from))");
    sql.replace(QStringLiteral("{section}"),
                sectionId != 0 ? QStringLiteral(" AND st.section_id = :section") : QString());
    ETABLI_TRY(q.prepare(sql));
    q.bind(QStringLiteral("from"), iso(from))
        .bind(QStringLiteral("to"), iso(to))
        .bind(QStringLiteral("next"), iso(next));
    if (sectionId != 0)
        q.bind(QStringLiteral("section"), sectionId);
    ETABLI_TRY(q.exec());
    return q.next() ? q.value(0).toInt() : 0;
}

Result<QMap<QString, int>> IndicatorQueries::exitsByReason(const QDate& from, const QDate& to,
                                                           qint64 sectionId) const
{
    SqlQuery q(m_db);
    if (auto r = run(
            q,
            QStringLiteral("SELECT st.exit_reason, COUNT(*) FROM trainee_stay st WHERE st.exit_reason IS "
                           "NOT NULL AND st.end_date BETWEEN :from AND :to{section} GROUP BY st.exit_reason"),
            from, to, sectionId, QStringLiteral("st.section_id"));
        !r)
        return std::unexpected(r.error());
    QMap<QString, int> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toInt());
    return out;
}

Result<QMap<QString, QMap<QString, int>>> IndicatorQueries::certifications(int sessionYear,
                                                                           qint64 sectionId) const
{
    SqlQuery q(m_db);
    QString sql = QStringLiteral(
        "SELECT c.code, tc.result, COUNT(*) FROM trainee_certification tc JOIN certification c "
        "ON c.id = tc.certification_id JOIN trainee t ON t.id = tc.trainee_id WHERE "
        "tc.session_year = :year{section} GROUP BY c.code, tc.result");
    sql.replace(QStringLiteral("{section}"),
                sectionId != 0 ? QStringLiteral(" AND t.section_id = :section") : QString());
    ETABLI_TRY(q.prepare(sql));
    q.bind(QStringLiteral("year"), sessionYear);
    if (sectionId != 0)
        q.bind(QStringLiteral("section"), sectionId);
    ETABLI_TRY(q.exec());
    QMap<QString, QMap<QString, int>> out;
    while (q.next())
        out[q.value(0).toString()][q.value(1).toString()] = q.value(2).toInt();
    return out;
}

Result<QMap<QString, IndicatorQueries::Counts>> IndicatorQueries::attendance(const QString& groupBy,
                                                                             const QDate& from,
                                                                             const QDate& to,
                                                                             qint64 sectionId) const
{
    SqlQuery q(m_db);
    if (auto r =
            run(q,
                // Each half-day counts in the section the trainee was in that day.
                QStringLiteral(
                    "SELECT %2, SUM(CASE WHEN a.code IN %1 THEN 1 ELSE 0 END), COUNT(*) FROM attendance a "
                    "JOIN trainee_stay st ON st.trainee_id = a.trainee_id AND st.start_date <= a.day AND "
                    "(st.end_date IS NULL OR st.end_date >= a.day) LEFT JOIN section s ON s.id = "
                    "st.section_id WHERE a.day BETWEEN :from AND :to{section} GROUP BY %2")
                    .arg(attendedCodes, groupBy),
                from, to, sectionId, QStringLiteral("st.section_id"));
        !r)
        return std::unexpected(r.error());
    QMap<QString, Counts> out;
    while (q.next())
        out.insert(q.value(0).toString(), Counts{q.value(1).toInt(), q.value(2).toInt()});
    return out;
}

Result<QMap<QString, IndicatorQueries::Counts>>
IndicatorQueries::attendanceByMonth(const QDate& from, const QDate& to, qint64 sectionId) const
{
    return attendance(QStringLiteral("substr(a.day, 1, 7)"), from, to, sectionId);
}

Result<QMap<QString, IndicatorQueries::Counts>>
IndicatorQueries::attendanceBySection(const QDate& from, const QDate& to, qint64 sectionId) const
{
    return attendance(QStringLiteral("s.name"), from, to, sectionId);
}

Result<std::pair<int, int>> IndicatorQueries::internships(const QDate& from, const QDate& to,
                                                          qint64 sectionId) const
{
    SqlQuery q(m_db);
    if (auto r =
            run(q,
                QStringLiteral(
                    "SELECT COUNT(*), COUNT(DISTINCT i.organisation_id) FROM internship i JOIN trainee "
                    "t ON t.id = i.trainee_id WHERE i.start_date <= :to AND i.end_date >= :from{section}"),
                from, to, sectionId, QStringLiteral("t.section_id"));
        !r)
        return std::unexpected(r.error());
    if (!q.next())
        return std::pair<int, int>{0, 0};
    return std::pair<int, int>{q.value(0).toInt(), q.value(1).toInt()};
}

Result<QList<IndicatorQueries::Outcome>>
IndicatorQueries::outcomesOfLeavers(const QDate& from, const QDate& to, qint64 sectionId) const
{
    SqlQuery q(m_db);
    if (auto r =
            run(q,
                QStringLiteral(
                    "SELECT o.trainee_id, o.milestone, o.situation FROM outcome o JOIN trainee t ON t.id "
                    "= o.trainee_id WHERE t.status = 'left' AND t.exit_date BETWEEN :from AND "
                    ":to{section} ORDER BY o.trainee_id"),
                from, to, sectionId, QStringLiteral("t.section_id"));
        !r)
        return std::unexpected(r.error());
    QList<Outcome> out;
    while (q.next())
        out << Outcome{q.value(0).toLongLong(), fromCode(q.value(1).toString(), OutcomeMilestone::Exit),
                       fromCode(q.value(2).toString(), OutcomeSituation::Unknown)};
    return out;
}

Result<int> IndicatorQueries::orders(const QDate& from, const QDate& to, qint64 sectionId) const
{
    SqlQuery q(m_db);
    if (auto r = run(
            q,
            QStringLiteral("SELECT COUNT(*) FROM work_order w WHERE w.status <> 'cancelled' AND w.order_date "
                           "BETWEEN :from AND :to{section}"),
            from, to, sectionId, QStringLiteral("w.section_id"));
        !r)
        return std::unexpected(r.error());
    return q.next() ? q.value(0).toInt() : 0;
}

Result<QMap<QString, qint64>> IndicatorQueries::productionMinutes(const QDate& from, const QDate& to,
                                                                  qint64 sectionId) const
{
    SqlQuery q(m_db);
    if (auto r =
            run(q,
                QStringLiteral("SELECT e.kind, COALESCE(SUM(pt.minutes), 0) FROM production_entry e JOIN "
                               "production_trainee pt ON pt.entry_id = e.id WHERE e.day BETWEEN :from AND "
                               ":to{section} GROUP BY e.kind"),
                from, to, sectionId, QStringLiteral("e.section_id"));
        !r)
        return std::unexpected(r.error());
    QMap<QString, qint64> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

Result<QList<IndicatorQueries::Made>> IndicatorQueries::outputs(const QDate& from, const QDate& to,
                                                                qint64 sectionId) const
{
    SqlQuery q(m_db);
    if (auto r = run(
            q,
            QStringLiteral("SELECT COALESCE(c.code, ''), COALESCE(c.label, o.label), o.unit, "
                           "SUM(o.quantity_thousandths) FROM production_output o JOIN production_entry e ON "
                           "e.id = o.entry_id LEFT JOIN catalogue_item c ON c.id = o.catalogue_item_id WHERE "
                           "e.day BETWEEN :from AND :to{section} GROUP BY COALESCE(c.code, ''), "
                           "COALESCE(c.label, o.label), o.unit ORDER BY 2, 3"),
            from, to, sectionId, QStringLiteral("e.section_id"));
        !r)
        return std::unexpected(r.error());
    QList<Made> out;
    while (q.next())
        out << Made{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toLongLong()};
    return out;
}

Result<std::pair<int, qint64>> IndicatorQueries::invoiced(const QDate& from, const QDate& to,
                                                          qint64 sectionId) const
{
    SqlQuery q(m_db);
    QString sql = QStringLiteral(
        "SELECT COUNT(DISTINCT i.contact_id), COALESCE(SUM(i.total_excl_cents), 0) FROM invoice "
        "i WHERE i.status = 'issued' AND i.issue_date BETWEEN :from AND :to");
    if (sectionId != 0)
        sql += QStringLiteral(
            " AND (i.id IN (SELECT w.invoice_id FROM work_order w WHERE w.section_id = :section) OR "
            "i.credited_invoice_id IN (SELECT w2.invoice_id FROM work_order w2 WHERE w2.section_id "
            "= :section2))");
    ETABLI_TRY(q.prepare(sql));
    q.bind(QStringLiteral("from"), iso(from)).bind(QStringLiteral("to"), iso(to));
    if (sectionId != 0)
        q.bind(QStringLiteral("section"), sectionId).bind(QStringLiteral("section2"), sectionId);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return std::pair<int, qint64>{0, 0};
    return std::pair<int, qint64>{q.value(0).toInt(), q.value(1).toLongLong()};
}

Result<std::pair<int, qint64>> IndicatorQueries::volunteers(const QDate& from, const QDate& to,
                                                            qint64 sectionId) const
{
    SqlQuery q(m_db);
    QString sql = QStringLiteral(
        "SELECT COUNT(DISTINCT v.staff_id), COALESCE(SUM(v.minutes), 0) FROM volunteer_hours v "
        "WHERE v.day BETWEEN :from AND :to");
    if (sectionId != 0)
        sql += QStringLiteral(
            " AND v.staff_id IN (SELECT ss.staff_id FROM staff_section ss WHERE ss.section_id = "
            ":section)");
    ETABLI_TRY(q.prepare(sql));
    q.bind(QStringLiteral("from"), iso(from)).bind(QStringLiteral("to"), iso(to));
    if (sectionId != 0)
        q.bind(QStringLiteral("section"), sectionId);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return std::pair<int, qint64>{0, 0};
    return std::pair<int, qint64>{q.value(0).toInt(), q.value(1).toLongLong()};
}

Result<std::pair<qint64, qint64>> IndicatorQueries::presenceByActivity(const QDate& from, const QDate& to,
                                                                       qint64 sectionId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        run(q,
            QStringLiteral("SELECT a.activity, COUNT(*) FROM attendance a JOIN trainee t ON t.id = "
                           "a.trainee_id WHERE a.code IN ('present', 'late') AND a.day BETWEEN :from AND "
                           ":to{section} GROUP BY a.activity"),
            from, to, sectionId, QStringLiteral("t.section_id")));
    std::pair<qint64, qint64> out{0, 0};
    while (q.next()) {
        if (fromCode<Activity>(q.value(0).toString()) == Activity::Class)
            out.second += q.value(1).toLongLong();
        else
            out.first += q.value(1).toLongLong();
    }
    return out;
}

Result<QList<IndicatorQueries::GroupDay>> IndicatorQueries::groupDays(const QDate& from, const QDate& to,
                                                                      qint64 sectionId) const
{
    QHash<qint64, int> masters;
    {
        SqlQuery m(m_db);
        ETABLI_TRY(
            m.prepare(QStringLiteral("SELECT ss.section_id, COUNT(*) FROM staff s JOIN staff_section ss ON "
                                     "ss.staff_id = s.id WHERE s.job = 'master_trainer' AND s.active = 1 "
                                     "GROUP BY ss.section_id")));
        ETABLI_TRY(m.exec());
        while (m.next())
            masters.insert(m.value(0).toLongLong(), m.value(1).toInt());
    }
    SqlQuery q(m_db);
    ETABLI_TRY(
        run(q,
            QStringLiteral("SELECT t.section_id, a.day, COUNT(DISTINCT a.trainee_id) FROM attendance a "
                           "JOIN trainee t ON t.id = a.trainee_id WHERE a.code IN ('present', 'late') AND "
                           "a.day BETWEEN :from AND :to{section} GROUP BY t.section_id, a.day"),
            from, to, sectionId, QStringLiteral("t.section_id")));
    QList<GroupDay> out;
    while (q.next()) {
        const int trainers = masters.value(q.value(0).toLongLong());
        if (trainers > 0)
            out << GroupDay{q.value(2).toInt(), trainers};
    }
    return out;
}

Result<QList<IndicatorQueries::TraineePresence>>
IndicatorQueries::presenceByTrainee(const QDate& from, const QDate& to, qint64 sectionId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        run(q,
            QStringLiteral("SELECT t.last_name, t.first_name, s.name, "
                           "SUM(CASE WHEN a.activity = 'class' THEN 0 ELSE 1 END), "
                           "SUM(CASE WHEN a.activity = 'class' THEN 1 ELSE 0 END) FROM attendance a "
                           "JOIN trainee t ON t.id = a.trainee_id JOIN section s ON s.id = t.section_id "
                           "WHERE a.code IN ('present', 'late') AND a.day BETWEEN :from AND :to{section} "
                           "GROUP BY t.id, t.last_name, t.first_name, t.sort_key, s.name "
                           "ORDER BY t.sort_key, t.id"),
            from, to, sectionId, QStringLiteral("t.section_id")));
    QList<TraineePresence> out;
    while (q.next())
        out << TraineePresence{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                               q.value(3).toInt(), q.value(4).toInt()};
    return out;
}

} // namespace etabli
