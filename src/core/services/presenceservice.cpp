#include "services/presenceservice.h"

#include "storage/database.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"

#include <QSysInfo>

namespace etabli {

namespace {

// The server's clock, as the other columns store time: PCs' clocks differ.
const QString serverNow =
    QStringLiteral("to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')");

QString staleBefore()
{
    return QStringLiteral("to_char((now() - interval '%1 seconds') AT TIME ZONE 'UTC', "
                          "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")
        .arg(PresenceService::StaleAfterSeconds);
}

// This PC, as the others' lists name it.
QString computerName()
{
    const QString name = QSysInfo::machineHostName();
    return name.isEmpty() ? QStringLiteral("?") : name.left(100);
}

} // namespace

bool PresenceService::isShared() const
{
    return m_db.dialect() == Database::Dialect::PostgreSQL && !m_db.isReadOnly();
}

Result<qint64> PresenceService::join()
{
    if (!isShared() || m_actor.userId == 0)
        return 0;
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("INSERT INTO app_session (user_id, computer, started_at, seen_at) "
                                        "VALUES (:user, :computer, %1, %1) RETURNING id")
                             .arg(serverNow)));
    q.bind(QStringLiteral("user"), m_actor.userId).bind(QStringLiteral("computer"), computerName());
    ETABLI_TRY(q.exec());
    return q.next() ? q.value(0).toLongLong() : 0;
}

Status PresenceService::beat(qint64 session)
{
    if (!isShared() || session == 0)
        return {};
    SqlQuery seen(m_db);
    ETABLI_TRY(
        seen.prepare(QStringLiteral("UPDATE app_session SET seen_at = %1 WHERE id = :id").arg(serverNow)));
    seen.bind(QStringLiteral("id"), session);
    ETABLI_TRY(seen.exec());
    if (seen.numRowsAffected() == 0) {
        // Dropped as gone (a long sleep, a network cut): back again.
        SqlQuery again(m_db);
        ETABLI_TRY(again.prepare(
            QStringLiteral("INSERT INTO app_session (id, user_id, computer, started_at, seen_at) SELECT :id, "
                           ":user, :computer, %1, %1 WHERE EXISTS (SELECT 1 FROM app_user WHERE id = :user2)")
                .arg(serverNow)));
        again.bind(QStringLiteral("id"), session)
            .bind(QStringLiteral("user"), m_actor.userId)
            .bind(QStringLiteral("user2"), m_actor.userId)
            .bind(QStringLiteral("computer"), computerName());
        ETABLI_TRY(again.exec());
    }
    SqlQuery gone(m_db);
    return gone.exec(QStringLiteral("DELETE FROM app_session WHERE seen_at < %1").arg(staleBefore()));
}

Status PresenceService::leave(qint64 session)
{
    if (!isShared() || session == 0)
        return {};
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("DELETE FROM app_session WHERE id = :id")));
    q.bind(QStringLiteral("id"), session);
    return q.exec();
}

Result<QList<PresenceService::Presence>> PresenceService::others(qint64 session) const
{
    QList<Presence> out;
    if (!isShared())
        return out;
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("SELECT u.display_name, u.login, s.computer, s.started_at FROM app_session s "
                       "JOIN app_user u ON u.id = s.user_id WHERE s.id <> :id AND s.seen_at >= %1 "
                       "ORDER BY s.started_at, s.id")
            .arg(staleBefore())));
    q.bind(QStringLiteral("id"), session);
    ETABLI_TRY(q.exec());
    while (q.next()) {
        sql::RowReader r(q);
        Presence p;
        p.displayName = r.text();
        p.login = r.text();
        p.computer = r.text();
        p.since = QDateTime::fromString(r.text(), Qt::ISODate);
        out << p;
    }
    return out;
}

} // namespace etabli
