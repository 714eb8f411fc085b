#include "gui/common/choicecompleter.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QEvent>
#include <QLineEdit>
#include <QScreen>
#include <QScrollBar>
#include <QStringListModel>

namespace etabli {

namespace {

// Widens the popup it watches to its longest line when it shows.
class FitToChoices final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        auto* popup = qobject_cast<QAbstractItemView*>(watched);
        if (!popup || (event->type() != QEvent::Show && event->type() != QEvent::Resize))
            return false;
        const int wanted =
            popup->sizeHintForColumn(0) + 2 * popup->frameWidth() +
            (popup->verticalScrollBar()->isVisible() ? popup->verticalScrollBar()->width() : 0) + 8;
        int room = wanted;
        if (const QScreen* screen = popup->screen())
            room = screen->availableGeometry().right() - popup->x();
        const int width = std::max(popup->width(), std::min(wanted, room));
        if (width != popup->width())
            popup->resize(width, popup->height());
        return false;
    }
};

} // namespace

QCompleter* attachChoiceCompleter(QLineEdit* field, ChoiceMatch match, const QStringList& choices)
{
    auto* completer = new QCompleter(field);
    completer->setModel(new QStringListModel(choices, completer));
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    if (match == ChoiceMatch::Contains)
        completer->setFilterMode(Qt::MatchContains);
    else
        completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    completer->popup()->installEventFilter(new FitToChoices(completer));
    field->setCompleter(completer);
    return completer;
}

void setChoices(QLineEdit* field, const QStringList& choices)
{
    if (!field->completer())
        return;
    if (auto* model = qobject_cast<QStringListModel*>(field->completer()->model()))
        model->setStringList(choices);
}

} // namespace etabli
