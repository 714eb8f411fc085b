#pragma once

#include <QFrame>

class QLabel;

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
    QString text() const;
    Kind kind() const { return m_kind; }
    // Hides an error shown (e.g. a list that could not be read before a reconnect).
    void clearError();

private:
    QLabel* m_label;
    Kind m_kind = Kind::Success;
};

} // namespace etabli
