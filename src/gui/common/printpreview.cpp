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

namespace {

QString askPath(QWidget* parent, const QString& suggestedName, DocumentOutput::FileKind kind)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const bool pdf = kind == DocumentOutput::Pdf;
    return QFileDialog::getSaveFileName(
        parent,
        pdf ? DocumentOutput::tr("Save as PDF") : DocumentOutput::tr("Save the electronic invoice (XML)"),
        QDir(dir).filePath(suggestedName + (pdf ? QStringLiteral(".pdf") : QStringLiteral(".xml"))),
        pdf ? DocumentOutput::tr("PDF documents (*.pdf)") : DocumentOutput::tr("XML files (*.xml)"));
}

void tell(MessageBanner* banner, const Status& written, DocumentOutput::FileKind kind, const QString& path)
{
    if (!written)
        banner->showMessage(MessageBanner::Kind::Error, written.error().message);
    else
        banner->showMessage(MessageBanner::Kind::Success,
                            (kind == DocumentOutput::Pdf ? DocumentOutput::tr("PDF written: %1")
                                                         : DocumentOutput::tr("XML written: %1"))
                                .arg(QDir::toNativeSeparators(path)));
}

} // namespace

void DocumentOutput::savePdf(QWidget* parent, const QString& suggestedName, const Maker& make,
                             MessageBanner* banner)
{
    const QString path = askPath(parent, suggestedName, Pdf);
    if (path.isEmpty())
        return;
    auto printable = make();
    if (!printable)
        return;
    tell(banner, print::DocumentPrinter::writePdf(*printable, path), Pdf, path);
}

void DocumentOutput::saveFile(QWidget* parent, const QString& suggestedName, FileKind kind,
                              const std::function<Status(const QString& path)>& write, MessageBanner* banner)
{
    const QString path = askPath(parent, suggestedName, kind);
    if (path.isEmpty())
        return;
    tell(banner, write(path), kind, path);
}

} // namespace etabli
