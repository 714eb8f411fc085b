#include "gui/sales/receivablespage.h"

#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "print/depositslipdocument.h"
#include "print/reminderdocument.h"
#include "services/contactservice.h"
#include "services/invoiceservice.h"
#include "services/schoolservice.h"

#include <QFileDialog>
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
    m_table->setHorizontalHeaderLabels({tr("Invoice"), tr("Customer"), tr("Date"), tr("Due date"), tr("Days late"),
                                        tr("Remaining due"), tr("Age")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    auto* reminder = new QPushButton(tr("&Reminder letter (PDF)…"), this);
    auto* bottom = new QHBoxLayout;
    bottom->addStretch(1);
    bottom->addWidget(reminder);
    m_cheques->setObjectName(QStringLiteral("chequesToDeposit"));
    m_cheques->setColumnCount(5);
    m_cheques->setHorizontalHeaderLabels({tr("Received"), tr("Bank"), tr("Cheque no."), tr("Drawer"), tr("Amount")});
    m_cheques->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cheques->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_cheques->verticalHeader()->hide();
    m_cheques->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_cheques->setMaximumHeight(200);
    m_cheques->setWordWrap(false);
    auto* deposit = new QPushButton(tr("&Deposit slip for the ticked cheques (PDF)…"), this);
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
    connect(reminder, &QPushButton::clicked, this, &ReceivablesPage::chooseReminder);
    connect(deposit, &QPushButton::clicked, this, &ReceivablesPage::chooseDeposit);
    connect(&m_session, &Session::databaseChanged, this, &ReceivablesPage::reload);
    connect(&m_session, &Session::userChanged, this, &ReceivablesPage::reload);
    connect(&m_session, &Session::dataChanged, this, &ReceivablesPage::reload);
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
    auto aging = InvoiceService(m_session.database(), m_session.clock(), m_session.user()).receivables();
    if (!aging) {
        m_banner->showMessage(MessageBanner::Kind::Error, aging.error().message);
        return;
    }
    QStringList parts;
    for (int b = 0; b < 5; ++b)
        parts << QStringLiteral("%1 : %2").arg(InvoiceService::bucketLabel(b), aging->buckets[b].format());
    m_summary->setText(tr("<b>Due in all: %1</b> — %2").arg(aging->total.format(), parts.join(QStringLiteral(" · "))));
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
        const QStringList cells = {locale.toString(c.day, QStringLiteral("dd/MM/yyyy")), c.bank, c.chequeNumber, c.drawer,
                                   c.amount.format()};
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
    m_chequesTotal->setText(tr("%n cheque(s), %1", nullptr, static_cast<int>(cheques.size())).arg(total.format()));
}

Status ReceivablesPage::depositTicked(const QString& path)
{
    QList<qint64> ids;
    for (int r = 0; r < m_cheques->rowCount(); ++r) {
        if (m_cheques->item(r, 0)->checkState() == Qt::Checked)
            ids << m_cheques->item(r, 0)->data(Qt::UserRole).toLongLong();
    }
    Database& db = m_session.database();
    InvoiceService sales(db, m_session.clock(), m_session.user());
    auto slip = sales.depositCheques(ids);
    if (!slip)
        return std::unexpected(slip.error());
    auto cheques = sales.depositSlip(*slip);
    auto school = SchoolService(db, m_session.clock(), m_session.user()).identity();
    reloadCheques();
    m_session.notifyDataChanged();
    if (!cheques)
        return std::unexpected(cheques.error());
    if (!school)
        return std::unexpected(school.error());
    return print::DepositSlipDocument::writePdf(*school, *slip, *cheques, m_session.clock().today(), path);
}

void ReceivablesPage::chooseDeposit()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Deposit slip"), tr("deposit-slip.pdf"),
                                                      tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    if (auto r = depositTicked(path); !r)
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
    else
        m_banner->showMessage(MessageBanner::Kind::Success, tr("PDF written: %1").arg(path));
}

Status ReceivablesPage::writeReminder(int row, const QString& path)
{
    if (row < 0 || row >= m_table->rowCount())
        return fail(Error::Code::InvalidInput, tr("Choose an invoice of the customer to remind."));
    const qint64 contactId = m_table->item(row, 0)->data(Qt::UserRole).toLongLong();
    Database& db = m_session.database();
    auto contact = ContactService(db, m_session.clock(), m_session.user()).get(contactId);
    if (!contact)
        return std::unexpected(contact.error());
    auto aging = InvoiceService(db, m_session.clock(), m_session.user()).receivables(contactId);
    if (!aging)
        return std::unexpected(aging.error());
    auto school = SchoolService(db, m_session.clock(), m_session.user()).identity();
    if (!school)
        return std::unexpected(school.error());
    return print::ReminderDocument::writePdf(*school, *contact, aging->invoices, m_session.clock().today(), path);
}

void ReceivablesPage::chooseReminder()
{
    const int row = m_table->currentRow();
    if (row < 0) {
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("Choose an invoice of the customer to remind."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Reminder letter"),
                                                      tr("reminder-%1.pdf").arg(m_table->item(row, 0)->text()),
                                                      tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    if (auto r = writeReminder(row, path); !r)
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
    else
        m_banner->showMessage(MessageBanner::Kind::Success, tr("PDF written: %1").arg(path));
}

} // namespace etabli
