#include "io/zip.h"

#include <QtEndian>
#include <zlib.h>

namespace etabli::zip {

namespace {

constexpr quint32 endOfDirectorySignature = 0x06054b50;
constexpr quint32 directorySignature = 0x02014b50;
constexpr quint32 localSignature = 0x04034b50;
constexpr qsizetype endOfDirectorySize = 22;
constexpr qsizetype directoryEntrySize = 46;
constexpr qsizetype localHeaderSize = 30;

quint16 u16(const QByteArray& b, qsizetype at)
{
    return qFromLittleEndian<quint16>(b.constData() + at);
}

quint32 u32(const QByteArray& b, qsizetype at)
{
    return qFromLittleEndian<quint32>(b.constData() + at);
}

std::unexpected<Error> damaged()
{
    return fail(Error::Code::Corrupt,
                Archive::tr("The file is not a readable workbook: its ZIP structure is damaged or cut short. "
                            "Open it in the spreadsheet program and save it again."));
}

} // namespace

Result<Archive> Archive::open(QByteArray bytes)
{
    Archive archive;
    archive.m_bytes = std::move(bytes);
    const QByteArray& b = archive.m_bytes;
    if (b.size() < endOfDirectorySize)
        return damaged();
    // The end record is the last 22 bytes, unless a comment (≤ 65 535 bytes) follows it.
    qsizetype end = -1;
    const qsizetype lowest = std::max<qsizetype>(0, b.size() - endOfDirectorySize - 0xffff);
    for (qsizetype at = b.size() - endOfDirectorySize; at >= lowest; --at) {
        if (u32(b, at) == endOfDirectorySignature) {
            end = at;
            break;
        }
    }
    if (end < 0)
        return damaged();
    const quint16 count = u16(b, end + 10);
    const quint32 directorySize = u32(b, end + 12);
    const quint32 directoryOffset = u32(b, end + 16);
    if (count == 0xffff || directoryOffset == 0xffffffff)
        return fail(Error::Code::InvalidInput,
                    tr("The workbook is a ZIP64 archive, which Établi does not read. Save it again as a "
                       "usual .xlsx file or as CSV."));
    if (qint64(directoryOffset) + directorySize > end)
        return damaged();
    qsizetype at = directoryOffset;
    for (int i = 0; i < count; ++i) {
        if (at + directoryEntrySize > end || u32(b, at) != directorySignature)
            return damaged();
        Member m;
        m.flags = u16(b, at + 8);
        m.method = u16(b, at + 10);
        m.crc = u32(b, at + 16);
        m.compressedSize = u32(b, at + 20);
        m.size = u32(b, at + 24);
        const quint16 nameLength = u16(b, at + 28);
        const quint16 extraLength = u16(b, at + 30);
        const quint16 commentLength = u16(b, at + 32);
        m.localOffset = u32(b, at + 42);
        if (at + directoryEntrySize + nameLength > end)
            return damaged();
        const QString name = QString::fromUtf8(b.constData() + at + directoryEntrySize, nameLength);
        archive.m_members.insert(name, m);
        archive.m_order << name;
        at += directoryEntrySize + nameLength + extraLength + commentLength;
    }
    return archive;
}

Result<QByteArray> Archive::read(const QString& name, qint64 maxSize) const
{
    const auto found = m_members.constFind(name);
    if (found == m_members.cend())
        return fail(Error::Code::NotFound, tr("The workbook has no part “%1”.").arg(name));
    const Member& m = *found;
    if (m.flags & 0x1)
        return fail(
            Error::Code::InvalidInput,
            tr("The workbook is protected by a password. Save it without a password, then import it."));
    if (m.size > maxSize)
        return fail(Error::Code::InvalidInput,
                    tr("The part “%1” of the workbook is too large (%2 MB once decompressed).")
                        .arg(name)
                        .arg(m.size / (1024 * 1024)));
    const QByteArray& b = m_bytes;
    const qsizetype local = m.localOffset;
    if (local + localHeaderSize > b.size() || u32(b, local) != localSignature)
        return damaged();
    const qsizetype data = local + localHeaderSize + u16(b, local + 26) + u16(b, local + 28);
    if (data + qint64(m.compressedSize) > b.size())
        return damaged();
    QByteArray out;
    if (m.method == 0) {
        if (m.compressedSize != m.size)
            return damaged();
        out = b.mid(data, m.size);
    } else if (m.method == 8) {
        out.resize(m.size);
        z_stream z{};
        if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
            return fail(Error::Code::Generic, tr("The decompression could not start (not enough memory?)."));
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(b.constData() + data));
        z.avail_in = m.compressedSize;
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = m.size;
        const int rc = inflate(&z, Z_FINISH);
        const uLong written = z.total_out;
        inflateEnd(&z);
        // Exactly the size the directory announced, not a byte more.
        if (rc != Z_STREAM_END || written != m.size)
            return damaged();
    } else {
        return fail(Error::Code::InvalidInput,
                    tr("The workbook uses a compression Établi does not read (method %1). Save it again as "
                       "a usual .xlsx file or as CSV.")
                        .arg(m.method));
    }
    if (crc32(0L, reinterpret_cast<const Bytef*>(out.constData()), static_cast<uInt>(out.size())) != m.crc)
        return damaged();
    return out;
}

} // namespace etabli::zip
