#include "print/documentprinter.h"

#include "io/files.h"
#include "print/facturxpdf.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QSaveFile>
#include <QTextDocument>

namespace etabli::print {

int DocumentPrinter::paint(QTextDocument& document, const PageFrame& frame, QPagedPaintDevice& device)
{
    QPainter painter(&device);
    const QRect page = painter.viewport();
    const qreal dpi = device.logicalDpiY();
    const auto mm = [dpi](qreal v) { return v * dpi / 25.4; };
    const bool label = !frame.labelMm.isEmpty();
    const qreal header = label ? 0 : mm(14);
    const qreal footer = label ? 0 : mm(12);

    // Lay the text out at the device's resolution so fonts keep their size.
    document.documentLayout()->setPaintDevice(&device);
    document.setPageSize(QSizeF(page.width(), page.height() - header - footer));
    if (frame.laidOut)
        frame.laidOut(document);
    const int pages = std::max(1, document.pageCount());

    QFont small = document.defaultFont();
    small.setPointSizeF(8.5);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            device.newPage();
        if (!label) { // a label has nothing around its text
            painter.save();
            painter.setFont(small);
            painter.setPen(QColor(80, 80, 80));
            const QRectF headerRect(0, 0, page.width(), header - mm(4));
            if (i > 0 || !frame.titlePage) {
                painter.drawText(headerRect, Qt::AlignLeft | Qt::AlignBottom, frame.title);
                painter.drawText(headerRect, Qt::AlignRight | Qt::AlignBottom, frame.schoolName);
                painter.drawLine(QPointF(0, header - mm(3)), QPointF(page.width(), header - mm(3)));
            }
            const QRectF footerRect(0, page.height() - footer + mm(3), page.width(), footer - mm(3));
            painter.drawLine(QPointF(0, page.height() - footer + mm(2)),
                             QPointF(page.width(), page.height() - footer + mm(2)));
            painter.drawText(footerRect, Qt::AlignLeft | Qt::AlignTop, frame.footerNote);
            painter.drawText(footerRect, Qt::AlignRight | Qt::AlignTop,
                             tr("Page %1 / %2").arg(i + 1).arg(pages));
            painter.restore();
        }

        painter.save();
        const qreal top = i * document.pageSize().height();
        painter.translate(0, header - top);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, top, page.width(), document.pageSize().height());
        painter.setClipRect(context.clip);
        document.documentLayout()->draw(&painter, context);
        painter.restore();
    }
    painter.end();
    // The layout must not keep a pointer to a device that goes away.
    document.documentLayout()->setPaintDevice(nullptr);
    return pages;
}

namespace {
QPageLayout a4Layout(const PageFrame& frame)
{
    if (!frame.labelMm.isEmpty())
        return QPageLayout(QPageSize(frame.labelMm, QPageSize::Millimeter, frame.title),
                           QPageLayout::Portrait, QMarginsF(4, 4, 4, 4), QPageLayout::Millimeter);
    return QPageLayout(QPageSize(QPageSize::A4),
                       frame.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                       QMarginsF(18, 15, 18, 15), QPageLayout::Millimeter);
}
} // namespace

void DocumentPrinter::setUp(QPrinter& printer, const PageFrame& frame)
{
    printer.setPageLayout(a4Layout(frame));
    printer.setDocName(frame.title);
    printer.setCreator(QStringLiteral("Établi"));
}

int DocumentPrinter::print(Printable& printable, QPrinter& printer)
{
    return paint(printable.document, printable.frame, printer);
}

Status DocumentPrinter::writeFacturX(Printable& printable, const QByteArray& xml, const QString& path)
{
    // PDF/A-1b from Qt (fonts embedded, the sRGB output intent), then PDF/A-3b with the XML.
    QByteArray archival;
    {
        QBuffer buffer(&archival);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPdfVersion(QPagedPaintDevice::PdfVersion_A1b);
        writer.setPageLayout(a4Layout(printable.frame));
        writer.setResolution(300);
        writer.setTitle(printable.frame.title);
        writer.setCreator(QStringLiteral("Établi"));
        paint(printable.document, printable.frame, writer);
    }
    auto hybrid = FacturXPdf::attach(archival, xml);
    if (!hybrid)
        return std::unexpected(hybrid.error());
    return files::write(path, *hybrid);
}

Status DocumentPrinter::writePdf(QTextDocument& document, const PageFrame& frame, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(files::error(file, path));
    {
        QPdfWriter writer(&file);
        writer.setPageLayout(a4Layout(frame));
        writer.setResolution(300);
        writer.setTitle(frame.title);
        writer.setCreator(QStringLiteral("Établi"));
        paint(document, frame, writer);
    }
    if (!file.commit())
        return fail(files::error(file, path));
    return {};
}

} // namespace etabli::print
