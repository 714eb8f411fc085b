#pragma once

#include "util/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace etabli::zip {

// The members of a ZIP archive held in memory — what an .xlsx workbook is —
// found through its central directory. Stored and deflated members only (all
// a spreadsheet program writes); an encrypted member, a ZIP64 archive or a
// member that would inflate beyond `maxSize` is refused with a French message
// (a "zip bomb" never fills the memory).
class Archive
{
    Q_DECLARE_TR_FUNCTIONS(Zip)

public:
    static Result<Archive> open(QByteArray bytes);

    QStringList names() const { return m_order; }
    bool contains(const QString& name) const { return m_members.contains(name); }
    // The member's bytes, checked against its CRC-32.
    Result<QByteArray> read(const QString& name, qint64 maxSize = 256ll * 1024 * 1024) const;

private:
    struct Member
    {
        quint16 flags = 0;
        quint16 method = 0;
        quint32 crc = 0;
        quint32 compressedSize = 0;
        quint32 size = 0;
        quint32 localOffset = 0;
    };

    QByteArray m_bytes;
    QHash<QString, Member> m_members;
    QStringList m_order;
};

} // namespace etabli::zip
