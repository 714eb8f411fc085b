#pragma once

#include <QColor>

namespace etabli {

// What needs attention in a list or a table — late, short of its forecast,
// worn below the legal tread — is written in this one red on every page.
inline QColor alertColour()
{
    return QColor(180, 30, 30);
}

} // namespace etabli
