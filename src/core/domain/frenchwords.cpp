#include "domain/frenchwords.h"

#include <QStringList>

namespace etabli {

namespace {

const char* const units[] = {"zéro", "un",  "deux", "trois", "quatre", "cinq",     "six",    "sept", "huit",
                             "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"};
const char* const tens[] = {"", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"};

QString unit(int n)
{
    return QString::fromUtf8(units[n]);
}

// 0 < n < 100. `last`: nothing follows but a noun (euros, millions), so
// "quatre-vingts" keeps its s.
QString belowHundred(int n, bool last)
{
    if (n <= 16)
        return unit(n);
    if (n < 20)
        return QStringLiteral("dix-") + unit(n - 10);
    const int t = n / 10;
    const int u = n % 10;
    if (t <= 6) {
        const QString base = QString::fromLatin1(tens[t]);
        if (u == 0)
            return base;
        return u == 1 ? base + QStringLiteral(" et un") : base + QLatin1Char('-') + unit(u);
    }
    if (t == 7)
        return u == 1 ? QStringLiteral("soixante et onze")
                      : QStringLiteral("soixante-") + belowHundred(10 + u, last);
    if (t == 8)
        return u == 0 ? (last ? QStringLiteral("quatre-vingts") : QStringLiteral("quatre-vingt"))
                      : QStringLiteral("quatre-vingt-") + unit(u);
    return QStringLiteral("quatre-vingt-") + belowHundred(10 + u, last); // 90–99
}

// 0 < n < 1000.
QString belowThousand(int n, bool last)
{
    const int h = n / 100;
    const int r = n % 100;
    if (h == 0)
        return belowHundred(r, last);
    QString out = h == 1 ? QStringLiteral("cent") : unit(h) + QStringLiteral(" cent");
    if (r == 0)
        return h > 1 && last ? out + QLatin1Char('s') : out;
    return out + QLatin1Char(' ') + belowHundred(r, last);
}

} // namespace

QString numberInFrenchWords(qint64 number)
{
    if (number == 0)
        return unit(0);
    if (number < 0)
        return QStringLiteral("moins ") + numberInFrenchWords(-number);
    QStringList parts;
    const qint64 billions = number / 1000000000;
    const int millions = static_cast<int>(number / 1000000 % 1000);
    const int thousands = static_cast<int>(number / 1000 % 1000);
    const int rest = static_cast<int>(number % 1000);
    if (billions > 0) {
        // Beyond 999 milliards, the count of milliards is itself written out.
        const QString count =
            billions < 1000 ? belowThousand(static_cast<int>(billions), true) : numberInFrenchWords(billions);
        parts << count + (billions > 1 ? QStringLiteral(" milliards") : QStringLiteral(" milliard"));
    }
    if (millions > 0)
        parts << belowThousand(millions, true) +
                     (millions > 1 ? QStringLiteral(" millions") : QStringLiteral(" million"));
    if (thousands > 0)
        parts << (thousands == 1 ? QStringLiteral("mille")
                                 : belowThousand(thousands, false) + QStringLiteral(" mille"));
    if (rest > 0)
        parts << belowThousand(rest, true);
    return parts.join(QLatin1Char(' '));
}

QString amountInFrenchWords(const Money& amount)
{
    qint64 cents = amount.cents();
    if (cents < 0)
        return QStringLiteral("moins ") + amountInFrenchWords(Money::fromCents(-cents));
    const qint64 euros = cents / 100;
    const int centimes = static_cast<int>(cents % 100);
    QString out;
    if (euros > 0) {
        out = numberInFrenchWords(euros);
        if (euros == 1)
            out += QStringLiteral(" euro");
        else if (euros % 1000000 == 0) // "un million d'euros": million is a noun
            out += QStringLiteral(" d'euros");
        else
            out += QStringLiteral(" euros");
    }
    if (centimes > 0) {
        const QString c = numberInFrenchWords(centimes) +
                          (centimes == 1 ? QStringLiteral(" centime") : QStringLiteral(" centimes"));
        out = out.isEmpty() ? c : out + QStringLiteral(" et ") + c;
    }
    return out.isEmpty() ? QStringLiteral("zéro euro") : out;
}

} // namespace etabli
