#include "gui/common/reloadwhenshown.h"

#include "gui/common/session.h"

#include <QEvent>
#include <QWidget>

namespace etabli {

namespace {

class ReloadWhenShown final : public QObject
{
public:
    ReloadWhenShown(QWidget* widget, std::function<void()> reload)
        : QObject(widget), m_widget(widget), m_reload(std::move(reload))
    {
        widget->installEventFilter(this);
    }

    void changed()
    {
        // Deferred only for a page hidden in a window on screen (another tab,
        // another page); a widget whose window is not shown (being built, in
        // a test) follows the data at once.
        if (m_widget->isVisible() || !m_widget->window()->isVisible()) {
            m_reload();
            m_stale = false;
        } else {
            m_stale = true;
        }
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_widget && event->type() == QEvent::Show && m_stale) {
            m_stale = false;
            m_reload();
        }
        return false;
    }

private:
    QWidget* m_widget;
    std::function<void()> m_reload;
    bool m_stale = false;
};

} // namespace

void reloadOnDataChangeWhenShown(QWidget* widget, Session& session, DataKinds kinds,
                                 std::function<void()> reload)
{
    auto* watcher = new ReloadWhenShown(widget, std::move(reload));
    session.onDataChanged(watcher, kinds, [watcher]() { watcher->changed(); });
}

} // namespace etabli
