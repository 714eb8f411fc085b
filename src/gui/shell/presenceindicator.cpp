#include "gui/shell/presenceindicator.h"

#include "gui/common/session.h"
#include "services/accesscontrol.h"
#include "services/presenceservice.h"
#include "storage/database.h"
#include "util/logging.h"

#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <spdlog/spdlog.h>

namespace etabli {

PresenceIndicator::PresenceIndicator(Session& session, QWidget* parent)
    : QToolButton(parent), m_session(session), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("presence"));
    setAutoRaise(true);
    setVisible(false);
    m_timer->setInterval(HeartbeatMs);
    connect(m_timer, &QTimer::timeout, this, &PresenceIndicator::refresh);
    connect(&m_session, &Session::databaseChanged, this, &PresenceIndicator::rejoin);
    connect(&m_session, &Session::userChanged, this, &PresenceIndicator::rejoin);
    connect(this, &QToolButton::clicked, this, &PresenceIndicator::showList);
    rejoin();
}

PresenceIndicator::~PresenceIndicator()
{
    leave();
}

void PresenceIndicator::leave()
{
    // Only on the database it was opened on (after a switch, the heartbeat's end drops it).
    if (m_sessionId != 0 && m_session.isOpen() && &m_session.database() == m_joinedOn)
        (void)m_session.service<PresenceService>().leave(m_sessionId);
    m_sessionId = 0;
    m_joinedOn = nullptr;
}

void PresenceIndicator::rejoin()
{
    leave(); // the session of the user before, or of the database before
    m_timer->stop();
    m_others.clear();
    const bool shared =
        m_session.isOpen() && m_session.isLoggedIn() && m_session.service<PresenceService>().isShared();
    setVisible(shared);
    if (!shared)
        return;
    auto joined = m_session.service<PresenceService>().join();
    if (!joined) {
        logging::get("gui")->warn("presence not recorded: {}", joined.error().detail.toStdString());
        return;
    }
    m_sessionId = *joined;
    m_joinedOn = &m_session.database();
    m_timer->start();
    refresh();
}

void PresenceIndicator::refresh()
{
    if (!m_session.isOpen() || m_sessionId == 0)
        return;
    if (m_session.database().isConnectionLost()) {
        // Found by the heartbeat before any page read: the window says so and retries.
        m_session.database().noteConnectionLost();
        return;
    }
    auto presence = m_session.service<PresenceService>();
    if (auto r = presence.beat(m_sessionId); !r)
        return; // a lost connection is told by the database (the window's banner)
    auto others = presence.others(m_sessionId);
    if (!others)
        return;
    const QLocale fr(QLocale::French, QLocale::France);
    m_others.clear();
    for (const PresenceService::Presence& p : std::as_const(*others))
        m_others << tr("%1 — %2 — since %3")
                        .arg(p.displayName.isEmpty() ? p.login : p.displayName, p.computer,
                             fr.toString(p.since.toLocalTime(), QStringLiteral("HH:mm")));
    setText(m_others.isEmpty() ? tr("No one else connected")
                               : tr("%n other PC(s) connected", nullptr, static_cast<int>(m_others.size())));
    const bool director = m_session.user().can(permission::UsersManage);
    setEnabled(director && !m_others.isEmpty());
    setToolTip(director ? tr("Who else works in the school's database: click to see them.")
                        : tr("People working in the school's database on other PCs."));
}

void PresenceIndicator::showList()
{
    if (!m_session.user().can(permission::UsersManage))
        return;
    QMessageBox box(QMessageBox::Information, tr("Connected"),
                    m_others.isEmpty() ? tr("No one else is connected.")
                                       : tr("Also working in the school's database:") +
                                             QStringLiteral("\n\n") + m_others.join(QLatin1Char('\n')),
                    QMessageBox::Ok, window());
    box.setObjectName(QStringLiteral("presenceList"));
    box.exec();
}

} // namespace etabli
