#include "storage/attendancerepository.h"

#include "storage/database.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"

#include <algorithm>

namespace etabli {

Status AttendanceRepository::put(const AttendanceCell& c, const QString& byLogin, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (!c.code) {
        if (auto r = q.prepare(QStringLiteral(
                "DELETE FROM attendance WHERE trainee_id = :trainee_id AND day = :day AND half = :half"));
            !r)
            return r;
    } else {
        if (auto r = q.prepare(QStringLiteral(
                "INSERT INTO attendance (trainee_id, day, half, code, comment, recorded_by, updated_at, "
                "activity) VALUES (:trainee_id, :day, :half, :code, :comment, :by, :now, :activity) "
                "ON CONFLICT (trainee_id, day, half) DO UPDATE SET code = excluded.code, "
                "comment = excluded.comment, recorded_by = excluded.recorded_by, updated_at = "
                "excluded.updated_at, activity = excluded.activity"));
            !r)
            return r;
        q.bind(QStringLiteral("code"), codeOf(*c.code))
            .bind(QStringLiteral("comment"), c.comment.trimmed())
            .bind(QStringLiteral("by"), byLogin)
            .bind(QStringLiteral("now"), nowIso)
            .bind(QStringLiteral("activity"), codeOf(c.activity));
    }
    q.bind(QStringLiteral("trainee_id"), c.traineeId)
        .bind(QStringLiteral("day"), c.day.toString(Qt::ISODate))
        .bind(QStringLiteral("half"), halfCode(c.half));
    return q.exec();
}

Status AttendanceRepository::insertMany(const QList<AttendanceCell>& cells, const QString& byLogin,
                                        const QString& nowIso)
{
    // Many rows a statement, and one statement prepared for all the full
    // chunks: SQLite's parsing of hundreds of named placeholders costs more
    // than the writing when it is done again for every chunk.
    constexpr qsizetype Chunk = 100;
    const auto statement = [](qsizetype n) {
        QStringList values;
        for (qsizetype i = 0; i < n; ++i)
            values << QStringLiteral("(:t%1, :d%1, :h%1, :c%1, '', :b%1, :n%1, :a%1)").arg(i);
        return QStringLiteral("INSERT INTO attendance (trainee_id, day, half, code, comment, recorded_by, "
                              "updated_at, activity) VALUES ") +
               values.join(QStringLiteral(", "));
    };
    SqlQuery q(m_db);
    qsizetype prepared = 0;
    for (qsizetype start = 0; start < cells.size(); start += Chunk) {
        const qsizetype n = std::min(Chunk, cells.size() - start);
        if (n != prepared) {
            if (auto r = q.prepare(statement(n)); !r)
                return r;
            prepared = n;
        }
        for (qsizetype i = 0; i < n; ++i) {
            const AttendanceCell& c = cells.at(start + i);
            const QString k = QString::number(i);
            q.bind(QStringLiteral("t") + k, c.traineeId)
                .bind(QStringLiteral("d") + k, c.day.toString(Qt::ISODate))
                .bind(QStringLiteral("h") + k, halfCode(c.half))
                .bind(QStringLiteral("c") + k, codeOf(c.code))
                .bind(QStringLiteral("b") + k, byLogin)
                .bind(QStringLiteral("n") + k, nowIso)
                .bind(QStringLiteral("a") + k, codeOf(c.activity));
        }
        if (auto r = q.exec(); !r)
            return r;
    }
    return {};
}

Result<QList<AttendanceCell>> AttendanceRepository::cells(const QList<qint64>& traineeIds, const QDate& from,
                                                          const QDate& to) const
{
    QList<AttendanceCell> out;
    if (traineeIds.isEmpty())
        return out;
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("SELECT trainee_id, day, half, code, comment, activity FROM attendance WHERE "
                       "trainee_id IN (%1) AND day BETWEEN :from AND :to")
            .arg(SqlQuery::listPlaceholders(QStringLiteral("t"), traineeIds.size()))));
    q.bindList(QStringLiteral("t"), traineeIds);
    q.bind(QStringLiteral("from"), from.toString(Qt::ISODate))
        .bind(QStringLiteral("to"), to.toString(Qt::ISODate));
    ETABLI_TRY(q.exec());
    while (q.next()) {
        sql::RowReader col(q);
        AttendanceCell c;
        c.traineeId = col.int64();
        c.day = col.date();
        c.half = halfFromCode(col.text());
        c.code = fromCode<AttendanceCode>(col.text());
        c.comment = col.text();
        c.activity = col.code(Activity::Workshop);
        out << c;
    }
    return out;
}

Result<AttendanceRate> AttendanceRepository::rate(qint64 traineeId, qint64 sectionId, const QDate& from,
                                                  const QDate& to) const
{
    QString filter;
    if (traineeId != 0)
        filter = QStringLiteral(" AND a.trainee_id = :who");
    else if (sectionId != 0)
        filter = QStringLiteral(" AND t.section_id = :who");
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT a.code, count(*) FROM attendance a JOIN trainee t ON t.id = "
                                        "a.trainee_id WHERE a.day BETWEEN :from AND :to%1 GROUP BY a.code")
                             .arg(filter)));
    q.bind(QStringLiteral("from"), from.toString(Qt::ISODate))
        .bind(QStringLiteral("to"), to.toString(Qt::ISODate));
    if (traineeId != 0 || sectionId != 0)
        q.bind(QStringLiteral("who"), traineeId != 0 ? traineeId : sectionId);
    ETABLI_TRY(q.exec());
    AttendanceRate rate;
    while (q.next()) {
        if (const auto code = fromCode<AttendanceCode>(q.value(0).toString()))
            rate.add(*code, q.value(1).toInt());
    }
    return rate;
}

Result<QList<AbsenceRun>> AttendanceRepository::unexcusedRuns(qint64 sectionId, const QDate& from,
                                                              const QDate& to, int minLength) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral(
            "SELECT a.trainee_id, t.last_name, t.first_name, a.day, a.half, a.code FROM attendance a "
            "JOIN trainee t ON t.id = a.trainee_id WHERE a.day BETWEEN :from AND :to%1 "
            "ORDER BY a.trainee_id, a.day, a.half")
            .arg(sectionId != 0 ? QStringLiteral(" AND t.section_id = :section") : QString())));
    q.bind(QStringLiteral("from"), from.toString(Qt::ISODate))
        .bind(QStringLiteral("to"), to.toString(Qt::ISODate));
    if (sectionId != 0)
        q.bind(QStringLiteral("section"), sectionId);
    q.setForwardOnly(true);
    ETABLI_TRY(q.exec());
    QList<AbsenceRun> out;
    AbsenceRun run;
    const auto close = [&]() {
        if (run.halfDays >= minLength)
            out << run;
        run = AbsenceRun{};
    };
    while (q.next()) {
        sql::RowReader col(q);
        const qint64 id = col.int64();
        const QString lastName = col.text();
        const QString firstName = col.text();
        const QDate day = col.date();
        const Half half = halfFromCode(col.text());
        const bool unexcused = col.code<AttendanceCode>() == AttendanceCode::Unexcused;
        if (run.halfDays > 0 && (run.traineeId != id || !unexcused))
            close();
        if (!unexcused)
            continue;
        if (run.halfDays == 0) {
            run.traineeId = id;
            run.name = QStringLiteral("%1 %2").arg(lastName, firstName);
            run.firstDay = day;
            run.firstHalf = half;
        }
        run.lastDay = day;
        run.lastHalf = half;
        ++run.halfDays;
    }
    close();
    return out;
}

Result<QList<AttendanceRepository::Enrolment>>
AttendanceRepository::enrolledBetween(qint64 sectionId, const QDate& from, const QDate& to) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT id, last_name, first_name, entry_date, exit_date FROM trainee WHERE section_id = "
        ":section "
        "AND status IN ('enrolled', 'left') AND entry_date IS NOT NULL AND entry_date <= :to "
        "AND (exit_date IS NULL OR exit_date >= :from) AND archived_at IS NULL ORDER BY sort_key, id")));
    q.bind(QStringLiteral("section"), sectionId)
        .bind(QStringLiteral("from"), from.toString(Qt::ISODate))
        .bind(QStringLiteral("to"), to.toString(Qt::ISODate));
    ETABLI_TRY(q.exec());
    QList<Enrolment> out;
    while (q.next())
        out << Enrolment{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                         QDate::fromString(q.value(3).toString(), Qt::ISODate),
                         QDate::fromString(q.value(4).toString(), Qt::ISODate)};
    return out;
}

Result<QList<AttendanceRepository::Period>>
AttendanceRepository::internships(const QList<qint64>& traineeIds, const QDate& from, const QDate& to) const
{
    QList<Period> out;
    if (traineeIds.isEmpty())
        return out;
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("SELECT trainee_id, start_date, end_date FROM internship WHERE trainee_id IN "
                       "(%1) AND start_date <= :to AND end_date >= :from")
            .arg(SqlQuery::listPlaceholders(QStringLiteral("t"), traineeIds.size()))));
    q.bindList(QStringLiteral("t"), traineeIds);
    q.bind(QStringLiteral("from"), from.toString(Qt::ISODate))
        .bind(QStringLiteral("to"), to.toString(Qt::ISODate));
    ETABLI_TRY(q.exec());
    while (q.next())
        out << Period{q.value(0).toLongLong(), QDate::fromString(q.value(1).toString(), Qt::ISODate),
                      QDate::fromString(q.value(2).toString(), Qt::ISODate)};
    return out;
}

Result<Timetable> AttendanceRepository::timetable(qint64 sectionId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT weekday, half FROM section_class_slot WHERE section_id = :section ORDER BY weekday, half")));
    q.bind(QStringLiteral("section"), sectionId);
    ETABLI_TRY(q.exec());
    Timetable t;
    while (q.next()) {
        sql::RowReader col(q);
        const int weekday = col.integer();
        t.classSlots << (weekday - 1) * 2 + (halfFromCode(col.text()) == Half::Afternoon ? 1 : 0);
    }
    std::sort(t.classSlots.begin(), t.classSlots.end());
    return t;
}

Status AttendanceRepository::setTimetable(qint64 sectionId, const Timetable& timetable)
{
    SqlQuery clear(m_db);
    ETABLI_TRY(clear.prepare(QStringLiteral("DELETE FROM section_class_slot WHERE section_id = :section")));
    clear.bind(QStringLiteral("section"), sectionId);
    ETABLI_TRY(clear.exec());
    for (int slot : timetable.classSlots) {
        SqlQuery q(m_db);
        ETABLI_TRY(q.prepare(QStringLiteral("INSERT INTO section_class_slot (section_id, weekday, half) "
                                            "VALUES (:section, :weekday, :half)")));
        q.bind(QStringLiteral("section"), sectionId)
            .bind(QStringLiteral("weekday"), slot / 2 + 1)
            .bind(QStringLiteral("half"), halfCode(slot % 2 == 1 ? Half::Afternoon : Half::Morning));
        ETABLI_TRY(q.exec());
    }
    return {};
}

Result<int> AttendanceRepository::applyTimetable(qint64 sectionId, const Timetable& timetable,
                                                 const QDate& from)
{
    // The half-days already recorded from `from` on, of the section's trainees, take the timetable.
    QList<AttendanceCell> changed;
    {
        SqlQuery q(m_db);
        q.setForwardOnly(true);
        ETABLI_TRY(
            q.prepare(QStringLiteral("SELECT a.trainee_id, a.day, a.half, a.activity FROM attendance a JOIN "
                                     "trainee t ON t.id = a.trainee_id WHERE t.section_id = :section AND "
                                     "a.day >= :from")));
        q.bind(QStringLiteral("section"), sectionId).bind(QStringLiteral("from"), from.toString(Qt::ISODate));
        ETABLI_TRY(q.exec());
        while (q.next()) {
            sql::RowReader col(q);
            AttendanceCell c;
            c.traineeId = col.int64();
            c.day = col.date();
            c.half = halfFromCode(col.text());
            const Activity now = col.code(Activity::Workshop);
            c.activity = timetable.activityOn(c.day, c.half);
            if (c.activity != now)
                changed << c;
        }
    }
    for (const AttendanceCell& c : std::as_const(changed)) {
        SqlQuery q(m_db);
        ETABLI_TRY(
            q.prepare(QStringLiteral("UPDATE attendance SET activity = :activity WHERE trainee_id = :trainee "
                                     "AND day = :day AND half = :half")));
        q.bind(QStringLiteral("activity"), codeOf(c.activity))
            .bind(QStringLiteral("trainee"), c.traineeId)
            .bind(QStringLiteral("day"), c.day.toString(Qt::ISODate))
            .bind(QStringLiteral("half"), halfCode(c.half));
        ETABLI_TRY(q.exec());
    }
    return static_cast<int>(changed.size());
}

} // namespace etabli
