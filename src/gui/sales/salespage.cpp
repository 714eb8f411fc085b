#include "gui/sales/salespage.h"

#include "domain/user.h"
#include "gui/common/allowed.h"
#include "gui/sales/bankpage.h"
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
      m_bank(new BankPage(session, this)), m_closings(new ClosingsPage(session, this))
{
    addTab(m_quotes, tr("Quotes"));
    addTab(m_orders, tr("Work orders"));
    addTab(m_invoices, tr("Invoices"));
    addTab(m_receivables, tr("Unpaid"));
    addTab(m_bank, tr("Bank statements"));
    addTab(m_contacts, tr("Customers and contacts"));
    addTab(m_tyres, tr("Tyre hotel"));
    addTab(m_closings, tr("Closings"));
    // A trainer sees the tyre hotel (the tyre workshop stores the sets), not the sales.
    for (QWidget* page : std::initializer_list<QWidget*>{m_quotes, m_orders, m_invoices, m_receivables,
                                                         m_bank, m_contacts, m_closings})
        showTabWhenAllowed(this, page, session, holding(permission::SalesRead));
    showTabWhenAllowed(this, m_tyres, session, [](const UserContext& user) {
        return user.can(permission::SalesRead) || user.can(permission::ProductionWrite);
    });
}

} // namespace etabli
