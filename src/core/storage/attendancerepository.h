#pragma once

#include "domain/attendance.h"
#include "util/error.h"

#include <QDate>
#include <QHash>
#include <QList>

namespace etabli {

class Database;

// Attendance rows: one per trainee, day and half-day.
class AttendanceRepository
{
public:
    explicit AttendanceRepository(Database& db) : m_db(db) {}

    // Sets (or, with an empty code, clears) one cell.
    Status put(const AttendanceCell& cell, const QString& byLogin, const QString& nowIso);
    // New cells written many at a time (the demo's past registers): a
    // statement per hundred cells; none of them may exist yet.
    Status insertMany(const QList<AttendanceCell>& cells, const QString& byLogin, const QString& nowIso);
    // The section's weekly timetable (its class half-days).
    Result<Timetable> timetable(qint64 sectionId) const;
    Status setTimetable(qint64 sectionId, const Timetable& timetable);
    // The half-days of the section's trainees recorded from `from` on made
    // what the timetable says; how many changed.
    Result<int> applyTimetable(qint64 sectionId, const Timetable& timetable, const QDate& from);
    // The recorded cells of the given trainees between two days (inclusive).
    Result<QList<AttendanceCell>> cells(const QList<qint64>& traineeIds, const QDate& from,
                                        const QDate& to) const;
    // Counts by code: for one trainee (traineeId != 0), or one section, or all.
    Result<AttendanceRate> rate(qint64 traineeId, qint64 sectionId, const QDate& from, const QDate& to) const;
    // Unexcused runs of at least `minLength` consecutive recorded half-days.
    Result<QList<AbsenceRun>> unexcusedRuns(qint64 sectionId, const QDate& from, const QDate& to,
                                            int minLength) const;

    struct Enrolment
    {
        qint64 traineeId = 0;
        QString lastName;
        QString firstName;
        QDate entry;
        QDate exit; // invalid: still there
    };
    // Trainees of a section enrolled at some point between two days, by name.
    Result<QList<Enrolment>> enrolledBetween(qint64 sectionId, const QDate& from, const QDate& to) const;
    // Internship periods of these trainees overlapping the days.
    struct Period
    {
        qint64 traineeId = 0;
        QDate start;
        QDate end;
    };
    Result<QList<Period>> internships(const QList<qint64>& traineeIds, const QDate& from,
                                      const QDate& to) const;

private:
    Database& m_db;
};

} // namespace etabli
