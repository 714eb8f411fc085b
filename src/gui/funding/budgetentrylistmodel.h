#pragma once

#include "gui/common/pagedlistmodel.h"
#include "storage/budgetrepository.h"

namespace etabli {

class Session;

// The dated entries of other income and expenses, newest first, a page at a
// time from BudgetService; corrected and correcting entries greyed.
class BudgetEntryListModel final : public PagedRowsModel<BudgetEntry>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BudgetEntryListModel)

public:
    enum Column
    {
        Date,
        Category,
        Label,
        Amount,
        Contact,
        Reference,
        ColumnCount
    };

    explicit BudgetEntryListModel(Session& session, QObject* parent = nullptr);
    void setFilter(const BudgetEntryFilter& filter) { m_filter = filter; }
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    Result<Page<BudgetEntry>> fetch(const PageRequest& request) const override;
    QVariant cell(const BudgetEntry& entry, int column, int role) const override;

private:
    Session& m_session;
    BudgetEntryFilter m_filter;
};

} // namespace etabli
