#include "gui/funding/budgetpage.h"

#include "gui/common/allowed.h"
#include "gui/common/colours.h"
#include "gui/common/datefield.h"
#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/printpreview.h"
#include "gui/common/reloadwhenshown.h"
#include "gui/common/session.h"
#include "gui/funding/budgetentrylistmodel.h"
#include "gui/funding/yearcombo.h"
#include "gui/sales/customerchooser.h"
#include "io/files.h"
#include "services/accountingservice.h"
#include "services/budgetservice.h"
#include "services/financialyearservice.h"
#include "services/fundingreportservice.h"

#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

BudgetEntriesList::BudgetEntriesList(Session& session, QWidget* parent)
    : PagedListPage(session, DataKind::Budget | DataKind::Contacts, tr("Income and expenses"),
                    BudgetEntryListModel::Label, tr("Search a label, a reference or a contact…"),
                    tr("&New entry…"), parent),
      m_list(new BudgetEntryListModel(session, this)), m_kind(new QComboBox(this)),
      m_correct(new QPushButton(tr("&Correct…"), this))
{
    setModel(m_list);
    requireForNew(holding(permission::FundingWrite));
    showWhenAllowed(m_correct, m_session, permission::FundingWrite);
    m_table->setObjectName(QStringLiteral("budgetEntries"));
    m_kind->addItem(tr("Income and expenses"));
    m_kind->addItem(tr("Expenses"), static_cast<int>(BudgetKind::Expense));
    m_kind->addItem(tr("Other income"), static_cast<int>(BudgetKind::Resource));
    addFilter(m_kind);
    m_correct->setToolTip(tr("Records the opposite amount: the entry stays, undone."));
    addButton(m_correct);
    connect(m_correct, &QPushButton::clicked, this, &BudgetEntriesList::correctSelected);
    for (auto changed : {&Session::databaseChanged, &Session::userChanged})
        connect(&m_session, changed, this, [this]() {
            updateButtons();
            restart();
        });
    updateButtons();
    restart();
}

void BudgetEntriesList::updateButtons()
{
    const bool allowed = m_session.isLoggedIn() && m_session.user().can(permission::FundingRead);
    m_correct->setEnabled(allowed && m_session.user().can(permission::FundingWrite));
}

bool BudgetEntriesList::mayRead() const
{
    return m_session.user().can(permission::FundingRead);
}

void BudgetEntriesList::applyFilters()
{
    BudgetEntryFilter f;
    f.search = m_search->text();
    if (m_kind->currentData().isValid())
        f.kind = static_cast<BudgetKind>(m_kind->currentData().toInt());
    m_list->setFilter(f);
}

void BudgetEntriesList::openRecord(qint64 id)
{
    if (id != 0) {
        // Entries are never changed: a correction undoes one.
        m_banner->showMessage(
            MessageBanner::Kind::Warning,
            tr("A recorded entry is not changed: “Correct…” undoes it, then record the right one."));
        return;
    }
    auto service = m_session.service<BudgetService>();
    auto categories = service.categories();
    if (!categories)
        return m_banner->showMessage(MessageBanner::Kind::Error, categories.error().message);
    FormDialog dialog(tr("New entry"), this);
    auto* category = new QComboBox(&dialog);
    for (const BudgetCategory& c : *categories)
        if (c.takesEntries() && c.active)
            category->addItem(c.isResource() ? tr("Income: %1").arg(c.name) : c.name, c.id);
    auto* day = FormDialog::dateField(m_session.clock().today(), &dialog);
    auto* label = new QLineEdit(&dialog);
    auto* amount = FormDialog::moneyField(Money(), &dialog);
    auto* contact = new CustomerChooser(m_session, CustomerChooser::Choosing::Contact, &dialog);
    auto* reference = new QLineEdit(&dialog);
    reference->setPlaceholderText(tr("Supplier's invoice number, bank statement…"));
    dialog.addRow(tr("&Category:"), category);
    dialog.addRow(tr("D&ay:"), day);
    dialog.addRow(tr("&Label:"), label);
    dialog.addRow(tr("A&mount:"), amount);
    dialog.addRow(tr("Su&pplier or payer:"), contact);
    dialog.addRow(tr("&Reference:"), reference);
    dialog.setAction([&]() -> Status {
        auto money = FormDialog::money(amount);
        if (!money)
            return std::unexpected(money.error());
        BudgetEntry e;
        e.categoryId = category->currentData().toLongLong();
        e.day = day->date();
        e.label = label->text();
        e.amount = *money;
        e.contactId = contact->contactId();
        e.reference = reference->text();
        auto recorded = m_session.service<BudgetService>().recordEntry(e);
        if (!recorded)
            return std::unexpected(recorded.error());
        return {};
    });
    if (dialog.exec() == QDialog::Accepted) {
        m_banner->showMessage(MessageBanner::Kind::Success, tr("The entry is recorded."));
        reload();
    }
}

void BudgetEntriesList::correctSelected()
{
    const qint64 id = currentId();
    if (id == 0)
        return m_banner->showMessage(MessageBanner::Kind::Warning, tr("Choose an entry in the list."));
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Correct an entry"),
        tr("The entry stays; an entry of the opposite amount, dated today, undoes it. Why?"),
        QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    auto r = m_session.service<BudgetService>().correctEntry(id, m_session.clock().today(), reason);
    if (!r)
        return m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
    m_banner->showMessage(MessageBanner::Kind::Success, tr("The entry is corrected."));
    reload();
}

BudgetPage::BudgetPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)),
      m_year(new YearCombo(session, this)), m_forecastRows(nullptr), m_forecasts(new QTableView(this)),
      m_entries(new BudgetEntriesList(session, this))
{
    // The totals close the table, in bold.
    const auto bold = [](const ForecastRow& r, int role) {
        if (role != Qt::FontRole || r.categoryId != 0)
            return QVariant();
        QFont f;
        f.setBold(true);
        return QVariant(f);
    };
    m_forecastRows = new ColumnsModel<ForecastRow>(
        {{tr("Category"),
          [](const ForecastRow& r) {
              return r.categoryId != 0 && r.line.kind == BudgetKind::Expense
                         ? tr("Expense: %1").arg(r.line.name)
                         : r.line.name;
          },
          false, bold},
         {tr("Forecast"), [](const ForecastRow& r) { return r.line.forecast.format(); }, true, bold},
         {tr("Actual"), [](const ForecastRow& r) { return r.line.actual.format(); }, true, bold},
         // A shortfall of resources or an overspend shows in red, as on the dashboard.
         {tr("Gap"),
          [](const ForecastRow& r) { return r.categoryId == 0 ? QString() : r.line.gap().format(); }, true,
          [bold](const ForecastRow& r, int role) {
              if (role == Qt::ForegroundRole)
                  return r.categoryId != 0 && r.line.shortfall() ? QVariant(alertColour()) : QVariant();
              return bold(r, role);
          }}},
        this);
    m_forecasts->setModel(m_forecastRows);
    m_forecasts->setObjectName(QStringLiteral("forecastTable"));
    auto* layout = new QVBoxLayout(this);
    m_banner->hide();
    layout->addWidget(m_banner);
    auto* top = new QHBoxLayout;
    auto* yearLabel = new QLabel(tr("Financial &year:"), this);
    yearLabel->setBuddy(m_year);
    top->addWidget(yearLabel);
    top->addWidget(m_year);
    top->addStretch(1);
    auto* edit = new QPushButton(tr("Change the &forecast…"), this);
    auto* subsidy = new QPushButton(tr("Forecast a &subsidy…"), this);
    auto* fec = new QPushButton(tr("File for the &accountant (FEC)…"), this);
    fec->setObjectName(QStringLiteral("saveFec"));
    fec->setToolTip(
        tr("The year's entries (sales, payments, gifts, subsidies, dues and other entries) as the "
           "fichier des écritures comptables, for the accountant's software"));
    showWhenAllowed(fec, m_session, holding(permission::SalesRead));
    top->addWidget(edit);
    top->addWidget(subsidy);
    top->addWidget(fec);
    layout->addLayout(top);
    m_forecasts->verticalHeader()->hide();
    m_forecasts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_forecasts->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_forecasts);
    splitter->addWidget(m_entries);
    layout->addWidget(splitter, 1);
    connect(m_forecasts, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index) { editForecast(index.row()); });
    connect(edit, &QPushButton::clicked, this, [this]() { editForecast(m_forecasts->currentIndex().row()); });
    connect(subsidy, &QPushButton::clicked, this, &BudgetPage::forecastSubsidy);
    connect(fec, &QPushButton::clicked, this, &BudgetPage::saveFec);
    connect(m_year, &QComboBox::currentIndexChanged, this, &BudgetPage::reload);
    const auto refresh = [this]() {
        m_year->refresh();
        reload();
    };
    connect(&m_session, &Session::databaseChanged, this, refresh);
    connect(&m_session, &Session::userChanged, this, refresh);
    reloadOnDataChangeWhenShown(this, m_session, DataKind::Budget, [this]() { reload(); });
    reload();
}

void BudgetPage::saveFec()
{
    // The financial year chosen above, named by the year it ends in.
    auto years = m_session.service<FinancialYearService>().years();
    if (!years) {
        m_banner->showMessage(MessageBanner::Kind::Error, years.error().message);
        return;
    }
    int endYear = 0;
    for (const FinancialYear& y : std::as_const(*years))
        if (y.id == m_year->yearId())
            endYear = y.end.year();
    if (endYear == 0) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("This financial year holds nothing yet: choose another one."));
        return;
    }
    auto fec = m_session.service<AccountingService>().fec(endYear);
    if (!fec) {
        m_banner->showMessage(MessageBanner::Kind::Error, fec.error().message);
        return;
    }
    const QByteArray text = fec->text;
    DocumentOutput::saveFile(
        this, fec->fileName, DocumentOutput::Fec,
        [text](const QString& path) { return files::write(path, text, true); }, m_banner);
}

void BudgetPage::reload()
{
    m_forecastRows->clear();
    if (!m_session.isOpen() || !m_session.isLoggedIn() || !m_session.user().can(permission::FundingRead))
        return;
    if (m_year->count() == 0)
        m_year->refresh();
    auto report = m_session.service<FundingReportService>().report(m_year->startYear());
    if (!report) {
        m_banner->showMessage(MessageBanner::Kind::Error, report.error().message);
        m_banner->show();
        return;
    }
    m_banner->hide();
    auto categories = m_session.service<BudgetService>().categories();
    QList<ForecastRow> rows;
    for (const FundingReport::Line& l : report->categories) {
        qint64 categoryId = 0;
        for (const BudgetCategory& c : categories.value_or(QList<BudgetCategory>{}))
            if (c.code == l.code)
                categoryId = c.id;
        rows << ForecastRow{l, categoryId};
    }
    FundingReport::Line resources;
    resources.name = tr("Resources in all");
    resources.forecast = report->forecastResources;
    resources.actual = report->totalResources;
    FundingReport::Line expenses;
    expenses.name = tr("Expenses in all");
    expenses.forecast = report->forecastExpenses;
    expenses.actual = report->totalExpenses;
    rows << ForecastRow{resources, 0} << ForecastRow{expenses, 0};
    m_forecastRows->setRows(rows);
    m_forecasts->resizeColumnsToContents();
    m_forecasts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

void BudgetPage::editForecast(int row)
{
    if (row < 0 || row >= m_forecastRows->rowCount() || m_forecastRows->rowAt(row).categoryId == 0) {
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("Choose a category in the table."));
        m_banner->show();
        return;
    }
    const ForecastRow chosen = m_forecastRows->rowAt(row);
    if (chosen.line.funderId == 0 && chosen.line.code == QLatin1String("subsidies")) {
        forecastSubsidy();
        return;
    }
    FormDialog dialog(tr("Forecast: %1").arg(m_forecastRows->index(row, 0).data().toString()), this);
    auto* amount = FormDialog::moneyField(chosen.line.forecast, &dialog);
    dialog.addRow(tr("&Forecast for %1:").arg(m_year->currentText()), amount);
    dialog.setAction([&]() -> Status {
        auto money = FormDialog::money(amount);
        if (!money)
            return std::unexpected(money.error());
        auto yearId = chosenYearId();
        if (!yearId)
            return std::unexpected(yearId.error());
        BudgetForecast f;
        f.financialYearId = *yearId;
        f.categoryId = chosen.categoryId;
        f.funderId = chosen.line.funderId;
        f.amount = *money;
        return m_session.service<BudgetService>().setForecast(f);
    });
    if (dialog.exec() == QDialog::Accepted) {
        m_year->refresh();
    }
}

Result<qint64> BudgetPage::chosenYearId()
{
    if (m_year->yearId() != 0)
        return m_year->yearId();
    // A forecast is often typed before the year starts: it is opened then.
    auto opened = m_session.service<FinancialYearService>().open(m_year->startYear());
    if (!opened)
        return std::unexpected(opened.error());
    return opened->id;
}

void BudgetPage::forecastSubsidy()
{
    auto service = m_session.service<BudgetService>();
    auto categories = service.categories();
    if (!categories)
        return;
    qint64 subsidies = 0;
    for (const BudgetCategory& c : *categories)
        if (c.source == QLatin1String("subsidies"))
            subsidies = c.id;
    FormDialog dialog(tr("Forecast a subsidy"), this);
    auto* funder = new CustomerChooser(m_session, CustomerChooser::Choosing::Funder, &dialog);
    auto* amount = FormDialog::moneyField(Money(), &dialog);
    dialog.addRow(tr("&Funder:"), funder);
    dialog.addRow(tr("&Forecast for %1:").arg(m_year->currentText()), amount);
    dialog.setAction([&]() -> Status {
        auto money = FormDialog::money(amount);
        if (!money)
            return std::unexpected(money.error());
        auto yearId = chosenYearId();
        if (!yearId)
            return std::unexpected(yearId.error());
        BudgetForecast f;
        f.financialYearId = *yearId;
        f.categoryId = subsidies;
        f.funderId = funder->contactId();
        f.amount = *money;
        if (f.funderId == 0)
            return fail(Error::Code::InvalidInput, tr("Choose the funder."));
        return m_session.service<BudgetService>().setForecast(f);
    });
    if (dialog.exec() == QDialog::Accepted) {
        m_year->refresh();
    }
}

} // namespace etabli
