#pragma once

#include <functional>
#include <QFrame>

class QLabel;
class QPushButton;

namespace etabli {

// An inline message at the top of a page (error, warning, success), instead
// of a modal box: it does not interrupt, and stays until dismissed or replaced.
class MessageBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)

public:
    enum class Kind
    {
        Error,
        Warning,
        Success
    };

    explicit MessageBanner(QWidget* parent = nullptr);
    void showMessage(Kind kind, const QString& text);
    // A button after the message shown ("Ouvrir le bon de travaux"), until
    // the next message.
    void setAction(const QString& label, std::function<void()> act);
    QPushButton* actionButton() const { return m_action; }
    QString text() const;
    Kind kind() const { return m_kind; }
    // Hides an error shown (e.g. a list that could not be read before a reconnect).
    void clearError();

private:
    QLabel* m_label;
    QPushButton* m_action;
    std::function<void()> m_act;
    Kind m_kind = Kind::Success;
};

} // namespace etabli
