#pragma once

#include "domain/tyrehotel.h"
#include "gui/common/pagedlistpage.h"

namespace etabli {

class TyreSetListModel;

// "Hôtel de pneus": the sets in storage by place (or those given back),
// per season; typing a plate and Enter opens its set in one step; the list
// of a season prints for the change-over days.
class TyreHotelPage final : public PagedListPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TyreHotelPage)

public:
    explicit TyreHotelPage(Session& session, QWidget* parent = nullptr);
    void openRecord(qint64 id) override;
    // Enter in the search field: the set stored for that plate, if any.
    qint64 findByPlate(const QString& plate);
    QComboBox* seasonFilter() const { return m_season; }
    QComboBox* stateFilter() const { return m_state; }

protected:
    bool mayRead() const override;
    void applyFilters() override;

private:
    std::optional<TyreSeason> season() const; // the filter's, none for every season
    QComboBox* m_season;
    QComboBox* m_state;
    TyreSetListModel* m_list;
};

} // namespace etabli
