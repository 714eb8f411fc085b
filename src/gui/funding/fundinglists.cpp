#include "gui/funding/fundinglists.h"

#include "gui/common/allowed.h"
#include "gui/common/datefield.h"
#include "gui/common/formdialog.h"
#include "gui/common/listoutput.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "gui/sales/customerchooser.h"
#include "services/budgetservice.h"
#include "services/donationservice.h"
#include "services/financialyearservice.h"
#include "util/text.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

namespace {

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* table = new QTableView(parent);
    table->setModel(model);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    return table;
}

// The id of the row under the cursor, 0 when none.
template <class Row> qint64 selectedRowId(const QTableView* table, const ColumnsModel<Row>* rows)
{
    const int row = table->currentIndex().row();
    return row >= 0 && row < rows->rowCount() ? rows->rowAt(row).id : 0;
}

bool mayRead(Session& session)
{
    return session.isOpen() && session.isLoggedIn() && session.user().can(permission::FundingRead);
}

void showDenied(MessageBanner* banner)
{
    banner->showMessage(
        MessageBanner::Kind::Warning,
        QCoreApplication::translate("FundingLists", "Your account does not allow seeing this list."));
    banner->show();
}

// A page of one year's lines: banner, the year and a summary, the table,
// the buttons at the bottom right.
void layOutYearPage(QWidget* page, MessageBanner* banner, const QString& yearText, QSpinBox* year,
                    QLabel* summary, QTableView* table, const QList<QPushButton*>& buttons, int currentYear)
{
    auto* layout = new QVBoxLayout(page);
    banner->hide();
    layout->addWidget(banner);
    auto* top = new QHBoxLayout;
    auto* yearLabel = new QLabel(yearText, page);
    yearLabel->setBuddy(year);
    year->setRange(2000, 2100);
    year->setValue(currentYear);
    top->addWidget(yearLabel);
    top->addWidget(year);
    top->addSpacing(16);
    top->addWidget(summary, 1);
    layout->addLayout(top);
    layout->addWidget(table, 1);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    for (QPushButton* b : buttons)
        row->addWidget(b);
    layout->addLayout(row);
}

} // namespace

// --- Apprenticeship tax -------------------------------------------------

ApprenticeshipTaxPage::ApprenticeshipTaxPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_year(new QSpinBox(this)),
      m_totals(new QLabel(this)),
      m_rows(new ColumnsModel<ApprenticeshipTax>(
          {{tr("Company"), [](const ApprenticeshipTax& t) { return t.companyName; }},
           Column<ApprenticeshipTax>::amount(tr("Expected"),
                                             [](const ApprenticeshipTax& t) { return t.expected; }),
           Column<ApprenticeshipTax>::amountOrBlank(tr("Received"),
                                                    [](const ApprenticeshipTax& t) {
                                                        return t.received.isZero()
                                                                   ? std::optional<Money>()
                                                                   : std::optional(t.received);
                                                    }),
           Column<ApprenticeshipTax>::day(tr("Received on"),
                                          [](const ApprenticeshipTax& t) { return t.receivedOn; }),
           {tr("Note"), [](const ApprenticeshipTax& t) { return t.note; }}},
          this)),
      m_table(makeTable(m_rows, this))
{
    m_table->setObjectName(QStringLiteral("apprenticeshipTaxTable"));
    auto* change = new QPushButton(tr("&Change…"), this);
    auto* add = new QPushButton(tr("&New company…"), this);
    showWhenAllowed(add, session, permission::FundingWrite);
    showWhenAllowed(change, session, permission::FundingWrite);
    auto* output = new ListOutput(
        session, m_banner, {m_table}, {}, tr("Apprenticeship tax"),
        [this]() { return QStringList{tr("tax of %1").arg(m_year->value())}; }, this);
    layOutYearPage(this, m_banner, tr("&Year of the tax:"), m_year, m_totals, m_table, {output, change, add},
                   session.clock().today().year());
    connect(change, &QPushButton::clicked, this, [this]() {
        if (selectedRowId(m_table, m_rows) != 0)
            edit(selectedRowId(m_table, m_rows));
    });
    connect(m_table, &QTableView::doubleClicked, this, [this]() { edit(selectedRowId(m_table, m_rows)); });
    connect(add, &QPushButton::clicked, this, [this]() { edit(0); });
    connect(m_year, &QSpinBox::valueChanged, this, &ApprenticeshipTaxPage::reload);
    connect(&m_session, &Session::databaseChanged, this, &ApprenticeshipTaxPage::reload);
    connect(&m_session, &Session::userChanged, this, &ApprenticeshipTaxPage::reload);
    reload();
}

void ApprenticeshipTaxPage::reload()
{
    m_rows->clear();
    m_totals->clear();
    if (!mayRead(m_session))
        return showDenied(m_banner);
    m_banner->hide();
    auto lines = m_session.service<BudgetService>().apprenticeshipTaxes(m_year->value());
    if (!lines) {
        m_banner->showMessage(MessageBanner::Kind::Error, lines.error().message);
        m_banner->show();
        return;
    }
    Money expected;
    Money received;
    m_rows->setRows(*lines);
    for (const ApprenticeshipTax& t : *lines) {
        expected += t.expected;
        received += t.received;
    }
    m_totals->setText(
        tr("%n company(ies): %1 expected, %2 received.", nullptr, static_cast<int>(lines->size()))
            .arg(expected.format(), received.format()));
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

void ApprenticeshipTaxPage::edit(qint64 id)
{
    auto service = m_session.service<BudgetService>();
    ApprenticeshipTax tax;
    tax.year = m_year->value();
    if (id != 0) {
        auto lines = service.apprenticeshipTaxes(m_year->value());
        if (lines)
            for (const ApprenticeshipTax& t : *lines)
                if (t.id == id)
                    tax = t;
    }
    FormDialog dialog(id == 0 ? tr("Apprenticeship tax: new company")
                              : tr("Apprenticeship tax: %1").arg(tax.companyName),
                      this);
    auto* company = new CustomerChooser(m_session, CustomerChooser::Choosing::Company, &dialog);
    if (id != 0) {
        company->setContact(tax.contactId);
        company->setEnabled(false);
    }
    auto* expected = FormDialog::moneyField(tax.expected, &dialog);
    auto* received = FormDialog::moneyField(tax.received, &dialog);
    auto* receivedOn = FormDialog::optionalDateField(tax.receivedOn, &dialog);
    auto* note = new QLineEdit(tax.note, &dialog);
    dialog.addRow(tr("&Company:"), company);
    dialog.addRow(tr("&Expected for %1:").arg(tax.year), expected);
    dialog.addRow(tr("&Received:"), received);
    dialog.addRow(tr("Received &on:"), receivedOn);
    dialog.addRow(tr("&Note:"), note);
    dialog.setAction([&]() -> Status {
        auto e = FormDialog::money(expected);
        auto r = FormDialog::money(received);
        if (!e || !r)
            return std::unexpected((!e ? e.error() : r.error()));
        ApprenticeshipTax t = tax;
        t.contactId = company->contactId();
        t.expected = *e;
        t.received = *r;
        t.receivedOn = receivedOn->date();
        t.note = note->text();
        auto saved = m_session.service<BudgetService>().saveApprenticeshipTax(t);
        if (!saved)
            return std::unexpected(saved.error());
        return {};
    });
    if (dialog.exec() == QDialog::Accepted) {
        reload();
    }
}

// --- Members and dues ----------------------------------------------------

MembersPage::MembersPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_year(new QSpinBox(this)),
      m_count(new QLabel(this)),
      m_rows(new ColumnsModel<Member>(
          {{tr("Member"), [](const Member& m) { return m.name; }},
           Column<Member>::day(tr("Joined on"), [](const Member& m) { return m.joinedOn; }),
           Column<Member>::day(tr("Left on"), [](const Member& m) { return m.leftOn; }),
           {tr("Last dues paid"),
            [](const Member& m) {
                return m.lastPaidYear == 0 ? QString() : QString::number(m.lastPaidYear);
            }}},
          this)),
      m_table(makeTable(m_rows, this))
{
    m_table->setObjectName(QStringLiteral("membersTable"));
    auto* dues = new QPushButton(tr("&Dues paid…"), this);
    auto* add = new QPushButton(tr("&New member…"), this);
    showWhenAllowed(add, session, permission::FundingWrite);
    showWhenAllowed(dues, session, permission::FundingWrite);
    auto* output = new ListOutput(
        session, m_banner, {m_table}, {}, tr("Members"),
        [this]() { return QStringList{QString::number(m_year->value())}; }, this);
    layOutYearPage(this, m_banner, tr("&Year:"), m_year, m_count, m_table, {output, dues, add},
                   session.clock().today().year());
    connect(dues, &QPushButton::clicked, this, &MembersPage::recordDues);
    connect(m_table, &QTableView::doubleClicked, this, &MembersPage::recordDues);
    connect(add, &QPushButton::clicked, this, &MembersPage::addMember);
    connect(m_year, &QSpinBox::valueChanged, this, &MembersPage::reload);
    connect(&m_session, &Session::databaseChanged, this, &MembersPage::reload);
    connect(&m_session, &Session::userChanged, this, &MembersPage::reload);
    reload();
}

QString MembersPage::countText() const
{
    return m_count->text();
}

void MembersPage::reload()
{
    m_rows->clear();
    m_count->clear();
    if (!mayRead(m_session))
        return showDenied(m_banner);
    m_banner->hide();
    auto service = m_session.service<BudgetService>();
    auto members = service.members();
    auto active = service.activeMembers(m_year->value());
    if (!members || !active) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              (!members ? members.error() : active.error()).message);
        m_banner->show();
        return;
    }
    m_rows->setRows(*members);
    m_count->setText(
        tr("%1 member(s) in the register; <b>%2 with their dues for %3 paid</b> (for the general meeting).")
            .arg(members->size())
            .arg(*active)
            .arg(m_year->value()));
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

void MembersPage::addMember()
{
    FormDialog dialog(tr("New member"), this);
    auto* contact = new CustomerChooser(m_session, CustomerChooser::Choosing::Member, &dialog);
    auto* joined = FormDialog::dateField(m_session.clock().today(), &dialog);
    dialog.addRow(tr("&Member (from the directory):"), contact);
    dialog.addRow(tr("&Joined on:"), joined);
    dialog.setAction([&]() -> Status {
        Member m;
        m.contactId = contact->contactId();
        m.joinedOn = joined->date();
        auto id = m_session.service<BudgetService>().saveMember(m);
        if (!id)
            return std::unexpected(id.error());
        return {};
    });
    if (dialog.exec() == QDialog::Accepted) {
        reload();
    }
}

void MembersPage::recordDues()
{
    const qint64 id = selectedRowId(m_table, m_rows);
    if (id == 0) {
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("Choose a member in the list."));
        m_banner->show();
        return;
    }
    FormDialog dialog(tr("Dues of %1").arg(m_rows->rowAt(m_table->currentIndex().row()).name), this);
    auto* year = new QSpinBox(&dialog);
    year->setRange(2000, 2100);
    year->setValue(m_year->value());
    auto* amount = FormDialog::moneyField(Money::fromCents(3000), &dialog);
    auto* paid = FormDialog::dateField(m_session.clock().today(), &dialog);
    auto* method = FormDialog::choiceField(GiftMethod::Cheque, &dialog);
    dialog.addRow(tr("Dues for the &year:"), year);
    dialog.addRow(tr("&Amount:"), amount);
    dialog.addRow(tr("&Paid on:"), paid);
    dialog.addRow(tr("&Method:"), method);
    dialog.setAction([&]() -> Status {
        auto money = FormDialog::money(amount);
        if (!money)
            return std::unexpected(money.error());
        MembershipDue d;
        d.memberId = id;
        d.year = year->value();
        d.amount = *money;
        d.paidOn = paid->date();
        d.method = FormDialog::choice<GiftMethod>(method);
        auto saved = m_session.service<BudgetService>().recordDue(d);
        if (!saved)
            return std::unexpected(saved.error());
        return {};
    });
    if (dialog.exec() == QDialog::Accepted) {
        reload();
    }
}

// --- Financial years -----------------------------------------------------

FinancialYearsPage::FinancialYearsPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)),
      m_rows(new ColumnsModel<FinancialYear>(
          {{tr("Financial year"), [](const FinancialYear& y) { return FinancialYearService::label(y); }},
           Column<FinancialYear>::day(tr("From"), [](const FinancialYear& y) { return y.start; }),
           Column<FinancialYear>::day(tr("To"), [](const FinancialYear& y) { return y.end; }),
           {tr("State"),
            [this](const FinancialYear& y) {
                return y.closed ? tr("Closed")
                                : (y.contains(m_session.clock().today()) ? tr("Current") : tr("Open"));
            }},
           {tr("Targets (production / gifts / subsidies)"),
            [](const FinancialYear& y) {
                return QStringLiteral("%1 % / %2 % / %3 %")
                    .arg(y.targetProductionBp / 100.0)
                    .arg(y.targetGiftsBp / 100.0)
                    .arg(y.targetSubsidiesBp / 100.0);
            }}},
          this)),
      m_table(makeTable(m_rows, this)), m_reopen(new QPushButton(tr("&Reopen…"), this))
{
    m_table->setObjectName(QStringLiteral("financialYearsTable"));
    auto* layout = new QVBoxLayout(this);
    m_banner->hide();
    layout->addWidget(m_banner);
    auto* help =
        new QLabel(tr("A closed year can no longer be changed: no gift, entry, dues or subsidy amount dated "
                      "in it. Only the direction may reopen one, saying why."),
                   this);
    help->setWordWrap(true);
    layout->addWidget(help);
    layout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    auto* open = new QPushButton(tr("&Open the next year"), this);
    auto* targets = new QPushButton(tr("&Targets…"), this);
    auto* close = new QPushButton(tr("&Close…"), this);
    buttons->addStretch(1);
    for (QPushButton* b : {open, targets, close, m_reopen})
        buttons->addWidget(b);
    layout->addLayout(buttons);
    connect(open, &QPushButton::clicked, this, &FinancialYearsPage::openNext);
    connect(targets, &QPushButton::clicked, this, &FinancialYearsPage::editTargets);
    connect(m_table, &QTableView::doubleClicked, this, &FinancialYearsPage::editTargets);
    connect(close, &QPushButton::clicked, this, &FinancialYearsPage::closeYear);
    connect(m_reopen, &QPushButton::clicked, this, &FinancialYearsPage::reopenYear);
    connect(&m_session, &Session::databaseChanged, this, &FinancialYearsPage::reload);
    connect(&m_session, &Session::userChanged, this, &FinancialYearsPage::reload);
    m_session.onDataChanged(this, DataKind::Budget, [this]() { reload(); });
    reload();
}

qint64 FinancialYearsPage::selectedId() const
{
    return selectedRowId(m_table, m_rows);
}

std::optional<FinancialYear> FinancialYearsPage::selectedYear()
{
    auto year = m_session.service<FinancialYearService>().year(selectedId());
    if (!year) {
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("Choose a financial year in the list."));
        m_banner->show();
        return std::nullopt;
    }
    return *year;
}

void FinancialYearsPage::tell(const Status& result, const QString& success)
{
    if (!result)
        m_banner->showMessage(MessageBanner::Kind::Error, result.error().message);
    else
        m_banner->showMessage(MessageBanner::Kind::Success, success);
    m_banner->show();
}

void FinancialYearsPage::reload()
{
    m_rows->clear();
    if (!mayRead(m_session))
        return showDenied(m_banner);
    m_reopen->setVisible(m_session.user().role == Role::Direction);
    auto years = m_session.service<FinancialYearService>().years();
    if (!years) {
        m_banner->showMessage(MessageBanner::Kind::Error, years.error().message);
        m_banner->show();
        return;
    }
    m_rows->setRows(*years);
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

void FinancialYearsPage::openNext()
{
    auto service = m_session.service<FinancialYearService>();
    auto current = service.openCurrent();
    if (!current) {
        m_banner->showMessage(MessageBanner::Kind::Error, current.error().message);
        m_banner->show();
        return;
    }
    auto years = service.years();
    int next = current->start.year() + 1;
    if (years && !years->isEmpty())
        next = std::max(next, years->first().start.year() + 1);
    auto opened = service.open(next);
    tell(statusOf(opened),
         opened ? tr("The financial year %1 is open.").arg(FinancialYearService::label(*opened)) : QString());
}

void FinancialYearsPage::editTargets()
{
    auto service = m_session.service<FinancialYearService>();
    auto year = selectedYear();
    if (!year)
        return;
    FormDialog dialog(tr("Targets of %1").arg(FinancialYearService::label(*year)), this);
    const auto percentField = [&](int bp) {
        auto* field = new QSpinBox(&dialog);
        field->setRange(0, 100);
        field->setSuffix(QStringLiteral(" %"));
        field->setValue(bp / 100);
        return field;
    };
    auto* production = percentField(year->targetProductionBp);
    auto* gifts = percentField(year->targetGiftsBp);
    auto* subsidies = percentField(year->targetSubsidiesBp);
    dialog.addRow(tr("&Production sales:"), production);
    dialog.addRow(tr("&Gifts (donations, sponsorship, apprenticeship tax):"), gifts);
    dialog.addRow(tr("&Subsidies:"), subsidies);
    dialog.setAction([&]() -> Status {
        FinancialYear y = *year;
        y.targetProductionBp = production->value() * 100;
        y.targetGiftsBp = gifts->value() * 100;
        y.targetSubsidiesBp = subsidies->value() * 100;
        return service.setTargets(y);
    });
    dialog.exec(); // the pages showing the targets reload on their change
}

void FinancialYearsPage::closeYear()
{
    auto service = m_session.service<FinancialYearService>();
    auto year = selectedYear();
    if (!year)
        return;
    if (QMessageBox::question(
            this, tr("Close the financial year"),
            tr("Close %1? Nothing dated in it can then be added or changed; only the direction "
               "may reopen it.")
                .arg(FinancialYearService::label(*year))) != QMessageBox::Yes)
        return;
    tell(service.close(year->id, year->version),
         tr("The financial year %1 is closed.").arg(FinancialYearService::label(*year)));
}

void FinancialYearsPage::reopenYear()
{
    auto service = m_session.service<FinancialYearService>();
    auto year = selectedYear();
    if (!year)
        return;
    bool ok = false;
    const QString reason =
        QInputDialog::getText(this, tr("Reopen %1").arg(FinancialYearService::label(*year)),
                              tr("Why is this closed year reopened? The log of changes keeps the reason."),
                              QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    tell(service.reopen(year->id, reason, year->version),
         tr("The financial year %1 is open again.").arg(FinancialYearService::label(*year)));
}

} // namespace etabli
