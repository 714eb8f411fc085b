#pragma once

#include "gui/common/pagedlistmodel.h"
#include "storage/tyrehotelrepository.h"

namespace etabli {

class Session;

// The tyre hotel's sets: in storage by place, the others newest first, a
// page at a time from TyreHotelService; a worn tread in red.
class TyreSetListModel final : public PagedRowsModel<TyreSet>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TyreSetListModel)

public:
    enum Column
    {
        Place,
        Plate,
        Customer,
        Season,
        Size,
        Tyres,
        Tread,
        In,
        Out,
        ColumnCount
    };

    explicit TyreSetListModel(Session& session, QObject* parent = nullptr);
    void setFilter(const TyreSetFilter& filter) { m_filter = filter; }

protected:
    Result<Page<TyreSet>> fetch(const PageRequest& request) const override;
    QVariant cell(const TyreSet& set, int column, int role) const override;

private:
    Session& m_session;
    TyreSetFilter m_filter;
};

} // namespace etabli
