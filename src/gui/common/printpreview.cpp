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
    switch (kind) {
    case DocumentOutput::Pdf:
        return QFileDialog::getSaveFileName(parent, DocumentOutput::tr("Save as PDF"),
                                            QDir(dir).filePath(suggestedName + QStringLiteral(".pdf")),
                                            DocumentOutput::tr("PDF documents (*.pdf)"));
    case DocumentOutput::Xml:
        return QFileDialog::getSaveFileName(parent, DocumentOutput::tr("Save the electronic invoice (XML)"),
                                            QDir(dir).filePath(suggestedName + QStringLiteral(".xml")),
                                            DocumentOutput::tr("XML files (*.xml)"));
    case DocumentOutput::Fec:
        break;
    }
    return QFileDialog::getSaveFileName(parent, DocumentOutput::tr("Save the accountant's file (FEC)"),
                                        QDir(dir).filePath(suggestedName),
                                        DocumentOutput::tr("Text files (*.txt)"));
}

void tell(MessageBanner* banner, const Status& written, DocumentOutput::FileKind kind, const QString& path)
{
    if (!written) {
        banner->showMessage(MessageBanner::Kind::Error, written.error().message);
        return;
    }
    const QString shown = QDir::toNativeSeparators(path);
    switch (kind) {
    case DocumentOutput::Pdf:
        banner->showMessage(MessageBanner::Kind::Success, DocumentOutput::tr("PDF written: %1").arg(shown));
        return;
    case DocumentOutput::Xml:
        banner->showMessage(MessageBanner::Kind::Success, DocumentOutput::tr("XML written: %1").arg(shown));
        return;
    case DocumentOutput::Fec:
        break;
    }
    banner->showMessage(MessageBanner::Kind::Success,
                        DocumentOutput::tr("The accountant's file is written: %1").arg(shown));
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
