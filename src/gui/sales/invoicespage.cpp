#include "gui/sales/invoicespage.h"

#include "gui/common/allowed.h"
#include "gui/common/session.h"
#include "gui/sales/invoicedialog.h"
#include "gui/sales/invoicelistmodel.h"
#include "services/invoiceservice.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTableView>

namespace etabli {

InvoicesPage::InvoicesPage(Session& session, QWidget* parent)
    : PagedListPage(session, DataKind::Invoices | DataKind::Contacts | DataKind::WorkOrders, tr("Invoices"),
                    InvoiceListModel::Customer, tr("Search a number or a customer…"), tr("&New invoice…"),
                    parent),
      m_status(new QComboBox(this)), m_list(new InvoiceListModel(session, this))
{
    setModel(m_list);
    requireForNew(holding(permission::SalesWrite));
    m_table->setObjectName(QStringLiteral("invoicesTable"));
    m_status->setObjectName(QStringLiteral("invoiceStatus"));
    m_status->addItem(tr("All invoices and credit notes"), QStringLiteral("all"));
    m_status->addItem(tr("Drafts"), QStringLiteral("draft"));
    m_status->addItem(tr("Issued"), QStringLiteral("issued"));
    m_status->addItem(tr("Unpaid"), QStringLiteral("unpaid"));
    addFilter(m_status);
    connect(&m_session, &Session::databaseChanged, this, &InvoicesPage::restart);
    connect(&m_session, &Session::userChanged, this, &InvoicesPage::restart);
    restart();
}

bool InvoicesPage::mayRead() const
{
    return m_session.user().can(permission::SalesRead);
}

void InvoicesPage::applyFilters()
{
    InvoiceFilter f;
    f.text = m_search->text();
    const QString status = m_status->currentData().toString();
    if (status == QLatin1String("draft") || status == QLatin1String("issued"))
        f.status = status;
    f.unpaidOnly = status == QLatin1String("unpaid");
    m_list->setFilter(f);
}

void InvoicesPage::openRecord(qint64 id)
{
    InvoiceDialog dialog(m_session, id, this);
    dialog.exec();
    reload();
}

} // namespace etabli
