#include "io/csv.h"

#include <algorithm>
#include <QRegularExpression>
#include <QStringDecoder>

namespace etabli::csv {

namespace {

constexpr qsizetype kMaxFile = 20 * 1024 * 1024;
constexpr qsizetype kMaxField = 1024 * 1024;

// Windows-1252 bytes 0x80–0x9F (0 = undefined); the rest is Latin-1.
constexpr char16_t kCp1252[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                  0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

} // namespace

Result<QString> decodeText(const QByteArray& raw, QString* encoding)
{
    // "Unicode text" from a spreadsheet is UTF-16: with its BOM, or without
    // one, recognised by the zero byte beside each ASCII character.
    const auto zeros = [&raw](int parity) {
        qsizetype n = 0;
        const qsizetype probe = std::min<qsizetype>(raw.size(), 400);
        for (qsizetype i = parity; i < probe; i += 2)
            n += raw.at(i) == '\0' ? 1 : 0;
        return n * 4 >= probe / 2 * 3 && probe >= 4; // three in four
    };
    const bool le = raw.startsWith("\xFF\xFE") || (!raw.startsWith("\xFE\xFF") && zeros(1));
    const bool be = raw.startsWith("\xFE\xFF") || (!raw.startsWith("\xFF\xFE") && zeros(0));
    if (le || be) {
        QStringDecoder utf16(le ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE,
                             QStringDecoder::Flag::Stateless);
        QString text = utf16(raw);
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        if (utf16.hasError())
            return fail(
                Error::Code::InvalidInput,
                Messages::tr("UTF-16: the file is damaged. Save the file as UTF-8 or as Windows CSV."));
        *encoding = QStringLiteral("UTF-16");
        return text;
    }
    QByteArray bytes = raw;
    const bool bom = bytes.startsWith("\xEF\xBB\xBF");
    if (bom)
        bytes.remove(0, 3);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(bytes);
    if (!utf8.hasError()) {
        *encoding = QStringLiteral("UTF-8");
        return text;
    }
    // Not UTF-8. A BOM, or valid multi-byte sequences elsewhere, mean a
    // damaged UTF-8 file rather than a Windows one.
    bool utf8Sequences = false;
    for (qsizetype i = 0; i + 1 < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes.at(i));
        const auto n = static_cast<unsigned char>(bytes.at(i + 1));
        if (b >= 0xC2 && b <= 0xF4 && (n & 0xC0) == 0x80) {
            utf8Sequences = true;
            break;
        }
    }
    if (bom || utf8Sequences)
        return fail(
            Error::Code::InvalidInput,
            Messages::tr("The file is damaged: it is UTF-8 with invalid characters. Export it again from the "
                         "spreadsheet."));
    text.clear();
    text.reserve(bytes.size());
    for (const char c : std::as_const(bytes)) {
        const auto b = static_cast<unsigned char>(c);
        if (b >= 0x80 && b <= 0x9F) {
            const char16_t u = kCp1252[b - 0x80];
            if (u == 0)
                return fail(Error::Code::InvalidInput,
                            Messages::tr("The file's encoding is neither UTF-8 nor Windows-1252."));
            text += QChar(u);
        } else {
            text += QChar(static_cast<char16_t>(b));
        }
    }
    *encoding = QStringLiteral("Windows-1252");
    return text;
}

bool looksLikeFormula(const QString& cell)
{
    if (cell.isEmpty())
        return false;
    const QChar c = cell.front();
    if (c != QLatin1Char('=') && c != QLatin1Char('+') && c != QLatin1Char('-') && c != QLatin1Char('@') &&
        c != QLatin1Char('\t') && c != QLatin1Char('\r'))
        return false;
    // A plain number ("-12,50", an amount of a credit note) is data, not a formula.
    static const QRegularExpression number(QStringLiteral("^-?[0-9]+([.,][0-9]+)?$"));
    return !number.match(cell).hasMatch();
}

Result<Table> parse(const QByteArray& bytes)
{
    if (bytes.size() > kMaxFile)
        return fail(Error::Code::InvalidInput, Messages::tr("The file is too large (20 MB at most)."));
    Table table;
    auto text = decodeText(bytes, &table.encoding);
    if (!text)
        return std::unexpected(text.error());
    // Looked for once decoded: UTF-16 has a zero byte beside each ASCII character.
    const qsizetype nul = text->indexOf(QChar(0));
    if (nul >= 0) {
        const int line = static_cast<int>(text->left(nul).count(QLatin1Char('\n'))) + 1;
        return fail(
            Error::Code::InvalidInput,
            Messages::tr("Line %1: the file contains a NUL character; it is not a text file.").arg(line));
    }

    // The separator: the one of ';' and ',' that the header line has more of.
    int semicolons = 0;
    int commas = 0;
    bool inQuotes = false;
    for (const QChar c : std::as_const(*text)) {
        if (c == QLatin1Char('"'))
            inQuotes = !inQuotes;
        else if (!inQuotes && (c == QLatin1Char('\n') || c == QLatin1Char('\r')))
            break;
        else if (!inQuotes && c == QLatin1Char(';'))
            ++semicolons;
        else if (!inQuotes && c == QLatin1Char(','))
            ++commas;
    }
    table.separator = semicolons >= commas ? QLatin1Char(';') : QLatin1Char(',');

    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    const QString& s = *text;
    const auto endField = [&]() {
        record << field;
        field.clear();
        fieldStarted = false;
    };
    const auto endRecord = [&]() {
        endField();
        const bool blank = record.size() == 1 && record.first().trimmed().isEmpty();
        if (!blank) {
            if (table.header.isEmpty()) {
                table.header = record;
            } else {
                table.rows << record;
                table.lines << recordLine;
            }
        }
        record.clear();
    };
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < s.size() && s.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            if (fieldStarted && !field.trimmed().isEmpty())
                return fail(Error::Code::InvalidInput,
                            Messages::tr("Line %1: a quote in the middle of a field.").arg(line));
            quoted = true;
            fieldStarted = true;
        } else if (c == table.separator) {
            endField();
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < s.size() && s.at(i + 1) == QLatin1Char('\n'))
                ++i;
            endRecord();
            ++line;
            recordLine = line;
        } else {
            field += c;
            fieldStarted = true;
        }
        if (field.size() > kMaxField)
            return fail(Error::Code::InvalidInput,
                        Messages::tr("Line %1: a field is longer than 1 MB.").arg(line));
    }
    if (quoted)
        return fail(Error::Code::InvalidInput,
                    Messages::tr("Line %1: a quote is opened and never closed.").arg(recordLine));
    if (!field.isEmpty() || !record.isEmpty())
        endRecord();
    if (table.header.isEmpty())
        return fail(Error::Code::InvalidInput, Messages::tr("The file is empty."));
    return table;
}

QByteArray write(const QStringList& header, const QList<QStringList>& rows)
{
    QByteArray out("\xEF\xBB\xBF");
    const auto line = [&out](const QStringList& cells) {
        QStringList escaped;
        for (QString cell : cells) {
            if (looksLikeFormula(cell))
                cell.prepend(QLatin1Char('\''));
            if (cell.contains(QLatin1Char(';')) || cell.contains(QLatin1Char('"')) ||
                cell.contains(QLatin1Char('\n')) || cell.contains(QLatin1Char('\r'))) {
                cell.replace(QLatin1Char('"'), QStringLiteral("\"\""));
                cell = QLatin1Char('"') + cell + QLatin1Char('"');
            }
            escaped << cell;
        }
        out += escaped.join(QLatin1Char(';')).toUtf8() + "\r\n";
    };
    line(header);
    for (const QStringList& r : rows)
        line(r);
    return out;
}

} // namespace etabli::csv
