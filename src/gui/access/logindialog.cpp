#include "gui/access/logindialog.h"

#include "ui_logindialog.h"

#include <QGuiApplication>
#include <QPushButton>

namespace etabli {

LoginDialog::LoginDialog(const QString& schoolName, Authenticate authenticate, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::LoginDialog>()), m_authenticate(std::move(authenticate))
{
    m_ui->setupUi(this);
    QFont f = m_ui->title->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    m_ui->title->setFont(f);
    m_ui->schoolName->setText(schoolName);
    m_ui->error->hide();
    m_ui->demoHint->hide();
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("&Log in"));
    m_ui->buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Quit"));
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->login->setFocus();
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::showDemoAccounts(const QStringList& logins, const QString& password)
{
    m_ui->demoHint->setText(tr("Demonstration school — accounts: %1. Password: %2")
                                .arg(logins.join(QStringLiteral(", ")), password));
    m_ui->demoHint->show();
    if (m_ui->login->text().isEmpty())
        m_ui->login->setText(logins.value(0));
    m_ui->password->setFocus();
}

void LoginDialog::setLocked(const QString& login)
{
    m_ui->title->setText(tr("Session locked"));
    setWindowTitle(tr("Session locked — Établi"));
    m_ui->login->setText(login);
    m_ui->buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Quit Établi"));
    m_ui->password->setFocus();
}

QString LoginDialog::errorText() const
{
    return m_ui->error->isVisible() ? m_ui->error->text() : QString();
}

void LoginDialog::accept()
{
    const QString login = m_ui->login->text().trimmed();
    if (login.isEmpty() || m_ui->password->text().isEmpty()) {
        m_ui->error->setText(tr("Type your login and your password."));
        m_ui->error->show();
        return;
    }
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto result = m_authenticate(login, m_ui->password->text());
    QGuiApplication::restoreOverrideCursor();
    m_ui->password->clear(); // not kept longer than needed
    if (!result) {
        m_ui->error->setText(result.error().message);
        m_ui->error->show();
        m_ui->password->setFocus();
        return;
    }
    m_user = *result;
    QDialog::accept();
}

} // namespace etabli
