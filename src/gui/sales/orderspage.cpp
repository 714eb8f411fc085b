#include "gui/sales/orderspage.h"

#include "gui/common/allowed.h"
#include "gui/common/sectioncombo.h"
#include "gui/common/session.h"
#include "gui/sales/orderdialog.h"
#include "services/orderservice.h"

#include <QComboBox>
#include <QLineEdit>
#include <QLocale>
#include <QTableWidget>

namespace etabli {

OrdersPage::OrdersPage(Session& session, QWidget* parent)
    : PagedListPage(
          session, DataKind::WorkOrders | DataKind::Invoices | DataKind::Contacts | DataKind::School,
          tr("Work orders"),
          {tr("Number"), tr("Date"), tr("Customer"), tr("What"), tr("Due date"), tr("Status"), tr("Invoice")},
          3, tr("Search a number or a customer…"), tr("&New work order…"), parent),
      m_status(new QComboBox(this)), m_section(new QComboBox(this))
{
    requireForNew(holding(permission::SalesWrite));
    m_table->setObjectName(QStringLiteral("ordersTable"));
    m_status->addItem(tr("Open (to do, in progress)"), QStringLiteral("open"));
    for (const QString& s : workOrderStatuses())
        m_status->addItem(OrderService::orderStatusLabel(s), s);
    m_status->addItem(tr("All"), QString());
    addFilter(m_section, 1);
    addFilter(m_status);
    const auto sections = [this]() {
        SectionChoice{tr("All workshops")}.fill(m_section, m_session);
        reload();
    };
    connect(&m_session, &Session::databaseChanged, this, sections);
    connect(&m_session, &Session::userChanged, this, sections);
    sections();
}

bool OrdersPage::mayRead() const
{
    return m_session.user().can(permission::SalesRead);
}

Result<PagedListPage::Rows> OrdersPage::fetch(int limit, int offset)
{
    OrderFilter f;
    f.text = m_search->text();
    f.status = m_status->currentData().toString();
    f.sectionId = m_section->currentData().toLongLong();
    OrderService service(m_session.database(), m_session.clock(), m_session.user());
    auto total = service.countOrders(f);
    auto rows = service.orders(f, limit, offset);
    if (!total || !rows)
        return std::unexpected(!total ? total.error() : rows.error());
    const QLocale locale;
    const QDate today = m_session.clock().today();
    Rows page{{}, *total};
    for (const WorkOrder& o : *rows) {
        const bool late = (o.status == QLatin1String("todo") || o.status == QLatin1String("in_progress")) &&
                          o.dueDate.isValid() && o.dueDate < today;
        page.rows << Row{
            o.id,
            {o.number, locale.toString(o.orderDate, QStringLiteral("dd/MM/yyyy")), o.customerName,
             o.description, locale.toString(o.dueDate, QStringLiteral("dd/MM/yyyy")),
             OrderService::orderStatusLabel(o.status) + (late ? tr(" (late)") : QString()), o.invoiceNumber},
            late ? QList<int>{4, 5} : QList<int>{},
            false};
    }
    return page;
}

void OrdersPage::openRecord(qint64 id)
{
    OrderDialog dialog(m_session, id, this);
    dialog.exec();
    reload();
}

} // namespace etabli
