#pragma once

#include "domain/attendance.h"
#include "gui/common/rowstablemodel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace etabli {

class PeriodEdit;
class Session;

// A trainee's attendance over the period.
struct TraineeAttendance
{
    QString name;
    AttendanceRate rate;
};

// "Absences": the attendance rate of a section over any period, each
// trainee's rate, and the runs of 3 or more consecutive unexcused half-days.
class AbsencesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AbsencesPage)

public:
    explicit AbsencesPage(Session& session, QWidget* parent = nullptr);
    void reload();
    void setPeriod(const QDate& from, const QDate& to);
    QString rateText() const;
    QTableView* runs() const { return m_runs; }
    QTableView* rates() const { return m_rates; }

private:
    void reloadSections();

    Session& m_session;
    QComboBox* m_section;
    PeriodEdit* m_period;
    QLabel* m_rate;
    ColumnsModel<TraineeAttendance>* m_rateRows;
    ColumnsModel<AbsenceRun>* m_runRows;
    QTableView* m_rates;
    QTableView* m_runs;
};

} // namespace etabli
