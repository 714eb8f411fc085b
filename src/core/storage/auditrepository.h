#pragma once

#include "domain/audit.h"
#include "domain/paging.h"
#include "storage/batchinsert.h"
#include "storage/sqlquery.h"
#include "util/error.h"

#include <limits>
#include <memory>
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
    QString userLogin;                 // exact, empty = all
    std::optional<AuditEntity> entity; // none = all
    QDate from;                        // inclusive, invalid = open
    QDate to;                          // inclusive, invalid = open
    QString entityId;                  // exact, empty = all (with `entity`)
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
    // Several rows at once, in order (an import's): the chain's tip read and
    // its counter written once for all of them.
    Status append(QList<AuditEntry> entries);

    struct ChainReport
    {
        qint64 rows = 0;
        qint64 firstBadId = 0; // 0 when the chain is intact
        QString problem;
        bool ok() const { return firstBadId == 0; }
    };
    Result<ChainReport> verifyChain() const;

    // Newest first, paged in SQL.
    // A page of the trail, newest first (keyset: see sql::PagedQuery); counted up to `cap`.
    Result<Page<AuditEntry>> page(const AuditFilter& filter, const PageRequest& request) const;
    // Exact unless a cap is given.
    Result<qint64> count(const AuditFilter& filter, int cap = std::numeric_limits<int>::max() - 1) const;
    // The newest `limit` rows the filter chooses (the first page).
    Result<QList<AuditEntry>> latest(const AuditFilter& filter, int limit) const;
    Result<QStringList> distinctValues(const QString& column) const; // "user_login" or "entity"

    static QString computeHash(const AuditEntry& entry);

    // Records created together (an import) are one entry whose element
    // number lists them as ranges: "1209-1300,1302" from ids in any order;
    // whether such a text names `id`; and the entries of `entity` whose
    // ranges name `id` (a person's access export lists how they came in).
    static QString idRanges(QList<qint64> ids);
    static bool rangesCover(const QString& ranges, qint64 id);
    Result<QList<AuditEntry>> createdCovering(AuditEntity entity, qint64 id) const;

    // Personal data in the trail (decision 38): a personal value is written
    // as a keyed digest, "hmac:" and 12 hex digits of HMAC-SHA-256 under the
    // secret of the person it is about ("trainee:42", "contact:7"). The
    // digests of one person's values can be told apart — the trail proves
    // that and when a field changed — but not read; forgetting the person
    // deletes the secret, and nothing can link the digests to a value again.
    static QString personalDigest(const QByteArray& secret, const QString& field, const QString& value);
    static bool isDigest(const QString& value);
    // The person's secret, created on first use (inside the caller's transaction).
    Result<QByteArray> subjectSecret(const QString& subject);
    // Deletes the person's secret; true if there was one.
    Result<bool> forgetSubject(const QString& subject);

    // Schema 22: the personal values rows written before it hold in clear
    // become digests, the secrets of persons already anonymised are
    // forgotten, and the chain is sealed again from the first row that
    // changed; a last row records the step and the previous chain's head.
    Status digestLegacyPersonalValues(const QString& nowIso);

private:
    Database& m_db;
    // Statements kept prepared while the repository lives (an import's rows).
    mutable StatementCache m_statements{m_db};
    std::unique_ptr<BatchInsert> m_rows; // made at the first append
};

} // namespace etabli
