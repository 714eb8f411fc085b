#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace etabli {

class PeriodEdit;
class Session;

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
    QTableWidget* runs() const { return m_runs; }
    QTableWidget* rates() const { return m_rates; }

private:
    void reloadSections();

    Session& m_session;
    QComboBox* m_section;
    PeriodEdit* m_period;
    QLabel* m_rate;
    QTableWidget* m_rates;
    QTableWidget* m_runs;
};

} // namespace etabli
