#pragma once

#include "domain/school.h"
#include "io/xlsx.h"
#include "print/documentprinter.h"

#include <memory>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace etabli::print {

// A table of a list page as displayed: its caption when the page has
// several ("Heures de chaque jeune"), the columns' headings, the cells.
struct ListTable
{
    QString caption;
    QStringList headers;
    QList<QStringList> rows;
    QList<int> rightAligned;
    // Beside each cell, what a spreadsheet computes with (a QDate, Money,
    // an integer, a double), when the list's model says it; an invalid
    // value, or none at all: the text. Same shape as `rows`.
    QList<QList<QVariant>> values;
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
    // The list as an Excel workbook: one sheet per table, the title and its
    // filters above the frozen headings, each column typed by its values
    // (dates as dates, amounts in euros, counts and hours as numbers).
    static Result<QByteArray> workbook(const ListContent& list);
    // The same sheets, to be written with others (the funder pack).
    static QList<xlsx::Sheet> sheets(const ListContent& list);
};

} // namespace etabli::print
