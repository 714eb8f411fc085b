#pragma once

#include "gui/common/pagedlistpage.h"

namespace etabli {

class InvoiceListModel;

// "Factures": invoices and credit notes, newest first, searched by number or
// customer, filtered (drafts, issued, unpaid), a page at a time in SQL.
class InvoicesPage final : public PagedListPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InvoicesPage)

public:
    // What the status filter offers (its items' data).
    enum class Shown
    {
        All,
        Drafts,
        Issued,
        Unpaid
    };

    explicit InvoicesPage(Session& session, QWidget* parent = nullptr);
    void openRecord(qint64 id) override;
    QComboBox* statusFilter() const { return m_status; }

protected:
    bool mayRead() const override;
    void applyFilters() override;

private:
    QComboBox* m_status;
    InvoiceListModel* m_list;
};

} // namespace etabli
