#include "gui/common/printpreview.h"

#include "gui/common/messagebanner.h"
#include "print/documentprinter.h"

#include <QDir>
#include <QFileDialog>
#include <QPrinter>
#include <QPrintPreviewDialog>
#include <QStandardPaths>

namespace etabli {

bool DocumentOutput::preview(QWidget* parent, const Maker& make)
{
    auto printable = make();
    if (!printable)
        return false;
    QPrinter printer(QPrinter::HighResolution);
    print::DocumentPrinter::setUp(printer, printable->frame);
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(tr("Print preview — %1").arg(printable->frame.title));
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog,
                     [&printable](QPrinter* p) { print::DocumentPrinter::print(*printable, *p); });
    dialog.resize(900, 1000);
    dialog.exec();
    return true;
}

void DocumentOutput::savePdf(QWidget* parent, const QString& suggestedName, const Maker& make,
                             MessageBanner* banner)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        parent, tr("Save as PDF"), QDir(dir).filePath(suggestedName + QStringLiteral(".pdf")),
        tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    auto printable = make();
    if (!printable)
        return;
    if (auto r = print::DocumentPrinter::writePdf(*printable, path); !r)
        banner->showMessage(MessageBanner::Kind::Error, r.error().message);
    else
        banner->showMessage(MessageBanner::Kind::Success,
                            tr("PDF written: %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace etabli
