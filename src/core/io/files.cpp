#include "io/files.h"

#include <QDir>
#include <QFileDevice>
#include <QSaveFile>

namespace etabli::files {

Error error(const QFileDevice& file, const QString& path)
{
    const QString where = QDir::toNativeSeparators(path);
    switch (file.error()) {
    case QFileDevice::ResourceError:
        return Error::make(Error::Code::Io,
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
            Messages::tr("“%1” could not be written (%2): check the folder exists and the disk "
                         "is connected, then try again.")
                .arg(where, file.errorString()),
            file.errorString());
    }
}

Status write(const QString& path, const QByteArray& bytes, bool ownerOnly)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return std::unexpected(error(file, path));
    if (ownerOnly && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return std::unexpected(error(file, path));
    if (file.write(bytes) != bytes.size() || !file.commit())
        return std::unexpected(error(file, path));
    return {};
}

} // namespace etabli::files
