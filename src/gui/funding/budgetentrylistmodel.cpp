#include "gui/funding/budgetentrylistmodel.h"

#include "gui/common/cellvalue.h"
#include "gui/common/session.h"
#include "services/budgetservice.h"

#include <QColor>
#include <QLocale>

namespace etabli {

BudgetEntryListModel::BudgetEntryListModel(Session& session, QObject* parent)
    : PagedRowsModel<BudgetEntry>(
          {tr("Date"), tr("Category"), tr("Label"), tr("Amount"), tr("Contact"), tr("Reference")}, parent),
      m_session(session)
{
}

QVariant BudgetEntryListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole && section == Amount)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return PagedRowsModel<BudgetEntry>::headerData(section, orientation, role);
}

Result<Page<BudgetEntry>> BudgetEntryListModel::fetch(const PageRequest& request) const
{
    return m_session.service<BudgetService>().entries(m_filter, request);
}

QVariant BudgetEntryListModel::cell(const BudgetEntry& e, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return column == Amount ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == Qt::ForegroundRole) // undone, or undoing another: greyed
        return e.correctedById != 0 || e.correctsEntryId != 0 ? QVariant(QColor(120, 120, 120)) : QVariant();
    if (role == CellValueRole)
        return column == Date ? cellValue(e.day) : column == Amount ? cellValue(e.amount) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Date:
        return QLocale(QLocale::French, QLocale::France).toString(e.day, QStringLiteral("dd/MM/yyyy"));
    case Category:
        return e.categoryName;
    case Label:
        return e.label;
    case Amount:
        return e.amount.format();
    case Contact:
        return e.contactName;
    case Reference:
        return e.reference;
    default:
        return {};
    }
}

} // namespace etabli
