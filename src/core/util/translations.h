#pragma once

#include <QLocale>
#include <QString>
#include <span>

class QCoreApplication;

namespace etabli::translations {

// "auto" follows the system: French unless the system asks for English
// (the users are French; a bare C/POSIX locale gets French too).
QLocale::Language resolve(const QString& setting, const QLocale& system = QLocale::system());

// Installs Établi's and Qt's translators for `language` on the application,
// and makes the matching QLocale the default (dates, numbers, money).
// Returns false when Établi's own catalogue could not be loaded.
bool install(QCoreApplication& app, QLocale::Language language);

// A name a migration wrote in French (a budget category, a certification's
// title…) and its English source, marked with QT_TRANSLATE_NOOP(context, …).
struct Seeded
{
    const char* french;
    const char* english;
};
// The name on screen: a seeded one in the interface's language, one the
// school typed as typed.
QString seededName(const QString& stored, const char* context, std::span<const Seeded> names);

} // namespace etabli::translations
