#pragma once

#include "util/error.h"

#include <functional>
#include <memory>
#include <optional>
#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantMap>
#include <unordered_map>

namespace etabli {

class Database;

// Maps a driver error to an Error a user can read; `what` says what was being
// done ("enregistrer les paramètres").
Error storageError(const QSqlError& error, const QString& what, const QString& sql = {},
                   const Database* db = nullptr);

// QSqlQuery with the safety the drivers lack: every named placeholder of the
// statement must be bound exactly by name before exec() (an unbound one would
// silently become NULL), binding an unknown name is an error, and every
// failure comes back as an Error value.
class SqlQuery
{
    Q_DECLARE_TR_FUNCTIONS(SqlQuery)

public:
    explicit SqlQuery(const Database& db);

    Status prepare(const QString& sql);
    // Forgets the values bound, to run the prepared statement again: every
    // placeholder must be bound anew (StatementCache does it).
    void clearBindings();
    SqlQuery& bind(const QString& name, const QVariant& value);
    Status exec();
    // prepare + exec for statements without placeholders.
    Status exec(const QString& sql);

    bool next() { return m_query.next(); }
    QVariant value(int index) const { return m_query.value(index); }
    // By the column's name as the statement names it; the names are read
    // once per run (QSqlQuery reads the whole record at every call: on
    // PostgreSQL, 3 ms for a page of a hundred rows).
    QVariant value(const QString& name) const;
    int numRowsAffected() const { return m_query.numRowsAffected(); }
    void finish() { m_query.finish(); }
    void setForwardOnly(bool forward) { m_query.setForwardOnly(forward); }
    QSqlQuery& raw() { return m_query; }

    // INSERT … RETURNING id: runs and reads the new id. On SQLite a plain
    // INSERT is prepared without its RETURNING clause and the id read from
    // the connection (RETURNING made each insert about five times slower
    // with SQLite 3.40, measured: docs/performance.md); an upsert keeps it.
    Result<qint64> execReturningId();
    // Single value of a one-row SELECT (null QVariant when no row).
    Result<QVariant> execScalar();

    // "IN (…)" lists: ":p0, :p1, …" for `count` values, then bind them.
    static QString listPlaceholders(const QString& prefix, qsizetype count);
    SqlQuery& bindList(const QString& prefix, const QList<qint64>& values);

    // The named placeholders of a statement (without ':'); exposed for tests.
    static QSet<QString> placeholders(const QString& sql);
    // Tests: sees each prepared statement run, with its bound values (to
    // look at its plan); none by default. Not thread-safe: set it around reads.
    using Trace = std::function<void(const QString& sql, const QVariantMap& values)>;
    static void setTrace(Trace trace);

private:
    const Database& m_db;
    QSqlQuery m_query;
    QString m_sql;
    // The statement's placeholders: each name's slot, its ":name" as the
    // driver takes it, and which slots the current run has bound.
    QHash<QString, qsizetype> m_slots;
    QStringList m_colonNames;
    QList<bool> m_bound;
    QList<QVariant> m_values; // by slot
    // On PostgreSQL a statement run once is sent as one text, its values
    // written in as literals: one round trip where Qt's driver makes three
    // (PREPARE, EXECUTE, DEALLOCATE). StatementCache's statements, run many
    // times, stay prepared (decision 67).
    struct Use
    {
        qsizetype at;
        qsizetype length;
        qsizetype slot;
    };
    QList<Use> m_uses;
    bool m_inline = false;
    bool m_keepPrepared = false; // set by StatementCache
    qsizetype m_boundCount = 0;
    QString m_bindError;
    std::optional<Error> m_prepareError;   // kept for exec() (StatementCache)
    bool m_idFromConnection = false;       // RETURNING id left out (SQLite)
    mutable QHash<QString, int> m_columns; // by name, read at the first value(name) of a run
    mutable bool m_columnsRead = false;

    friend class StatementCache;
};

// Statements prepared once and run many times — an import writes thousands
// of rows through the same few: a repository keeps one (a member) and asks
// it for a statement instead of preparing a new SqlQuery each call. Each is
// handed out with its bindings cleared; a statement that could not be
// prepared fails at exec() with the reason. A copy starts empty.
class StatementCache
{
public:
    explicit StatementCache(const Database& db) : m_db(&db) {}
    StatementCache(const StatementCache& other) : m_db(other.m_db) {}
    StatementCache& operator=(const StatementCache& other)
    {
        m_db = other.m_db;
        m_statements.clear();
        return *this;
    }
    ~StatementCache() = default;

    SqlQuery& prepare(const QString& sql);

private:
    const Database* m_db;
    std::unordered_map<QString, std::unique_ptr<SqlQuery>> m_statements;
};

} // namespace etabli
