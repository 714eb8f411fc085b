#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace etabli::translations {

// "auto" follows the system: French unless the system asks for English
// (the users are French; a bare C/POSIX locale gets French too).
QLocale::Language resolve(const QString& setting, const QLocale& system = QLocale::system());

// Installs Établi's and Qt's translators for `language` on the application,
// and makes the matching QLocale the default (dates, numbers, money).
// Returns false when Établi's own catalogue could not be loaded.
bool install(QCoreApplication& app, QLocale::Language language);

} // namespace etabli::translations
