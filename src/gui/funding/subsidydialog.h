#pragma once

#include "domain/budget.h"
#include "gui/common/editingdialog.h"
#include "gui/common/rowstablemodel.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListView;
class QSpinBox;
class QPlainTextEdit;
class QTableView;

namespace etabli {

class InstalmentsModel;

// An indicator the funder may ask for in the final account, ticked or not.
struct AskedIndicator
{
    QString key;
    QString label;
    bool asked = false;
};

class DateField;

class ActionBudgetModel;

class CustomerChooser;
class MessageBanner;
class Session;
class YearCombo;

// A subsidy from its request to its final account: the funder and what it
// is for, the year covered, the amount requested, the decision, the
// agreement, the instalments expected and received, the conditions and
// the day the final account is due.
class SubsidyDialog final : public EditingDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubsidyDialog)

public:
    SubsidyDialog(Session& session, qint64 subsidyId, QWidget* parent = nullptr);
    void accept() override;

private:
    void load(const Subsidy& s);
    void addInstalmentRow();
    void decisionChanged();

    Session& m_session;
    Subsidy m_subsidy;
    MessageBanner* m_banner;
    CustomerChooser* m_funder;
    QLineEdit* m_programme;
    YearCombo* m_year;
    QLineEdit* m_schoolYear;
    QLineEdit* m_requested;
    DateField* m_requestedOn;
    QComboBox* m_decision;
    QLineEdit* m_granted;
    DateField* m_decidedOn;
    QLineEdit* m_agreementRef;
    DateField* m_agreementOn;
    QPlainTextEdit* m_conditions;
    DateField* m_reportDue;
    DateField* m_accountedOn;
    InstalmentsModel* m_instalmentRows;
    QTableView* m_instalments;
    QPlainTextEdit* m_action = nullptr;
    QPlainTextEdit* m_deviation = nullptr;
    ColumnsModel<AskedIndicator>* m_askedRows = nullptr;
    QListView* m_asked = nullptr;
    DateField* m_actionStart = nullptr;
    DateField* m_actionEnd = nullptr;
    QLineEdit* m_actionPlace = nullptr;
    QSpinBox* m_beneficiaries = nullptr;
    ActionBudgetModel* m_budgetModel = nullptr;
    QLineEdit* m_indirectRule = nullptr;
    QLineEdit* m_signedPlace = nullptr;
    DateField* m_signedOn = nullptr;
};

} // namespace etabli
