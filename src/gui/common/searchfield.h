#pragma once

#include <QLineEdit>

namespace etabli {

// A page's search field is marked, so that the window clears every one of
// them when another person logs in on the locked window.
inline void markAsSearchField(QLineEdit* field)
{
    field->setProperty("etabliSearchField", true);
}

inline bool isSearchField(const QLineEdit* field)
{
    return field->property("etabliSearchField").toBool();
}

} // namespace etabli
