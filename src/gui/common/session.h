#pragma once

#include "domain/datakind.h"
#include "domain/user.h"
#include "util/clock.h"
#include "util/error.h"

#include <functional>
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
    // A service acting for the logged-in user on the open database and the
    // session's clock: m_session.service<InvoiceService>().issue(id).
    template <class S> S service() { return S(database(), clock(), user()); }
    bool isLoggedIn() const { return m_user.userId != 0; }
    void setUser(const UserContext& user);
    void logOut();

    // Takes ownership and tells the pages to reload everything.
    void setDatabase(std::unique_ptr<Database> database);
    // Closes the database (e.g. before restoring a backup over its file).
    std::unique_ptr<Database> takeDatabase();

    // Tells the pages that these kinds of data changed (grouped, queued).
    // The services' commits call it through the database; the window calls
    // it itself after a reconnect.
    void notifyDataChanged(DataKinds kinds = allDataKinds());
    // Calls `reload` (in `receiver`'s life) when one of `kinds` changed.
    void onDataChanged(QObject* receiver, DataKinds kinds, std::function<void()> reload);

    // PostgreSQL: opens the connection again after the server dropped it.
    Status reconnect();

Q_SIGNALS:
    void databaseChanged();
    void userChanged();
    // Committed changes of these kinds: the pages that show them reload.
    void dataChanged(etabli::DataKinds kinds);
    // A query found the server's connection lost (once, until a reconnect);
    // queued, so that it arrives after the page has shown its own error.
    void connectionLost();

private:
    std::unique_ptr<Database> m_database;
    std::unique_ptr<Clock> m_clock;
    UserContext m_user;
    DataKinds m_pending;
};

} // namespace etabli
