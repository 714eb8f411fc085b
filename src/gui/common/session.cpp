#include "gui/common/session.h"

#include "storage/database.h"
#include "util/logging.h"

#include <spdlog/spdlog.h>

namespace etabli {

Session::Session(QObject* parent) : QObject(parent), m_clock(std::make_unique<SystemClock>()) {}

Session::~Session() = default;

void Session::setDatabase(std::unique_ptr<Database> database)
{
    m_database = std::move(database);
    if (m_database)
        m_database->setConnectionLostHandler(
            [this]() { QMetaObject::invokeMethod(this, &Session::connectionLost, Qt::QueuedConnection); });
    if (m_database) {
        m_database->setChangeListener([this](DataKinds kinds) { notifyDataChanged(kinds); });
        // What another PC commits on the server reloads the pages here too.
        if (auto r =
                m_database->listenToOtherComputers([this](DataKinds kinds) { notifyDataChanged(kinds); });
            !r)
            logging::get("gui")->warn("not following the other computers: {}",
                                      r.error().detail.toStdString());
    }
    m_user = UserContext{};
    Q_EMIT databaseChanged();
}

void Session::setUser(const UserContext& user)
{
    m_user = user;
    Q_EMIT userChanged();
}

void Session::logOut()
{
    m_user = UserContext{};
    Q_EMIT userChanged();
}

std::unique_ptr<Database> Session::takeDatabase()
{
    auto db = std::move(m_database);
    if (db) {
        db->setConnectionLostHandler({});
        db->setChangeListener({});
        (void)db->listenToOtherComputers({});
    }
    Q_EMIT databaseChanged();
    return db;
}

void Session::notifyDataChanged(DataKinds kinds)
{
    // Several commits in one action (a record and its lines) make one reload,
    // after the action returned: no page reloads under the code that saved.
    const bool scheduled = m_pending.toInt() != 0;
    m_pending |= kinds;
    if (scheduled)
        return;
    QMetaObject::invokeMethod(
        this,
        [this]() {
            const DataKinds changed = std::exchange(m_pending, DataKinds());
            if (changed.toInt() != 0)
                Q_EMIT dataChanged(changed);
        },
        Qt::QueuedConnection);
}

void Session::onDataChanged(QObject* receiver, DataKinds kinds, std::function<void()> reload)
{
    connect(this, &Session::dataChanged, receiver, [kinds, reload = std::move(reload)](DataKinds changed) {
        if (changed.testAnyFlags(kinds))
            reload();
    });
}

Status Session::reconnect()
{
    if (!m_database)
        return {};
    return m_database->reconnect();
}

} // namespace etabli
