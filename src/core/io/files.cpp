#include "io/files.h"

#include <algorithm>
#include <QDir>
#include <QFile>
#include <QFileDevice>
#include <QFileInfo>
#include <QSaveFile>
#include <QStorageInfo>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace etabli::files {

Error error(const QFileDevice& file, const QString& path, qint64 needed)
{
    const QString where = QDir::toNativeSeparators(path);
    const QString folder = QFileInfo(path).absolutePath();
    if (QStorageInfo(folder).isReadOnly() || (QFileInfo(folder).isDir() && !QFileInfo(folder).isWritable()))
        return Error::make(
            Error::Code::ReadOnly,
            Messages::tr("The folder “%1” is read-only (a CD, a USB key locked against "
                         "writing, a protected folder): “%2” could not be written in it. Choose "
                         "a folder you may write in.")
                .arg(QDir::toNativeSeparators(folder), QFileInfo(path).fileName()),
            file.errorString());
    // A write refused for want of space is often reported as a plain write
    // error, or none (QSaveFile's commit): the disk's free space says what happened.
    const bool full =
        file.error() == QFileDevice::ResourceError ||
        (file.error() != QFileDevice::PermissionsError &&
         QStorageInfo(QFileInfo(path).absolutePath()).bytesAvailable() < std::max<qint64>(needed, 64 * 1024));
    switch (full ? QFileDevice::ResourceError : file.error()) {
    case QFileDevice::ResourceError:
        return Error::make(Error::Code::DiskFull,
                           Messages::tr("The disk is full: “%1” could not be written. Free some space (or "
                                        "choose another disk), then try again.")
                               .arg(where),
                           file.errorString());
    case QFileDevice::PermissionsError:
        return Error::make(
            Error::Code::Io,
            Messages::tr("Access to “%1” is refused: choose a folder you may write in.").arg(where),
            file.errorString());
    default:
        return Error::make(
            Error::Code::Io,
            Messages::tr("“%1” could not be written: check that the folder exists and that the disk "
                         "is connected, then try again.")
                .arg(where),
            file.errorString());
    }
}

bool restrictToOwner(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return false;
    const QFileDevice::Permissions owner =
        info.isDir() ? QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                     : QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    return QFile::setPermissions(path, owner);
}

void keepNewFilesPrivate()
{
#ifdef Q_OS_UNIX
    umask(S_IRWXG | S_IRWXO);
#endif
}

bool makePrivateFolder(const QString& path)
{
    return QDir().mkpath(path) && restrictToOwner(path);
}

Status write(const QString& path, const QByteArray& bytes, bool ownerOnly)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(error(file, path));
    if (ownerOnly && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return std::unexpected(error(file, path));
    if (file.write(bytes) != bytes.size() || !file.commit())
        return std::unexpected(error(file, path, bytes.size()));
    return {};
}

} // namespace etabli::files
