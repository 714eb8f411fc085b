#include "domain/money.h"

#include <limits>

namespace etabli {

namespace {

constexpr std::int64_t kMaxCents = std::numeric_limits<std::int64_t>::max() / 4;

bool isSpace(QChar c)
{
    return c.isSpace() || c == QChar(0x00A0) || c == QChar(0x202F) || c == QChar(0x2009);
}

} // namespace

std::optional<Money> Money::checkedAdd(Money other) const
{
    std::int64_t r = 0;
    if (__builtin_add_overflow(m_cents, other.m_cents, &r))
        return std::nullopt;
    return Money(r);
}

std::optional<Money> Money::checkedSub(Money other) const
{
    std::int64_t r = 0;
    if (__builtin_sub_overflow(m_cents, other.m_cents, &r))
        return std::nullopt;
    return Money(r);
}

std::optional<Money> Money::checkedMul(std::int64_t factor) const
{
    std::int64_t r = 0;
    if (__builtin_mul_overflow(m_cents, factor, &r))
        return std::nullopt;
    return Money(r);
}

Money Money::operator+(Money other) const
{
    return checkedAdd(other).value_or(Money(other.m_cents > 0 ? std::numeric_limits<std::int64_t>::max()
                                                              : std::numeric_limits<std::int64_t>::min()));
}

Money Money::operator-(Money other) const
{
    return *this + (-other);
}

Money& Money::operator+=(Money other)
{
    *this = *this + other;
    return *this;
}

Money& Money::operator-=(Money other)
{
    *this = *this - other;
    return *this;
}

Money Money::percent(std::int64_t basisPoints) const
{
    std::int64_t product = 0;
    if (__builtin_mul_overflow(m_cents, basisPoints, &product)) {
        // Beyond any real amount (billions of euros): long double is precise enough.
        const long double exact = static_cast<long double>(m_cents) * basisPoints / 10000.0L;
        return Money(static_cast<std::int64_t>(exact < 0 ? exact - 0.5L : exact + 0.5L));
    }
    const std::int64_t rounded = product >= 0 ? (product + 5000) / 10000 : (product - 5000) / 10000;
    return Money(rounded);
}

QString Money::formatPlain(const QLocale& locale) const
{
    const bool negative = m_cents < 0;
    // Unsigned magnitude: -INT64_MIN would overflow.
    const std::uint64_t magnitude =
        negative ? static_cast<std::uint64_t>(-(m_cents + 1)) + 1U : static_cast<std::uint64_t>(m_cents);
    const std::uint64_t euros = magnitude / 100U;
    const std::uint64_t cents = magnitude % 100U;
    QString text = locale.toString(static_cast<qulonglong>(euros));
    text += locale.decimalPoint();
    text += QStringLiteral("%1").arg(cents, 2, 10, QLatin1Char('0'));
    if (negative)
        text.prepend(locale.negativeSign());
    return text;
}

QString Money::format(const QLocale& locale) const
{
    return formatPlain(locale) + QChar(0x00A0) + QStringLiteral("€");
}

Result<Money> Money::parse(const QString& input)
{
    const auto invalid = [&input]() {
        return fail(Error::Code::InvalidInput,
                    tr("“%1” is not a valid amount (example: 1 234,56).").arg(input.trimmed()));
    };

    QString text;
    text.reserve(input.size());
    for (const QChar c : input) {
        if (!isSpace(c))
            text += c;
    }
    if (text.endsWith(QStringLiteral("€")))
        text.chop(1);
    else if (text.endsWith(QStringLiteral("EUR"), Qt::CaseInsensitive))
        text.chop(3);
    if (text.isEmpty())
        return fail(Error::Code::InvalidInput, tr("The amount is empty."));

    bool negative = false;
    if (text.front() == QLatin1Char('-') || text.front() == QChar(0x2212)) {
        negative = true;
        text.remove(0, 1);
    } else if (text.front() == QLatin1Char('+')) {
        text.remove(0, 1);
    }
    if (text.isEmpty())
        return invalid();

    // The last ',' or '.' is the decimal mark and must be followed by one or
    // two digits; any separator before it must be the other one, grouping
    // thousands by three ("1.234,56", "1,234.56").
    QString digits;
    QString fraction;
    const qsizetype lastSep =
        std::max(text.lastIndexOf(QLatin1Char(',')), text.lastIndexOf(QLatin1Char('.')));
    if (lastSep < 0) {
        digits = text;
    } else {
        fraction = text.mid(lastSep + 1);
        if (fraction.isEmpty() || fraction.size() > 2)
            return invalid();
        const QChar groupSep = text.at(lastSep) == QLatin1Char(',') ? QLatin1Char('.') : QLatin1Char(',');
        const QString integerPart = text.left(lastSep);
        if (integerPart.contains(text.at(lastSep)))
            return invalid();
        const QStringList groups = integerPart.split(groupSep);
        for (qsizetype i = 0; i < groups.size(); ++i) {
            const QString& g = groups.at(i);
            if (groups.size() > 1 && ((i == 0 && (g.isEmpty() || g.size() > 3)) || (i > 0 && g.size() != 3)))
                return invalid();
            digits += g;
        }
    }
    for (const QChar c : digits + fraction) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return invalid();
    }
    if (digits.isEmpty() && fraction.isEmpty())
        return invalid();
    if (digits.size() > 15)
        return fail(Error::Code::InvalidInput, tr("The amount “%1” is too large.").arg(input.trimmed()));

    std::int64_t cents = digits.isEmpty() ? 0 : digits.toLongLong() * 100;
    if (!fraction.isEmpty()) {
        const QString padded = fraction.leftJustified(2, QLatin1Char('0'));
        cents += padded.toLongLong();
    }
    if (cents > kMaxCents)
        return fail(Error::Code::InvalidInput, tr("The amount “%1” is too large.").arg(input.trimmed()));
    return Money(negative ? -cents : cents);
}

} // namespace etabli
