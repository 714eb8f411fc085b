#pragma once

#include "domain/budget.h"

#include <QAbstractTableModel>

namespace etabli {

// The funded action's budget being edited (Cerfa 15059): one row per line,
// its forecast and actual typed in the cells. The model holds the lines; the
// dialog reads them back from it, never from the cells' text.
class ActionBudgetModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Line,
        Forecast,
        Actual,
        ColumnCount
    };

    explicit ActionBudgetModel(QObject* parent = nullptr);

    // An empty budget shows the Cerfa's lines, all at zero.
    void setLines(const QList<ActionBudgetLine>& lines);
    // The lines; none when every amount is zero (the budget is not entered).
    QList<ActionBudgetLine> lines() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString partLabel(ActionBudgetPart part);

private:
    QList<ActionBudgetLine> m_lines;
};

} // namespace etabli
