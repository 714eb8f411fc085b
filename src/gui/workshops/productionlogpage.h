#pragma once

#include "gui/common/pagedlistpage.h"

namespace etabli {

class PeriodEdit;
class ProductionLogListModel;

// "Journal": the entries of the production log, newest first, filtered by
// workshop, period, kind and reference, a page at a time (in SQL).
class ProductionLogPage final : public PagedListPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductionLogPage)

public:
    explicit ProductionLogPage(Session& session, QWidget* parent = nullptr);
    void openRecord(qint64 id) override;

Q_SIGNALS:
    void openRequested(qint64 entryId);

protected:
    bool mayRead() const override;
    void applyFilters() override;
    QStringList otherFilters() const override;

private:
    void reloadSections();
    void removeCurrent();

    ProductionLogListModel* m_list;
    QComboBox* m_section;
    PeriodEdit* m_period;
    QComboBox* m_kind;
};

} // namespace etabli
