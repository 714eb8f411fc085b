#include "io/xlsx.h"

#include <algorithm>
#include <QDate>
#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <xlsxwriter.h>

namespace etabli::xlsx {

namespace {

QByteArray xlsxSheetName(const QString& name, int index, QList<QByteArray>& used)
{
    QString n = name;
    for (const QChar c : {u'[', u']', u':', u'*', u'?', u'/', u'\\'})
        n.replace(c, QLatin1Char(' '));
    n = n.simplified().left(31);
    if (n.isEmpty())
        n = QStringLiteral("Feuille %1").arg(index + 1);
    QByteArray out = n.toUtf8();
    // Two sheets may not share a name (case aside): the second gets a number.
    for (int k = 2; std::any_of(used.cbegin(), used.cend(),
                                [&](const QByteArray& u) { return u.toLower() == out.toLower(); });
         ++k)
        out = (n.left(27) + QStringLiteral(" (%1)").arg(k)).toUtf8();
    used << out;
    return out;
}

// About as wide as the cell will show (for the column's width).
QString xlsxShownText(const QVariant& v, Kind kind)
{
    switch (kind) {
    case Kind::Money:
        return QString::number(v.toLongLong() / 100) + QStringLiteral(",00 €");
    case Kind::Date:
        return QStringLiteral("00/00/0000");
    case Kind::Decimal:
        return QString::number(v.toDouble(), 'f', 2);
    case Kind::Integer:
    case Kind::Text:
        break;
    }
    return v.toString();
}

} // namespace

Result<QByteArray> workbook(const QList<Sheet>& sheets)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(Error::Code::Io, Messages::tr("No temporary folder to make the spreadsheet in: free some "
                                                  "space on the disk, then try again."));
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("classeur.xlsx")));
    lxw_workbook* book = workbook_new(path.constData());
    if (!book)
        return fail(Error::Code::Io, Messages::tr("The spreadsheet could not be made."));
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "dd/mm/yyyy");
    lxw_format* decimal = workbook_add_format(book);
    format_set_num_format(decimal, "0.00");
    lxw_format* money = workbook_add_format(book);
    format_set_num_format(money, "#,##0.00\\ \"€\"");
    QList<QByteArray> used;
    int index = 0;
    for (const Sheet& s : sheets) {
        const QByteArray name = xlsxSheetName(s.name, index++, used);
        lxw_worksheet* sheet = workbook_add_worksheet(book, name.constData());
        const lxw_row_t top = s.title.isEmpty() ? 0 : 1; // the headings' row
        if (top > 0)
            worksheet_write_string(sheet, 0, 0, s.title.toUtf8().constData(), bold);
        for (int c = 0; c < s.columns.size(); ++c) {
            const Column& col = s.columns.at(c);
            worksheet_write_string(sheet, top, static_cast<lxw_col_t>(c), col.header.toUtf8().constData(),
                                   bold);
            double width = col.width;
            if (width <= 0) {
                qsizetype widest = col.header.size();
                for (const auto& row : s.rows)
                    widest = std::max(widest, xlsxShownText(row.value(c), col.kind).size());
                width = std::clamp(static_cast<double>(widest) + 2, 8.0, 60.0);
            }
            worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr);
        }
        worksheet_freeze_panes(sheet, top + 1, 0);
        for (qsizetype r = 0; r < s.rows.size(); ++r) {
            const auto row = static_cast<lxw_row_t>(r) + top + 1;
            for (int c = 0; c < s.columns.size(); ++c) {
                const QVariant v = s.rows.at(r).value(c);
                const auto col = static_cast<lxw_col_t>(c);
                if (!v.isValid() || v.isNull())
                    continue;
                switch (s.columns.at(c).kind) {
                case Kind::Integer:
                    worksheet_write_number(sheet, row, col, static_cast<double>(v.toLongLong()), nullptr);
                    break;
                case Kind::Money:
                    worksheet_write_number(sheet, row, col, static_cast<double>(v.toLongLong()) / 100.0,
                                           money);
                    break;
                case Kind::Decimal:
                    worksheet_write_number(sheet, row, col, v.toDouble(), decimal);
                    break;
                case Kind::Date: {
                    const QDate d = v.toDate();
                    if (!d.isValid())
                        break;
                    lxw_datetime when = {d.year(), d.month(), d.day(), 0, 0, 0};
                    worksheet_write_datetime(sheet, row, col, &when, date);
                    break;
                }
                case Kind::Text:
                    // A string cell: "=SUM(…)" typed by someone stays text.
                    worksheet_write_string(sheet, row, col, v.toString().toUtf8().constData(), nullptr);
                    break;
                }
            }
        }
    }
    if (const lxw_error closed = workbook_close(book); closed != LXW_NO_ERROR)
        return fail(
            Error::Code::Io,
            Messages::tr("The spreadsheet could not be written. Check that the disk has room, then try "
                         "again."),
            QString::fromUtf8(lxw_strerror(closed)));
    QFile file(dir.filePath(QStringLiteral("classeur.xlsx")));
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io, Messages::tr("The spreadsheet could not be read back."));
    return file.readAll();
}

QStringList headers(const Sheet& sheet)
{
    QStringList out;
    for (const Column& c : sheet.columns)
        out << c.header;
    return out;
}

QList<QStringList> frenchTexts(const Sheet& sheet)
{
    const QLocale french(QLocale::French, QLocale::France);
    QList<QStringList> out;
    out.reserve(sheet.rows.size());
    for (const auto& row : sheet.rows) {
        QStringList cells;
        for (int c = 0; c < sheet.columns.size(); ++c) {
            const QVariant v = row.value(c);
            if (!v.isValid() || v.isNull()) {
                cells << QString();
                continue;
            }
            switch (sheet.columns.at(c).kind) {
            case Kind::Date:
                cells << v.toDate().toString(QStringLiteral("dd/MM/yyyy"));
                break;
            case Kind::Money:
                cells << french.toString(static_cast<double>(v.toLongLong()) / 100.0, 'f', 2)
                             .remove(french.groupSeparator());
                break;
            case Kind::Decimal:
                cells << french.toString(v.toDouble(), 'f', 2).remove(french.groupSeparator());
                break;
            case Kind::Integer:
                cells << QString::number(v.toLongLong());
                break;
            case Kind::Text:
                cells << v.toString();
                break;
            }
        }
        out << cells;
    }
    return out;
}

} // namespace etabli::xlsx
