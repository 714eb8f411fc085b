#pragma once

#include "domain/codes.h"
#include "domain/money.h"
#include "gui/common/editingdialog.h"
#include "gui/common/messagebanner.h"
#include "util/error.h"

#include <functional>
#include <QComboBox>
#include <QDate>

class QFormLayout;
class QPushButton;
class QLineEdit;

namespace etabli {

class DateField;
class MessageBanner;

// A small form in a dialog: labelled rows, OK and Cancel. On OK the
// dialog calls its action (which saves through a service); when that
// fails, the French message shows at the top and the dialog stays open
// with what was typed, so nothing is lost and nothing half-written. A date
// typed wrong is named before the action runs.
class FormDialog final : public EditingDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormDialog)

public:
    FormDialog(const QString& title, QWidget* parent);
    void addRow(const QString& label, QWidget* field);
    QFormLayout* form() const { return m_form; }
    // Runs on OK; an error keeps the dialog open and shows its message.
    void setAction(std::function<Status()> action) { m_action = std::move(action); }
    // Shows the record as saved now, after someone else changed it
    // meanwhile; without it, such a dialog closes and its list shows theirs.
    void setReload(std::function<void()> reload) { m_reload = std::move(reload); }
    MessageBanner* banner() const { return m_banner; }
    // Shows a message above the fields, the dialog grown to make room for it.
    void showMessage(MessageBanner::Kind kind, const QString& text);
    // The OK button, to name what it does ("Se connecter").
    QPushButton* okButton() const { return m_save; }

    // A field for an amount in euros ("1 234,56").
    static QLineEdit* moneyField(const Money& value, QWidget* parent);
    // The amount typed, or the French message saying what is wrong.
    static Result<Money> money(const QLineEdit* field);
    // A day that must be given, typed or chosen (DateField); a null value shows today.
    static DateField* dateField(const QDate& value, QWidget* parent);
    // A day that may stay empty: empty until the user types or chooses one.
    static DateField* optionalDateField(const QDate& value, QWidget* parent);

    // One of a closed set's values (Codes<E>), shown by their labels.
    template <class E> static QComboBox* choiceField(E value, QWidget* parent)
    {
        auto* box = new QComboBox(parent);
        for (const E choice : allOf<E>()) {
            box->addItem(labelOf(choice), static_cast<int>(choice));
            if (choice == value)
                box->setCurrentIndex(box->count() - 1);
        }
        return box;
    }
    // The value chosen in a choiceField.
    template <class E> static E choice(const QComboBox* field)
    {
        return static_cast<E>(field->currentData().toInt());
    }

    void accept() override;

private:
    MessageBanner* m_banner;
    QFormLayout* m_form;
    std::function<Status()> m_action;
    std::function<void()> m_reload;
    QPushButton* m_save = nullptr;
    QPushButton* m_cancel = nullptr;
    QWidget* m_lastField = nullptr;
};

} // namespace etabli
