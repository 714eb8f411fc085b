#pragma once

#include "domain/user.h"
#include "util/error.h"

#include <QCoreApplication>

namespace etabli {

class Clock;
class Database;

// Logging in: checks the password (Argon2id), counts failures (5 lock the
// account for 15 minutes), rehashes old hashes, writes the audit row, and
// returns who is acting with their permissions.
class AuthService
{
    Q_DECLARE_TR_FUNCTIONS(AuthService)

public:
    static constexpr int kMaxFailures = 5;
    static constexpr int kLockMinutes = 15;

    AuthService(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    Result<UserContext> login(const QString& login, const QString& password);
    // True when the database has no account yet (a new or pre-accounts database).
    Result<bool> needsFirstDirector() const;
    // Reloads a user's context (role or sections may have changed).
    Result<UserContext> contextFor(qint64 userId) const;

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace etabli
