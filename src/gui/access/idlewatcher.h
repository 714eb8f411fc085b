#pragma once

#include <QObject>
#include <QTimer>

namespace etabli {

// Emits idle() when no key or mouse event reached the application for the
// given time (the session then locks). 0 minutes: never.
class IdleWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdleWatcher)

public:
    explicit IdleWatcher(QObject* parent = nullptr);
    ~IdleWatcher() override;
    void setTimeout(int minutes);
    void setTimeoutMs(int ms); // tests
    void setSuspended(bool suspended);

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
    bool m_suspended = false;
};

} // namespace etabli
