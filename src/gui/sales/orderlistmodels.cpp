#include "gui/sales/orderlistmodels.h"

#include "gui/common/cellvalue.h"
#include "gui/common/colours.h"
#include "gui/common/session.h"
#include "services/orderservice.h"

#include <QColor>
#include <QLocale>

namespace etabli {

namespace {

QString shown(const QDate& day)
{
    return QLocale().toString(day, QStringLiteral("dd/MM/yyyy"));
}

} // namespace

QuoteListModel::QuoteListModel(Session& session, QObject* parent)
    : PagedRowsModel<Quote>({tr("Number"), tr("Date"), tr("Customer"), tr("Subject"), tr("Total"),
                             tr("Valid until"), tr("Status")},
                            parent),
      m_session(session)
{
}

QVariant QuoteListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole && section == Total)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return PagedRowsModel<Quote>::headerData(section, orientation, role);
}

Result<Page<Quote>> QuoteListModel::fetch(const PageRequest& request) const
{
    return m_session.service<OrderService>().quotes(m_filter, request);
}

QVariant QuoteListModel::cell(const Quote& q, int column, int role) const
{
    const bool expired = q.isExpired(m_session.clock().today());
    if (role == Qt::TextAlignmentRole)
        return column == Total ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == Qt::ForegroundRole)
        return expired && (column == ValidUntil || column == Status) ? QVariant(alertColour()) : QVariant();
    if (role == CellValueRole)
        return column == Date         ? cellValue(q.quoteDate)
               : column == Total      ? cellValue(q.totals.incl)
               : column == ValidUntil ? cellValue(q.validUntil)
                                      : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Number:
        return q.number;
    case Date:
        return shown(q.quoteDate);
    case Customer:
        return q.customerName;
    case Subject:
        return q.reference;
    case Total:
        return q.totals.incl.format();
    case ValidUntil:
        return shown(q.validUntil);
    case Status:
        return quoteStatusLabel(q.status, expired);
    default:
        return {};
    }
}

WorkOrderListModel::WorkOrderListModel(Session& session, QObject* parent)
    : PagedRowsModel<WorkOrder>(
          {tr("Number"), tr("Date"), tr("Customer"), tr("What"), tr("Due date"), tr("Status"), tr("Invoice")},
          parent),
      m_session(session)
{
}

Result<Page<WorkOrder>> WorkOrderListModel::fetch(const PageRequest& request) const
{
    return m_session.service<OrderService>().orders(m_filter, request);
}

bool WorkOrderListModel::isLate(const WorkOrder& o) const
{
    return (o.status == WorkOrderStatus::ToDo || o.status == WorkOrderStatus::InProgress) &&
           o.dueDate.isValid() && o.dueDate < m_session.clock().today();
}

QVariant WorkOrderListModel::cell(const WorkOrder& o, int column, int role) const
{
    if (role == Qt::ForegroundRole)
        return isLate(o) && (column == DueDate || column == Status) ? QVariant(alertColour()) : QVariant();
    if (role == CellValueRole)
        return column == Date      ? cellValue(o.orderDate)
               : column == DueDate ? cellValue(o.dueDate)
                                   : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Number:
        return o.number;
    case Date:
        return shown(o.orderDate);
    case Customer:
        return o.customerName;
    case What:
        return o.description;
    case DueDate:
        return shown(o.dueDate);
    case Status:
        return labelOf(o.status) + (isLate(o) ? tr(" (late)") : QString());
    case Invoice:
        return o.invoiceNumber;
    default:
        return {};
    }
}

} // namespace etabli
