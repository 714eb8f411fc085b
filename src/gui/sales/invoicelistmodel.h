#pragma once

#include "gui/common/pagedlistmodel.h"
#include "storage/invoicerepository.h"

namespace etabli {

class Session;

// The invoices' list: invoices and credit notes newest first, a page at a
// time from InvoiceService (keyset through the list's index).
class InvoiceListModel final : public PagedRowsModel<InvoiceRow>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InvoiceListModel)

public:
    enum Column
    {
        Number,
        Date,
        Customer,
        Total,
        Due,
        DueDate,
        Status,
        ColumnCount
    };

    explicit InvoiceListModel(Session& session, QObject* parent = nullptr);
    void setFilter(const InvoiceFilter& filter) { m_filter = filter; }
    const InvoiceFilter& filter() const { return m_filter; }

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    Result<Page<InvoiceRow>> fetch(const PageRequest& request) const override;
    QVariant cell(const InvoiceRow& row, int column, int role) const override;

private:
    Session& m_session;
    InvoiceFilter m_filter;
};

} // namespace etabli
