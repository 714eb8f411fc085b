#include "io/csv.h"
#include "support/catchqt.h"

#include <catch2/catch.hpp>

using namespace etabli;

TEST_CASE("CSV: UTF-8 with BOM, semicolons, CRLF, quotes and accents", "[csv]")
{
    const QByteArray bytes("\xEF\xBB\xBFnom;pr\xC3\xA9nom;remarque\r\n"
                           "\xC3\x89"
                           "cuyer;Ma\xC3\xABl;\"dit \"\"Mama\"\"; gentil\"\r\n"
                           "N'Diaye;In\xC3\xA8s;\"sur\r\ndeux lignes\"\r\n"
                           "\r\n");
    auto t = csv::parse(bytes);
    REQUIRE(t);
    CHECK(t->encoding == QStringLiteral("UTF-8"));
    CHECK(t->separator == QLatin1Char(';'));
    CHECK(t->header ==
          QStringList{QStringLiteral("nom"), QStringLiteral("prénom"), QStringLiteral("remarque")});
    REQUIRE(t->rows.size() == 2);
    CHECK(t->rows.at(0) == QStringList{QStringLiteral("Écuyer"), QStringLiteral("Maël"),
                                       QStringLiteral("dit \"Mama\"; gentil")});
    CHECK(t->rows.at(1).at(2) == QStringLiteral("sur\r\ndeux lignes"));
    CHECK(t->lines == QList<int>{2, 3});
}

TEST_CASE("CSV: commas and Windows-1252 are recognised", "[csv]")
{
    const QByteArray bytes("nom,pr\xE9nom,date\n\xC9"
                           "cuyer,Ma\xEBl,01/02/2008\nL\x92H\xF4te,Zo\xE9,\n");
    auto t = csv::parse(bytes);
    REQUIRE(t);
    CHECK(t->encoding == QStringLiteral("Windows-1252"));
    CHECK(t->separator == QLatin1Char(','));
    CHECK(t->rows.at(0).at(0) == QStringLiteral("Écuyer"));
    CHECK(t->rows.at(1).at(0) == QStringLiteral("L’Hôte"));
    CHECK(t->rows.at(1).size() == 3);
}

TEST_CASE("CSV: malformed files are refused with the line", "[csv]")
{
    const auto error = [](const QByteArray& bytes) {
        auto t = csv::parse(bytes);
        REQUIRE_FALSE(t);
        return t.error().message;
    };
    CHECK(error(QByteArray("nom;prenom\nA;B\nC;\"D\n")).contains(QStringLiteral("Ligne 3")));
    CHECK(error(QByteArray("nom;prenom\nA;B\0C\n", 16)).contains(QStringLiteral("NUL")));
    CHECK(error(QByteArray("nom;prenom\nA;B\"C\"\n")).contains(QStringLiteral("guillemet")));
    CHECK(error(QByteArray("nom;prenom\nA;") + QByteArray(1024 * 1024 + 10, 'x'))
              .contains(QStringLiteral("1 Mo")));
    CHECK(error(QByteArray("nom;prenom\nA;\"") + QByteArray(10 * 1024 * 1024, 'x') + "\"\n")
              .contains(QStringLiteral("Ligne 2")));
    CHECK(error(QByteArray("\xEF\xBB\xBFnom;pr\xC3\xA9nom\n\xC3\x28;x\n"))
              .contains(QStringLiteral("endommagé")));
    CHECK(error(QByteArray()).contains(QStringLiteral("vide")));
}

TEST_CASE("CSV export: French Excel format, formulas neutralised", "[csv]")
{
    const QByteArray out = csv::write({QStringLiteral("nom"), QStringLiteral("note")},
                                      {{QStringLiteral("=HYPERLINK(\"http://x\")"), QStringLiteral("a;b")},
                                       {QStringLiteral("-1+cmd|' /C calc'!A0"), QStringLiteral("@SUM(A1)")},
                                       {QStringLiteral("-12,50"), QStringLiteral("+33 3 84")}});
    CHECK(out.startsWith("\xEF\xBB\xBFnom;note\r\n"));
    CHECK(out.contains("\"'=HYPERLINK(\"\"http://x\"\")\";\"a;b\"\r\n"));
    CHECK(out.contains("'-1+cmd|' /C calc'!A0;'@SUM(A1)\r\n"));
    // A negative amount stays a number; a phone number starting with + does not.
    CHECK(out.contains("-12,50;'+33 3 84\r\n"));
    // What is written reads back (with the apostrophes kept).
    auto back = csv::parse(out);
    REQUIRE(back);
    CHECK(back->rows.at(0).at(1) == QStringLiteral("a;b"));
}
