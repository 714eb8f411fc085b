#include "gui/sales/orderspage.h"

#include "gui/common/messagebanner.h"
#include "gui/common/pager.h"
#include "gui/common/sectioncombo.h"
#include "gui/common/session.h"
#include "gui/sales/orderdialog.h"
#include "services/orderservice.h"

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

OrdersPage::OrdersPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_search(new QLineEdit(this)),
      m_status(new QComboBox(this)), m_section(new QComboBox(this)), m_table(new QTableWidget(this)),
      m_pager(new Pager(PageSize, this)), m_typing(new QTimer(this))
{
    m_banner->hide();
    m_search->setPlaceholderText(tr("Search a number or a customer…"));
    m_search->setClearButtonEnabled(true);
    m_status->addItem(tr("Open (to do, in progress)"), QStringLiteral("open"));
    for (const QString& s : workOrderStatuses())
        m_status->addItem(OrderService::orderStatusLabel(s), s);
    m_status->addItem(tr("All"), QString());
    auto* top = new QHBoxLayout;
    top->addWidget(m_search, 2);
    top->addWidget(m_section, 1);
    top->addWidget(m_status);
    m_table->setObjectName(QStringLiteral("ordersTable"));
    m_table->setColumnCount(7);
    m_table->setHorizontalHeaderLabels(
        {tr("Number"), tr("Date"), tr("Customer"), tr("What"), tr("Due date"), tr("Status"), tr("Invoice")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    auto* add = new QPushButton(tr("&New work order…"), this);
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
    connect(m_section, &QComboBox::currentIndexChanged, this, restart);
    connect(m_pager, &Pager::moved, this, &OrdersPage::reload);
    connect(add, &QPushButton::clicked, this, [this]() { openOrder(0); });
    const auto openCurrent = [this]() {
        if (m_table->currentRow() >= 0)
            openOrder(m_table->item(m_table->currentRow(), 0)->data(Qt::UserRole).toLongLong());
    };
    connect(open, &QPushButton::clicked, this, openCurrent);
    connect(m_table, &QTableWidget::cellActivated, this, openCurrent);
    const auto sections = [this]() {
        SectionChoice{tr("All workshops")}.fill(m_section, m_session);
        reload();
    };
    connect(&m_session, &Session::databaseChanged, this, sections);
    connect(&m_session, &Session::userChanged, this, sections);
    connect(&m_session, &Session::dataChanged, this, &OrdersPage::reload);
    sections();
}

void OrdersPage::reload()
{
    m_table->setRowCount(0);
    if (!m_session.isOpen() || !m_session.isLoggedIn() || !m_session.user().can(permission::SalesRead))
        return;
    OrderFilter f;
    f.text = m_search->text();
    f.status = m_status->currentData().toString();
    f.sectionId = m_section->currentData().toLongLong();
    OrderService service(m_session.database(), m_session.clock(), m_session.user());
    auto total = service.countOrders(f);
    auto rows = service.orders(f, PageSize, m_pager->offset());
    if (!total || !rows) {
        m_banner->showMessage(MessageBanner::Kind::Error, (!total ? total.error() : rows.error()).message);
        return;
    }
    m_total = *total;
    const QLocale locale;
    const QDate today = m_session.clock().today();
    m_table->setRowCount(static_cast<int>(rows->size()));
    for (int r = 0; r < rows->size(); ++r) {
        const WorkOrder& o = rows->at(r);
        const bool late = (o.status == QLatin1String("todo") || o.status == QLatin1String("in_progress")) &&
                          o.dueDate.isValid() && o.dueDate < today;
        const QStringList cells = {o.number,
                                   locale.toString(o.orderDate, QStringLiteral("dd/MM/yyyy")),
                                   o.customerName,
                                   o.description,
                                   locale.toString(o.dueDate, QStringLiteral("dd/MM/yyyy")),
                                   OrderService::orderStatusLabel(o.status) + (late ? tr(" (late)") : QString()),
                                   o.invoiceNumber};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (c == 0)
                item->setData(Qt::UserRole, o.id);
            if (late && c >= 4 && c <= 5)
                item->setForeground(QColor(180, 30, 30));
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_pager->showPage(rows->size(), m_total);
}

void OrdersPage::openOrder(qint64 id)
{
    OrderDialog dialog(m_session, id, this);
    dialog.exec();
    reload();
}

} // namespace etabli
