#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class DirectorDialog;
}

namespace etabli {

// The director's account (and, for a new database, the school's name):
// checks the fields before closing.
class DirectorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DirectorDialog)

public:
    explicit DirectorDialog(bool askSchoolName, QWidget* parent = nullptr);
    ~DirectorDialog() override;

    QString schoolName() const;
    QString displayName() const;
    QString login() const;
    QString password() const;
    void clearPasswords();
    QString errorText() const;

    void accept() override;

private:
    std::unique_ptr<Ui::DirectorDialog> m_ui;
    bool m_askSchoolName;
};

} // namespace etabli
