#include "domain/production.h"

#include <QLocale>
#include <QRegularExpression>

namespace etabli {

namespace {
// Thousandths times cents, rounded half up to the cent (both positive here).
std::int64_t roundThousandths(std::int64_t value)
{
    return value >= 0 ? (value + 500) / 1000 : -((-value + 500) / 1000);
}
} // namespace

Money ProductionMaterial::cost() const
{
    return Money::fromCents(roundThousandths(quantityThousandths * unitCost.cents()));
}

int ProductionEntry::totalMinutes() const
{
    int total = 0;
    for (const ProductionTrainee& t : trainees)
        total += t.minutes;
    return total;
}

Money ProductionEntry::materialsCost() const
{
    Money total;
    for (const ProductionMaterial& m : materials)
        total += m.cost();
    return total;
}

Result<qint64> Quantities::parse(const QString& input)
{
    QString text = input.trimmed();
    text.remove(QLatin1Char(' ')).remove(QChar(0x202F)).remove(QChar(0x00A0));
    text.replace(QLatin1Char(','), QLatin1Char('.'));
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,9})(?:\\.(\\d{1,3}))?$"));
    const auto match = pattern.match(text);
    if (text.isEmpty() || !match.hasMatch())
        return fail(Error::Code::InvalidInput,
                    tr("“%1” is not a valid quantity (example: 2 or 2,5).").arg(input.trimmed()));
    QString fraction = match.captured(2);
    while (fraction.size() < 3)
        fraction += QLatin1Char('0');
    const qint64 value = match.captured(1).toLongLong() * 1000 + fraction.toLongLong();
    if (value <= 0)
        return fail(Error::Code::InvalidInput, tr("A quantity must be greater than zero."));
    return value;
}

QString Quantities::format(qint64 thousandths)
{
    const bool negative = thousandths < 0;
    const qint64 v = negative ? -thousandths : thousandths;
    QString out = QString::number(v / 1000);
    if (const qint64 frac = v % 1000; frac != 0) {
        QString f = QStringLiteral("%1").arg(frac, 3, 10, QLatin1Char('0'));
        while (f.endsWith(QLatin1Char('0')))
            f.chop(1);
        out += QLatin1Char(',') + f;
    }
    return negative ? QLatin1Char('-') + out : out;
}

Result<int> Quantities::parseDuration(const QString& input)
{
    QString text = input.trimmed().toLower();
    text.remove(QLatin1Char(' ')).remove(QChar(0x202F)).remove(QChar(0x00A0));
    const auto invalid = [&input]() {
        return fail(
            Error::Code::InvalidInput,
            tr("“%1” is not a valid duration (examples: 3,5 or 3 h 30 or 45 min).").arg(input.trimmed()));
    };
    if (text.isEmpty())
        return invalid();
    static const QRegularExpression minutesOnly(QStringLiteral("^(\\d{1,4})(?:min|mn|m)$"));
    static const QRegularExpression hoursMinutes(QStringLiteral("^(\\d{1,2})(?:h|:)(\\d{0,2})$"));
    static const QRegularExpression decimalHours(QStringLiteral("^(\\d{1,2})(?:[.,](\\d{1,2}))?$"));
    if (const auto m = minutesOnly.match(text); m.hasMatch())
        return m.captured(1).toInt();
    if (const auto m = hoursMinutes.match(text); m.hasMatch()) {
        const int minutes = m.captured(2).isEmpty() ? 0 : m.captured(2).toInt();
        if (minutes >= 60)
            return invalid();
        return m.captured(1).toInt() * 60 + minutes;
    }
    if (const auto m = decimalHours.match(text); m.hasMatch()) {
        QString fraction = m.captured(2);
        if (fraction.size() == 1)
            fraction += QLatin1Char('0');
        const int hundredths = fraction.isEmpty() ? 0 : fraction.toInt();
        return m.captured(1).toInt() * 60 + (hundredths * 60 + 50) / 100;
    }
    return invalid();
}

QString Quantities::formatDuration(qint64 minutes)
{
    const bool negative = minutes < 0;
    const qint64 v = negative ? -minutes : minutes;
    // Thousands of hours grouped as the French do ("3 815 h").
    const QString hours = QLocale(QLocale::French, QLocale::France).toString(v / 60);
    QString out = v % 60 == 0 ? QStringLiteral("%1 h").arg(hours)
                              : QStringLiteral("%1 h %2").arg(hours).arg(v % 60, 2, 10, QLatin1Char('0'));
    return negative ? QLatin1Char('-') + out : out;
}

} // namespace etabli
