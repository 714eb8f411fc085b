#include "domain/money.h"
#include "support/catchqt.h"

#include <catch2/catch.hpp>

using etabli::Money;

namespace {
QString nbsp(QString s)
{
    // Tests write ' ' for the narrow no-break space QLocale uses between
    // thousands, and '~' for the no-break space before the euro sign.
    const QLocale fr(QLocale::French, QLocale::France);
    s.replace(QLatin1Char(' '), fr.groupSeparator());
    s.replace(QLatin1Char('~'), QChar(0x00A0));
    return s;
}
} // namespace

TEST_CASE("Money keeps integer cents and does checked arithmetic", "[money]")
{
    const Money a = Money::fromCents(123456);
    const Money b = Money::fromEuros(10);
    CHECK((a + b).cents() == 124456);
    CHECK((a - b).cents() == 122456);
    CHECK((-a).cents() == -123456);
    CHECK(b.checkedMul(3)->cents() == 3000);
    CHECK_FALSE(Money::fromCents(std::numeric_limits<std::int64_t>::max()).checkedAdd(Money::fromCents(1)));
    CHECK(a > b);
    CHECK(Money::fromCents(0).isZero());
}

TEST_CASE("Money percentages round half away from zero", "[money]")
{
    // 20 % VAT on 0,05 € is 0,01 €; on -0,05 € it is -0,01 €.
    CHECK(Money::fromCents(5).percent(2000).cents() == 1);
    CHECK(Money::fromCents(-5).percent(2000).cents() == -1);
    CHECK(Money::fromCents(2).percent(2000).cents() == 0);
    CHECK(Money::fromCents(10000).percent(550).cents() == 550);
    CHECK(Money::fromCents(1999).percent(2000).cents() == 400);
}

TEST_CASE("Money formats the French way", "[money]")
{
    CHECK(Money::fromCents(123456).format() == nbsp(QStringLiteral("1 234,56~€")));
    CHECK(Money::fromCents(-1).format() == nbsp(QStringLiteral("-0,01~€")));
    CHECK(Money::fromCents(0).format() == nbsp(QStringLiteral("0,00~€")));
    CHECK(Money::fromCents(123456789012).formatPlain() == nbsp(QStringLiteral("1 234 567 890,12")));
    CHECK(Money::fromCents(std::numeric_limits<std::int64_t>::min())
              .formatPlain()
              .startsWith(QLatin1Char('-')));
}

TEST_CASE("Money parses what people type", "[money]")
{
    const auto cents = [](const char* text) { return Money::parse(QString::fromUtf8(text))->cents(); };
    CHECK(cents("1 234,56") == 123456);
    CHECK(cents("1234.5") == 123450);
    CHECK(cents("-0,01") == -1);
    CHECK(cents("12") == 1200);
    CHECK(cents("12 €") == 1200);
    CHECK(cents("1.234,56") == 123456);
    CHECK(cents("1,234.56") == 123456);
    CHECK(cents("0,5") == 50);
    CHECK(cents(",5") == 50);
    CHECK(cents("+3") == 300);
    // The narrow no-break space QLocale itself writes.
    CHECK(Money::parse(Money::fromCents(98765432).format())->cents() == 98765432);
}

TEST_CASE("Money refuses garbage with a French message", "[money]")
{
    for (const char* bad : {"", "abc", "12,345", "1.2.3", "1,2,3", "12€34", "--1", "1 234,5678", "12,",
                            "1.234", "99999999999999999999", "1e5", "0x10"}) {
        INFO(bad);
        const auto r = Money::parse(QString::fromUtf8(bad));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().code == etabli::Error::Code::InvalidInput);
        CHECK_FALSE(r.error().message.isEmpty());
    }
    CHECK(Money::parse(QStringLiteral("abc")).error().message.contains(QStringLiteral("montant")));
}
