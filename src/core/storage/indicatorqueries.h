#pragma once

#include "domain/career.h"
#include "util/error.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

namespace etabli {

class Database;

// The sums behind a school year's indicators, each one SQL query over a
// period (both days included), for one section (id) or all (0).
class IndicatorQueries
{
public:
    explicit IndicatorQueries(Database& db) : m_db(db) {}

    struct Entrant
    {
        QString section;
        QString sex; // F, M or empty
        QDate birth;
        QDate entry;
        QString referral;
    };
    // Trainees who entered in the period.
    Result<QList<Entrant>> entrants(const QDate& from, const QDate& to, qint64 sectionId) const;
    // Trainees enrolled at some time in the period.
    Result<int> enrolled(const QDate& from, const QDate& to, qint64 sectionId) const;
    // Trainees enrolled at some time in the period and still there on `next`.
    Result<int> stillThere(const QDate& from, const QDate& to, const QDate& next, qint64 sectionId) const;
    // Exits in the period by stored reason ("" when none given).
    Result<QMap<QString, int>> exitsByReason(const QDate& from, const QDate& to, qint64 sectionId) const;
    // Certification code → result → count, for a session year.
    Result<QMap<QString, QMap<QString, int>>> certifications(int sessionYear, qint64 sectionId) const;

    struct Counts
    {
        int attended = 0; // present, late, in internship
        int recorded = 0;
    };
    // Recorded half-days by month ("2014-03") and by section name.
    Result<QMap<QString, Counts>> attendanceByMonth(const QDate& from, const QDate& to,
                                                    qint64 sectionId) const;
    Result<QMap<QString, Counts>> attendanceBySection(const QDate& from, const QDate& to,
                                                      qint64 sectionId) const;
    // Internships overlapping the period, and their distinct hosts.
    Result<std::pair<int, int>> internships(const QDate& from, const QDate& to, qint64 sectionId) const;

    struct Outcome
    {
        qint64 traineeId = 0;
        OutcomeMilestone milestone = OutcomeMilestone::Exit;
        OutcomeSituation situation = OutcomeSituation::Unknown;
    };
    // What became of the trainees who left in the period.
    Result<QList<Outcome>> outcomesOfLeavers(const QDate& from, const QDate& to, qint64 sectionId) const;

    // Work orders taken in the period.
    Result<int> orders(const QDate& from, const QDate& to, qint64 sectionId) const;
    // Half-days of presence (present or late) by activity: workshop, class.
    Result<std::pair<qint64, qint64>> presenceByActivity(const QDate& from, const QDate& to,
                                                         qint64 sectionId) const;
    // Each trainee's half-days of presence by activity, in name order.
    struct TraineePresence
    {
        QString lastName;
        QString firstName;
        QString section;
        int workshop = 0;
        int inClass = 0;
    };
    Result<QList<TraineePresence>> presenceByTrainee(const QDate& from, const QDate& to,
                                                     qint64 sectionId) const;
    // Each day a section's trainees came: how many came, and the section's
    // master trainers (active, none: the day is left out).
    struct GroupDay
    {
        int trainees = 0;
        int masters = 0;
    };
    Result<QList<GroupDay>> groupDays(const QDate& from, const QDate& to, qint64 sectionId) const;
    // Trainees' minutes in the production log, by kind of work (order, exercise, upkeep).
    Result<QMap<QString, qint64>> productionMinutes(const QDate& from, const QDate& to,
                                                    qint64 sectionId) const;
    // What the log says was made, per catalogue item (or free label) and unit.
    struct Made
    {
        QString code;
        QString label;
        QString unit;
        qint64 quantityThousandths = 0;
    };
    Result<QList<Made>> outputs(const QDate& from, const QDate& to, qint64 sectionId) const;
    // Invoices issued in the period (a section: those of its work orders and
    // their credit notes): distinct customers invoiced, and the total excl. VAT.
    Result<std::pair<int, qint64>> invoiced(const QDate& from, const QDate& to, qint64 sectionId) const;
    // Volunteers who gave time in the period, and the minutes given.
    Result<std::pair<int, qint64>> volunteers(const QDate& from, const QDate& to, qint64 sectionId) const;

private:
    // Attended and recorded half-days grouped by an SQL expression (a month, a section's name).
    Result<QMap<QString, Counts>> attendance(const QString& groupBy, const QDate& from, const QDate& to,
                                             qint64 sectionId) const;

    Database& m_db;
};

} // namespace etabli
