#pragma once

#include "domain/user.h"
#include "util/error.h"

#include <QString>

namespace etabli {

class Clock;
class Database;

// A copy of the whole database holds everyone's personal data: it needs the
// backup.run permission and leaves an audit row.
class BackupService
{
public:
    BackupService(Database& db, const Clock& clock, const UserContext& actor) : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Status copyTo(const QString& target, bool overwrite = false);

private:
    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
