#include "print/listdocument.h"

#include "io/csv.h"
#include "print/reportbuilder.h"

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

} // namespace etabli::print
