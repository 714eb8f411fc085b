#pragma once

// A small tmpfs mounted on a temporary folder, when the tests may mount one
// (root on Linux): a disk that fills up, or a medium remounted read-only.
// Unmounted on destruction.

#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace etabli::test {

struct SmallDisk
{
    QTemporaryDir dir;
    bool mounted = false;

    explicit SmallDisk(int kib)
    {
        QProcess mount;
        mount.start(QStringLiteral("mount"),
                    {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                     QStringLiteral("size=%1k").arg(kib), QStringLiteral("tmpfs"), dir.path()});
        mounted = mount.waitForFinished(10000) && mount.exitStatus() == QProcess::NormalExit &&
                  mount.exitCode() == 0;
    }
    ~SmallDisk()
    {
        if (mounted)
            QProcess::execute(QStringLiteral("umount"), {dir.path()});
    }
    SmallDisk(const SmallDisk&) = delete;
    SmallDisk& operator=(const SmallDisk&) = delete;

    QString path(const QString& name) const { return dir.filePath(name); }
    // From now on nothing can be written on it, not even by root.
    bool makeReadOnly() const
    {
        return QProcess::execute(QStringLiteral("mount"),
                                 {QStringLiteral("-o"), QStringLiteral("remount,ro"), dir.path()}) == 0;
    }
    QStringList entries() const
    {
        return QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    }
};

} // namespace etabli::test
