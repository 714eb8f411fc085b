#include "gui/access/passworddialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace etabli {

PasswordDialog::PasswordDialog(const QString& title, bool askCurrent, Apply apply, QWidget* parent)
    : QDialog(parent), m_apply(std::move(apply)), m_current(new QLineEdit(this)), m_next(new QLineEdit(this)),
      m_confirm(new QLineEdit(this)), m_error(new QLabel(this))
{
    setWindowTitle(title);
    setMinimumWidth(420);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    for (QLineEdit* edit : {m_current, m_next, m_confirm})
        edit->setEchoMode(QLineEdit::Password);
    m_current->setObjectName(QStringLiteral("currentPassword"));
    m_next->setObjectName(QStringLiteral("newPassword"));
    m_confirm->setObjectName(QStringLiteral("confirmPassword"));
    m_next->setPlaceholderText(tr("12 characters or more"));
    if (askCurrent)
        form->addRow(tr("&Current password"), m_current);
    else
        m_current->hide();
    form->addRow(tr("&New password"), m_next);
    form->addRow(tr("&Confirm"), m_confirm);
    layout->addLayout(form);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b02a2a;"));
    m_error->hide();
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PasswordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString PasswordDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void PasswordDialog::accept()
{
    if (m_next->text() != m_confirm->text()) {
        m_error->setText(tr("The two new passwords differ."));
        m_error->show();
        return;
    }
    const Status result = m_apply(m_current->text(), m_next->text());
    for (QLineEdit* edit : {m_current, m_next, m_confirm})
        edit->clear();
    if (!result) {
        m_error->setText(result.error().message);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace etabli
