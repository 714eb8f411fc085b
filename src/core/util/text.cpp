#include "util/text.h"

#include <QLocale>

namespace etabli::text {

QString fold(const QString& input)
{
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

} // namespace etabli::text
