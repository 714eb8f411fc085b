#pragma once

#include "domain/audit.h"
#include "domain/datakind.h"
#include "domain/paging.h"
#include "domain/user.h"
#include "storage/auditrepository.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariant>

namespace etabli {

class Clock;
class Database;
struct AuditEntry;

// How a value is written to the trail.
enum class Privacy
{
    Plain,    // as it is
    Personal, // a keyed digest under the secret of the person it is about (decision 38)
    Secret    // masked: a password, a follow-up note, a guardian
};

// The fields a write changed, old → new.
class ChangeSet
{
public:
    ChangeSet& add(const QString& field, const QVariant& before, const QVariant& after,
                   Privacy privacy = Privacy::Plain);
    // For a creation: every field's value.
    ChangeSet& set(const QString& field, const QVariant& value, Privacy privacy = Privacy::Plain);
    bool isEmpty() const { return m_object.isEmpty() && m_personal.isEmpty(); }
    bool hasPersonal() const { return !m_personal.isEmpty(); }
    // `secret`: the person's, for the personal values (masked without one).
    QString toJson(const QByteArray& secret = {}) const;

    static QString masked() { return QStringLiteral("•••"); }

private:
    struct Personal
    {
        QString field;
        QVariant before;
        QVariant after;
    };
    QJsonObject m_object;
    QList<Personal> m_personal;
};

// Appends audit rows (inside the caller's transaction) and reads them for
// the "Journal des modifications" page.
class AuditTrail
{
    Q_DECLARE_TR_FUNCTIONS(AuditTrail)

public:
    AuditTrail(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    // `subject`: the person the personal values are about ("contact:7"),
    // when not the row's own entity and number.
    Status record(const UserContext& user, AuditEntity entity, const QString& entityId, AuditAction action,
                  const ChangeSet& changes = {}, const QString& subject = {});
    // The same action on several rows of an entity (an import's): one
    // append for all (AuditRepository::append). Each row's changes hold no
    // personal value (recorded as digests by record()).
    struct Row
    {
        QString entityId;
        ChangeSet changes;
    };
    Status recordAll(const UserContext& user, AuditEntity entity, AuditAction action, const QList<Row>& rows);
    // The records an import created, as one entry: one act, one line of the
    // trail (a hundred thousand "created" lines would bury everything else,
    // and cost a third of the import — docs/performance.md, decision 77).
    // Their numbers go as ranges in the entry's element number ("1209-1300,
    // 1302-1400", AuditRepository::idRanges); `changes` say what the import
    // was (no personal value).
    Status recordCreated(const UserContext& user, AuditEntity entity, QList<qint64> ids,
                         const ChangeSet& changes);
    // A save refused because the row changed since it was read (its
    // version): the refusal said as the trail knows it — "Modifié par Marie
    // Dupont à 10 h 42 pendant que vous le modifiiez." (ChangedMeanwhile).
    // Any other error is returned as it is.
    Error explainConflict(const Error& refused, AuditEntity entity, const QString& id) const;
    Error explainConflict(const Error& refused, AuditEntity entity, qint64 id) const
    {
        return explainConflict(refused, entity, QString::number(id));
    }
    // A save's result, its stale-version refusal explained so.
    template <class R, class Id> R explained(R saved, AuditEntity entity, const Id& id) const
    {
        if (!saved)
            return std::unexpected(explainConflict(saved.error(), entity, id));
        return saved;
    }
    // Forgets a person (retention): their digests can no longer be linked to a value.
    Status forget(const QString& subject);

    // Requires the audit.read permission.
    Result<Page<AuditEntry>> page(const UserContext& user, const AuditFilter& filter,
                                  const PageRequest& request) const;
    Result<qint64> count(const UserContext& user, const AuditFilter& filter, int cap = 10000) const;
    Result<QStringList> people(const UserContext& user) const;
    // The kinds of element the trail names (those this version knows).
    Result<QList<AuditEntity>> entities(const UserContext& user) const;
    // CSV (semicolon-separated, UTF-8 with BOM for spreadsheets) of the
    // filtered rows.
    Status exportCsv(const UserContext& user, const AuditFilter& filter, const QString& path) const;

    // Which pages an entity's change concerns (Database::noteChange).
    static DataKinds kindOf(AuditEntity entity);

private:
    // A row of the trail, its changes already written (ChangeSet::toJson).
    AuditEntry entryOf(const QString& at, const UserContext& user, AuditEntity entity,
                       const QString& entityId, AuditAction action, const QString& changes) const;

    Database& m_db;
    const Clock& m_clock;
    AuditRepository m_repository{m_db}; // its statements stay prepared across records
};

} // namespace etabli
