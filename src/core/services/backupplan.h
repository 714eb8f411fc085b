#pragma once

#include "util/error.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

namespace etabli {

class Database;
struct DatabaseLocation;

// The automatic backups kept beside a database: one a day (taken when the
// application closes), the last 7 days plus the newest of each of the 4
// weeks before them.
class BackupPlan
{
    Q_DECLARE_TR_FUNCTIONS(BackupPlan)

public:
    struct Entry
    {
        QString path;
        QDate date;
        qint64 size = 0;
    };

    explicit BackupPlan(const QString& databasePath);
    // The plan of a database: beside its file, or for a server's database
    // in Documents/Établi/sauvegardes of the PC that copies it, named after
    // the server's database ("ecole-serveur-2026-12-04.sqlite").
    static BackupPlan of(const DatabaseLocation& location);

    QString directory() const { return m_directory; }
    QString fileFor(const QDate& date) const;
    // Newest first.
    QList<Entry> list() const;

    // Writes today's copy (replacing an earlier one of the same day) and
    // deletes those the rotation no longer keeps. Returns the copy's path.
    Result<QString> run(Database& db, const QDate& today);

    // Pure rule: which of `dates` to keep on `today`.
    static QList<QDate> keep(const QList<QDate>& dates, const QDate& today);

private:
    QString m_directory;
    QString m_baseName;
};

} // namespace etabli
