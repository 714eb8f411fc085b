#include "gui/access/idlewatcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace etabli {

IdleWatcher::IdleWatcher(QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this]() {
        if (!m_suspended)
            Q_EMIT idle();
    });
    QCoreApplication::instance()->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleWatcher::setTimeout(int minutes)
{
    setTimeoutMs(minutes > 0 ? minutes * 60 * 1000 : 0);
}

void IdleWatcher::setTimeoutMs(int ms)
{
    m_timer.stop();
    if (ms > 0) {
        m_timer.setInterval(ms);
        m_timer.start();
    }
}

void IdleWatcher::setSuspended(bool suspended)
{
    m_suspended = suspended;
    if (!suspended && m_timer.interval() > 0)
        m_timer.start();
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        if (m_timer.interval() > 0 && !m_suspended)
            m_timer.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace etabli
