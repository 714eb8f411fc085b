#pragma once

#include <QLineEdit>

class QAbstractItemView;

namespace etabli {

// A page's search field is marked: the window clears every one of them when
// another person logs in on the locked window, and Ctrl+F goes to the one of
// the page shown. Given its results, Down (or Page Down) moves from the field
// into them, on the first row, where Enter opens the row.
void markAsSearchField(QLineEdit* field, QAbstractItemView* results = nullptr);

bool isSearchField(const QLineEdit* field);

// Puts the typing in the first visible search field under `page` with its
// text selected; false when the page has none.
bool focusSearchField(QWidget* page);

} // namespace etabli
