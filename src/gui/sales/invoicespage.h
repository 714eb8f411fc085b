#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableWidget;
class QTimer;

namespace etabli {

class MessageBanner;
class Pager;
class Session;

// "Factures": invoices and credit notes, newest first, searched by number or
// customer, filtered (drafts, issued, unpaid), a page at a time in SQL.
class InvoicesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InvoicesPage)

public:
    static constexpr int PageSize = 100;

    explicit InvoicesPage(Session& session, QWidget* parent = nullptr);
    void reload();
    void openInvoice(qint64 id);
    QTableWidget* table() const { return m_table; }
    QComboBox* statusFilter() const { return m_status; }
    qint64 totalCount() const { return m_total; }

private:
    Session& m_session;
    MessageBanner* m_banner;
    QLineEdit* m_search;
    QComboBox* m_status;
    QTableWidget* m_table;
    Pager* m_pager;
    QTimer* m_typing;
    qint64 m_total = 0;
};

} // namespace etabli
