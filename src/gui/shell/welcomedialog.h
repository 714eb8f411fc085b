#pragma once

#include <memory>
#include <QDialog>

namespace Ui {
class WelcomeDialog;
}

namespace etabli {

// First start without a database: create the school's, discover the demo,
// open an existing file, or connect to the school's server.
class WelcomeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomeDialog)

public:
    enum class Choice
    {
        None,
        Create,
        Demo,
        Open,
        Server
    };

    explicit WelcomeDialog(QWidget* parent = nullptr);
    ~WelcomeDialog() override;
    Choice choice() const { return m_choice; }

private:
    void choose(Choice choice);

    std::unique_ptr<Ui::WelcomeDialog> m_ui;
    Choice m_choice = Choice::None;
};

} // namespace etabli
