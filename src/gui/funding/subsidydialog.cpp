#include "gui/funding/subsidydialog.h"

#include "gui/common/datefield.h"
#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "gui/funding/actionbudgetmodel.h"
#include "gui/funding/instalmentsmodel.h"
#include "gui/funding/yearcombo.h"
#include "gui/sales/customerchooser.h"
#include "services/financialyearservice.h"
#include "services/indicatorservice.h"
#include "services/subsidyservice.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

namespace etabli {

SubsidyDialog::SubsidyDialog(Session& session, qint64 subsidyId, QWidget* parent)
    : EditingDialog(parent), m_session(session), m_banner(new MessageBanner(this)),
      m_funder(new CustomerChooser(session, CustomerChooser::Choosing::Funder, this)),
      m_programme(new QLineEdit(this)), m_year(new YearCombo(session, this)),
      m_schoolYear(new QLineEdit(this)), m_requested(FormDialog::moneyField(Money(), this)),
      m_requestedOn(FormDialog::dateField(session.clock().today(), this)), m_decision(new QComboBox(this)),
      m_granted(FormDialog::moneyField(Money(), this)), m_decidedOn(FormDialog::optionalDateField({}, this)),
      m_agreementRef(new QLineEdit(this)), m_agreementOn(FormDialog::optionalDateField({}, this)),
      m_conditions(new QPlainTextEdit(this)), m_reportDue(FormDialog::optionalDateField({}, this)),
      m_accountedOn(FormDialog::optionalDateField({}, this)), m_instalmentRows(new InstalmentsModel(this)),
      m_instalments(new QTableView(this))
{
    setWindowTitle(subsidyId == 0 ? tr("New subsidy request") : tr("Subsidy"));
    setObjectName(QStringLiteral("subsidyDialog"));
    auto* layout = new QVBoxLayout(this);
    m_banner->hide();
    layout->addWidget(m_banner);
    auto* columns = new QHBoxLayout;
    auto* left = new QFormLayout;
    auto* right = new QFormLayout;
    for (const SubsidyDecision d : allOf<SubsidyDecision>())
        m_decision->addItem(labelOf(d), static_cast<int>(d));
    m_programme->setPlaceholderText(tr("Programme or action funded"));
    m_schoolYear->setPlaceholderText(tr("2025-2026 (optional)"));
    m_conditions->setPlaceholderText(tr("What the funder asks: indicators, reporting, publicity…"));
    m_conditions->setMaximumHeight(70);
    m_reportDue->setToolTip(tr("Left blank: six months after the end of the financial year."));
    left->addRow(tr("&Funder:"), m_funder);
    left->addRow(tr("&Purpose:"), m_programme);
    left->addRow(tr("Financial &year:"), m_year);
    left->addRow(tr("School year:"), m_schoolYear);
    left->addRow(tr("Amount &requested:"), m_requested);
    left->addRow(tr("Requested on:"), m_requestedOn);
    left->addRow(tr("Conditions:"), m_conditions);
    right->addRow(tr("&Decision:"), m_decision);
    right->addRow(tr("Amount &granted:"), m_granted);
    right->addRow(tr("Decided on:"), m_decidedOn);
    right->addRow(tr("Agreement reference:"), m_agreementRef);
    right->addRow(tr("Agreement signed on:"), m_agreementOn);
    right->addRow(tr("Final account due:"), m_reportDue);
    right->addRow(tr("Final account sent on:"), m_accountedOn);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    auto* tabs = new QTabWidget(this);
    auto* request = new QWidget(tabs);
    auto* requestLayout = new QVBoxLayout(request);
    requestLayout->addLayout(columns);
    tabs->addTab(request, tr("Request and &instalments"));
    layout->addWidget(tabs, 1);

    requestLayout->addWidget(new QLabel(
        tr("<b>Instalments</b> (days as dd/mm/yyyy; leave “received” blank until the money comes)"), this));
    m_instalments->setObjectName(QStringLiteral("instalments"));
    m_instalments->setModel(m_instalmentRows);
    m_instalments->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_instalments->verticalHeader()->hide();
    m_instalments->setMinimumHeight(120);
    requestLayout->addWidget(m_instalments);
    auto* rowButtons = new QHBoxLayout;
    auto* add = new QPushButton(tr("Add an &instalment"), this);
    add->setObjectName(QStringLiteral("addInstalment"));
    auto* remove = new QPushButton(tr("Remove the instalment"), this);
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch(1);
    requestLayout->addLayout(rowButtons);

    // The final account (Cerfa n°15059): what the printed account says besides the figures.
    auto* account = new QWidget(tabs);
    auto* accountForm = new QFormLayout(account);
    m_action = new QPlainTextEdit(account);
    m_action->setObjectName(QStringLiteral("actionDescription"));
    m_action->setPlaceholderText(
        tr("The action funded: its aims, the young people concerned, where and when."));
    m_deviation = new QPlainTextEdit(account);
    m_deviation->setObjectName(QStringLiteral("deviationExplanation"));
    m_deviation->setPlaceholderText(
        tr("Why the actual differs from the forecast, line by line when it matters."));
    m_asked = new QListView(account);
    m_asked->setObjectName(QStringLiteral("askedIndicators"));
    m_askedRows = new ColumnsModel<AskedIndicator>({{tr("Indicator"),
                                                     [](const AskedIndicator& a) { return a.label; },
                                                     false,
                                                     {},
                                                     [](const AskedIndicator& a) { return a.asked; },
                                                     [](AskedIndicator& a, bool on) { a.asked = on; }}},
                                                   m_asked);
    QList<AskedIndicator> askable;
    for (const auto& [key, label] : IndicatorService::askableIndicators())
        askable << AskedIndicator{key, label, IndicatorService::defaultAskedIndicators().contains(key)};
    m_askedRows->setRows(askable);
    m_asked->setModel(m_askedRows);
    accountForm->addRow(tr("Action &funded:"), m_action);
    accountForm->addRow(tr("&Deviations explained:"), m_deviation);
    accountForm->addRow(tr("Indicators &asked for:"), m_asked);
    accountForm->addRow(
        new QLabel(tr("Printed in Rapports › “Final account of a subsidy”, laid out like Cerfa "
                      "n°15059."),
                   account));
    tabs->addTab(account, tr("Final &account"));

    // The funded action and its own budget (Cerfa 15059), not the school's.
    auto* action = new QWidget(tabs);
    auto* actionForm = new QFormLayout(action);
    m_actionStart = FormDialog::optionalDateField({}, action);
    m_actionEnd = FormDialog::optionalDateField({}, action);
    auto* dates = new QHBoxLayout;
    dates->addWidget(m_actionStart);
    dates->addWidget(new QLabel(tr("to"), action));
    dates->addWidget(m_actionEnd);
    auto* datesLabel = new QLabel(tr("Action &from"), action);
    datesLabel->setBuddy(m_actionStart);
    actionForm->addRow(datesLabel, dates);
    m_actionPlace = new QLineEdit(action);
    m_actionPlace->setPlaceholderText(tr("Where the action takes place"));
    actionForm->addRow(tr("&Place:"), m_actionPlace);
    m_beneficiaries = new QSpinBox(action);
    m_beneficiaries->setRange(0, 100000);
    m_beneficiaries->setSpecialValueText(tr("not given"));
    actionForm->addRow(tr("&Beneficiaries:"), m_beneficiaries);
    m_budgetModel = new ActionBudgetModel(this);
    m_budgetModel->setLines({});
    auto* budget = new QTableView(action);
    budget->setObjectName(QStringLiteral("actionBudget"));
    budget->setModel(m_budgetModel);
    budget->horizontalHeader()->setSectionResizeMode(ActionBudgetModel::Line, QHeaderView::Stretch);
    budget->verticalHeader()->hide();
    budget->setEditTriggers(QAbstractItemView::AllEditTriggers);
    actionForm->addRow(tr("Bu&dget:"), budget);
    m_indirectRule = new QLineEdit(action);
    m_indirectRule->setPlaceholderText(
        tr("How the indirect costs are allocated: share of hours, of trainees…"));
    actionForm->addRow(tr("&Indirect costs rule:"), m_indirectRule);
    m_signedPlace = new QLineEdit(action);
    m_signedOn = FormDialog::optionalDateField({}, action);
    auto* signedAt = new QHBoxLayout;
    signedAt->addWidget(m_signedPlace, 1);
    signedAt->addWidget(new QLabel(tr("on"), action));
    signedAt->addWidget(m_signedOn);
    auto* signedLabel = new QLabel(tr("Done a&t"), action);
    signedLabel->setBuddy(m_signedPlace);
    actionForm->addRow(signedLabel, signedAt);
    tabs->addTab(action, tr("Action and its &budget"));
    connect(add, &QPushButton::clicked, this, &SubsidyDialog::addInstalmentRow);
    connect(remove, &QPushButton::clicked, this,
            [this]() { m_instalmentRows->removeAt(m_instalments->currentIndex().row()); });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(session.user().can(permission::FundingWrite));
    connect(buttons, &QDialogButtonBox::accepted, this, &SubsidyDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    watch(m_instalments);
    watch(budget);
    connect(m_decision, &QComboBox::currentIndexChanged, this, &SubsidyDialog::decisionChanged);
    resize(900, 600);

    if (subsidyId != 0) {
        auto s = m_session.service<SubsidyService>().get(subsidyId);
        if (!s) {
            m_banner->showMessage(MessageBanner::Kind::Error, s.error().message);
            m_banner->show();
        } else {
            load(*s);
        }
    }
    decisionChanged();
}

void SubsidyDialog::load(const Subsidy& s)
{
    m_subsidy = s;
    m_funder->setContact(s.funderId);
    m_programme->setText(s.programme);
    for (int i = 0; i < m_year->count(); ++i)
        if (m_year->itemData(i).toList().value(1).toLongLong() == s.financialYearId)
            m_year->setCurrentIndex(i);
    m_schoolYear->setText(s.schoolYear);
    m_requested->setText(s.requested.formatPlain());
    m_requestedOn->setDate(s.requestedOn);
    m_decision->setCurrentIndex(m_decision->findData(static_cast<int>(s.decision)));
    m_granted->setText(s.granted.isZero() ? QString() : s.granted.formatPlain());
    m_decidedOn->setDate(s.decidedOn);
    m_agreementRef->setText(s.agreementRef);
    m_agreementOn->setDate(s.agreementOn);
    m_conditions->setPlainText(s.conditions);
    m_action->setPlainText(s.actionDescription);
    m_deviation->setPlainText(s.deviationExplanation);
    m_actionStart->setDate(s.actionStart);
    m_actionEnd->setDate(s.actionEnd);
    m_actionPlace->setText(s.actionPlace);
    m_beneficiaries->setValue(s.beneficiaries);
    m_budgetModel->setLines(s.budget);
    m_indirectRule->setText(s.indirectRule);
    m_signedPlace->setText(s.signedPlace);
    m_signedOn->setDate(s.signedOn);
    const QStringList asked =
        s.askedIndicators.isEmpty() ? IndicatorService::defaultAskedIndicators() : s.askedIndicators;
    m_askedRows->updateAll([&asked](AskedIndicator& a) { a.asked = asked.contains(a.key); });
    m_reportDue->setDate(s.reportDue);
    m_accountedOn->setDate(s.accountedOn);
    m_instalmentRows->setInstalments(s.instalments);
}

void SubsidyDialog::addInstalmentRow()
{
    const int row = m_instalmentRows->append({});
    m_instalments->setCurrentIndex(m_instalmentRows->index(row, InstalmentsModel::ExpectedOn));
    m_instalments->setFocus();
}

void SubsidyDialog::decisionChanged()
{
    const auto decision = static_cast<SubsidyDecision>(m_decision->currentData().toInt());
    m_granted->setEnabled(decision == SubsidyDecision::Granted);
    m_decidedOn->setEnabled(decision != SubsidyDecision::Pending);
    m_instalments->setEnabled(decision == SubsidyDecision::Granted);
    m_accountedOn->setEnabled(decision == SubsidyDecision::Granted);
}

void SubsidyDialog::accept()
{
    if (DateField::reportWrong(this, m_banner))
        return;
    const auto error = [this](const QString& message) {
        m_banner->showMessage(MessageBanner::Kind::Error, message);
        m_banner->show();
    };
    Subsidy s = m_subsidy;
    s.funderId = m_funder->contactId();
    s.programme = m_programme->text();
    s.schoolYear = m_schoolYear->text();
    auto requested = FormDialog::money(m_requested);
    auto granted = FormDialog::money(m_granted);
    if (!requested || !granted)
        return error((!requested ? requested.error() : granted.error()).message);
    s.requested = *requested;
    s.requestedOn = m_requestedOn->date();
    s.decision = static_cast<SubsidyDecision>(m_decision->currentData().toInt());
    s.granted = *granted;
    s.decidedOn = m_decidedOn->date();
    s.agreementRef = m_agreementRef->text();
    s.agreementOn = m_agreementOn->date();
    s.conditions = m_conditions->toPlainText();
    s.actionDescription = m_action->toPlainText();
    s.deviationExplanation = m_deviation->toPlainText();
    s.actionStart = m_actionStart->date();
    s.actionEnd = m_actionEnd->date();
    s.actionPlace = m_actionPlace->text();
    s.beneficiaries = m_beneficiaries->value();
    s.budget = m_budgetModel->lines();
    s.indirectRule = m_indirectRule->text();
    s.signedPlace = m_signedPlace->text();
    s.signedOn = m_signedOn->date();
    s.askedIndicators.clear();
    for (const AskedIndicator& a : m_askedRows->rows())
        if (a.asked)
            s.askedIndicators << a.key;
    s.reportDue = m_reportDue->date();
    s.accountedOn = m_accountedOn->date();
    s.instalments.clear();
    if (s.decision == SubsidyDecision::Granted) {
        int row = -1;
        auto instalments = m_instalmentRows->collect(&row);
        if (!instalments) {
            m_instalments->setCurrentIndex(m_instalmentRows->index(row, 0));
            return error(instalments.error().message);
        }
        s.instalments = *instalments;
    }
    // The year covered is opened when first used.
    qint64 yearId = m_year->yearId();
    if (yearId == 0 && m_year->startYear() != 0) {
        auto opened = m_session.service<FinancialYearService>().open(m_year->startYear());
        if (!opened)
            return error(opened.error().message);
        yearId = opened->id;
    }
    s.financialYearId = yearId;
    auto saved = m_session.service<SubsidyService>().save(s);
    if (!saved)
        return error(saved.error().message);
    QDialog::accept();
}

} // namespace etabli
