// etabli-guide-html MARKDOWN HTML: the user guide (docs/guide-utilisateur.md)
// as the HTML page shipped with the application, run at build time. Qt's own
// Markdown reader (CommonMark and GitHub tables) and HTML writer: what the
// help window shows is what a browser shows of the same file.

#include <algorithm>
#include <cstdio>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageReader>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>

int main(int argc, char* argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fputs("usage: etabli-guide-html MARKDOWN HTML\n", stderr);
        return 2;
    }
    QFile in(args.at(1));
    if (!in.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(args.at(1)));
        return 1;
    }
    QTextDocument document;
    document.setMarkdown(QString::fromUtf8(in.readAll()));
    // Screenshots are 1366 pixels wide: shown at most 680 wide (the guide's
    // column), their proportions kept.
    const QDir pictures = QFileInfo(args.at(1)).dir();
    for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isImageFormat())
                continue;
            QTextImageFormat image = fragment.charFormat().toImageFormat();
            const QSize size = QImageReader(pictures.filePath(image.name())).size();
            if (!size.isValid()) {
                std::fprintf(stderr, "no picture %s\n", qPrintable(image.name()));
                return 1;
            }
            const int width = std::min(size.width(), 680);
            image.setWidth(width);
            image.setHeight(size.height() * width / size.width());
            QTextCursor c(&document);
            c.setPosition(fragment.position());
            c.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            c.setCharFormat(image);
        }
    }
    QString html = document.toHtml();
    html.replace(
        QStringLiteral("<head>"),
        QStringLiteral("<head><meta charset=\"utf-8\"><title>Établi — Guide de l'utilisateur</title>"));
    QSaveFile out(args.at(2));
    if (!out.open(QIODevice::WriteOnly) || out.write(html.toUtf8()) < 0 || !out.commit()) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(args.at(2)));
        return 1;
    }
    return 0;
}
