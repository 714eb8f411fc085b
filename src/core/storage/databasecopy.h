#pragma once

#include "storage/databasecheck.h"
#include "util/error.h"

#include <functional>
#include <optional>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace etabli {

class Database;
struct DatabaseLocation;

// A whole school copied from one database to another, SQLite or PostgreSQL
// either way: moving a school onto the server, making a PostgreSQL database's
// backup as an SQLite file (decision 64).
//
// Every row is copied as it is — ids, the audit trail and the documents'
// chains with their hashes, the counters, the logo — inside one transaction
// of the target, so that a failure (a network cut, a full disk) leaves it as
// it was. The target's triggers are off meanwhile (they would refuse the
// lines of an issued invoice, or count a payment twice in the balances); the
// search tables are rebuilt by the target's own rules. Both databases must
// be of the same schema version; the target must hold no school yet.
class DatabaseCopy
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseCopy)

public:
    struct TableRows
    {
        QString table;
        qint64 source = 0;
        qint64 target = 0;
    };

    struct Outcome
    {
        QList<TableRows> tables;
        DatabaseCheck::Report check; // of the target, before it was committed
        // A file moved onto a server is marked as moved (movedTo); false when
        // it could not be written (a read-only medium): the move still stands.
        bool sourceMarked = false;
    };

    // Where a school kept in a file went: the server's database and when.
    struct MovedTo
    {
        QString where; // the server's database as shown to a user
        QDateTime at;  // UTC
    };

    // Whether `db` holds no school yet: no school, no account.
    static Result<bool> holdsNoSchool(Database& db);

    // Copies `source` (read as it stood when the copy began) into `target`;
    // `progress` is told each table's name before it is copied. Before the
    // target commits, its row counts and chains are compared with the
    // source's and it passes DatabaseCheck; otherwise nothing is kept.
    static Result<Outcome> copy(Database& source, Database& target,
                                const std::function<void(const QString&)>& progress = {});

    // Moves a school: opens `from` read-only (it must be of this version's
    // schema), makes `to` — an SQLite file that must not exist, or a
    // PostgreSQL database empty or holding no school yet — and copies. A
    // file made here is removed again when the copy fails. A file moved onto
    // a server is then marked (movedTo), so that it is not used again by
    // mistake; the mark never travels in a copy.
    static Result<Outcome> move(const DatabaseLocation& from, const DatabaseLocation& to,
                                const std::function<void(const QString&)>& progress = {});

    // Whether the server's database `to` can receive a school moved there:
    // it answers with these credentials, it is an Établi database holding no
    // school yet, and the login given owns its tables (the PCs' daily role
    // could not copy). Changes nothing. Gives the daily role remembered there
    // by etabli-cli server init, empty when none was.
    static Result<QString> readyToReceive(const DatabaseLocation& to);

    // The mark a move onto a server leaves in the file; none when the
    // school was never moved from it.
    static std::optional<MovedTo> movedTo(Database& db);

    // What differs between two databases that should hold the same school:
    // each table's row count, the last hash of each chained table. One
    // French line per difference; empty when they agree.
    static Result<QStringList> compare(Database& source, Database& target);

    // The tables a copy carries, parents before the tables that refer to
    // them (not the search tables: they are rebuilt). The schema's history
    // (schema_migrations) goes with the school.
    static Result<QStringList> tables(Database& db);

private:
    // compare(), telling each table's rows to `counted` when given.
    static Result<QStringList> compare(Database& source, Database& target, QList<TableRows>* counted);
};

} // namespace etabli
