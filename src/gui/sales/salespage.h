#pragma once

#include <QTabWidget>

namespace etabli {

class ContactsPage;
class InvoicesPage;
class OrdersPage;
class ReceivablesPage;
class Session;

// "Clients et commandes": work orders, invoices and credit notes, and the
// directory of contacts. Quotes' screens and the tyre hotel come next.
class SalesPage final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SalesPage)

public:
    explicit SalesPage(Session& session, QWidget* parent = nullptr);
    InvoicesPage* invoicesPage() const { return m_invoices; }
    ContactsPage* contactsPage() const { return m_contacts; }
    OrdersPage* ordersPage() const { return m_orders; }
    ReceivablesPage* receivablesPage() const { return m_receivables; }

private:
    OrdersPage* m_orders;
    InvoicesPage* m_invoices;
    ReceivablesPage* m_receivables;
    ContactsPage* m_contacts;
};

} // namespace etabli
