#pragma once

#include "util/error.h"

#include <compare>
#include <cstdint>
#include <optional>
#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace etabli {

// An amount of euros held as integer cents. Never a double.
class Money
{
    Q_DECLARE_TR_FUNCTIONS(Money)

public:
    constexpr Money() = default;
    static constexpr Money fromCents(std::int64_t cents) { return Money(cents); }
    static constexpr Money fromEuros(std::int64_t euros) { return Money(euros * 100); }

    // Qt's 64-bit integer (long long), which QVariant and the queries take
    // as it is (std::int64_t is long on Linux).
    constexpr qint64 cents() const { return m_cents; }
    constexpr bool isZero() const { return m_cents == 0; }
    constexpr bool isNegative() const { return m_cents < 0; }

    // Checked arithmetic: nullopt on overflow.
    std::optional<Money> checkedAdd(Money other) const;
    std::optional<Money> checkedSub(Money other) const;
    std::optional<Money> checkedMul(std::int64_t factor) const;

    constexpr Money operator-() const { return Money(-m_cents); }
    Money operator+(Money other) const;
    Money operator-(Money other) const;
    Money& operator+=(Money other);
    Money& operator-=(Money other);

    // Percentage of this amount, `basisPoints` / 10000, rounded half away from zero.
    Money percent(std::int64_t basisPoints) const;

    constexpr auto operator<=>(const Money&) const = default;

    // "1 234,56 €" with the locale's separators (French by default).
    QString format(const QLocale& locale = QLocale(QLocale::French, QLocale::France)) const;
    // "1 234,56" without the currency sign, for editors.
    QString formatPlain(const QLocale& locale = QLocale(QLocale::French, QLocale::France)) const;

    // Accepts "1 234,56", "1234.5", "-0,01", "12 €", "1.234,56"; refuses garbage,
    // more than two decimals and amounts out of range, with a French message.
    static Result<Money> parse(const QString& text);

private:
    constexpr explicit Money(std::int64_t cents) : m_cents(cents) {}
    std::int64_t m_cents = 0;
};

} // namespace etabli
