#include "support/pdftext.h"

#include <catch2/catch.hpp>
#include <QProcess>

namespace etabli::test {

QString pdfRawText(const QString& path)
{
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    REQUIRE(pdftotext.waitForFinished(30000));
    REQUIRE(pdftotext.exitCode() == 0);
    return QString::fromUtf8(pdftotext.readAllStandardOutput());
}

QStringList pdfPages(const QString& path)
{
    QStringList pages = pdfRawText(path)
                            .replace(QChar(0xFB01), QStringLiteral("fi"))
                            .replace(QChar(0xFB02), QStringLiteral("fl"))
                            .replace(QChar(0xFB00), QStringLiteral("ff"))
                            .split(QLatin1Char('\f'), Qt::SkipEmptyParts);
    for (QString& page : pages)
        page = page.simplified();
    pages.removeAll(QString());
    return pages;
}

QString pdfText(const QString& path)
{
    return pdfPages(path).join(QLatin1Char(' '));
}

QString pdfAttachments(const QString& path)
{
    QProcess pdfdetach;
    pdfdetach.start(QStringLiteral("pdfdetach"), {QStringLiteral("-list"), path});
    REQUIRE(pdfdetach.waitForFinished(30000));
    REQUIRE(pdfdetach.exitCode() == 0);
    return QString::fromUtf8(pdfdetach.readAllStandardOutput());
}

} // namespace etabli::test
