#pragma once

#include "services/attendanceservice.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace etabli {

class MessageBanner;
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
    bool hasUnsavedChanges() const { return !m_pending.isEmpty(); }
    // Asks whether to save pending changes; false when the user cancels.
    bool askToSave();
    QTableWidget* table() const { return m_table; }
    MessageBanner* banner() const { return m_banner; }
    const WeekRegister& week() const { return m_week; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reloadSections();
    void load();
    void setCell(int row, int column, const QString& code);
    void paintCell(int row, int column);
    QString codeAt(int row, int column) const;
    QDate dayOf(int column) const;
    static Half halfOf(int column);

    Session& m_session;
    MessageBanner* m_banner;
    QComboBox* m_section;
    QLabel* m_weekLabel;
    QTableWidget* m_table;
    QPushButton* m_save;
    WeekRegister m_week;
    QHash<QString, QString> m_recorded; // key → code as stored
    QHash<QString, QString> m_pending;  // key → code to write ("" clears)
};

} // namespace etabli
