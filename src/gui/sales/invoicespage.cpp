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
    m_status->addItem(tr("All invoices and credit notes"), static_cast<int>(Shown::All));
    m_status->addItem(tr("Drafts"), static_cast<int>(Shown::Drafts));
    m_status->addItem(tr("Issued"), static_cast<int>(Shown::Issued));
    m_status->addItem(tr("Unpaid"), static_cast<int>(Shown::Unpaid));
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
    switch (static_cast<Shown>(m_status->currentData().toInt())) {
    case Shown::Drafts:
        f.status = InvoiceStatus::Draft;
        break;
    case Shown::Issued:
        f.status = InvoiceStatus::Issued;
        break;
    case Shown::Unpaid:
        f.unpaidOnly = true;
        break;
    case Shown::All:
        break;
    }
    m_list->setFilter(f);
}

void InvoicesPage::openRecord(qint64 id)
{
    InvoiceDialog dialog(m_session, id, this);
    dialog.exec();
    reload();
}

} // namespace etabli
