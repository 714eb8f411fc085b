#pragma once

#include <functional>
#include <QString>

class QTabWidget;
class QWidget;

namespace etabli {

class Session;
struct UserContext;

// What a role cannot do is not shown to it: a button of an action it may
// not perform, a tab it may not read. Checked now and again at each login
// (another person on the locked window).
using Allowed = std::function<bool(const UserContext&)>;

// Shows `widget` only to those holding `permission`.
void showWhenAllowed(QWidget* widget, Session& session, const QString& permission);
void showWhenAllowed(QWidget* widget, Session& session, Allowed allowed);
// Shows the tab of `page` only to those `allowed`.
void showTabWhenAllowed(QTabWidget* tabs, QWidget* page, Session& session, Allowed allowed);
// Those holding `permission`.
Allowed holding(const QString& permission);

} // namespace etabli
