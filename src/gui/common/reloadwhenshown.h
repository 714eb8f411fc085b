#pragma once

#include "domain/datakind.h"

#include <functional>

class QWidget;

namespace etabli {

class Session;

// Reloads `widget` when a kind of data it shows changed: at once when it is
// on screen (or its window is not shown yet), else when it is next shown (a
// hidden tab of the main window does not recompute a report nobody looks at).
void reloadOnDataChangeWhenShown(QWidget* widget, Session& session, DataKinds kinds,
                                 std::function<void()> reload);

} // namespace etabli
