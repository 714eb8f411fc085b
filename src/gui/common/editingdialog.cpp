#include "gui/common/editingdialog.h"

#include "gui/common/searchfield.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QTextEdit>

namespace etabli {

namespace {

constexpr const char* ViewControl = "etabliViewControl";

// A widget inside a view control (the line edit of a combo box, a filter's parts).
bool underViewControl(const QWidget* w, const QWidget* dialog)
{
    for (; w && w != dialog; w = w->parentWidget())
        if (w->property(ViewControl).toBool())
            return true;
    return false;
}

QString valueOf(const QWidget* w)
{
    if (const auto* line = qobject_cast<const QLineEdit*>(w)) {
        // A combo's or spin box's own line edit is read through its owner.
        if (qobject_cast<const QComboBox*>(w->parentWidget()) ||
            qobject_cast<const QAbstractSpinBox*>(w->parentWidget()) || line->isReadOnly() ||
            isSearchField(line))
            return QString();
        return QStringLiteral("L") + line->text();
    }
    if (const auto* text = qobject_cast<const QPlainTextEdit*>(w))
        return text->isReadOnly() ? QString() : QStringLiteral("P") + text->toPlainText();
    if (const auto* text = qobject_cast<const QTextEdit*>(w))
        return text->isReadOnly() ? QString() : QStringLiteral("T") + text->toPlainText();
    if (const auto* combo = qobject_cast<const QComboBox*>(w))
        return QStringLiteral("C%1:%2").arg(combo->currentIndex()).arg(combo->currentText());
    if (const auto* spin = qobject_cast<const QAbstractSpinBox*>(w))
        return QStringLiteral("S") + spin->text();
    if (const auto* button = qobject_cast<const QAbstractButton*>(w))
        return button->isCheckable() ? QStringLiteral("B%1").arg(button->isChecked()) : QString();
    return QString();
}

} // namespace

void markAsViewControl(QWidget* control)
{
    control->setProperty(ViewControl, true);
}

EditingDialog::EditingDialog(QWidget* parent) : QDialog(parent)
{
    auto* save = new QShortcut(QKeySequence::Save, this);
    connect(save, &QShortcut::activated, this, [this]() {
        if (QAbstractButton* button = saveButton())
            button->click();
    });
}

QAbstractButton* EditingDialog::saveButton() const
{
    if (m_saveButton)
        return m_saveButton->isEnabled() && m_saveButton->isVisibleTo(this) ? m_saveButton.data() : nullptr;
    for (QDialogButtonBox* box : findChildren<QDialogButtonBox*>()) {
        if (box->window() != this)
            continue;
        for (QAbstractButton* button : box->buttons()) {
            const auto role = box->buttonRole(button);
            if ((role == QDialogButtonBox::AcceptRole || role == QDialogButtonBox::YesRole) &&
                button->isEnabled() && button->isVisibleTo(this))
                return button;
        }
    }
    return nullptr;
}

void EditingDialog::watch(QAbstractItemView* table)
{
    m_watched << table;
    if (m_marked)
        markSaved();
}

QStringList EditingDialog::snapshot() const
{
    QStringList values;
    for (const QWidget* w : findChildren<QWidget*>()) {
        if (w->window() != this || underViewControl(w, this))
            continue;
        const QString value = valueOf(w);
        if (!value.isEmpty())
            values << w->objectName() + QLatin1Char('=') + value;
    }
    for (const QAbstractItemView* table : m_watched) {
        const QAbstractItemModel* model = table->model();
        if (!model)
            continue;
        values << QStringLiteral("rows=%1").arg(model->rowCount());
        for (int r = 0; r < model->rowCount(); ++r)
            for (int c = 0; c < model->columnCount(); ++c)
                values << model->index(r, c).data().toString();
    }
    return values;
}

QString EditingDialog::typedText() const
{
    QStringList lines;
    for (const QLabel* label : findChildren<QLabel*>()) {
        if (!label->buddy() || label->window() != this)
            continue;
        const QString value = valueOf(label->buddy());
        if (!value.isEmpty())
            lines << QStringLiteral("%1 %2").arg(label->text().remove(QLatin1Char('&')), value);
    }
    return lines.join(QLatin1Char('\n'));
}

bool EditingDialog::resolveChangedMeanwhile(const Error& error)
{
    QMessageBox box(QMessageBox::Warning, windowTitle(), error.message, QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("changedMeanwhile"));
    QPushButton* reload = box.addButton(tr("Reload their version"), QMessageBox::AcceptRole);
    QPushButton* copy = box.addButton(tr("Copy my changes, then reload"), QMessageBox::ActionRole);
    box.addButton(tr("Go on editing"), QMessageBox::RejectRole);
    box.setDefaultButton(copy);
    box.exec();
    if (box.clickedButton() == copy) {
        QGuiApplication::clipboard()->setText(typedText());
        return true;
    }
    return box.clickedButton() == reload;
}

void EditingDialog::markSaved()
{
    m_saved = snapshot();
    m_marked = true;
}

bool EditingDialog::hasUnsavedChanges() const
{
    return m_marked && snapshot() != m_saved;
}

void EditingDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    if (!m_marked)
        markSaved();
}

void EditingDialog::reject()
{
    if (hasUnsavedChanges()) {
        QMessageBox question(QMessageBox::Question, windowTitle(),
                             tr("What was typed in this window is not saved."), QMessageBox::NoButton, this);
        question.setObjectName(QStringLiteral("discardChanges"));
        question.setInformativeText(tr("Throw away the changes, or go back to the form to save them?"));
        QPushButton* discard =
            question.addButton(tr("&Throw away the changes"), QMessageBox::DestructiveRole);
        QPushButton* back = question.addButton(tr("&Go back to the form"), QMessageBox::RejectRole);
        question.setDefaultButton(back);
        question.setEscapeButton(back);
        question.exec();
        if (question.clickedButton() != discard)
            return;
    }
    QDialog::reject();
}

} // namespace etabli
