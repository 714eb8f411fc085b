#include "gui/sales/salespage.h"

#include "gui/sales/closingspage.h"
#include "gui/sales/contactspage.h"
#include "gui/sales/invoicespage.h"
#include "gui/sales/orderspage.h"
#include "gui/sales/quotespage.h"
#include "gui/sales/receivablespage.h"
#include "gui/sales/tyrehotelpage.h"

namespace etabli {

SalesPage::SalesPage(Session& session, QWidget* parent)
    : QTabWidget(parent), m_quotes(new QuotesPage(session, this)), m_orders(new OrdersPage(session, this)),
      m_invoices(new InvoicesPage(session, this)), m_receivables(new ReceivablesPage(session, this)),
      m_contacts(new ContactsPage(session, this)), m_tyres(new TyreHotelPage(session, this)),
      m_closings(new ClosingsPage(session, this))
{
    addTab(m_quotes, tr("Quotes"));
    addTab(m_orders, tr("Work orders"));
    addTab(m_invoices, tr("Invoices"));
    addTab(m_receivables, tr("Unpaid"));
    addTab(m_contacts, tr("Customers and contacts"));
    addTab(m_tyres, tr("Tyre hotel"));
    addTab(m_closings, tr("Closings"));
}

} // namespace etabli
