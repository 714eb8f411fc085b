#pragma once

#include "util/error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace etabli {

class Database;

// Consistent copies of a live SQLite database and their restoration.
class Backup
{
    Q_DECLARE_TR_FUNCTIONS(Backup)

public:
    // VACUUM INTO a temporary file beside `target`, fsync, rename, then check
    // the copy's integrity. Refuses an existing target unless `overwrite`.
    static Status hotCopy(Database& db, const QString& target, bool overwrite = false);

    // Opens `path` read-only: an Établi database, sound, not newer than us.
    static Status verify(const QString& path);

    // Replaces the (closed) database file `dbPath` by a verified copy of
    // `backupPath`. The current file is first moved aside; returns its new
    // name. Never overwrites blind.
    static Result<QString> restore(const QString& dbPath, const QString& backupPath, const QDateTime& nowUtc);

    static Status syncFile(const QString& path);
};

} // namespace etabli
