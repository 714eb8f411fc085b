#pragma once

#include "domain/attendance.h"
#include "domain/user.h"
#include "storage/attendancerepository.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

namespace etabli {

class Clock;
class Database;

// The weekly register of a section and what is computed from attendance.
struct WeekRegister
{
    QDate monday;
    QList<AttendanceRepository::Enrolment> trainees;
    QList<AttendanceCell> cells;                 // what is recorded
    QList<AttendanceCell> internshipSuggestions; // empty cells inside an internship
    Timetable timetable;                         // the section's class half-days

    QList<QDate> days() const; // Monday to Friday
    static QDate mondayOf(const QDate& day) { return day.addDays(1 - day.dayOfWeek()); }
};

class AttendanceService
{
    Q_DECLARE_TR_FUNCTIONS(AttendanceService)

public:
    AttendanceService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Result<WeekRegister> week(qint64 sectionId, const QDate& anyDay) const;
    // The trainees of a section enrolled at some point between two days.
    Result<QList<AttendanceRepository::Enrolment>> enrolled(qint64 sectionId, const QDate& from,
                                                            const QDate& to) const;
    // Writes the given cells (an empty code clears one) in one transaction,
    // with one audit row listing what changed. A day outside a trainee's
    // enrolment, or a trainee of another section, refuses the whole save.
    Status record(qint64 sectionId, const QList<AttendanceCell>& cells);

    // The section's weekly timetable: the half-days in class.
    Result<Timetable> timetable(qint64 sectionId) const;
    // The section's timetable changed (attendance.write in the section): the
    // half-days recorded from `from` on take it; how many changed.
    Result<int> setTimetable(qint64 sectionId, Timetable timetable, const QDate& from);

    Result<AttendanceRate> traineeRate(qint64 traineeId, const QDate& from, const QDate& to) const;
    Result<AttendanceRate> sectionRate(qint64 sectionId, const QDate& from, const QDate& to) const;
    Result<QList<AbsenceRun>> unexcusedRuns(qint64 sectionId, const QDate& from, const QDate& to,
                                            int minLength = 3) const;

    // Refuses what can only be seen on the day (present, late, unexcused)
    // for a half-day still to come; a planned absence passes. The register
    // asks it as the code is typed, record() for every cell.
    Status checkNotAhead(const AttendanceCell& cell) const;

    // The key a trainer types for each code (French initials).
    static QChar codeKey(AttendanceCode code);
    static std::optional<AttendanceCode> codeForKey(QChar key);

private:
    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
