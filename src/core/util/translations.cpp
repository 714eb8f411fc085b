#include "util/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace etabli::translations {

QLocale::Language resolve(const QString& setting, const QLocale& system)
{
    if (setting == QLatin1String("fr"))
        return QLocale::French;
    if (setting == QLatin1String("en"))
        return QLocale::English;
    return system.language() == QLocale::English ? QLocale::English : QLocale::French;
}

bool install(QCoreApplication& app, QLocale::Language language)
{
    if (language == QLocale::English) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        return true;
    }
    const QLocale locale(QLocale::French, QLocale::France);
    QLocale::setDefault(locale);

    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;

    auto* ownTranslator = new QTranslator(&app);
    if (!ownTranslator->load(QStringLiteral(":/i18n/etabli_fr.qm"))) {
        delete ownTranslator;
        return false;
    }
    QCoreApplication::installTranslator(ownTranslator);
    return true;
}

QString seededName(const QString& stored, const char* context, std::span<const Seeded> names)
{
    for (const Seeded& n : names) {
        if (stored == QString::fromUtf8(n.french))
            return QCoreApplication::translate(context, n.english);
    }
    return stored;
}

} // namespace etabli::translations
