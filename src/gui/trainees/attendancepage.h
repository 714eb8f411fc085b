#pragma once

#include "services/attendanceservice.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace etabli {

class MessageBanner;
class RegisterModel;
class Session;

// "Registre de présence": a section's week, trainees × half-days, filled
// from the keyboard: P présent, J absence justifiée, A absence injustifiée,
// R retard, S stage, X exclu; Shift+letter fills the day, Ctrl+Shift+letter
// the week; Delete clears; Ctrl+S saves.
class AttendancePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttendancePage)

public:
    explicit AttendancePage(Session& session, QWidget* parent = nullptr);

    void showWeek(qint64 sectionId, const QDate& anyDay);
    bool save();
    bool hasUnsavedChanges() const;
    // Asks whether to save pending changes; false when the user cancels.
    bool askToSave();
    QTableView* table() const { return m_table; }
    MessageBanner* banner() const { return m_banner; }
    const WeekRegister& week() const;
    // The section's timetable changed from that day on (what the Timetable… dialog saves).
    Status setTimetable(const Timetable& timetable, const QDate& from);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reloadSections();
    void load();
    void mark(int row, int column, std::optional<AttendanceCode> code);
    void editTimetable();

    Session& m_session;
    MessageBanner* m_banner;
    QComboBox* m_section;
    QLabel* m_weekLabel;
    RegisterModel* m_register;
    QTableView* m_table;
    QPushButton* m_save;
    QDate m_monday; // of the week shown
};

} // namespace etabli
