#include "gui/common/wheelguard.h"

#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QScrollBar>
#include <QWheelEvent>

namespace etabli {

namespace {

class WheelGuard final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::Wheel)
            return false;
        auto* widget = qobject_cast<QWidget*>(watched);
        if (!widget || widget->hasFocus() || qobject_cast<QScrollBar*>(widget))
            return false;
        if (!qobject_cast<QComboBox*>(widget) && !qobject_cast<QAbstractSpinBox*>(widget) &&
            !qobject_cast<QAbstractSlider*>(widget))
            return false;
        // Scroll what holds the field, if anything does; the value stays.
        for (QWidget* up = widget->parentWidget(); up; up = up->parentWidget()) {
            if (auto* area = qobject_cast<QAbstractScrollArea*>(up)) {
                QCoreApplication::sendEvent(area->verticalScrollBar(), event);
                break;
            }
        }
        return true;
    }
};

} // namespace

void installWheelGuard(QApplication& app)
{
    static WheelGuard* guard = nullptr;
    if (guard)
        return;
    guard = new WheelGuard(&app);
    app.installEventFilter(guard);
}

} // namespace etabli
