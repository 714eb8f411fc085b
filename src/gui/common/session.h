#pragma once

#include "domain/user.h"
#include "util/clock.h"
#include "util/error.h"

#include <memory>
#include <QObject>

namespace etabli {

class Database;

// The open school database of the running application and the clock the
// services use. Pages hold a reference and refresh on its signals.
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    explicit Session(QObject* parent = nullptr);
    ~Session() override;

    bool isOpen() const { return static_cast<bool>(m_database); }
    Database& database() { return *m_database; }
    const Clock& clock() const { return *m_clock; }
    void setClock(std::unique_ptr<Clock> clock) { m_clock = std::move(clock); }

    // Who is logged in; every service call acts as this user.
    const UserContext& user() const { return m_user; }
    bool isLoggedIn() const { return m_user.userId != 0; }
    void setUser(const UserContext& user);
    void logOut();

    // Takes ownership and tells the pages to reload everything.
    void setDatabase(std::unique_ptr<Database> database);
    // Closes the database (e.g. before restoring a backup over its file).
    std::unique_ptr<Database> takeDatabase();

    // To be called after a successful write, so that every page refreshes.
    void notifyDataChanged() { Q_EMIT dataChanged(); }

    // PostgreSQL: opens the connection again after the server dropped it.
    Status reconnect();

Q_SIGNALS:
    void databaseChanged();
    void userChanged();
    void dataChanged();
    // A query found the server's connection lost (once, until a reconnect);
    // queued, so that it arrives after the page has shown its own error.
    void connectionLost();

private:
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Clock> m_clock;
    UserContext m_user;
};

} // namespace etabli
