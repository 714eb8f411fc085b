#include "support/xlsxread.h"

#include <catch2/catch.hpp>
#include <QProcess>

namespace etabli::test {

QStringList xlsxCells(const QString& path)
{
    const QString script = QStringLiteral("import sys, openpyxl\n"
                                          "book = openpyxl.load_workbook(sys.argv[1])\n"
                                          "for ws in book.worksheets:\n"
                                          "    print('sheet|%s|%s' % (ws.title, ws.freeze_panes))\n"
                                          "    for row in ws.iter_rows():\n"
                                          "        for c in row:\n"
                                          "            if c.value is not None:\n"
                                          "                print('%s|%s|%s|%s' % (c.coordinate, "
                                          "type(c.value).__name__, c.value, c.number_format))\n");
    QProcess p;
    // Debian's Python, where python3-openpyxl is (a python3 earlier in PATH may lack it).
    p.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script, path});
    REQUIRE(p.waitForFinished(60000));
    INFO(p.readAllStandardError().toStdString());
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace etabli::test
