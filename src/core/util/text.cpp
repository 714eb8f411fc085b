#include "util/text.h"

#include <algorithm>
#include <QLocale>
#include <QRegularExpression>

namespace etabli::text {

QString fold(const QString& input)
{
    // Plain ASCII has nothing to decompose (most names and searches): lower
    // case alone gives the same text, without the Unicode normalisation.
    if (std::all_of(input.cbegin(), input.cend(), [](QChar c) { return c.unicode() < 0x80; }))
        return input.toLower().simplified();
    const QString decomposed = input.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        switch (c.unicode()) {
        case 0x0153:
            out += QStringLiteral("oe");
            break; // œ
        case 0x0152:
            out += QStringLiteral("oe");
            break; // Œ
        case 0x00E6:
            out += QStringLiteral("ae");
            break; // æ
        case 0x00C6:
            out += QStringLiteral("ae");
            break; // Æ
        case 0x00DF:
            out += QStringLiteral("ss");
            break; // ß
        case 0x2019:
            out += QLatin1Char('\'');
            break; // typographic apostrophe
        default:
            out += c.toLower();
        }
    }
    return out.simplified();
}

QString personSortKey(const QString& lastName, const QString& firstName)
{
    return fold(lastName) + QLatin1Char(' ') + fold(firstName);
}

QString frenchDate(const QDate& day)
{
    return QLocale(QLocale::French, QLocale::France).toString(day, QStringLiteral("dd/MM/yyyy"));
}

QString frenchLongDate(const QDate& day)
{
    return QLocale(QLocale::French, QLocale::France).toString(day, QStringLiteral("d MMMM yyyy"));
}

namespace {

int fullYear(const QString& digits, const QDate& today)
{
    const int year = digits.toInt();
    if (digits.size() == 4)
        return year;
    const int century = (today.year() / 100) * 100;
    return century + year > today.year() + 10 ? century - 100 + year : century + year;
}

} // namespace

QDate parseTypedDate(const QString& textIn, const QDate& today)
{
    const QString text = textIn.trimmed();
    if (text.isEmpty())
        return {};
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"));
    static const QRegularExpression separated(
        QStringLiteral("^(\\d{1,2})([/.\\- ])(\\d{1,2})\\2(\\d{2}|\\d{4})$"));
    static const QRegularExpression digits(QStringLiteral("^(\\d{2})(\\d{2})(\\d{2}|\\d{4})$"));
    if (const auto m = iso.match(text); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (const auto m = separated.match(text); m.hasMatch())
        return QDate(fullYear(m.captured(4), today), m.captured(3).toInt(), m.captured(1).toInt());
    if (const auto m = digits.match(text); m.hasMatch())
        return QDate(fullYear(m.captured(3), today), m.captured(2).toInt(), m.captured(1).toInt());
    return {};
}

QString safeFileName(const QString& name)
{
    QString safe;
    for (const QChar c : name.trimmed())
        safe += (c.unicode() < 32 || QStringLiteral("/\\:*?\"<>|").contains(c)) ? QLatin1Char('-') : c;
    return safe;
}

} // namespace etabli::text
