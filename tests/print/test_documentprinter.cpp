#include "print/dashboarddocument.h"
#include "print/documentprinter.h"
#include "support/testenv.h"

#include <catch2/catch.hpp>
#include <QDir>
#include <QFile>
#include <QPrinter>
#include <QRegularExpression>
#include <QTextDocument>

using namespace etabli;

namespace {
int pdfPageCount(const QByteArray& pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    return static_cast<int>(QString::fromLatin1(pdf).count(page));
}
} // namespace

TEST_CASE("A long document becomes numbered A4 PDF pages", "[print]")
{
    QString html;
    for (int i = 0; i < 400; ++i)
        html += QStringLiteral("<p>Ligne %1 : l'atelier a monté des pneus.</p>").arg(i);
    QTextDocument doc;
    doc.setHtml(html);
    const QString path = QDir(test::tempRoot()).filePath(QStringLiteral("long.pdf"));
    REQUIRE(print::DocumentPrinter::writePdf(
        doc, {QStringLiteral("Essai"), QStringLiteral("Juralternance"), {}}, path));
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray pdf = f.readAll();
    CHECK(pdf.startsWith("%PDF-"));
    CHECK(pdfPageCount(pdf) >= 5);
}

TEST_CASE("The dashboard document shows the counts it is given", "[print]")
{
    DashboardSummary s;
    s.schoolName = QStringLiteral("Juralternance");
    s.schoolYearLabel = QStringLiteral("2026-2027");
    s.enrolled = 23;
    s.candidates = 4;
    s.sections = {{QStringLiteral("Pneus et services"), 12, 3}, {QStringLiteral("Métallerie"), 11, 1}};
    const QString html = print::DashboardDocument::html(s, QDate(2026, 11, 27));
    CHECK(html.contains(QStringLiteral("Juralternance")));
    CHECK(html.contains(QStringLiteral("27/11/2026")));
    CHECK(html.contains(QStringLiteral("<b>23</b>")));
    CHECK(html.contains(QStringLiteral("Métallerie")));
    CHECK(html.contains(QStringLiteral("Jeunes inscrits")));
    QTextDocument doc;
    doc.setHtml(html);
    const QString path = QDir(test::tempRoot()).filePath(QStringLiteral("tableau.pdf"));
    REQUIRE(
        print::DocumentPrinter::writePdf(doc, {print::DashboardDocument::title(), s.schoolName, {}}, path));
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(pdfPageCount(f.readAll()) == 1);
}

TEST_CASE("The print preview's printer gets the same A4 pages as the PDF", "[print]")
{
    print::Printable p;
    QString html;
    for (int i = 0; i < 200; ++i)
        html += QStringLiteral("<p>Ligne %1 : bon de travaux.</p>").arg(i);
    p.document.setHtml(html);
    p.frame = {QStringLiteral("Essai"), QStringLiteral("Juralternance"), {}};
    const QString path = QDir(test::tempRoot()).filePath(QStringLiteral("printer.pdf"));
    int pages = 0;
    {
        QPrinter printer(QPrinter::HighResolution);
        print::DocumentPrinter::setUp(printer, p.frame);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(path);
        CHECK(printer.pageLayout().pageSize().id() == QPageSize::A4);
        CHECK(printer.docName() == QStringLiteral("Essai"));
        pages = print::DocumentPrinter::print(p, printer);
    }
    CHECK(pages >= 3);
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    CHECK(pdfPageCount(f.readAll()) == pages);
    // Printed twice (preview, then printer): the same pages.
    const QString again = QDir(test::tempRoot()).filePath(QStringLiteral("again.pdf"));
    REQUIRE(print::DocumentPrinter::writePdf(p, again));
    QFile g(again);
    REQUIRE(g.open(QIODevice::ReadOnly));
    CHECK(pdfPageCount(g.readAll()) == pages);
}
