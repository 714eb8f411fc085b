#pragma once

#include <QTabWidget>

namespace etabli {

class BankPage;
class ClosingsPage;
class ContactsPage;
class InvoicesPage;
class OrdersPage;
class QuotesPage;
class ReceivablesPage;
class Session;
class TyreHotelPage;

// "Clients et ventes": quotes, work orders, invoices and credit notes, the
// unpaid ones, the directory of contacts and the tyre hotel.
class SalesPage final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SalesPage)

public:
    explicit SalesPage(Session& session, QWidget* parent = nullptr);
    InvoicesPage* invoicesPage() const { return m_invoices; }
    ContactsPage* contactsPage() const { return m_contacts; }
    OrdersPage* ordersPage() const { return m_orders; }
    QuotesPage* quotesPage() const { return m_quotes; }
    TyreHotelPage* tyreHotelPage() const { return m_tyres; }
    ClosingsPage* closingsPage() const { return m_closings; }
    ReceivablesPage* receivablesPage() const { return m_receivables; }
    BankPage* bankPage() const { return m_bank; }

private:
    QuotesPage* m_quotes;
    OrdersPage* m_orders;
    InvoicesPage* m_invoices;
    ReceivablesPage* m_receivables;
    ContactsPage* m_contacts;
    TyreHotelPage* m_tyres;
    BankPage* m_bank;
    ClosingsPage* m_closings;
};

} // namespace etabli
