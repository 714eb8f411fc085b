#include "gui/sales/receivablespage.h"

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
#include <QTableWidget>
#include <QVBoxLayout>

namespace etabli {

ReceivablesPage::ReceivablesPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_summary(new QLabel(this)),
      m_table(new QTableWidget(this)), m_cheques(new QTableWidget(this)), m_chequesTotal(new QLabel(this))
{
    m_banner->hide();
    m_summary->setObjectName(QStringLiteral("receivablesSummary"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("receivablesTable"));
    m_table->setColumnCount(7);
    m_table->setHorizontalHeaderLabels({tr("Invoice"), tr("Customer"), tr("Date"), tr("Due date"),
                                        tr("Days late"), tr("Remaining due"), tr("Age")});
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
    m_cheques->setColumnCount(5);
    m_cheques->setHorizontalHeaderLabels(
        {tr("Received"), tr("Bank"), tr("Cheque no."), tr("Drawer"), tr("Amount")});
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
    m_table->setRowCount(0);
    m_summary->clear();
    if (!m_session.isOpen() || !m_session.isLoggedIn() || !m_session.user().can(permission::SalesRead))
        return;
    auto aging =
        InvoiceService(m_session.database(), m_session.clock(), m_session.user()).receivables(0, MaxRows);
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
    const QLocale locale;
    m_table->setRowCount(static_cast<int>(aging->invoices.size()));
    for (int r = 0; r < aging->invoices.size(); ++r) {
        const Receivable& x = aging->invoices.at(r);
        const QStringList cells = {x.number,
                                   x.customer,
                                   locale.toString(x.issueDate, QStringLiteral("dd/MM/yyyy")),
                                   locale.toString(x.dueDate, QStringLiteral("dd/MM/yyyy")),
                                   x.daysLate > 0 ? QString::number(x.daysLate) : QString(),
                                   x.due.format(),
                                   InvoiceService::bucketLabel(x.bucket())};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (c == 0)
                item->setData(Qt::UserRole, x.contactId);
            if (c == 4 || c == 5)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (x.bucket() >= 3)
                item->setForeground(QColor(180, 30, 30));
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    reloadCheques();
}

void ReceivablesPage::reloadCheques()
{
    m_cheques->setRowCount(0);
    const auto cheques = InvoiceService(m_session.database(), m_session.clock(), m_session.user())
                             .chequesToDeposit()
                             .value_or(QList<ChequeToDeposit>{});
    const QLocale locale;
    Money total;
    m_cheques->setRowCount(static_cast<int>(cheques.size()));
    for (int r = 0; r < cheques.size(); ++r) {
        const ChequeToDeposit& c = cheques.at(r);
        total += c.amount;
        const QStringList cells = {locale.toString(c.day, QStringLiteral("dd/MM/yyyy")), c.bank,
                                   c.chequeNumber, c.drawer, c.amount.format()};
        for (int col = 0; col < cells.size(); ++col) {
            auto* item = new QTableWidgetItem(cells.at(col));
            if (col == 0) {
                item->setData(Qt::UserRole, c.paymentId);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Checked);
            }
            if (col == 4)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_cheques->setItem(r, col, item);
        }
    }
    m_cheques->resizeColumnsToContents();
    m_cheques->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_chequesTotal->setText(
        tr("%n cheque(s), %1", nullptr, static_cast<int>(cheques.size())).arg(total.format()));
}

Result<qint64> ReceivablesPage::depositTicked()
{
    QList<qint64> ids;
    for (int r = 0; r < m_cheques->rowCount(); ++r) {
        if (m_cheques->item(r, 0)->checkState() == Qt::Checked)
            ids << m_cheques->item(r, 0)->data(Qt::UserRole).toLongLong();
    }
    auto slip = InvoiceService(m_session.database(), m_session.clock(), m_session.user()).depositCheques(ids);
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
    if (row < 0 || row >= m_table->rowCount()) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Choose an invoice of the customer to remind."));
        return nullptr;
    }
    const qint64 contactId = m_table->item(row, 0)->data(Qt::UserRole).toLongLong();
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
    const int row = m_table->currentRow();
    if (preview)
        DocumentOutput::preview(this, [this, row]() { return reminder(row); });
    else if (row >= 0)
        DocumentOutput::savePdf(
            this, tr("reminder-%1").arg(m_table->item(row, 0)->text()),
            [this, row]() { return reminder(row); }, m_banner);
    else
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Choose an invoice of the customer to remind."));
}

} // namespace etabli
