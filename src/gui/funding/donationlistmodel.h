#pragma once

#include "gui/common/pagedlistmodel.h"
#include "storage/fundingrepository.h"

namespace etabli {

class Session;

// The gifts: newest first, a page at a time from DonationService.
class DonationListModel final : public PagedRowsModel<Donation>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DonationListModel)

public:
    enum Column
    {
        Date,
        Donor,
        Amount,
        Nature,
        Method,
        Purpose,
        Receipt,
        ColumnCount
    };

    explicit DonationListModel(Session& session, QObject* parent = nullptr);
    void setFilter(const DonationFilter& filter) { m_filter = filter; }
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // "Money", "In kind: two pallets of steel"…
    static QString natureText(const Donation& d);

protected:
    Result<Page<Donation>> fetch(const PageRequest& request) const override;
    QVariant cell(const Donation& gift, int column, int role) const override;

private:
    Session& m_session;
    DonationFilter m_filter;
};

} // namespace etabli
