#include "gui/common/session.h"

#include "storage/database.h"

namespace etabli {

Session::Session(QObject* parent) : QObject(parent), m_clock(std::make_unique<SystemClock>()) {}

Session::~Session() = default;

void Session::setDatabase(std::unique_ptr<Database> database)
{
    m_database = std::move(database);
    if (m_database)
        m_database->setConnectionLostHandler(
            [this]() { QMetaObject::invokeMethod(this, &Session::connectionLost, Qt::QueuedConnection); });
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
    if (db)
        db->setConnectionLostHandler({});
    Q_EMIT databaseChanged();
    return db;
}

Status Session::reconnect()
{
    if (!m_database)
        return {};
    return m_database->reconnect();
}

} // namespace etabli
