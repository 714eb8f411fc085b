#pragma once

#include "domain/school.h"
#include "print/documentprinter.h"
#include "print/listdocument.h"

#include <memory>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace etabli::print {

// A chart of a report: categories on one axis, one bar (or point) per
// series. Drawn as vectors with Qt Charts on the page's painter.
struct ChartSpec
{
    enum class Kind
    {
        Bars,
        HorizontalBars,
        Lines
    };
    Kind kind = Kind::Bars;
    QString title;
    QStringList categories;
    struct Series
    {
        QString name;
        QList<double> values;
    };
    QList<Series> series;
    QString unit;         // shown after the values ("%", "€", "h")
    double heightMm = 62; // the width is the page's
};

// Writes a report — title page, numbered chapters, tables that keep their
// headings on every page, charts, a table of contents — as rich text, and
// makes it a Printable (PDF, printer, preview) or plain HTML.
class ReportBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ReportBuilder)

public:
    ReportBuilder(SchoolIdentity school, QString title, const QDate& printedOn);

    const QString& title() const { return m_title; }
    // The first page: logo, school, the report's title and period, and a
    // few lines (for whom, printed on); the next content starts a new page.
    void titlePage(const QString& subtitle, const QStringList& lines);
    // Where the table of contents goes: one line per chapter with its page.
    void tableOfContents();
    // A chapter starts a new page (but the first after the title page) and
    // is listed in the table of contents.
    void chapter(const QString& text);
    void heading(const QString& text);
    // A heading whose section (up to the next heading) is never split over
    // two pages when it fits on one: it starts a new page instead (a
    // certification and its signature).
    void headingKeptTogether(const QString& text);
    void paragraph(const QString& plainText);
    // Rich text written in the application (the narrative); kept as typed.
    void richText(const QString& html);
    // A greyed remark ("nothing recorded", "what is missing").
    void note(const QString& plainText);
    // Columns listed in `right` are right-aligned (figures); rows listed in
    // `bold` are totals. The heading row repeats on every page.
    void table(const QStringList& headers, const QList<QStringList>& rows, const QList<int>& right = {},
               const QList<int>& bold = {}, const QList<int>& widthsPercent = {});
    void chart(const ChartSpec& spec);
    void pageBreak();
    // Raw HTML (escaped by the caller).
    void raw(const QString& html) { m_body += html; }

    // The report as HTML; charts become small tables of their figures.
    QString html() const;
    // The report laid out for paper: charts drawn, table of contents filled.
    std::unique_ptr<Printable> printable(bool landscape = false) const;
    // Its tables as they are printed, each under the heading above it: what
    // the report's workbook holds.
    const QList<ListTable>& tables() const { return m_tables; }
    // The report's tables as an Excel workbook, one sheet each (the funder
    // pack's for the funder's own spreadsheet).
    Result<QByteArray> workbook() const;

    static QString esc(const QString& text);
    // The school's address on one line ("8 rue Jacquard, 39100 Dole").
    static QString addressLine(const SchoolIdentity& school);

private:
    QString bodyHtml(bool chartsAsTables) const;

    SchoolIdentity m_school;
    QString m_title;
    QDate m_printedOn;
    QString m_body;
    QStringList m_chapters;
    QStringList m_keptTogether;
    QList<ChartSpec> m_charts;
    QList<ListTable> m_tables;
    QString m_chapter;
    QString m_heading;
    bool m_hasTitlePage = false;
    bool m_hasToc = false;
    bool m_contentStarted = false;
};

} // namespace etabli::print
