#include "print/listdocument.h"

#include "domain/money.h"
#include "io/csv.h"
#include "print/reportbuilder.h"

#include <optional>
#include <QRegularExpression>

namespace etabli::print {

QString ListContent::fullTitle() const
{
    return filters.isEmpty() ? title : title + QStringLiteral(" — ") + filters.join(QStringLiteral(", "));
}

std::unique_ptr<Printable> ListDocument::make(const SchoolIdentity& school, const ListContent& list,
                                              const QDate& printedOn)
{
    ReportBuilder b(school, list.fullTitle(), printedOn);
    b.heading(list.fullTitle());
    qsizetype rows = 0;
    qsizetype columns = 0;
    for (const ListTable& t : list.tables) {
        rows += t.rows.size();
        columns = std::max(columns, t.headers.size());
    }
    QString count = list.tables.size() == 1
                        ? tr("%n row(s), printed on %1.", nullptr, static_cast<int>(rows))
                              .arg(printedOn.toString(QStringLiteral("dd/MM/yyyy")))
                        : tr("Printed on %1.").arg(printedOn.toString(QStringLiteral("dd/MM/yyyy")));
    if (list.truncatedFrom > rows)
        count += QLatin1Char(' ') + tr("The filters match %1 rows: only the first %2 are printed; narrow the "
                                       "search to print the others.")
                                        .arg(list.truncatedFrom)
                                        .arg(rows);
    b.paragraph(count);
    for (const ListTable& t : list.tables) {
        if (!t.caption.isEmpty())
            b.heading(t.caption);
        if (t.rows.isEmpty())
            b.note(tr("No row matches these filters."));
        else
            b.table(t.headers, t.rows, t.rightAligned);
    }
    return b.printable(columns > 6);
}

QByteArray ListDocument::csv(const ListContent& list)
{
    // The title on a line of its own, then each table after a blank line,
    // as a spreadsheet shows a sheet's captions above its tables.
    QList<QStringList> rows;
    for (const ListTable& t : list.tables) {
        rows << QStringList{};
        if (!t.caption.isEmpty())
            rows << QStringList{t.caption};
        rows << t.headers;
        rows << t.rows;
    }
    return csv::write({list.fullTitle()}, rows);
}

namespace {

// What a report's cell says, read in the formats Établi writes them
// (Money::format, text::frenchDate, plain counts): a table without typed
// values (a report's) is typed by these. None: a text.
QVariant valueOfText(const QString& text)
{
    static const QRegularExpression day(QStringLiteral("^\\d\\d/\\d\\d/\\d{4}$"));
    static const QRegularExpression whole(
        QStringLiteral("^-?[1-9]\\d{0,2}([ \\x{00A0}\\x{202F}]?\\d{3})*$|^0$"));
    const QString t = text.trimmed();
    if (t.endsWith(QStringLiteral("€"))) {
        if (auto m = Money::parse(t))
            return QVariant::fromValue(*m);
        return {};
    }
    if (day.match(t).hasMatch()) {
        const QDate d = QDate::fromString(t, QStringLiteral("dd/MM/yyyy"));
        return d.isValid() ? QVariant(d) : QVariant();
    }
    if (whole.match(t).hasMatch()) {
        QString digits = t;
        digits.remove(QRegularExpression(QStringLiteral("[ \\x{00A0}\\x{202F}]")));
        return QVariant(digits.toLongLong());
    }
    return {};
}

xlsx::Kind kindOf(const QVariant& v)
{
    if (v.metaType() == QMetaType::fromType<Money>())
        return xlsx::Kind::Money;
    if (v.metaType() == QMetaType::fromType<QDate>())
        return xlsx::Kind::Date;
    if (v.metaType() == QMetaType::fromType<double>())
        return xlsx::Kind::Decimal;
    if (v.metaType() == QMetaType::fromType<qlonglong>() || v.metaType() == QMetaType::fromType<int>())
        return xlsx::Kind::Integer;
    return xlsx::Kind::Text;
}

} // namespace

QList<xlsx::Sheet> ListDocument::sheets(const ListContent& list)
{
    QList<xlsx::Sheet> out;
    for (const ListTable& t : list.tables) {
        xlsx::Sheet sheet;
        sheet.name = t.caption.isEmpty() ? list.title : t.caption;
        sheet.title = t.caption.isEmpty() ? list.fullTitle()
                                          : QStringLiteral("%1 — %2").arg(list.fullTitle(), t.caption);
        // Each cell's value: the model's, or (a report's table) what its text says.
        const bool typed = !t.values.isEmpty();
        QList<QList<QVariant>> values;
        for (qsizetype r = 0; r < t.rows.size(); ++r) {
            QList<QVariant> row;
            for (int c = 0; c < t.headers.size(); ++c)
                row << (typed ? t.values.value(r).value(c) : valueOfText(t.rows.at(r).value(c)));
            values << row;
        }
        // A column's kind: that of its values, when every filled cell has one of one kind.
        for (int c = 0; c < t.headers.size(); ++c) {
            std::optional<xlsx::Kind> kind;
            bool text = false;
            for (qsizetype r = 0; r < t.rows.size() && !text; ++r) {
                const QVariant& v = values.at(r).at(c);
                if (t.rows.at(r).value(c).trimmed().isEmpty() && (!v.isValid() || v.isNull()))
                    continue;
                const xlsx::Kind k = v.isValid() && !v.isNull() ? kindOf(v) : xlsx::Kind::Text;
                text = k == xlsx::Kind::Text || (kind && *kind != k);
                kind = k;
            }
            sheet.columns << xlsx::Column{t.headers.at(c), text || !kind ? xlsx::Kind::Text : *kind};
        }
        for (qsizetype r = 0; r < t.rows.size(); ++r) {
            QList<QVariant> cells;
            for (int c = 0; c < t.headers.size(); ++c) {
                const QVariant& v = values.at(r).at(c);
                switch (sheet.columns.at(c).kind) {
                case xlsx::Kind::Money:
                    cells << (v.isValid() ? QVariant(v.value<Money>().cents()) : QVariant());
                    break;
                case xlsx::Kind::Date:
                case xlsx::Kind::Decimal:
                case xlsx::Kind::Integer:
                    cells << v;
                    break;
                case xlsx::Kind::Text:
                    cells << t.rows.at(r).value(c);
                    break;
                }
            }
            sheet.rows << cells;
        }
        out << sheet;
    }
    return out;
}

Result<QByteArray> ListDocument::workbook(const ListContent& list)
{
    return xlsx::workbook(sheets(list));
}

} // namespace etabli::print
