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
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &FormDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

void FormDialog::addRow(const QString& label, QWidget* field)
{
    m_form->addRow(label, field);
}

void FormDialog::accept()
{
    if (m_action) {
        if (auto r = m_action(); !r) {
            m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
            m_banner->show();
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
