#pragma once

#include "gui/common/pagedlistmodel.h"
#include "storage/orderrepository.h"

namespace etabli {

class Session;

// The quotes' list: newest first, a page at a time from OrderService.
class QuoteListModel final : public PagedRowsModel<Quote>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuoteListModel)

public:
    enum Column
    {
        Number,
        Date,
        Customer,
        Subject,
        Total,
        ValidUntil,
        Status,
        ColumnCount
    };

    explicit QuoteListModel(Session& session, QObject* parent = nullptr);
    void setFilter(const OrderFilter& filter) { m_filter = filter; }
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    Result<Page<Quote>> fetch(const PageRequest& request) const override;
    QVariant cell(const Quote& quote, int column, int role) const override;

private:
    Session& m_session;
    OrderFilter m_filter;
};

// The work orders' list: newest first, a page at a time from OrderService.
class WorkOrderListModel final : public PagedRowsModel<WorkOrder>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkOrderListModel)

public:
    enum Column
    {
        Number,
        Date,
        Customer,
        What,
        DueDate,
        Status,
        Invoice,
        ColumnCount
    };

    explicit WorkOrderListModel(Session& session, QObject* parent = nullptr);
    void setFilter(const OrderFilter& filter) { m_filter = filter; }

protected:
    Result<Page<WorkOrder>> fetch(const PageRequest& request) const override;
    QVariant cell(const WorkOrder& order, int column, int role) const override;

private:
    bool isLate(const WorkOrder& order) const;

    Session& m_session;
    OrderFilter m_filter;
};

} // namespace etabli
