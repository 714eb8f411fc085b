#pragma once

#include "domain/sales.h"
#include "gui/common/rowstablemodel.h"
#include "util/error.h"

#include <QCoreApplication>

namespace etabli {

// A line of a quote, a work order or an invoice as the user types it: the
// figures stay text until the document is saved (LinesModel::collect reads
// them, or names the cell that cannot be read).
struct LineDraft
{
    qint64 catalogueItemId = 0;
    QString label;
    QString quantity; // "4", "1,5", "-1" (a discount line)
    Unit unit = Unit::Piece;
    QString unitPrice; // excluding VAT, "12,50"
    QString vatRate;   // percent, "20" or "5,5"

    static LineDraft from(const InvoiceLine& line);
    // The line as far as its figures can be read (a figure that cannot counts as 0).
    InvoiceLine estimate() const;
};

class LinesModel final : public RowsTableModel<LineDraft>
{
    Q_DECLARE_TR_FUNCTIONS(LinesModel)

public:
    enum Column
    {
        Label,
        Quantity,
        Unit,
        Price,
        Vat,
        Total
    };

    explicit LinesModel(QObject* parent = nullptr);

    void setLines(const QList<InvoiceLine>& lines);
    // The lines; on a figure that cannot be read, the error (with the line's
    // number) and the cell.
    Result<QList<InvoiceLine>> collect(int* badRow, int* badColumn) const;
    // Every line as far as it can be read: the totals shown while typing.
    QList<InvoiceLine> estimate() const;

protected:
    QVariant cell(const LineDraft& row, int column, int role) const override;
};

} // namespace etabli
