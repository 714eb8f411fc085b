#pragma once

// What a table view shows, read through its model as a person reads the
// screen (lists are models: no item to ask for).

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QString>

namespace etabli::test {

inline int rows(const QAbstractItemView* view)
{
    return view->model()->rowCount();
}

inline QString cell(const QAbstractItemView* view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

} // namespace etabli::test
