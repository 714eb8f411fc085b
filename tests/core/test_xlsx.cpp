// Spreadsheets out (issue 22, item 5): a workbook's cells are typed, read
// back by openpyxl as a spreadsheet would (support/xlsxread.h).

#include "io/xlsx.h"
#include "support/xlsxread.h"

#include <catch2/catch.hpp>
#include <QDate>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace etabli;

namespace {

// The workbook as a file in `dir`, for openpyxl to read.
QString written(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

} // namespace

TEST_CASE("A workbook's cells are typed: dates as dates, amounts as numbers in euros, texts never formulas",
          "[xlsx]")
{
    xlsx::Sheet sheet;
    sheet.name = QStringLiteral("Règlements : 2025/2026 [tous]");
    sheet.columns = {{QStringLiteral("Client"), xlsx::Kind::Text},
                     {QStringLiteral("Jour"), xlsx::Kind::Date},
                     {QStringLiteral("Montant"), xlsx::Kind::Money},
                     {QStringLiteral("Nombre"), xlsx::Kind::Integer}};
    sheet.rows = {{QStringLiteral("=HYPERLINK(\"http://x\")"), QDate(2025, 3, 12), qint64(123456), qint64(3)},
                  {QStringLiteral("Garage du Doubs"), QVariant(), qint64(-1050), QVariant()}};
    xlsx::Sheet second;
    second.name = sheet.name; // the same name twice: the second is numbered
    second.columns = {{QStringLiteral("Œuvre"), xlsx::Kind::Text}};
    second.rows = {{QStringLiteral("Été")}};
    auto bytes = xlsx::workbook({sheet, second});
    REQUIRE(bytes);
    CHECK(bytes->startsWith("PK")); // a zip, as every .xlsx

    QTemporaryDir dir;
    const QStringList cells = test::xlsxCells(written(dir, QStringLiteral("classeur.xlsx"), *bytes));
    INFO(cells.join(QLatin1Char('\n')).toStdString());
    CHECK(cells.contains(QStringLiteral("sheet|Règlements 2025 2026 tous|A2")));
    CHECK(cells.contains(QStringLiteral("A1|str|Client|General")));
    // The header row is frozen; a text that looks like a formula stays a text.
    CHECK(cells.contains(QStringLiteral("A2|str|=HYPERLINK(\"http://x\")|General")));
    CHECK(cells.contains(QStringLiteral("B2|datetime|2025-03-12 00:00:00|dd/mm/yyyy")));
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^C2\\|float\\|1234\\.56\\|.*€"))).size() == 1);
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^C3\\|float\\|-10\\.5\\|"))).size() == 1);
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^D2\\|(int|float)\\|3"))).size() == 1);
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^B3\\|"))).isEmpty()); // an empty cell
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^sheet\\|.*\\(2\\)"))).size() == 1);
    CHECK(cells.contains(QStringLiteral("A2|str|Été|General")));
}

TEST_CASE("A sheet with a title writes it above its headings, which stay frozen", "[xlsx]")
{
    xlsx::Sheet sheet;
    sheet.name = QStringLiteral("Factures");
    sheet.title = QStringLiteral("Factures — Impayées");
    sheet.columns = {{QStringLiteral("Numéro"), xlsx::Kind::Text},
                     {QStringLiteral("Reste dû"), xlsx::Kind::Money}};
    sheet.rows = {{QStringLiteral("F2026-0001"), qint64(24000)}};
    auto bytes = xlsx::workbook({sheet});
    REQUIRE(bytes);
    QTemporaryDir dir;
    const QStringList cells = test::xlsxCells(written(dir, QStringLiteral("titre.xlsx"), *bytes));
    INFO(cells.join(QLatin1Char('\n')).toStdString());
    CHECK(cells.contains(QStringLiteral("sheet|Factures|A3")));
    CHECK(cells.contains(QStringLiteral("A1|str|Factures — Impayées|General")));
    CHECK(cells.contains(QStringLiteral("B2|str|Reste dû|General")));
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^B3\\|(int|float)\\|240(\\.0)?\\|.*€"))).size() ==
          1);
}
