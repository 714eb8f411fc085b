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

// "Bons de travaux": the work orders, open ones first by default, per
// workshop, searched by number or customer, a page at a time in SQL.
class OrdersPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersPage)

public:
    static constexpr int PageSize = 100;

    explicit OrdersPage(Session& session, QWidget* parent = nullptr);
    void reload();
    void openOrder(qint64 id);
    QTableWidget* table() const { return m_table; }
    qint64 totalCount() const { return m_total; }

private:
    Session& m_session;
    MessageBanner* m_banner;
    QLineEdit* m_search;
    QComboBox* m_status;
    QComboBox* m_section;
    QTableWidget* m_table;
    Pager* m_pager;
    QTimer* m_typing;
    qint64 m_total = 0;
};

} // namespace etabli
