#pragma once

#include "domain/user.h"
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
struct AuditFilter;

// The fields a write changed, old → new; sensitive values are masked.
class ChangeSet
{
public:
    ChangeSet& add(const QString& field, const QVariant& before, const QVariant& after, bool sensitive = false);
    // For a creation: every field's value.
    ChangeSet& set(const QString& field, const QVariant& value, bool sensitive = false);
    bool isEmpty() const { return m_object.isEmpty(); }
    QString toJson() const;

    static QString masked() { return QStringLiteral("•••"); }

private:
    QJsonObject m_object;
};

// Appends audit rows (inside the caller's transaction) and reads them for
// the "Journal des modifications" page.
class AuditTrail
{
    Q_DECLARE_TR_FUNCTIONS(AuditTrail)

public:
    AuditTrail(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    Status record(const UserContext& user, const QString& entity, const QString& entityId, const QString& action,
                  const ChangeSet& changes = {});

    // Requires the audit.read permission.
    Result<QList<AuditEntry>> list(const UserContext& user, const AuditFilter& filter, int limit, int offset) const;
    Result<qint64> count(const UserContext& user, const AuditFilter& filter) const;
    Result<QStringList> people(const UserContext& user) const;
    Result<QStringList> entities(const UserContext& user) const;
    // CSV (semicolon-separated, UTF-8 with BOM for spreadsheets) of the
    // filtered rows.
    Status exportCsv(const UserContext& user, const AuditFilter& filter, const QString& path) const;

    static QString entityLabel(const QString& entity);
    static QString actionLabel(const QString& action);

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace etabli
