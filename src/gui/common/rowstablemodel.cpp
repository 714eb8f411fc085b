#include "gui/common/rowstablemodel.h"

namespace etabli {

ChoiceListModel::ChoiceListModel(QObject* parent) : RowsTableModel<Choice>({QString()}, {}, parent) {}

QList<qint64> ChoiceListModel::checkedIds() const
{
    QList<qint64> ids;
    for (const Choice& c : rows()) {
        if (c.checked)
            ids << c.id;
    }
    return ids;
}

void ChoiceListModel::setChecked(const QList<qint64>& ids)
{
    updateAll([&ids](Choice& c) { c.checked = ids.contains(c.id); });
}

void ChoiceListModel::toggle(int row)
{
    if (isReadOnly())
        return;
    update(row, [](Choice& c) { c.checked = !c.checked; });
}

QVariant ChoiceListModel::cell(const Choice& row, int column, int role) const
{
    if (column != 0)
        return {};
    if (role == Qt::DisplayRole)
        return row.label;
    if (role == Qt::CheckStateRole)
        return row.checked ? Qt::Checked : Qt::Unchecked;
    return {};
}

bool ChoiceListModel::setCell(Choice& row, int column, const QVariant& value, int role)
{
    if (column != 0 || role != Qt::CheckStateRole)
        return false;
    row.checked = value.toInt() == Qt::Checked;
    return true;
}

Qt::ItemFlags ChoiceListModel::cellFlags(const Choice& row, int column) const
{
    Q_UNUSED(row)
    return column == 0 ? Qt::ItemIsUserCheckable : Qt::NoItemFlags;
}

} // namespace etabli
