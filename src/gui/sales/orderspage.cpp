#include "gui/sales/orderspage.h"

#include "gui/common/allowed.h"
#include "gui/common/sectioncombo.h"
#include "gui/common/session.h"
#include "gui/sales/orderdialog.h"
#include "gui/sales/orderlistmodels.h"
#include "services/orderservice.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTableView>

namespace etabli {

OrdersPage::OrdersPage(Session& session, QWidget* parent)
    : PagedListPage(session,
                    DataKind::WorkOrders | DataKind::Invoices | DataKind::Contacts | DataKind::School,
                    tr("Work orders"), WorkOrderListModel::What, tr("Search a number or a customer…"),
                    tr("&New work order…"), parent),
      m_status(new QComboBox(this)), m_section(new QComboBox(this)),
      m_list(new WorkOrderListModel(session, this))
{
    setModel(m_list);
    requireForNew(holding(permission::SalesWrite));
    m_table->setObjectName(QStringLiteral("ordersTable"));
    OrderFilter open;
    open.shown = OrderFilter::Shown::Open;
    m_statusChoices << open;
    m_status->addItem(tr("Open (to do, in progress)"));
    for (const WorkOrderStatus s : allOf<WorkOrderStatus>()) {
        OrderFilter one;
        one.shown = OrderFilter::Shown::One;
        one.orderStatus = s;
        m_statusChoices << one;
        m_status->addItem(labelOf(s));
    }
    m_statusChoices << OrderFilter{};
    m_status->addItem(tr("All"));
    addFilter(m_section, 1);
    addFilter(m_status);
    const auto sections = [this]() {
        SectionChoice{tr("All workshops")}.fill(m_section, m_session);
        restart();
    };
    connect(&m_session, &Session::databaseChanged, this, sections);
    connect(&m_session, &Session::userChanged, this, sections);
    sections();
}

bool OrdersPage::mayRead() const
{
    return m_session.user().can(permission::SalesRead);
}

void OrdersPage::applyFilters()
{
    OrderFilter f = m_statusChoices.value(m_status->currentIndex());
    f.text = m_search->text();
    f.sectionId = m_section->currentData().toLongLong();
    m_list->setFilter(f);
}

void OrdersPage::openRecord(qint64 id)
{
    OrderDialog dialog(m_session, id, this);
    dialog.exec();
    reload();
}

} // namespace etabli
