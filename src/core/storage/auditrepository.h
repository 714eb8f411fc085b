#pragma once

#include "util/error.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace etabli {

class Database;

struct AuditEntry
{
    qint64 id = 0;
    QString at; // ISO 8601 UTC
    qint64 userId = 0;
    QString userLogin;
    QString entity;
    QString entityId;
    QString action;
    QString changes; // JSON: {"field": ["old", "new"]}
    QString prevHash;
    QString hash;
};

struct AuditFilter
{
    QString userLogin; // exact, empty = all
    QString entity;    // exact, empty = all
    QDate from;        // inclusive, invalid = open
    QDate to;          // inclusive, invalid = open
    QString entityId;  // exact, empty = all (with `entity`)
};

// The append-only audit trail. Each row's hash covers its content and the
// previous row's hash, so that an edit, a deletion or a reordering made
// outside Établi breaks the chain at that row.
class AuditRepository
{
    Q_DECLARE_TR_FUNCTIONS(AuditRepository)

public:
    explicit AuditRepository(Database& db) : m_db(db) {}

    // Must run inside the write transaction of the change it records.
    Status append(AuditEntry entry);

    struct ChainReport
    {
        qint64 rows = 0;
        qint64 firstBadId = 0; // 0 when the chain is intact
        QString problem;
        bool ok() const { return firstBadId == 0; }
    };
    Result<ChainReport> verifyChain() const;

    // Newest first, paged in SQL.
    Result<QList<AuditEntry>> list(const AuditFilter& filter, int limit, int offset = 0) const;
    Result<qint64> count(const AuditFilter& filter) const;
    Result<QStringList> distinctValues(const QString& column) const; // "user_login" or "entity"

    static QString computeHash(const AuditEntry& entry);

private:
    Database& m_db;
};

} // namespace etabli
