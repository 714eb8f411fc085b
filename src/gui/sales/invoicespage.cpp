#include "gui/sales/invoicespage.h"

#include "gui/common/messagebanner.h"
#include "gui/common/pager.h"
#include "gui/common/session.h"
#include "gui/sales/invoicedialog.h"
#include "services/invoiceservice.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace etabli {

InvoicesPage::InvoicesPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_search(new QLineEdit(this)),
      m_status(new QComboBox(this)), m_table(new QTableWidget(this)), m_pager(new Pager(PageSize, this)),
      m_typing(new QTimer(this))
{
    m_banner->hide();
    m_search->setPlaceholderText(tr("Search a number or a customer…"));
    m_search->setClearButtonEnabled(true);
    m_status->setObjectName(QStringLiteral("invoiceStatus"));
    m_status->addItem(tr("All invoices and credit notes"), QStringLiteral("all"));
    m_status->addItem(tr("Drafts"), QStringLiteral("draft"));
    m_status->addItem(tr("Issued"), QStringLiteral("issued"));
    m_status->addItem(tr("Unpaid"), QStringLiteral("unpaid"));
    auto* top = new QHBoxLayout;
    top->addWidget(m_search, 2);
    top->addWidget(m_status);
    m_table->setObjectName(QStringLiteral("invoicesTable"));
    m_table->setColumnCount(7);
    m_table->setHorizontalHeaderLabels(
        {tr("Number"), tr("Date"), tr("Customer"), tr("Total"), tr("Remaining due"), tr("Due date"), tr("Status")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    auto* add = new QPushButton(tr("&New invoice…"), this);
    auto* open = new QPushButton(tr("&Open"), this);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_pager, 1);
    bottom->addWidget(add);
    bottom->addWidget(open);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    m_typing->setSingleShot(true);
    m_typing->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    const auto restart = [this]() {
        m_pager->restart();
        reload();
    };
    connect(m_typing, &QTimer::timeout, this, restart);
    connect(m_status, &QComboBox::currentIndexChanged, this, restart);
    connect(m_pager, &Pager::moved, this, &InvoicesPage::reload);
    connect(add, &QPushButton::clicked, this, [this]() { openInvoice(0); });
    const auto openCurrent = [this]() {
        if (m_table->currentRow() >= 0)
            openInvoice(m_table->item(m_table->currentRow(), 0)->data(Qt::UserRole).toLongLong());
    };
    connect(open, &QPushButton::clicked, this, openCurrent);
    connect(m_table, &QTableWidget::cellActivated, this, openCurrent);
    connect(&m_session, &Session::databaseChanged, this, &InvoicesPage::reload);
    connect(&m_session, &Session::userChanged, this, &InvoicesPage::reload);
    connect(&m_session, &Session::dataChanged, this, &InvoicesPage::reload);
    reload();
}

void InvoicesPage::reload()
{
    m_table->setRowCount(0);
    if (!m_session.isOpen() || !m_session.isLoggedIn() || !m_session.user().can(permission::SalesRead))
        return;
    InvoiceFilter f;
    f.text = m_search->text();
    const QString status = m_status->currentData().toString();
    if (status == QLatin1String("draft") || status == QLatin1String("issued"))
        f.status = status;
    f.unpaidOnly = status == QLatin1String("unpaid");
    InvoiceService service(m_session.database(), m_session.clock(), m_session.user());
    auto total = service.count(f);
    auto rows = service.list(f, PageSize, m_pager->offset());
    if (!total || !rows) {
        m_banner->showMessage(MessageBanner::Kind::Error, (!total ? total.error() : rows.error()).message);
        return;
    }
    m_total = *total;
    const QLocale locale;
    const QDate today = m_session.clock().today();
    m_table->setRowCount(static_cast<int>(rows->size()));
    for (int r = 0; r < rows->size(); ++r) {
        const InvoiceRow& row = rows->at(r);
        const bool issued = row.status == QLatin1String("issued");
        const bool late = issued && row.due.cents() > 0 && row.dueDate.isValid() && row.dueDate < today;
        const QStringList cells = {issued ? row.number : tr("(draft)"),
                                   locale.toString(row.issueDate, QStringLiteral("dd/MM/yyyy")),
                                   row.customer,
                                   row.total.format(),
                                   issued && row.kind == QLatin1String("invoice") ? row.due.format() : QString(),
                                   row.kind == QLatin1String("invoice") ? locale.toString(row.dueDate, QStringLiteral("dd/MM/yyyy"))
                                                                        : QString(),
                                   late ? tr("late") : InvoiceService::statusLabel(row.kind, row.status)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (c == 0)
                item->setData(Qt::UserRole, row.id);
            if (c == 3 || c == 4)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (late && (c == 4 || c == 6))
                item->setForeground(QColor(180, 30, 30));
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_pager->showPage(rows->size(), m_total);
}

void InvoicesPage::openInvoice(qint64 id)
{
    InvoiceDialog dialog(m_session, id, this);
    dialog.exec();
    reload();
}

} // namespace etabli
