#pragma once

#include "domain/user.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Clock;
class Database;

// User administration (direction) and changing one's own password.
class UserService
{
    Q_DECLARE_TR_FUNCTIONS(UserService)

public:
    UserService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Result<QList<User>> list() const;
    // The new account must change the password at first login when
    // `mustChangePassword` is set (the usual case when created by someone else).
    Result<qint64> create(const User& user, const QString& password);
    // Display name, role, active flag and sections.
    Status update(const User& user);
    Status resetPassword(qint64 userId, const QString& newPassword);
    Status changeOwnPassword(const QString& currentPassword, const QString& newPassword);

    static Status validateLogin(const QString& login);

private:
    Status checkStillHasDirector(const User& changed) const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

// Setting up a new database: the school, its sections and the director's
// account, in one transaction; or only the director for a database made
// before accounts existed.
class SetupService
{
    Q_DECLARE_TR_FUNCTIONS(SetupService)

public:
    SetupService(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    struct Director
    {
        QString login;
        QString displayName;
        QString password;
    };

    // The school, its workshops (`sections`, none if none is given yet:
    // added later in the settings) and its director's account.
    Status createSchool(const QString& schoolName, const Director& director, const QStringList& sections);
    Status createFirstDirector(const Director& director);

private:
    Result<qint64> insertDirector(const Director& director);

    Database& m_db;
    const Clock& m_clock;
};

} // namespace etabli
