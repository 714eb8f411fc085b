#pragma once

#include "gui/common/pagedlistpage.h"
#include "storage/orderrepository.h"

#include <QList>

namespace etabli {

class QuoteListModel;

// "Devis": the quotes, open ones (drafts, sent and still valid) first by
// default, expired ones flagged, searched by number or customer, a page at a
// time in SQL.
class QuotesPage final : public PagedListPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuotesPage)

public:
    explicit QuotesPage(Session& session, QWidget* parent = nullptr);
    void openRecord(qint64 id) override;
    QComboBox* statusFilter() const { return m_status; }

protected:
    bool mayRead() const override;
    void applyFilters() override;

private:
    QComboBox* m_status;
    QList<OrderFilter> m_statusChoices; // what each item of m_status keeps, in its order
    QuoteListModel* m_list;
};

} // namespace etabli
