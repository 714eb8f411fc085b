#pragma once

#include "gui/common/pagedlistpage.h"
#include "storage/orderrepository.h"

#include <QList>

namespace etabli {

class WorkOrderListModel;

// "Bons de travaux": the work orders, open ones first by default, per
// workshop, searched by number or customer, a page at a time in SQL.
class OrdersPage final : public PagedListPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrdersPage)

public:
    explicit OrdersPage(Session& session, QWidget* parent = nullptr);
    void openRecord(qint64 id) override;
    QComboBox* statusFilter() const { return m_status; }

protected:
    bool mayRead() const override;
    void applyFilters() override;

private:
    QComboBox* m_status;
    QList<OrderFilter> m_statusChoices; // what each item of m_status keeps, in its order
    QComboBox* m_section;
    WorkOrderListModel* m_list;
};

} // namespace etabli
