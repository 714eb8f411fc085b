#pragma once

#include "domain/user.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace etabli {

class Clock;
class Database;

// A copy of the whole database holds everyone's personal data: it needs the
// backup.run permission and leaves an audit row.
//
// Restoring a copy may take back issued invoices, credit notes, tax receipts
// and payments: it is the direction's (backup.restore). planRestore compares
// the copy with the current database and lists what the copy lacks; restore
// then refuses unless the word shown is typed; afterRestore, on the restored
// database, carries the numbering on after the highest number ever issued
// (numbers are never reused: the gap is recorded with its reason) and writes
// the restore to the log of changes.
class BackupService
{
    Q_DECLARE_TR_FUNCTIONS(BackupService)

public:
    struct Counter
    {
        QString series;
        int year = 0;
        qint64 last = 0;
    };
    struct RestorePlan
    {
        QString backupPath;
        QStringList missing;     // what the copy lacks, one French line each
        QList<Counter> counters; // the current database's numbering
        QString word;            // to type when something is missing
        bool needsConfirmation() const { return !missing.isEmpty(); }
    };

    BackupService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Status copyTo(const QString& target, bool overwrite = false);

    Result<RestorePlan> planRestore(const QString& backupPath) const;
    // Replaces the closed SQLite file `dbPath` by the copy (the current file
    // is kept aside: its new name is returned). Refused, nothing moved, when
    // the copy lacks issued documents and `typedWord` is not the plan's word.
    // Static: the database is closed meanwhile; `actor` needs backup.restore.
    static Result<QString> restore(const UserContext& actor, const QString& dbPath, const RestorePlan& plan,
                                   const QString& typedWord, const QDateTime& nowUtc);
    // On the restored database: the numbering goes on after every number ever
    // issued, and the restore is written to the log of changes.
    Status afterRestore(const RestorePlan& plan, const QString& keptAside);

private:
    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
