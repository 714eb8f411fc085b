#include "gui/common/searchfield.h"

#include <QAbstractItemView>
#include <QKeyEvent>
#include <QPointer>

namespace etabli {

namespace {

constexpr const char* SearchField = "etabliSearchField";

class DownToResults final : public QObject
{
public:
    DownToResults(QLineEdit* field, QAbstractItemView* results) : QObject(field), m_results(results)
    {
        field->installEventFilter(this);
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::KeyPress || !m_results)
            return QObject::eventFilter(watched, event);
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() != Qt::Key_Down && key->key() != Qt::Key_PageDown) ||
            key->modifiers() != Qt::NoModifier)
            return QObject::eventFilter(watched, event);
        QAbstractItemModel* model = m_results->model();
        if (!model || model->rowCount() == 0)
            return true;
        m_results->setFocus(Qt::OtherFocusReason);
        if (!m_results->currentIndex().isValid())
            m_results->setCurrentIndex(model->index(0, 0));
        return true;
    }

private:
    QPointer<QAbstractItemView> m_results;
};

} // namespace

void markAsSearchField(QLineEdit* field, QAbstractItemView* results)
{
    field->setProperty(SearchField, true);
    if (results)
        new DownToResults(field, results);
}

bool isSearchField(const QLineEdit* field)
{
    return field->property(SearchField).toBool();
}

bool focusSearchField(QWidget* page)
{
    if (!page)
        return false;
    for (QLineEdit* field : page->findChildren<QLineEdit*>()) {
        if (isSearchField(field) && field->isVisible() && field->isEnabled()) {
            field->setFocus(Qt::ShortcutFocusReason);
            field->selectAll();
            return true;
        }
    }
    return false;
}

} // namespace etabli
