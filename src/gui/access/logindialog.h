#pragma once

#include "domain/user.h"
#include "util/error.h"

#include <functional>
#include <memory>
#include <QDialog>

namespace Ui {
class LoginDialog;
}

namespace etabli {

// Asks for a login and a password and checks them through `authenticate`
// (AuthService::login); stays open with the reason on failure. Also the
// unlock screen after the idle time.
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    using Authenticate = std::function<Result<UserContext>(const QString& login, const QString& password)>;

    LoginDialog(const QString& schoolName, Authenticate authenticate, QWidget* parent = nullptr);
    ~LoginDialog() override;

    // The demo database shows its accounts and password.
    void showDemoAccounts(const QStringList& logins, const QString& password);
    // After the idle time: the same person is expected, another may log in.
    void setLocked(const QString& login);
    const UserContext& user() const { return m_user; }
    QString errorText() const;

    void accept() override;

private:
    std::unique_ptr<Ui::LoginDialog> m_ui;
    Authenticate m_authenticate;
    UserContext m_user;
};

} // namespace etabli
