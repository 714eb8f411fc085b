#include "domain/frenchwords.h"

#include <catch2/catch.hpp>

using namespace etabli;

namespace {
QString words(qint64 cents)
{
    return amountInFrenchWords(Money::fromCents(cents));
}
} // namespace

TEST_CASE("Amounts in French words, as a tax receipt writes them", "[funding][words]")
{
    CHECK(words(1) == QStringLiteral("un centime"));
    CHECK(words(8000) == QStringLiteral("quatre-vingts euros"));
    CHECK(words(8100) == QStringLiteral("quatre-vingt-un euros"));
    CHECK(words(20000) == QStringLiteral("deux cents euros"));
    CHECK(words(100000) == QStringLiteral("mille euros"));
    CHECK(words(100000000) == QStringLiteral("un million d'euros"));
    CHECK(words(7171) == QStringLiteral("soixante et onze euros et soixante et onze centimes"));
    CHECK(words(123456) == QStringLiteral("mille deux cent trente-quatre euros et cinquante-six centimes"));
    CHECK(words(100) == QStringLiteral("un euro"));
    CHECK(words(0) == QStringLiteral("zéro euro"));
    CHECK(words(2100) == QStringLiteral("vingt et un euros"));
    CHECK(words(20000000 * 10) == QStringLiteral("deux millions d'euros"));
    CHECK(words(100020000) == QStringLiteral("un million deux cents euros"));
    CHECK(words(-1550) == QStringLiteral("moins quinze euros et cinquante centimes"));
}

TEST_CASE("Numbers in French words: the traditional spelling", "[funding][words]")
{
    const std::pair<qint64, const char*> cases[] = {
        {16, "seize"},
        {17, "dix-sept"},
        {70, "soixante-dix"},
        {71, "soixante et onze"},
        {77, "soixante-dix-sept"},
        {80, "quatre-vingts"},
        {90, "quatre-vingt-dix"},
        {91, "quatre-vingt-onze"},
        {99, "quatre-vingt-dix-neuf"},
        {100, "cent"},
        {101, "cent un"},
        {180, "cent quatre-vingts"},
        {201, "deux cent un"},
        {1080, "mille quatre-vingts"},
        {2000, "deux mille"},
        {80000, "quatre-vingt mille"},
        {200000, "deux cent mille"},
        {280000000, "deux cent quatre-vingts millions"},
        {1000000000, "un milliard"},
        {3000001, "trois millions un"},
    };
    for (const auto& [n, text] : cases) {
        INFO(n);
        CHECK(numberInFrenchWords(n) == QString::fromUtf8(text));
    }
}
