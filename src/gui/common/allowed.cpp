#include "gui/common/allowed.h"

#include "domain/user.h"
#include "gui/common/session.h"

#include <QPointer>
#include <QTabWidget>
#include <QWidget>

namespace etabli {

Allowed holding(const QString& permission)
{
    return [permission](const UserContext& user) { return user.can(permission); };
}

void showWhenAllowed(QWidget* widget, Session& session, const QString& permission)
{
    showWhenAllowed(widget, session, holding(permission));
}

void showWhenAllowed(QWidget* widget, Session& session, Allowed allowed)
{
    const auto apply = [widget, &session, allowed]() { widget->setVisible(allowed(session.user())); };
    apply();
    QObject::connect(&session, &Session::userChanged, widget, apply);
}

void showTabWhenAllowed(QTabWidget* tabs, QWidget* page, Session& session, Allowed allowed)
{
    const QPointer<QWidget> shown(page);
    const auto apply = [tabs, shown, &session, allowed]() {
        if (shown)
            tabs->setTabVisible(tabs->indexOf(shown), allowed(session.user()));
    };
    apply();
    QObject::connect(&session, &Session::userChanged, tabs, apply);
}

} // namespace etabli
