#include "gui/common/printpreview.h"

#include "gui/common/messagebanner.h"
#include "print/documentprinter.h"

#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QPrinter>
#include <QPrintPreviewDialog>
#include <QScreen>
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
    // A page's height when the screen has it; within the screen otherwise
    // (a laptop's 768 pixels less the task bar and the title bar).
    const QScreen* screen = parent && parent->screen() ? parent->screen() : QGuiApplication::primaryScreen();
    const QRect room = screen ? screen->availableGeometry() : QRect(0, 0, 1366, 728);
    dialog.resize(std::min(900, room.width() - 40), std::min(1000, room.height() - 60));
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
