#pragma once

#include "util/error.h"

#include <functional>
#include <memory>
#include <QCoreApplication>
#include <QSizeF>
#include <QString>
#include <QTextDocument>

class QPagedPaintDevice;
class QPrinter;

namespace etabli::print {

// What every printed page carries besides the document itself.
struct PageFrame
{
    QString title;          // the document's title, in the header
    QString schoolName;     // the school, in the header
    QString footerNote;     // e.g. "Édité le 27/11/2026"
    bool landscape = false; // wide lists
    bool titlePage = false; // the first page carries no header
    // A page of its own size in millimetres, without header, footer or
    // margins beyond a few millimetres (a label); empty: A4 with both.
    QSizeF labelMm = {};
    // Called once the document is laid out on the page's size, before it is
    // painted (a table of contents fills in its page numbers there).
    std::function<void(QTextDocument&)> laidOut = {};
};

// A document ready to print: its laid-out text and its page frame. Made by
// the business documents' classes; painted on a PDF, a printer or a print
// preview the same way.
struct Printable
{
    QTextDocument document;
    PageFrame frame;
};

// Lays a rich-text document out on A4 pages with a header (title, school)
// and a footer ("Page x / N"), and paints it on a PDF writer or a printer.
class DocumentPrinter
{
    Q_DECLARE_TR_FUNCTIONS(DocumentPrinter)

public:
    // Paints on an already configured device; returns the number of pages.
    static int paint(QTextDocument& document, const PageFrame& frame, QPagedPaintDevice& device);
    // Writes an A4 PDF to `path` (via a temporary file, never half-written).
    static Status writePdf(QTextDocument& document, const PageFrame& frame, const QString& path);
    static Status writePdf(Printable& printable, const QString& path)
    {
        return writePdf(printable.document, printable.frame, path);
    }
    // Writes an issued invoice or credit note as Factur-X (decision 69): the
    // printed pages as PDF/A-3b with its CII XML `xml` attached.
    static Status writeFacturX(Printable& printable, const QByteArray& xml, const QString& path);
    // A4 (portrait unless the frame says otherwise; a label's size) with the
    // PDF's margins, on a printer or a preview's printer.
    static void setUp(QPrinter& printer, const PageFrame& frame);
    static int print(Printable& printable, QPrinter& printer);
};

} // namespace etabli::print
