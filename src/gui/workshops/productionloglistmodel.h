#pragma once

#include "gui/common/pagedlistmodel.h"
#include "storage/productionrepository.h"

namespace etabli {

class Session;

// The production log's entries, newest first, a page at a time from
// ProductionService (which keeps a trainer to their workshops).
class ProductionLogListModel final : public PagedRowsModel<ProductionSummary>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductionLogListModel)

public:
    enum Column
    {
        Day,
        Workshop,
        Kind,
        Reference,
        Trainees,
        Hours,
        Made,
        WrittenBy,
        ColumnCount
    };

    explicit ProductionLogListModel(Session& session, QObject* parent = nullptr);
    void setFilter(const ProductionFilter& filter) { m_filter = filter; }
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    Result<Page<ProductionSummary>> fetch(const PageRequest& request) const override;
    QVariant cell(const ProductionSummary& entry, int column, int role) const override;

private:
    Session& m_session;
    ProductionFilter m_filter;
};

} // namespace etabli
