#pragma once

#include "domain/user.h"
#include "util/error.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace etabli {

class Clock;
class Database;

// Who else works in the school's database (several PCs on a PostgreSQL
// server): each open window keeps a session row (schema 29) whose heartbeat
// the window writes every thirty seconds, by the server's clock; a session
// not seen for two minutes is gone and is deleted. Nothing on SQLite.
class PresenceService
{
public:
    struct Presence
    {
        QString displayName;
        QString login;
        QString computer;
        QDateTime since; // UTC
    };

    // Seconds without a heartbeat after which a session is gone.
    static constexpr int StaleAfterSeconds = 120;

    PresenceService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    // Whether other PCs may share this database (PostgreSQL).
    bool isShared() const;
    // Opens the logged-in user's session on this PC; 0 on SQLite.
    Result<qint64> join();
    // The session's heartbeat; drops the sessions gone meanwhile.
    Status beat(qint64 session);
    Status leave(qint64 session);
    // The other sessions alive, oldest first.
    Result<QList<Presence>> others(qint64 session) const;

private:
    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor;
};

} // namespace etabli
