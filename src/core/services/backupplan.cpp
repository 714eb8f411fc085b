#include "services/backupplan.h"

#include "io/files.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/databaselocation.h"

#include <algorithm>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <set>

namespace etabli {

BackupPlan::BackupPlan(const QString& databasePath)
{
    const QFileInfo fi(databasePath);
    m_directory = QDir(fi.absolutePath()).filePath(QStringLiteral("sauvegardes"));
    m_baseName = fi.completeBaseName();
}

BackupPlan BackupPlan::of(const DatabaseLocation& location)
{
    if (location.isSqlite())
        return BackupPlan(location.path);
    return BackupPlan(QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                          .filePath(QStringLiteral("Établi/%1-serveur.sqlite").arg(location.databaseName)));
}

QString BackupPlan::fileFor(const QDate& date) const
{
    return QDir(m_directory)
        .filePath(QStringLiteral("%1-%2.sqlite").arg(m_baseName, date.toString(Qt::ISODate)));
}

QList<BackupPlan::Entry> BackupPlan::list() const
{
    QList<Entry> out;
    const QRegularExpression pattern(
        QStringLiteral("^%1-(\\d{4}-\\d{2}-\\d{2})\\.sqlite$").arg(QRegularExpression::escape(m_baseName)));
    const QDir dir(m_directory);
    for (const QFileInfo& fi : dir.entryInfoList({QStringLiteral("*.sqlite")}, QDir::Files)) {
        const auto m = pattern.match(fi.fileName());
        if (!m.hasMatch())
            continue;
        const QDate d = QDate::fromString(m.captured(1), Qt::ISODate);
        if (d.isValid())
            out << Entry{fi.absoluteFilePath(), d, fi.size()};
    }
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.date > b.date; });
    return out;
}

QList<QDate> BackupPlan::keep(const QList<QDate>& dates, const QDate& today)
{
    QList<QDate> sorted = dates;
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    QList<QDate> kept;
    std::set<std::pair<int, int>> weeks;
    for (const QDate& d : sorted) {
        if (d > today)
            continue;
        if (d.daysTo(today) < 7) {
            kept << d;
            continue;
        }
        int isoYear = 0;
        const int week = d.weekNumber(&isoYear);
        const auto key = std::make_pair(isoYear, week);
        if (weeks.contains(key))
            continue; // an newer copy of that week is kept already
        if (weeks.size() >= 4)
            continue;
        weeks.insert(key);
        kept << d;
    }
    return kept;
}

Result<QString> BackupPlan::run(Database& db, const QDate& today)
{
    const QString target = fileFor(today);
    // The copies of the school's data: a folder only its owner opens.
    files::makePrivateFolder(m_directory);
    ETABLI_TRY(Backup::hotCopy(db, target, true));
    const QList<Entry> entries = list();
    QList<QDate> dates;
    for (const auto& e : entries)
        dates << e.date;
    const QList<QDate> kept = keep(dates, today);
    for (const auto& e : entries) {
        if (!kept.contains(e.date))
            QFile::remove(e.path);
    }
    return target;
}

} // namespace etabli
