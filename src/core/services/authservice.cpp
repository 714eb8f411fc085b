#include "services/authservice.h"

#include "services/audittrail.h"
#include "services/passwordhasher.h"
#include "storage/database.h"
#include "storage/transaction.h"
#include "storage/userrepository.h"
#include "util/clock.h"
#include "util/logging.h"

#include <functional>
#include <QLocale>
#include <spdlog/spdlog.h>

namespace etabli {

namespace {

UserContext makeContext(const User& user, const QSet<QString>& permissions)
{
    UserContext c;
    c.userId = user.id;
    c.login = user.login;
    c.displayName = user.displayName.isEmpty() ? user.login : user.displayName;
    c.role = user.role;
    c.permissions = permissions;
    c.sectionIds = user.sectionIds;
    c.mustChangePassword = user.mustChangePassword;
    return c;
}

} // namespace

Result<bool> AuthService::needsFirstDirector() const
{
    auto n = UserRepository(m_db).count();
    if (!n)
        return std::unexpected(n.error());
    return *n == 0;
}

Result<UserContext> AuthService::contextFor(qint64 userId) const
{
    UserRepository users(m_db);
    auto stored = users.findById(userId);
    if (!stored)
        return std::unexpected(stored.error());
    if (!*stored)
        return fail(Error::Code::NotFound, tr("This account no longer exists."));
    auto perms = users.permissions((*stored)->user.role);
    if (!perms)
        return std::unexpected(perms.error());
    return makeContext((*stored)->user, *perms);
}

Result<UserContext> AuthService::login(const QString& login, const QString& password)
{
    // One answer, in about one time, whether the login is unknown, the
    // password wrong or the account locked: the window tells an intruder
    // nothing. The lock is explained to the direction (users' page, trail).
    const QString wrong = tr("Wrong login or password.");
    UserRepository users(m_db);
    AuditTrail audit(m_db, m_clock);
    // A database on a read-only medium (a CD, a locked USB key) can be read,
    // not written: the login is checked the same way and only the log says so.
    const auto write = [this](const std::function<Status()>& what) -> Status {
        if (m_db.isReadOnly())
            return {};
        return inTransaction(m_db, what);
    };
    auto found = users.findByLogin(login);
    if (!found)
        return std::unexpected(found.error());
    if (!*found) {
        PasswordHasher::verifyDecoy(password);
        // Written like a failure on an account (the same work, the same
        // time); what was typed is not kept: it may be a password.
        UserContext nobody;
        nobody.login = QStringLiteral("?");
        auto written = write([&]() {
            ChangeSet c;
            c.set(QStringLiteral("account"), QStringLiteral("unknown"));
            return audit.record(nobody, AuditEntity::Session, QString(), AuditAction::LoginFailed, c);
        });
        if (!written)
            return std::unexpected(written.error());
        logging::get("access")->info("login refused: unknown login");
        return fail(Error::Code::AccessDenied, wrong);
    }
    const User user = (*found)->user;
    const QString storedHash = (*found)->passwordHash;
    const QDateTime now = m_clock.nowUtc();

    UserContext actor;
    actor.userId = user.id;
    actor.login = user.login;

    const bool locked = user.lockedUntil.isValid() && user.lockedUntil > now;
    const bool rightPassword = PasswordHasher::verify(storedHash, password);
    if (locked || !rightPassword) {
        // While locked, a try is recorded but counts for nothing more.
        int attempts = locked ? user.failedAttempts : user.failedAttempts + 1;
        QString lockedUntil = locked ? user.lockedUntil.toString(Qt::ISODate) : QString();
        const bool locksNow = !locked && attempts >= kMaxFailures;
        if (locksNow) {
            lockedUntil = now.addSecs(kLockMinutes * 60).toString(Qt::ISODate);
            attempts = 0;
        }
        auto written = write([&]() -> Status {
            if (auto r = users.recordFailure(user.id, attempts, lockedUntil); !r)
                return r;
            ChangeSet c;
            c.set(QStringLiteral("account"), locked ? QStringLiteral("locked") : QStringLiteral("known"));
            if (auto r = audit.record(actor, AuditEntity::Session, QString::number(user.id),
                                      AuditAction::LoginFailed, c);
                !r)
                return r;
            if (locksNow) {
                ChangeSet until;
                until.set(QStringLiteral("locked_until"), lockedUntil);
                return audit.record(actor, AuditEntity::User, QString::number(user.id), AuditAction::Lock,
                                    until);
            }
            return {};
        });
        if (!written)
            return std::unexpected(written.error());
        logging::get("access")->info("login refused");
        return fail(Error::Code::AccessDenied, wrong);
    }
    if (!user.active)
        return fail(Error::Code::AccessDenied,
                    tr("This account is deactivated. Ask the direction to reactivate it."));

    auto perms = users.permissions(user.role);
    if (!perms)
        return std::unexpected(perms.error());
    auto written = write([&]() -> Status {
        if (auto r = users.recordLogin(user.id, now.toString(Qt::ISODate)); !r)
            return r;
        if (PasswordHasher::needsRehash(storedHash)) {
            auto rehashed = PasswordHasher::hash(password);
            if (rehashed) {
                if (auto r = users.setPassword(user.id, *rehashed, user.mustChangePassword,
                                               now.toString(Qt::ISODate));
                    !r)
                    return r;
            }
        }
        return audit.record(actor, AuditEntity::Session, QString::number(user.id), AuditAction::Login);
    });
    if (!written)
        return std::unexpected(written.error());
    if (m_db.isReadOnly())
        logging::get("access")->warn("{} logged in on a read-only database: not written to its trail",
                                     user.login.toStdString());
    else
        logging::get("access")->info("{} logged in", user.login.toStdString());
    return makeContext(user, *perms);
}

} // namespace etabli
