#pragma once

#include "domain/user.h"
#include "util/error.h"

#include <optional>
#include <QCoreApplication>
#include <QList>
#include <QSet>

namespace etabli {

class Database;

// Accounts, their sections, and the role → permission table.
class UserRepository
{
    Q_DECLARE_TR_FUNCTIONS(UserRepository)

public:
    explicit UserRepository(Database& db) : m_db(db) {}

    struct Stored
    {
        User user;
        QString passwordHash;
    };

    Result<std::optional<Stored>> findByLogin(const QString& login) const;
    Result<std::optional<Stored>> findById(qint64 id) const;
    Result<QList<User>> list() const;
    Result<qint64> count() const;

    Result<qint64> insert(const User& user, const QString& passwordHash, const QString& nowIso);
    // Display name, role, active flag; Conflict on a stale version.
    Status update(const User& user, const QString& nowIso);
    Status setPassword(qint64 userId, const QString& passwordHash, bool mustChange, const QString& nowIso);
    Status recordFailure(qint64 userId, int failedAttempts, const QString& lockedUntilIso);
    Status recordLogin(qint64 userId, const QString& nowIso);
    Status setSections(qint64 userId, const QList<qint64>& sectionIds);

    Result<QSet<QString>> permissions(Role role) const;

    static QString loginKey(const QString& login);

private:
    Result<std::optional<Stored>> findOne(const QString& where, const QString& name,
                                          const QVariant& value) const;
    Result<QList<qint64>> sections(qint64 userId) const;

    Database& m_db;
};

} // namespace etabli
