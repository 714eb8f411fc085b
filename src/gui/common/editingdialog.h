#pragma once

#include "util/error.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

class QAbstractButton;
class QAbstractItemView;

namespace etabli {

// A control that changes what is shown, not what is saved (a period, a
// filter): changing it is not an unsaved change.
void markAsViewControl(QWidget* control);

// The base of every dialog that edits a record. Ctrl+S does what its
// Save/OK button does; Esc, Cancel and the window's close button ask
// before throwing away what was typed since the dialog opened (or since
// markSaved()). What counts: the text of line edits, text boxes, combo
// boxes and spin boxes, check boxes, and the tables given to watch();
// not the search fields and view controls.
class EditingDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditingDialog)

public:
    explicit EditingDialog(QWidget* parent);

    // What the dialog shows now is what is saved.
    void markSaved();
    bool hasUnsavedChanges() const;
    // A table whose cells are part of what the dialog saves (lines of a quote).
    void watch(QAbstractItemView* table);
    // The button Ctrl+S presses: the first accepting button of the dialog's
    // button box unless another is given. Nothing happens while it is disabled.
    QAbstractButton* saveButton() const;
    void setSaveButton(QAbstractButton* button) { m_saveButton = button; }

    void reject() override;

    // A save refused because someone changed the record meanwhile (the
    // error says who and when): asks whether to reload their version, or to
    // copy what was typed here to the clipboard first. True when the caller
    // should reload; false to go on editing.
    bool resolveChangedMeanwhile(const Error& error);
    // What was typed, "Nom : Dupont" one field a line (for the clipboard).
    QString typedText() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    QStringList snapshot() const;

    QStringList m_saved;
    bool m_marked = false;
    QList<QAbstractItemView*> m_watched;
    QPointer<QAbstractButton> m_saveButton;
};

} // namespace etabli
