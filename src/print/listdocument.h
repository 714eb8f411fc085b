#pragma once

#include "domain/school.h"
#include "print/documentprinter.h"

#include <memory>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QStringList>

namespace etabli::print {

// A table of a list page as displayed: its caption when the page has
// several ("Heures de chaque jeune"), the columns' headings, the cells.
struct ListTable
{
    QString caption;
    QStringList headers;
    QList<QStringList> rows;
    QList<int> rightAligned;
};

// What a list page shows, as its user sees it: the list's name, the filters
// that chose its rows ("Impayées", "Recherche : « garage »") and its tables.
// `truncatedFrom` is the number of rows the filters matched when only the
// first rows were taken.
struct ListContent
{
    QString title;
    QStringList filters;
    QList<ListTable> tables;
    qint64 truncatedFrom = 0;

    // "Factures — Impayées, Recherche : « garage »": the title with its filters.
    QString fullTitle() const;
};

// A list on paper: the title with its filters, when it was printed and how
// many rows, then the table (its heading on every page; landscape when it
// has many columns).
class ListDocument
{
    Q_DECLARE_TR_FUNCTIONS(ListDocument)

public:
    static std::unique_ptr<Printable> make(const SchoolIdentity& school, const ListContent& list,
                                           const QDate& printedOn);
    // The list as a spreadsheet opens it (csv::write): a first line with the
    // title and its filters, then each table: its caption, headings, rows.
    static QByteArray csv(const ListContent& list);
};

} // namespace etabli::print
