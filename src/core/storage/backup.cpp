#include "storage/backup.h"

#include "io/files.h"
#include "storage/database.h"
#include "storage/databasecopy.h"
#include "storage/sqlquery.h"
#include "util/logging.h"

#include <filesystem>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>
#include <spdlog/spdlog.h>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace etabli {

Status Backup::syncFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return fail(Error::Code::Io, tr("Cannot write “%1”.").arg(QDir::toNativeSeparators(path)),
                    f.errorString());
#ifdef Q_OS_WIN
    const int rc = _commit(f.handle());
#else
    const int rc = ::fsync(f.handle());
#endif
    if (rc != 0)
        return fail(Error::Code::Io, tr("Cannot write “%1” to disk.").arg(QDir::toNativeSeparators(path)));
    return {};
}

namespace {

Status renameReplacing(const QString& from, const QString& to)
{
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(from.toStdU16String()),
                            std::filesystem::path(to.toStdU16String()), ec);
    if (ec)
        return fail(Error::Code::Io,
                    Backup::tr("Cannot rename “%1” to “%2”.")
                        .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(to)),
                    QString::fromStdString(ec.message()));
    return {};
}

QString uniqueTempName(const QString& target)
{
    const QFileInfo fi(target);
    QTemporaryFile tmp(fi.absolutePath() + QStringLiteral("/.") + fi.fileName() +
                       QStringLiteral(".XXXXXX.tmp"));
    tmp.setAutoRemove(true);
    if (!tmp.open())
        return {};
    const QString name = tmp.fileName();
    tmp.close();
    tmp.remove(); // VACUUM INTO refuses an existing file: keep only the unique name
    return name;
}

Status vacuumInto(Database& db, const QString& temp)
{
    SqlQuery q(db);
    ETABLI_TRY(q.prepare(QStringLiteral("VACUUM INTO :target")));
    q.bind(QStringLiteral("target"), temp);
    return q.exec();
}

Status copyFromServer(Database& db, const QString& temp)
{
    auto file = Database::open(DatabaseLocation::sqlite(temp), Database::OpenMode::CreateNew);
    if (!file)
        return std::unexpected(file.error());
    if (auto copied = DatabaseCopy::copy(db, **file); !copied)
        return std::unexpected(copied.error());
    return {};
}

} // namespace

Status Backup::hotCopy(Database& db, const QString& target, bool overwrite)
{
    const QFileInfo fi(target);
    const QString shown = QDir::toNativeSeparators(fi.absoluteFilePath());
    if (fi.absoluteFilePath() == QFileInfo(db.location().path).absoluteFilePath())
        return fail(Error::Code::InvalidInput, tr("The copy cannot replace the database itself."));
    if (fi.exists() && !overwrite)
        return fail(Error::Code::Conflict,
                    tr("The file “%1” already exists: it was not replaced.").arg(shown));
    if (!QDir(fi.absolutePath()).exists() && !files::makePrivateFolder(fi.absolutePath()))
        return fail(Error::Code::Io,
                    tr("Cannot create the folder “%1”.").arg(QDir::toNativeSeparators(fi.absolutePath())));

    const QString temp = uniqueTempName(fi.absoluteFilePath());
    if (temp.isEmpty()) {
        const QFile refused(fi.absoluteFilePath());
        return fail(files::error(refused, fi.absoluteFilePath()));
    }
    // Nothing left behind on failure, SQLite's journal of the copy included.
    const auto cleanup = [&temp]() {
        for (const QString& suffix :
             {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(temp + suffix);
    };
    {
        // VACUUM INTO fills an empty file: made first, the owner's only.
        QFile empty(temp);
        if (!empty.open(QIODevice::WriteOnly))
            return std::unexpected(files::error(empty, temp));
        empty.close();
        files::restrictToOwner(temp);
    }

    // A file is copied by SQLite itself; a server's database row by row, in
    // one snapshot, compared and checked (DatabaseCopy).
    const Status made =
        db.dialect() == Database::Dialect::PostgreSQL ? copyFromServer(db, temp) : vacuumInto(db, temp);
    if (!made) {
        cleanup();
        // Said as it happened: a full disk, a disk gone.
        if (made.error().code == Error::Code::DiskFull)
            return fail(Error::Code::DiskFull,
                        tr("The disk is full: the copy “%1” was not made. Free some space on that disk, or "
                           "choose another, then try again.")
                            .arg(shown),
                        made.error().detail);
        return fail(Error::Code::Io, tr("The copy “%1” was not made: %2").arg(shown, made.error().message),
                    made.error().detail);
    }
    files::restrictToOwner(temp); // a copy of the school's data: the owner's only
    if (auto r = syncFile(temp); !r) {
        cleanup();
        return r;
    }
    if (auto r = verify(temp); !r) {
        cleanup();
        return fail(Error::Code::Corrupt, tr("The copy “%1” failed the integrity check.").arg(shown),
                    r.error().detail);
    }
    if (auto r = renameReplacing(temp, fi.absoluteFilePath()); !r) {
        cleanup();
        return r;
    }
    logging::get("storage")->info("backup written to {}", fi.absoluteFilePath().toStdString());
    return {};
}

Status Backup::verify(const QString& path)
{
    auto opened = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::ReadOnly);
    if (!opened)
        return std::unexpected(opened.error());
    auto report = (*opened)->checkIntegrity();
    if (!report)
        return std::unexpected(report.error());
    if (report->quickCheck != QStringList{QStringLiteral("ok")} || !report->foreignKeyCheck.isEmpty())
        return fail(Error::Code::Corrupt,
                    tr("The backup “%1” is damaged.").arg(QDir::toNativeSeparators(path)),
                    (report->quickCheck + report->foreignKeyCheck).join(QLatin1Char('\n')));
    return {};
}

Result<QString> Backup::restore(const QString& dbPath, const QString& backupPath, const QDateTime& nowUtc)
{
    const QString shownBackup = QDir::toNativeSeparators(backupPath);
    if (!QFileInfo::exists(backupPath))
        return fail(Error::Code::NotFound, tr("The backup “%1” cannot be found.").arg(shownBackup));
    ETABLI_TRY(verify(backupPath));

    const QFileInfo dbInfo(dbPath);
    const QString stamp = nowUtc.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString aside = dbInfo.absoluteFilePath() + QStringLiteral(".avant-restauration-") + stamp;

    // Copy the backup beside the database first, so a failure leaves the
    // current file where it is.
    const QString temp = uniqueTempName(dbInfo.absoluteFilePath());
    if (temp.isEmpty() || !QFile::copy(backupPath, temp))
        return fail(Error::Code::Io, tr("Cannot copy the backup “%1”.").arg(shownBackup));
    if (auto r = syncFile(temp); !r) {
        QFile::remove(temp);
        return std::unexpected(r.error());
    }

    if (dbInfo.exists()) {
        if (QFileInfo::exists(aside)) {
            QFile::remove(temp);
            return fail(Error::Code::Conflict,
                        tr("“%1” already exists.").arg(QDir::toNativeSeparators(aside)));
        }
        if (auto r = renameReplacing(dbInfo.absoluteFilePath(), aside); !r) {
            QFile::remove(temp);
            return std::unexpected(r.error());
        }
        for (const char* suffix : {"-wal", "-shm"}) {
            const QString side = dbInfo.absoluteFilePath() + QLatin1String(suffix);
            if (QFileInfo::exists(side))
                (void)renameReplacing(side, aside + QLatin1String(suffix));
        }
    }
    if (auto r = renameReplacing(temp, dbInfo.absoluteFilePath()); !r) {
        // Put the original back.
        if (QFileInfo::exists(aside))
            (void)renameReplacing(aside, dbInfo.absoluteFilePath());
        QFile::remove(temp);
        return std::unexpected(r.error());
    }
    logging::get("storage")->info("restored {} from {} (previous kept as {})", dbPath.toStdString(),
                                  backupPath.toStdString(), aside.toStdString());
    return dbInfo.exists() || QFileInfo::exists(aside) ? aside : QString();
}

} // namespace etabli
