#pragma once

#include "util/error.h"

#include <QCoreApplication>
#include <QString>

class QPagedPaintDevice;
class QTextDocument;

namespace etabli::print {

// What every printed page carries besides the document itself.
struct PageFrame
{
    QString title;      // the document's title, in the header
    QString schoolName; // the school, in the header
    QString footerNote; // e.g. "Édité le 27/11/2026"
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
};

} // namespace etabli::print
