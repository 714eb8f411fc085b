#include "gui/common/formdialog.h"

#include "gui/common/messagebanner.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace etabli {

FormDialog::FormDialog(const QString& title, QWidget* parent)
    : QDialog(parent), m_banner(new MessageBanner(this)), m_form(new QFormLayout)
{
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    m_banner->hide();
    layout->addWidget(m_banner);
    layout->addLayout(m_form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Ok);
    m_cancel = buttons->button(QDialogButtonBox::Cancel);
    m_save->setText(tr("&Save"));
    m_cancel->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &FormDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

void FormDialog::addRow(const QString& label, QWidget* field)
{
    m_form->addRow(label, field);
    // The fields are made after the buttons: the typing starts in the first
    // field, and Tab goes through the fields in their order, then to the buttons.
    if (m_lastField)
        setTabOrder(m_lastField, field);
    else
        field->setFocus();
    setTabOrder(field, m_save);
    setTabOrder(m_save, m_cancel);
    m_lastField = field;
}

void FormDialog::accept()
{
    if (m_action) {
        if (auto r = m_action(); !r) {
            m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
            m_banner->show();
            // The message takes room: the dialog grows rather than squeezing its fields.
            layout()->activate();
            const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                             : layout()->totalSizeHint().height();
            if (needed > height())
                resize(width(), needed);
            return;
        }
    }
    QDialog::accept();
}

QLineEdit* FormDialog::moneyField(const Money& value, QWidget* parent)
{
    auto* field = new QLineEdit(value.isZero() ? QString() : value.formatPlain(), parent);
    field->setPlaceholderText(QStringLiteral("0,00 €"));
    field->setAlignment(Qt::AlignRight);
    return field;
}

Result<Money> FormDialog::money(const QLineEdit* field)
{
    if (field->text().trimmed().isEmpty())
        return Money();
    return Money::parse(field->text());
}

QDateEdit* FormDialog::dateField(const QDate& value, QWidget* parent)
{
    auto* field = new QDateEdit(parent);
    field->setCalendarPopup(true);
    field->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    field->setDate(value.isValid() ? value : QDate::currentDate());
    return field;
}

QDateEdit* FormDialog::optionalDateField(const QDate& value, QWidget* parent)
{
    auto* field = dateField(value, parent);
    // The minimum stands for "no day": shown blank.
    field->setMinimumDate(QDate(2000, 1, 1));
    field->setSpecialValueText(QStringLiteral(" "));
    field->setDate(value.isValid() ? value : field->minimumDate());
    return field;
}

QDate FormDialog::optionalDate(const QDateEdit* field)
{
    return field->date() == field->minimumDate() ? QDate() : field->date();
}

} // namespace etabli
