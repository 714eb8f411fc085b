#pragma once

#include "domain/trainee.h"
#include "gui/common/editingdialog.h"
#include "gui/common/rowstablemodel.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace etabli {

class DateField;

class MessageBanner;
class OutcomeTab;
class Session;

// A trainee's record in tabs: identité, responsables, parcours, présences,
// devenir, suivi. Tabs the role may not read are not shown.
class TraineeDialog final : public EditingDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraineeDialog)

public:
    // traineeId 0: a new record.
    TraineeDialog(Session& session, qint64 traineeId, QWidget* parent = nullptr);

    qint64 traineeId() const { return m_trainee.id; }
    const Trainee& trainee() const { return m_trainee; }
    QTabWidget* tabs() const { return m_tabs; }
    MessageBanner* banner() const { return m_banner; }
    // Saves the identity tab; asks to confirm an unusual age through `confirm`
    // (a message box by default). True when saved.
    bool saveIdentity();
    void setConfirmation(std::function<bool(const QString&)> confirm) { m_confirm = std::move(confirm); }

    void accept() override;

private:
    QWidget* buildIdentity();
    QWidget* buildGuardians();
    QWidget* buildAttendance();
    void showAttendance();
    void replaceTab(QWidget*& tab, QWidget* by);
    void openRecordTabs();
    void openSavedRecord();
    QWidget* buildFollowUp();
    void fill();
    Trainee readForm() const;
    void reloadGuardians();
    void addGuardian();
    void editGuardian(int row);
    void removeGuardian();
    void reloadNotes();
    void addNote();
    void updateExitFields();

    Session& m_session;
    Trainee m_trainee;
    bool m_canWrite = false;
    bool m_canSensitive = false;
    std::function<bool(const QString&)> m_confirm;
    QTabWidget* m_tabs;
    MessageBanner* m_banner;
    QLineEdit* m_lastName = nullptr;
    QLineEdit* m_firstName = nullptr;
    DateField* m_birthDate = nullptr;
    QLabel* m_age = nullptr;
    QComboBox* m_sex = nullptr;
    QLineEdit* m_address = nullptr;
    QLineEdit* m_postcode = nullptr;
    QLineEdit* m_city = nullptr;
    QLineEdit* m_phone = nullptr;
    QLineEdit* m_email = nullptr;
    QComboBox* m_referral = nullptr;
    QComboBox* m_section = nullptr;
    QSpinBox* m_cohort = nullptr;
    QComboBox* m_studyYear = nullptr;
    QComboBox* m_status = nullptr;
    DateField* m_entry = nullptr;
    DateField* m_exit = nullptr;
    QComboBox* m_exitReason = nullptr;
    QLabel* m_stays = nullptr; // the stays at the school, when there are several
    ColumnsModel<Guardian>* m_guardianRows = nullptr;
    QTableView* m_guardians = nullptr;
    QListWidget* m_notes = nullptr;
    QPlainTextEdit* m_newNote = nullptr;
    QLabel* m_attendance = nullptr;
    OutcomeTab* m_outcome = nullptr;
    QWidget* m_course = nullptr;
    QWidget* m_outcomeTab = nullptr;
    QWidget* m_production = nullptr;
    QWidget* m_booklet = nullptr;
};

} // namespace etabli
