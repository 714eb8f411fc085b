#include "gui/funding/actionbudgetmodel.h"

#include <QBrush>
#include <QColor>

namespace etabli {

ActionBudgetModel::ActionBudgetModel(QObject* parent) : QAbstractTableModel(parent) {}

QString ActionBudgetModel::partLabel(ActionBudgetPart part)
{
    switch (part) {
    case ActionBudgetPart::Expense:
        return tr("Direct cost");
    case ActionBudgetPart::IndirectCost:
        return tr("Indirect cost");
    case ActionBudgetPart::ContributionUse:
        return tr("86, use in kind");
    case ActionBudgetPart::Resource:
        return tr("Resource");
    case ActionBudgetPart::ContributionResource:
        return tr("87, contribution in kind");
    }
    return {};
}

void ActionBudgetModel::setLines(const QList<ActionBudgetLine>& lines)
{
    beginResetModel();
    m_lines = lines.isEmpty() ? cerfa15059Lines() : lines;
    endResetModel();
}

QList<ActionBudgetLine> ActionBudgetModel::lines() const
{
    for (const ActionBudgetLine& l : m_lines)
        if (!l.forecast.isZero() || !l.actual.isZero())
            return m_lines;
    return {};
}

int ActionBudgetModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

int ActionBudgetModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActionBudgetModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size())
        return {};
    const ActionBudgetLine& l = m_lines.at(index.row());
    const Money& amount = index.column() == Forecast ? l.forecast : l.actual;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Line)
            return tr("%1 — %2").arg(partLabel(l.part),
                                     l.account.isEmpty() ? l.label : tr("%1 %2").arg(l.account, l.label));
        return amount.isZero() ? QString() : amount.format();
    case Qt::EditRole:
        return index.column() == Line ? l.label : amount.formatPlain();
    case Qt::TextAlignmentRole:
        return index.column() == Line ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (l.part == ActionBudgetPart::Resource || l.part == ActionBudgetPart::ContributionResource)
            return QBrush(QColor(0xf2, 0xf7, 0xf2));
        return {};
    default:
        return {};
    }
}

bool ActionBudgetModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() == Line)
        return false;
    const QString text = value.toString().trimmed();
    auto amount = text.isEmpty() ? Result<Money>(Money()) : Money::parse(text);
    if (!amount || amount->isNegative())
        return false; // the cell keeps its amount
    ActionBudgetLine& l = m_lines[index.row()];
    (index.column() == Forecast ? l.forecast : l.actual) = *amount;
    emit dataChanged(index, index);
    return true;
}

Qt::ItemFlags ActionBudgetModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Qt::ItemFlags base = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return index.column() == Line ? base : base | Qt::ItemIsEditable;
}

QVariant ActionBudgetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Line:
        return tr("Line of the account");
    case Forecast:
        return tr("Forecast");
    case Actual:
        return tr("Actual");
    default:
        return {};
    }
}

} // namespace etabli
