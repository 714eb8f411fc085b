#pragma once

#include "gui/common/pagedlistpage.h"

namespace etabli {

// "Factures": invoices and credit notes, newest first, searched by number or
// customer, filtered (drafts, issued, unpaid), a page at a time in SQL.
class InvoicesPage final : public PagedListPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InvoicesPage)

public:
    explicit InvoicesPage(Session& session, QWidget* parent = nullptr);
    void reload() override;
    void openRecord(qint64 id) override;
    QComboBox* statusFilter() const { return m_status; }

private:
    QComboBox* m_status;
};

} // namespace etabli
