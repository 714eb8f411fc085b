#include "gui/common/formdialog.h"

#include "gui/common/datefield.h"
#include "gui/common/messagebanner.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace etabli {

FormDialog::FormDialog(const QString& title, QWidget* parent)
    : EditingDialog(parent), m_banner(new MessageBanner(this)), m_form(new QFormLayout)
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
        Status r;
        if (DateField* wrong = DateField::firstWrong(this))
            r = fail(Error::Code::InvalidInput, wrong->namedProblem());
        else
            r = m_action();
        if (!r && r.error().code == Error::Code::ChangedMeanwhile && resolveChangedMeanwhile(r.error())) {
            if (!m_reload) {
                markSaved(); // nothing of theirs to show here: the list shows it
                QDialog::reject();
                return;
            }
            m_reload();
            markSaved();
        }
        if (!r) {
            showMessage(MessageBanner::Kind::Error, r.error().message);
            return;
        }
    }
    QDialog::accept();
}

void FormDialog::showMessage(MessageBanner::Kind kind, const QString& text)
{
    m_banner->showMessage(kind, text);
    m_banner->show();
    // The message takes room: the dialog grows rather than squeezing its fields.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
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

DateField* FormDialog::dateField(const QDate& value, QWidget* parent)
{
    return new DateField(value.isValid() ? value : QDate::currentDate(), DateField::Kind::Required, parent);
}

DateField* FormDialog::optionalDateField(const QDate& value, QWidget* parent)
{
    return new DateField(value, DateField::Kind::Optional, parent);
}

} // namespace etabli
