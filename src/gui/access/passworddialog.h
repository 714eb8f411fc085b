#pragma once

#include "util/error.h"

#include <functional>
#include <QDialog>

class QLabel;
class QLineEdit;

namespace etabli {

// "Changer de mot de passe" (current + new twice) or, for the direction,
// "Réinitialiser" (new twice). `apply` does the change; on failure the dialog
// stays open with the reason.
class PasswordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordDialog)

public:
    using Apply = std::function<Status(const QString& current, const QString& next)>;

    PasswordDialog(const QString& title, bool askCurrent, Apply apply, QWidget* parent = nullptr);
    QString errorText() const;
    void accept() override;

private:
    Apply m_apply;
    QLineEdit* m_current;
    QLineEdit* m_next;
    QLineEdit* m_confirm;
    QLabel* m_error;
};

} // namespace etabli
