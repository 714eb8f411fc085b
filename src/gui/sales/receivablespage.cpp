#include "gui/sales/receivablespage.h"

#include "gui/common/colours.h"
#include "gui/common/listoutput.h"
#include "gui/common/messagebanner.h"
#include "gui/common/printpreview.h"
#include "gui/common/reloadwhenshown.h"
#include "gui/common/session.h"
#include "print/depositslipdocument.h"
#include "print/documentprinter.h"
#include "print/reminderdocument.h"
#include "services//contactservice.h"
#include "services/invoiceservice.h"
#include "services/schoolservice.h"
#include "util/text.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

ReceivablesPage::ReceivablesPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_summary(new QLabel(this)),
      m_rows(nullptr), m_chequeRows(nullptr), m_table(new QTableView(this)), m_cheques(new QTableView(this)),
      m_chequesTotal(new QLabel(this))
{
    // Invoices over 60 days late stand out.
    const auto late = [](const Receivable& x, int role) {
        return role == Qt::ForegroundRole && x.bucket() >= 3 ? QVariant(alertColour()) : QVariant();
    };
    m_rows = new ColumnsModel<Receivable>(
        {{tr("Invoice"), [](const Receivable& x) { return x.number; }, false, late},
         {tr("Customer"), [](const Receivable& x) { return x.customer; }, false, late},
         Column<Receivable>::day(
             tr("Date"), [](const Receivable& x) { return x.issueDate; }, late),
         Column<Receivable>::day(
             tr("Due date"), [](const Receivable& x) { return x.dueDate; }, late),
         {tr("Days late"),
          [](const Receivable& x) { return x.daysLate > 0 ? QString::number(x.daysLate) : QString(); }, true,
          late},
         Column<Receivable>::amount(
             tr("Remaining due"), [](const Receivable& x) { return x.due; }, late),
         {tr("Age"), [](const Receivable& x) { return InvoiceService::bucketLabel(x.bucket()); }, false,
          late}},
        this);
    m_chequeRows = new ColumnsModel<ChequeChoice>(
        {{tr("Received"),
          [](const ChequeChoice& c) { return text::frenchDate(c.cheque.day); },
          false,
          {},
          [](const ChequeChoice& c) { return c.ticked; },
          [](ChequeChoice& c, bool on) { c.ticked = on; }},
         {tr("Bank"), [](const ChequeChoice& c) { return c.cheque.bank; }},
         {tr("Cheque no."), [](const ChequeChoice& c) { return c.cheque.chequeNumber; }},
         {tr("Drawer"), [](const ChequeChoice& c) { return c.cheque.drawer; }},
         Column<ChequeChoice>::amount(tr("Amount"), [](const ChequeChoice& c) { return c.cheque.amount; })},
        this);
    m_banner->hide();
    m_summary->setObjectName(QStringLiteral("receivablesSummary"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("receivablesTable"));
    m_table->setModel(m_rows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    auto* reminder = new QPushButton(tr("Print a &reminder letter…"), this);
    auto* reminderPdf = new QPushButton(tr("Reminder letter in P&DF…"), this);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(new ListOutput(
        m_session, m_banner, {m_table}, {}, tr("Receivables"),
        [this]() { return QStringList{tr("on %1").arg(text::frenchDate(m_session.clock().today()))}; },
        this));
    bottom->addStretch(1);
    bottom->addWidget(reminder);
    bottom->addWidget(reminderPdf);
    m_cheques->setObjectName(QStringLiteral("chequesToDeposit"));
    m_cheques->setModel(m_chequeRows);
    m_cheques->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cheques->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_cheques->verticalHeader()->hide();
    m_cheques->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_cheques->setMaximumHeight(200);
    m_cheques->setWordWrap(false);
    auto* deposit = new QPushButton(tr("&Hand the ticked cheques to the bank and print the slip…"), this);
    auto* chequesBar = new QHBoxLayout;
    chequesBar->addWidget(new QLabel(tr("<b>Cheques to hand to the bank</b>"), this));
    chequesBar->addWidget(m_chequesTotal, 1);
    chequesBar->addWidget(deposit);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
    layout->addLayout(chequesBar);
    layout->addWidget(m_cheques);
    connect(reminder, &QPushButton::clicked, this, [this]() { chooseReminder(true); });
    connect(reminderPdf, &QPushButton::clicked, this, [this]() { chooseReminder(false); });
    connect(deposit, &QPushButton::clicked, this, &ReceivablesPage::chooseDeposit);
    connect(&m_session, &Session::databaseChanged, this, &ReceivablesPage::reload);
    connect(&m_session, &Session::userChanged, this, &ReceivablesPage::reload);
    reloadOnDataChangeWhenShown(this, m_session, DataKind::Invoices | DataKind::Contacts,
                                [this]() { reload(); });
    reload();
}

QString ReceivablesPage::summaryText() const
{
    return m_summary->text();
}

void ReceivablesPage::reload()
{
    m_rows->clear();
    m_summary->clear();
    if (!m_session.isOpen() || !m_session.isLoggedIn() || !m_session.user().can(permission::SalesRead))
        return;
    auto aging = m_session.service<InvoiceService>().receivables(0, MaxRows);
    if (!aging) {
        m_banner->showMessage(MessageBanner::Kind::Error, aging.error().message);
        return;
    }
    QStringList parts;
    for (int b = 0; b < 5; ++b)
        parts << QStringLiteral("%1 : %2").arg(InvoiceService::bucketLabel(b), aging->buckets[b].format());
    m_summary->setText(
        tr("<b>Due in all: %1</b> — %2").arg(aging->total.format(), parts.join(QStringLiteral(" · "))) +
        QStringLiteral("<br>") +
        (aging->count > aging->invoices.size()
             ? tr("%1 unpaid invoices, %2 customers: the %3 oldest below.")
                   .arg(aging->count)
                   .arg(aging->customers)
                   .arg(aging->invoices.size())
             : tr("%n unpaid invoice(s)", nullptr, static_cast<int>(aging->count))));
    m_rows->setRows(aging->invoices);
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    reloadCheques();
}

void ReceivablesPage::reloadCheques()
{
    const auto cheques =
        m_session.service<InvoiceService>().chequesToDeposit().value_or(QList<ChequeToDeposit>{});
    Money total;
    QList<ChequeChoice> rows;
    for (const ChequeToDeposit& c : cheques) {
        total += c.amount;
        rows << ChequeChoice{c, true};
    }
    m_chequeRows->setRows(rows);
    m_cheques->resizeColumnsToContents();
    m_cheques->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_chequesTotal->setText(
        tr("%n cheque(s), %1", nullptr, static_cast<int>(cheques.size())).arg(total.format()));
}

Result<qint64> ReceivablesPage::depositTicked()
{
    QList<qint64> ids;
    for (const ChequeChoice& c : m_chequeRows->rows()) {
        if (c.ticked)
            ids << c.cheque.paymentId;
    }
    auto slip = m_session.service<InvoiceService>().depositCheques(ids);
    if (slip) {
        reloadCheques();
    }
    return slip;
}

std::unique_ptr<print::Printable> ReceivablesPage::depositSlip(qint64 slipId)
{
    Database& db = m_session.database();
    auto cheques = InvoiceService(db, m_session.clock(), m_session.user()).depositSlip(slipId);
    auto school = SchoolService(db, m_session.clock(), m_session.user()).identity();
    if (!cheques || !school) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              (!cheques ? cheques.error() : school.error()).message);
        return nullptr;
    }
    return print::DepositSlipDocument::make(*school, slipId, *cheques, m_session.clock().today());
}

Status ReceivablesPage::depositTicked(const QString& path)
{
    auto slip = depositTicked();
    if (!slip)
        return std::unexpected(slip.error());
    auto printable = depositSlip(*slip);
    if (!printable)
        return fail(Error::Code::Storage, tr("The deposit slip could not be made."));
    return print::DocumentPrinter::writePdf(*printable, path);
}

void ReceivablesPage::chooseDeposit()
{
    auto slip = depositTicked();
    if (!slip) {
        m_banner->showMessage(MessageBanner::Kind::Error, slip.error().message);
        return;
    }
    m_banner->showMessage(
        MessageBanner::Kind::Success,
        tr("Deposit slip no. %1 recorded: these cheques will no longer be offered.").arg(*slip));
    DocumentOutput::preview(this, [this, id = *slip]() { return depositSlip(id); });
}

std::unique_ptr<print::Printable> ReceivablesPage::reminder(int row)
{
    if (row < 0 || row >= m_rows->rowCount()) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Choose an invoice of the customer to remind."));
        return nullptr;
    }
    const qint64 contactId = m_rows->rowAt(row).contactId;
    Database& db = m_session.database();
    auto contact = ContactService(db, m_session.clock(), m_session.user()).get(contactId);
    auto aging = InvoiceService(db, m_session.clock(), m_session.user()).receivables(contactId);
    auto school = SchoolService(db, m_session.clock(), m_session.user()).identity();
    if (!contact || !aging || !school) {
        m_banner->showMessage(MessageBanner::Kind::Error, (!contact ? contact.error()
                                                           : !aging ? aging.error()
                                                                    : school.error())
                                                              .message);
        return nullptr;
    }
    return print::ReminderDocument::make(*school, *contact, aging->invoices, m_session.clock().today());
}

Status ReceivablesPage::writeReminder(int row, const QString& path)
{
    auto printable = reminder(row);
    if (!printable)
        return fail(Error::Code::InvalidInput, tr("Choose an invoice of the customer to remind."));
    return print::DocumentPrinter::writePdf(*printable, path);
}

void ReceivablesPage::chooseReminder(bool preview)
{
    const int row = m_table->currentIndex().row();
    if (preview)
        DocumentOutput::preview(this, [this, row]() { return reminder(row); });
    else if (row >= 0)
        DocumentOutput::savePdf(
            this, tr("reminder-%1").arg(m_rows->rowAt(row).number), [this, row]() { return reminder(row); },
            m_banner);
    else
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Choose an invoice of the customer to remind."));
}

} // namespace etabli
