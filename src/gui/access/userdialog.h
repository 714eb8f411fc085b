#pragma once

#include "domain/section.h"
#include "domain/user.h"
#include "gui/common/editingdialog.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace etabli {

// Creating or editing an account: login (new accounts only), name, role,
// the sections of a trainer, the first password (new accounts only).
class UserDialog final : public EditingDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserDialog)

public:
    UserDialog(const User& user, const QList<Section>& sections, bool isNew, QWidget* parent = nullptr);

    User user() const;
    QString password() const;
    void clearPassword();
    void showError(const QString& message);

private:
    void updateSections();

    User m_user;
    bool m_isNew;
    QLineEdit* m_login;
    QLineEdit* m_name;
    QComboBox* m_role;
    QListWidget* m_sections;
    QCheckBox* m_active;
    QLineEdit* m_password;
    QLabel* m_error;
};

} // namespace etabli
