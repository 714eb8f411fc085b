#pragma once

// Dialogs opened with exec() block the test until closed: these act on
// them from the event loop, as a person would.

#include <functional>
#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QMessageBox>
#include <QTimer>

namespace etabli::test {

// Runs `act` on the next modal dialog of type T once it is shown. The timer
// returned waits until then: delete it to stop waiting.
template <typename T> QTimer* onNextDialog(std::function<void(T*)> act)
{
    auto* timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, act]() {
        if (auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            act(dialog);
        }
    });
    timer->start();
    return timer;
}

// Closes an editing dialog and throws away what was typed, answering the
// question it asks when something was typed. The question's text is
// returned (empty when it did not ask).
inline QString closeThrowingAway(QDialog* dialog)
{
    QString asked;
    QTimer timer;
    timer.setInterval(20);
    QObject::connect(&timer, &QTimer::timeout, [&]() {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || box->objectName() != QLatin1String("discardChanges"))
            return;
        timer.stop();
        asked = box->text();
        for (QAbstractButton* b : box->buttons())
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
    });
    timer.start();
    dialog->reject();
    return asked;
}

} // namespace etabli::test
