#pragma once

#include "util/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class QFileDevice;

namespace etabli::files {

// The French message for a file that could not be written or read, saying
// what happened (a full disk, a refused access, a missing folder) and what to do.
// `needed`: the bytes that were to be written, when known.
Error error(const QFileDevice& file, const QString& path, qint64 needed = 0);

// Writes `bytes` to `path` through a temporary file: the file is complete or
// untouched. `ownerOnly` makes it readable and writable by its owner only.
Status write(const QString& path, const QByteArray& bytes, bool ownerOnly = false);

// Files that hold the school's data — the database, backups, exports,
// archives, the log — are the owner's only (0600, folders 0700) on Linux;
// elsewhere the folder's own rights apply (docs/security.md).
bool restrictToOwner(const QString& path);
// Creates the folder (and its parents) and makes it the owner's only.
bool makePrivateFolder(const QString& path);
// For the whole process (the programs call it first): every file and folder
// it creates is its owner's only (umask 077 on Linux; nothing elsewhere).
void keepNewFilesPrivate();

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(Files)
};

} // namespace etabli::files
