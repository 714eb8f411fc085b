#pragma once

#include <memory>
#include <QDialog>

namespace Ui {
class DirectorDialog;
}

class QPlainTextEdit;

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
    // The school's workshops, one per line as typed (a new database only).
    QStringList sections() const;
    QString displayName() const;
    QString login() const;
    QString password() const;
    void clearPasswords();
    QString errorText() const;

    void accept() override;

private:
    std::unique_ptr<Ui::DirectorDialog> m_ui;
    bool m_askSchoolName;
    QPlainTextEdit* m_sections;
};

} // namespace etabli
