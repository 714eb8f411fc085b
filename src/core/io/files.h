#pragma once

#include "util/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class QFileDevice;

namespace etabli::files {

// The French message for a file that could not be written or read, saying
// what happened (a full disk, a refused access, a missing folder) and what to do.
Error error(const QFileDevice& file, const QString& path);

// Writes `bytes` to `path` through a temporary file: the file is complete or
// untouched. `ownerOnly` makes it readable and writable by its owner only.
Status write(const QString& path, const QByteArray& bytes, bool ownerOnly = false);

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(Files)
};

} // namespace etabli::files
