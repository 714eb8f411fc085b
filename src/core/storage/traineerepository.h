#pragma once

#include "domain/trainee.h"
#include "storage/sqlquery.h"
#include "util/error.h"

#include <optional>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QVariantMap>

namespace etabli {

class Database;

// Trainees' core records. The trainees module adds search lists and the rest.
class TraineeRepository
{
    Q_DECLARE_TR_FUNCTIONS(TraineeRepository)

public:
    explicit TraineeRepository(Database& db) : m_db(db) {}

    Result<qint64> insert(const Trainee& trainee, const QString& nowIso);
    // New people at once (an import), with their first stay: their ids, in
    // order. On PostgreSQL the ids come from the sequence in one statement
    // and the rows go a hundred per statement (BatchInsert); on SQLite one by
    // one. On failure `failed` gets the rows of the statement that failed
    // (one row on SQLite), indexes into `trainees`.
    struct Failed
    {
        qsizetype first = 0;
        qsizetype last = 0;
    };
    Result<QList<qint64>> insertAll(const QList<Trainee>& trainees, const QString& nowIso,
                                    Failed* failed = nullptr);
    // Conflict when `trainee.version` is stale.
    Status update(const Trainee& trainee, const QString& nowIso);
    Result<Trainee> load(qint64 id) const;
    // Another record with the same name and birth date (0 when none).
    Result<qint64> findIdentity(const QString& lastName, const QString& firstName, const QDate& birthDate,
                                qint64 exceptId) const;
    // Every record's identity (identityKey) → its id, in one read: an import
    // checks thousands of lines against them without a query per line.
    Result<QHash<QString, qint64>> identities() const;
    // What findIdentity compares: the folded name and the birth date.
    static QString identityKey(const QString& lastName, const QString& firstName, const QDate& birthDate);
    Status setArchived(qint64 id, bool archived, const QString& nowIso);
    // Only candidates and refused applicants: Conflict otherwise.
    Status remove(qint64 id);
    Result<qint64> count() const;

    // A trainee's stays at the school, oldest first: the first entry, each
    // change of section (a "transfer" from that day on), each return after
    // leaving. Kept in step with the record by insert() and update().
    struct Stay
    {
        qint64 id = 0;
        qint64 sectionId = 0;
        StayKind kind = StayKind::Entry;
        QDate start;
        QDate end;                                // invalid: still there
        ExitReason exitReason = ExitReason::None; // still there, or moved to another section
    };
    Result<QList<Stay>> stays(qint64 traineeId) const;

    // Every stored column of one trainee, by name (for the personal-data export).
    Result<QVariantMap> row(qint64 id) const;
    struct Hit
    {
        qint64 id = 0;
        QString lastName;
        QString firstName;
        QDate birthDate;
        QString section;
        QDate exitDate; // a candidate not admitted: the decision's day
        bool anonymised = false;
        bool refused = false; // a candidate not admitted
    };
    // Accent-insensitive search on names, in French order, at most `limit`.
    Result<QList<Hit>> search(const QString& text, int limit) const;
    // Not anonymised yet: trainees who left before `leftBefore`, candidates
    // not admitted (the decision's day is their exit date) before `refusedBefore`.
    Result<QList<Hit>> retentionDue(const QDate& leftBefore, const QDate& refusedBefore) const;
    // Replaces what identifies a trainee and keeps what statistics need
    // (sex, birth year, section, cohort, dates, status).
    Status anonymise(qint64 id, const QString& nowIso);

private:
    // The stay a record starts with (none for a candidate or a refusal).
    static std::optional<Stay> firstStay(const Trainee& t);
    // Brings the stays in line with the record just written (`before`: the
    // record as it was, null for a new one). `today` dates a change of section.
    Status syncStays(const Trainee& now, const Trainee* before, const QDate& today);
    Status writeStay(const Stay& stay, qint64 traineeId);

    Database& m_db;
    // Statements kept prepared while the repository lives (an import's rows).
    mutable StatementCache m_statements{m_db};
};

} // namespace etabli
