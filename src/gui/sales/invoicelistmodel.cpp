#include "gui/sales/invoicelistmodel.h"

#include "gui/common/cellvalue.h"
#include "gui/common/colours.h"
#include "gui/common/session.h"
#include "services/invoiceservice.h"
#include "util/text.h"

#include <QColor>
#include <QFont>

namespace etabli {

InvoiceListModel::InvoiceListModel(Session& session, QObject* parent)
    : PagedRowsModel<InvoiceRow>({tr("Number"), tr("Date"), tr("Customer"), tr("Total"), tr("Remaining due"),
                                  tr("Due date"), tr("Status")},
                                 parent),
      m_session(session)
{
}

QVariant InvoiceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole &&
        (section == Total || section == Due))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return PagedRowsModel<InvoiceRow>::headerData(section, orientation, role);
}

Result<Page<InvoiceRow>> InvoiceListModel::fetch(const PageRequest& request) const
{
    return m_session.service<InvoiceService>().page(m_filter, request);
}

QVariant InvoiceListModel::cell(const InvoiceRow& row, int column, int role) const
{
    const bool issued = row.status == InvoiceStatus::Issued;
    const bool invoice = row.kind == InvoiceKind::Invoice;
    if (role == Qt::TextAlignmentRole)
        return column == Total || column == Due ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                                : QVariant();
    // A draft has no issue date yet: the list places it by the day it was
    // written, shown in grey italics so that it is not read as one.
    const bool draftDay = column == Date && !issued && row.listDay.isValid();
    if (role == Qt::ForegroundRole) {
        if (draftDay)
            return QColor(Qt::gray);
        return (column == Due || column == Status) && InvoiceService::isLate(row, m_session.clock().today())
                   ? QVariant(alertColour())
                   : QVariant();
    }
    if (role == Qt::FontRole) {
        if (!draftDay)
            return {};
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    if (role == Qt::ToolTipRole)
        return draftDay ? tr("Draft written on %1, not issued yet: it will take the date of the day it is "
                             "issued.")
                              .arg(text::frenchDate(row.listDay))
                        : QVariant();
    if (role == CellValueRole) {
        switch (column) {
        case Date:
            return cellValue(row.issueDate);
        case Total:
            return cellValue(row.total);
        case Due:
            return issued && invoice ? cellValue(row.due) : QVariant();
        case DueDate:
            return invoice ? cellValue(row.dueDate) : QVariant();
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Number:
        return issued ? row.number : tr("(draft)");
    case Date:
        return text::frenchDate(issued ? row.issueDate : row.listDay);
    case Customer:
        return row.customer;
    case Total:
        return row.total.format();
    case Due:
        return issued && invoice ? row.due.format() : QString();
    case DueDate:
        return invoice ? text::frenchDate(row.dueDate) : QString();
    case Status:
        return InvoiceService::rowStatusLabel(row, m_session.clock().today());
    default:
        return {};
    }
}

} // namespace etabli
