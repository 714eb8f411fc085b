#include "io/sheetreader.h"

#include "io/zip.h"

#include <cmath>
#include <QDate>
#include <QHash>
#include <QXmlStreamReader>

namespace etabli::sheet {

namespace {

// 1899-12-30 is day 0 of Excel's (Windows) calendar, which counts a
// 29 February 1900 that never was: from 1 March 1900 on, this origin is right.
const QDate excelEpoch(1899, 12, 30);

std::unexpected<Error> notAWorkbook(const QString& why)
{
    return fail(Error::Code::InvalidInput,
                Messages::tr("The workbook cannot be read (%1). Open it in the spreadsheet program and save "
                             "it again as .xlsx or as CSV.")
                    .arg(why));
}

// The part a relationship points to: "worksheets/sheet1.xml" is under xl/,
// "/xl/worksheets/sheet1.xml" is absolute.
QString partPath(const QString& target)
{
    if (target.startsWith(QLatin1Char('/')))
        return target.mid(1);
    return QStringLiteral("xl/") + target;
}

// The first sheet in the workbook's order (the tab on the left).
Result<QString> firstSheetPath(const zip::Archive& archive)
{
    auto workbook = archive.read(QStringLiteral("xl/workbook.xml"));
    if (!workbook)
        return std::unexpected(workbook.error());
    QString relation;
    QXmlStreamReader xml(*workbook);
    while (!xml.atEnd() && relation.isEmpty()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("sheet")) {
            for (const QXmlStreamAttribute& a : xml.attributes()) {
                if (a.name() == QLatin1String("id"))
                    relation = a.value().toString();
            }
        }
    }
    if (xml.hasError())
        return notAWorkbook(xml.errorString());
    if (relation.isEmpty())
        return notAWorkbook(Messages::tr("no sheet"));
    auto relations = archive.read(QStringLiteral("xl/_rels/workbook.xml.rels"));
    if (!relations)
        return std::unexpected(relations.error());
    QXmlStreamReader rels(*relations);
    while (!rels.atEnd()) {
        if (rels.readNext() == QXmlStreamReader::StartElement &&
            rels.name() == QLatin1String("Relationship") &&
            rels.attributes().value(QLatin1String("Id")) == relation)
            return partPath(rels.attributes().value(QLatin1String("Target")).toString());
    }
    return notAWorkbook(Messages::tr("the first sheet is missing"));
}

// Every shared string, rich runs joined, phonetic hints left out.
Result<QStringList> sharedStrings(const zip::Archive& archive)
{
    QStringList strings;
    const QString name = QStringLiteral("xl/sharedStrings.xml");
    if (!archive.contains(name))
        return strings;
    auto bytes = archive.read(name);
    if (!bytes)
        return std::unexpected(bytes.error());
    QXmlStreamReader xml(*bytes);
    QString current;
    int phonetic = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == QLatin1String("si"))
                current.clear();
            else if (xml.name() == QLatin1String("rPh"))
                ++phonetic;
            else if (xml.name() == QLatin1String("t") && phonetic == 0)
                current += xml.readElementText();
        } else if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == QLatin1String("si"))
                strings << current;
            else if (xml.name() == QLatin1String("rPh"))
                --phonetic;
        }
    }
    if (xml.hasError())
        return notAWorkbook(xml.errorString());
    return strings;
}

// Whether a number format shows a date: the built-in ones (14 to 22, 45 to
// 47) or a format of the workbook's own with a day or a year in it, once its
// quoted texts and [colours] are set aside.
bool isDateFormat(int id, const QString& code)
{
    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))
        return true;
    bool quoted = false;
    bool bracket = false;
    for (const QChar c : code) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && c == QLatin1Char('['))
            bracket = true;
        else if (!quoted && c == QLatin1Char(']'))
            bracket = false;
        else if (!quoted && !bracket &&
                 (c == QLatin1Char('d') || c == QLatin1Char('D') || c == QLatin1Char('y') ||
                  c == QLatin1Char('Y')))
            return true;
    }
    return false;
}

// For each cell style (the s="…" of a cell), whether it shows a date.
Result<QList<bool>> dateStyles(const zip::Archive& archive)
{
    QList<bool> dates;
    const QString name = QStringLiteral("xl/styles.xml");
    if (!archive.contains(name))
        return dates;
    auto bytes = archive.read(name);
    if (!bytes)
        return std::unexpected(bytes.error());
    QHash<int, QString> formats;
    bool inCellStyles = false;
    QXmlStreamReader xml(*bytes);
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const auto a = xml.attributes();
            if (xml.name() == QLatin1String("numFmt"))
                formats.insert(a.value(QLatin1String("numFmtId")).toInt(),
                               a.value(QLatin1String("formatCode")).toString());
            else if (xml.name() == QLatin1String("cellXfs"))
                inCellStyles = true;
            else if (xml.name() == QLatin1String("xf") && inCellStyles) {
                const int id = a.value(QLatin1String("numFmtId")).toInt();
                dates << isDateFormat(id, formats.value(id));
            }
        } else if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("cellXfs")) {
            inCellStyles = false;
        }
    }
    if (xml.hasError())
        return notAWorkbook(xml.errorString());
    return dates;
}

QString frenchNumber(const QString& raw)
{
    bool ok = false;
    const double v = raw.toDouble(&ok);
    if (!ok)
        return raw;
    if (std::abs(v) < 1e15 && v == std::floor(v))
        return QString::number(static_cast<qint64>(v));
    return QString::number(v, 'g', 15).replace(QLatin1Char('.'), QLatin1Char(','));
}

QString frenchDate(const QString& raw)
{
    bool ok = false;
    const double serial = raw.toDouble(&ok);
    if (!ok || serial < 1 || serial > 2958465) // 31/12/9999
        return frenchNumber(raw);
    return excelEpoch.addDays(static_cast<qint64>(std::floor(serial))).toString(QStringLiteral("dd/MM/yyyy"));
}

} // namespace

int columnIndex(QStringView letters)
{
    int index = 0;
    for (const QChar c : letters) {
        if (c < QLatin1Char('A') || c > QLatin1Char('Z'))
            break;
        index = index * 26 + (c.unicode() - 'A' + 1);
    }
    return index - 1;
}

Result<csv::Table> readXlsx(const QByteArray& bytes)
{
    auto archive = zip::Archive::open(bytes);
    if (!archive)
        return std::unexpected(archive.error());
    if (!archive->contains(QStringLiteral("xl/workbook.xml")))
        return notAWorkbook(Messages::tr("it is a ZIP file, but not an Excel workbook"));
    auto path = firstSheetPath(*archive);
    if (!path)
        return std::unexpected(path.error());
    auto strings = sharedStrings(*archive);
    if (!strings)
        return std::unexpected(strings.error());
    auto dates = dateStyles(*archive);
    if (!dates)
        return std::unexpected(dates.error());
    auto sheetXml = archive->read(*path);
    if (!sheetXml)
        return std::unexpected(sheetXml.error());

    csv::Table table;
    table.encoding = QStringLiteral("XLSX");
    bool haveHeader = false;
    QStringList cells;
    int rowNumber = 0;
    int nextColumn = 0;
    QXmlStreamReader xml(*sheetXml);
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement && xml.name() == QLatin1String("row")) {
            const QStringView r = xml.attributes().value(QLatin1String("r"));
            rowNumber = r.isEmpty() ? rowNumber + 1 : r.toInt();
            cells.clear();
            nextColumn = 0;
        } else if (token == QXmlStreamReader::StartElement && xml.name() == QLatin1String("c")) {
            const auto a = xml.attributes();
            const QStringView reference = a.value(QLatin1String("r"));
            const int column = reference.isEmpty() ? nextColumn : columnIndex(reference);
            const QString type = a.value(QLatin1String("t")).toString();
            const int style = a.value(QLatin1String("s")).toInt();
            QString value;
            QString inlineText;
            // The cell's <v> (its value) or <is><t> (an inline text); a formula's <f> is ignored.
            while (!xml.atEnd()) {
                const auto inner = xml.readNext();
                if (inner == QXmlStreamReader::EndElement && xml.name() == QLatin1String("c"))
                    break;
                if (inner != QXmlStreamReader::StartElement)
                    continue;
                if (xml.name() == QLatin1String("v"))
                    value = xml.readElementText();
                else if (xml.name() == QLatin1String("t"))
                    inlineText += xml.readElementText();
            }
            QString text;
            if (type == QLatin1String("s")) {
                bool ok = false;
                const int i = value.toInt(&ok);
                if (!ok || i < 0 || i >= strings->size())
                    return notAWorkbook(Messages::tr("the cell %1 points to no text").arg(reference));
                text = strings->at(i);
            } else if (type == QLatin1String("inlineStr")) {
                text = inlineText;
            } else if (type == QLatin1String("str") || type == QLatin1String("e")) {
                text = value;
            } else if (type == QLatin1String("b")) {
                text = value == QLatin1String("1") ? QStringLiteral("oui") : QStringLiteral("non");
            } else if (type == QLatin1String("d")) {
                const QDate d = QDate::fromString(value.left(10), Qt::ISODate);
                text = d.isValid() ? d.toString(QStringLiteral("dd/MM/yyyy")) : value;
            } else if (!value.isEmpty()) {
                text = style >= 0 && style < dates->size() && dates->at(style) ? frenchDate(value)
                                                                               : frenchNumber(value);
            }
            if (column < 0 || column > 16383)
                return notAWorkbook(Messages::tr("the cell reference “%1” is not valid").arg(reference));
            while (cells.size() <= column)
                cells << QString();
            cells[column] = text;
            nextColumn = column + 1;
        } else if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("row")) {
            const bool empty = std::all_of(cells.cbegin(), cells.cend(),
                                           [](const QString& c) { return c.trimmed().isEmpty(); });
            if (empty)
                continue;
            if (!haveHeader) {
                table.header = cells;
                haveHeader = true;
            } else {
                table.rows << cells;
                table.lines << rowNumber;
            }
        }
    }
    if (xml.hasError())
        return notAWorkbook(xml.errorString());
    if (!haveHeader)
        return fail(Error::Code::InvalidInput, Messages::tr("The first sheet of the workbook is empty."));
    // Rows as wide as the header, as a CSV file's.
    for (QStringList& row : table.rows) {
        while (row.size() < table.header.size())
            row << QString();
    }
    return table;
}

Result<csv::Table> read(const QByteArray& bytes)
{
    if (bytes.startsWith("PK\x03\x04")) {
        if (bytes.contains("mimetypeapplication/vnd.oasis.opendocument"))
            return fail(
                Error::Code::InvalidInput,
                Messages::tr("This is an OpenDocument sheet (.ods). In LibreOffice, choose File, Save "
                             "a copy, and the format Excel 2007-365 (.xlsx) or CSV, then import that "
                             "file."));
        return readXlsx(bytes);
    }
    if (bytes.startsWith("\xD0\xCF\x11\xE0"))
        return fail(
            Error::Code::InvalidInput,
            Messages::tr("This is an old Excel workbook (.xls), or a workbook protected by a password. "
                         "Save it without a password as Excel workbook (.xlsx) or as CSV, then import "
                         "that file."));
    return csv::parse(bytes);
}

} // namespace etabli::sheet
