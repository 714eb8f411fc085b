#include "storage/userrepository.h"

#include "storage/database.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "util/text.h"

namespace etabli {

namespace {

const QString kUserColumns = QStringLiteral("id, login, display_name, role, active, must_change_password, "
                                            "failed_attempts, locked_until, last_login_at, "
                                            "version, password_hash");

User readUser(const SqlQuery& q)
{
    User u;
    sql::RowReader col(q);
    u.id = col.int64();
    u.login = col.text();
    u.displayName = col.text();
    u.role = col.code(Role::Lecture);
    u.active = col.flag();
    u.mustChangePassword = col.flag();
    u.failedAttempts = col.integer();
    u.lockedUntil = QDateTime::fromString(col.text(), Qt::ISODate);
    u.lastLogin = QDateTime::fromString(col.text(), Qt::ISODate);
    u.version = col.integer();
    return u;
}

QVariant textOrNull(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

} // namespace

QString UserRepository::loginKey(const QString& login)
{
    return text::fold(login).remove(QLatin1Char(' '));
}

Result<std::optional<UserRepository::Stored>>
UserRepository::findOne(const QString& where, const QString& name, const QVariant& value) const
{
    std::optional<Stored> found;
    {
        SqlQuery q(m_db);
        ETABLI_TRY(q.prepare(QStringLiteral("SELECT %1 FROM app_user WHERE %2").arg(kUserColumns, where)));
        q.bind(name, value);
        ETABLI_TRY(q.exec());
        if (!q.next())
            return found;
        found = Stored{readUser(q), q.value(10).toString()};
    }
    auto s = sections(found->user.id);
    if (!s)
        return std::unexpected(s.error());
    found->user.sectionIds = *s;
    return found;
}

Result<std::optional<UserRepository::Stored>> UserRepository::findByLogin(const QString& login) const
{
    return findOne(QStringLiteral("login_key = :key"), QStringLiteral("key"), loginKey(login));
}

Result<std::optional<UserRepository::Stored>> UserRepository::findById(qint64 id) const
{
    return findOne(QStringLiteral("id = :id"), QStringLiteral("id"), id);
}

Result<QList<User>> UserRepository::list() const
{
    QList<User> users;
    {
        SqlQuery q(m_db);
        ETABLI_TRY(q.exec(QStringLiteral("SELECT %1 FROM app_user ORDER BY login_key").arg(kUserColumns)));
        while (q.next())
            users << readUser(q);
    }
    for (User& u : users) {
        auto s = sections(u.id);
        if (!s)
            return std::unexpected(s.error());
        u.sectionIds = *s;
    }
    return users;
}

Result<qint64> UserRepository::count() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT count(*) FROM app_user")));
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return v->toLongLong();
}

Result<qint64> UserRepository::insert(const User& u, const QString& passwordHash, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("INSERT INTO app_user (login, login_key, display_name, role, password_hash, "
                       "active, must_change_password, "
                       "failed_attempts, version, created_at, updated_at) VALUES (:login, :login_key, "
                       ":display_name, :role, "
                       ":password_hash, :active, :must_change, 0, 1, :now, :now) RETURNING id")));
    q.bind(QStringLiteral("login"), u.login.trimmed())
        .bind(QStringLiteral("login_key"), loginKey(u.login))
        .bind(QStringLiteral("display_name"), u.displayName.trimmed())
        .bind(QStringLiteral("role"), codeOf(u.role))
        .bind(QStringLiteral("password_hash"), passwordHash)
        .bind(QStringLiteral("active"), u.active ? 1 : 0)
        .bind(QStringLiteral("must_change"), u.mustChangePassword ? 1 : 0)
        .bind(QStringLiteral("now"), nowIso);
    auto id = q.execReturningId();
    if (!id && id.error().code == Error::Code::Conflict)
        return fail(Error::Code::Conflict, tr("The login “%1” is already taken.").arg(u.login.trimmed()));
    return id;
}

Status UserRepository::update(const User& u, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "UPDATE app_user SET display_name = :display_name, role = :role, active = :active, "
            "version = version + 1, updated_at = :now WHERE id = :id AND version = :version"));
        !r)
        return r;
    q.bind(QStringLiteral("display_name"), u.displayName.trimmed())
        .bind(QStringLiteral("role"), codeOf(u.role))
        .bind(QStringLiteral("active"), u.active ? 1 : 0)
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), u.id)
        .bind(QStringLiteral("version"), u.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(
            Error::Code::ChangedMeanwhile,
            tr("The account “%1” was changed meanwhile on another computer. Reload the list.").arg(u.login));
    return {};
}

Status UserRepository::setPassword(qint64 userId, const QString& passwordHash, bool mustChange,
                                   const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(
            QStringLiteral("UPDATE app_user SET password_hash = :hash, must_change_password = :must_change, "
                           "failed_attempts = 0, "
                           "locked_until = NULL, version = version + 1, updated_at = :now WHERE id = :id"));
        !r)
        return r;
    q.bind(QStringLiteral("hash"), passwordHash)
        .bind(QStringLiteral("must_change"), mustChange ? 1 : 0)
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), userId);
    return q.exec();
}

Status UserRepository::recordFailure(qint64 userId, int failedAttempts, const QString& lockedUntilIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "UPDATE app_user SET failed_attempts = :attempts, locked_until = :locked_until WHERE id = :id"));
        !r)
        return r;
    q.bind(QStringLiteral("attempts"), failedAttempts)
        .bind(QStringLiteral("locked_until"), textOrNull(lockedUntilIso))
        .bind(QStringLiteral("id"), userId);
    return q.exec();
}

Status UserRepository::recordLogin(qint64 userId, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("UPDATE app_user SET failed_attempts = 0, locked_until = NULL, "
                                          "last_login_at = :now WHERE id = :id"));
        !r)
        return r;
    q.bind(QStringLiteral("now"), nowIso).bind(QStringLiteral("id"), userId);
    return q.exec();
}

Result<QList<qint64>> UserRepository::sections(qint64 userId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("SELECT section_id FROM user_section WHERE user_id = :id ORDER BY section_id")));
    q.bind(QStringLiteral("id"), userId);
    ETABLI_TRY(q.exec());
    QList<qint64> out;
    while (q.next())
        out << q.value(0).toLongLong();
    return out;
}

Status UserRepository::setSections(qint64 userId, const QList<qint64>& sectionIds)
{
    SqlQuery del(m_db);
    if (auto r = del.prepare(QStringLiteral("DELETE FROM user_section WHERE user_id = :id")); !r)
        return r;
    del.bind(QStringLiteral("id"), userId);
    if (auto r = del.exec(); !r)
        return r;
    for (qint64 sectionId : sectionIds) {
        SqlQuery ins(m_db);
        if (auto r = ins.prepare(QStringLiteral(
                "INSERT INTO user_section (user_id, section_id) VALUES (:user_id, :section_id)"));
            !r)
            return r;
        ins.bind(QStringLiteral("user_id"), userId).bind(QStringLiteral("section_id"), sectionId);
        if (auto r = ins.exec(); !r)
            return r;
    }
    return {};
}

Result<QSet<QString>> UserRepository::permissions(Role role) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT permission FROM role_permission WHERE role = :role")));
    q.bind(QStringLiteral("role"), codeOf(role));
    ETABLI_TRY(q.exec());
    QSet<QString> out;
    while (q.next())
        out.insert(q.value(0).toString());
    return out;
}

} // namespace etabli
