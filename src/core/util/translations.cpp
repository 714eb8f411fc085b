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

} // namespace etabli::translations
