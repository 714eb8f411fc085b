#include "services/userservice.h"

#include "domain/section.h"
#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "services/passwordhasher.h"
#include "services/schoolservice.h"
#include "storage/database.h"
#include "storage/schoolrepository.h"
#include "storage/sectionrepository.h"
#include "storage/transaction.h"
#include "storage/userrepository.h"
#include "util/clock.h"
#include "util/text.h"

#include <algorithm>
#include <QRegularExpression>

namespace etabli {

namespace {

QString sectionsText(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

} // namespace

Status UserService::validateLogin(const QString& login)
{
    static const QRegularExpression pattern(QStringLiteral("^[\\p{L}\\p{N}._-]{2,40}$"));
    if (!pattern.match(login.trimmed()).hasMatch())
        return fail(
            Error::Code::InvalidInput,
            tr("The login must have 2 to 40 letters, digits, dots, dashes or underscores, without spaces "
               "(“%1”).")
                .arg(login.trimmed()));
    return {};
}

Result<QList<User>> UserService::list() const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::UsersManage));
    return UserRepository(m_db).list();
}

Result<qint64> UserService::create(const User& user, const QString& password)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::UsersManage));
    ETABLI_TRY(validateLogin(user.login));
    ETABLI_TRY(PasswordHasher::checkStrength(password));
    if (user.role == Role::Formateur && user.sectionIds.isEmpty())
        return fail(Error::Code::InvalidInput, tr("A trainer must be attached to at least one section."));
    auto hash = PasswordHasher::hash(password);
    if (!hash)
        return std::unexpected(hash.error());
    return inTransaction(m_db, [&]() -> Result<qint64> {
        UserRepository users(m_db);
        auto id = users.insert(user, *hash, m_clock.nowIso());
        if (!id)
            return id;
        if (auto r = users.setSections(*id, user.role == Role::Formateur ? user.sectionIds : QList<qint64>{});
            !r)
            return std::unexpected(r.error());
        ChangeSet changes;
        changes.set(QStringLiteral("login"), user.login.trimmed())
            .set(QStringLiteral("display_name"), user.displayName.trimmed())
            .set(QStringLiteral("role"), codeOf(user.role))
            .set(QStringLiteral("sections"), sectionsText(user.sectionIds))
            .set(QStringLiteral("password"), QString(), Privacy::Secret);
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::User, QString::number(*id), AuditAction::Create, changes));
        return id;
    });
}

Status UserService::checkStillHasDirector(const User& changed) const
{
    auto all = UserRepository(m_db).list();
    if (!all)
        return std::unexpected(all.error());
    for (const User& u : *all) {
        const User& effective = u.id == changed.id ? changed : u;
        if (effective.active && effective.role == Role::Direction)
            return {};
    }
    return fail(Error::Code::Conflict,
                tr("At least one active account must keep the role “direction”: it is the only one that can "
                   "manage accounts."));
}

Status UserService::update(const User& user)
{
    if (auto r = AccessControl::require(m_actor, permission::UsersManage); !r)
        return r;
    if (user.role == Role::Formateur && user.sectionIds.isEmpty())
        return fail(Error::Code::InvalidInput, tr("A trainer must be attached to at least one section."));
    auto saved = inTransaction(m_db, [&]() -> Status {
        UserRepository users(m_db);
        auto stored = users.findById(user.id);
        if (!stored)
            return std::unexpected(stored.error());
        if (!*stored)
            return fail(Error::Code::NotFound, tr("This account no longer exists."));
        const User& before = (*stored)->user;
        if (auto r = checkStillHasDirector(user); !r)
            return r;
        if (auto r = users.update(user, m_clock.nowIso()); !r)
            return r;
        const QList<qint64> sections = user.role == Role::Formateur ? user.sectionIds : QList<qint64>{};
        if (auto r = users.setSections(user.id, sections); !r)
            return r;
        ChangeSet changes;
        changes.add(QStringLiteral("display_name"), before.displayName, user.displayName.trimmed())
            .add(QStringLiteral("role"), codeOf(before.role), codeOf(user.role))
            .add(QStringLiteral("active"), before.active, user.active)
            .add(QStringLiteral("sections"), sectionsText(before.sectionIds), sectionsText(sections));
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::User, QString::number(user.id), AuditAction::Update, changes);
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::User, user.id);
}

Status UserService::resetPassword(qint64 userId, const QString& newPassword)
{
    if (auto r = AccessControl::require(m_actor, permission::UsersManage); !r)
        return r;
    if (auto r = PasswordHasher::checkStrength(newPassword); !r)
        return r;
    auto hash = PasswordHasher::hash(newPassword);
    if (!hash)
        return std::unexpected(hash.error());
    return inTransaction(m_db, [&]() -> Status {
        // Someone else chose it: the owner must change it at next login.
        if (auto r =
                UserRepository(m_db).setPassword(userId, *hash, userId != m_actor.userId, m_clock.nowIso());
            !r)
            return r;
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::User, QString::number(userId), AuditAction::Password);
    });
}

Status UserService::changeOwnPassword(const QString& currentPassword, const QString& newPassword)
{
    UserRepository users(m_db);
    auto stored = users.findById(m_actor.userId);
    if (!stored)
        return std::unexpected(stored.error());
    if (!*stored)
        return fail(Error::Code::NotFound, tr("This account no longer exists."));
    if (!PasswordHasher::verify((*stored)->passwordHash, currentPassword))
        return fail(Error::Code::AccessDenied, tr("The current password is wrong."));
    if (newPassword == currentPassword)
        return fail(Error::Code::InvalidInput, tr("The new password must differ from the current one."));
    if (auto r = PasswordHasher::checkStrength(newPassword); !r)
        return r;
    auto hash = PasswordHasher::hash(newPassword);
    if (!hash)
        return std::unexpected(hash.error());
    return inTransaction(m_db, [&]() -> Status {
        if (auto r = users.setPassword(m_actor.userId, *hash, false, m_clock.nowIso()); !r)
            return r;
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::User, QString::number(m_actor.userId), AuditAction::Password);
    });
}

Result<qint64> SetupService::insertDirector(const Director& d)
{
    ETABLI_TRY(UserService::validateLogin(d.login));
    ETABLI_TRY(PasswordHasher::checkStrength(d.password));
    auto hash = PasswordHasher::hash(d.password);
    if (!hash)
        return std::unexpected(hash.error());
    User user;
    user.login = d.login;
    user.displayName = d.displayName.trimmed().isEmpty() ? d.login : d.displayName;
    user.role = Role::Direction;
    auto id = UserRepository(m_db).insert(user, *hash, m_clock.nowIso());
    if (!id)
        return id;
    UserContext actor;
    actor.userId = *id;
    actor.login = user.login.trimmed();
    ChangeSet changes;
    changes.set(QStringLiteral("login"), user.login.trimmed())
        .set(QStringLiteral("role"), codeOf(Role::Direction))
        .set(QStringLiteral("password"), QString(), Privacy::Secret);
    ETABLI_TRY(AuditTrail(m_db, m_clock)
                   .record(actor, AuditEntity::User, QString::number(*id), AuditAction::Create, changes));
    return id;
}

Status SetupService::createSchool(const QString& schoolName, const Director& director,
                                  const QStringList& sections)
{
    QStringList workshops;
    for (const QString& name : sections) {
        const QString trimmed = name.simplified();
        if (trimmed.isEmpty())
            continue;
        const bool twice = std::any_of(workshops.cbegin(), workshops.cend(), [&trimmed](const QString& w) {
            return text::fold(w) == text::fold(trimmed);
        });
        if (twice)
            return fail(Error::Code::InvalidInput, tr("The workshop « %1 » is given twice.").arg(trimmed));
        workshops << trimmed;
    }
    SchoolIdentity s;
    s.name = schoolName.trimmed();
    if (auto r = SchoolService::validate(s); !r)
        return r;
    if (auto r = UserService::validateLogin(director.login); !r)
        return r;
    if (auto r = PasswordHasher::checkStrength(director.password); !r)
        return r;
    return inTransaction(m_db, [&]() -> Status {
        const QString now = m_clock.nowIso();
        ETABLI_TRY(SchoolRepository(m_db).save(s, now));
        SectionRepository repository(m_db);
        int position = 0;
        for (const QString& name : workshops) {
            Section section;
            section.name = name;
            section.position = position++;
            ETABLI_TRY(repository.insert(section, now));
        }
        auto id = insertDirector(director);
        if (!id)
            return std::unexpected(id.error());
        UserContext actor;
        actor.userId = *id;
        actor.login = director.login.trimmed();
        ChangeSet changes;
        changes.set(QStringLiteral("name"), s.name);
        return AuditTrail(m_db, m_clock)
            .record(actor, AuditEntity::School, QStringLiteral("1"), AuditAction::Create, changes);
    });
}

Status SetupService::createFirstDirector(const Director& director)
{
    return inTransaction(m_db, [&]() -> Status {
        auto n = UserRepository(m_db).count();
        if (!n)
            return std::unexpected(n.error());
        if (*n > 0)
            return fail(Error::Code::AccessDenied,
                        tr("This database already has accounts: ask the direction to create yours."));
        auto id = insertDirector(director);
        if (!id)
            return std::unexpected(id.error());
        return {};
    });
}

} // namespace etabli
