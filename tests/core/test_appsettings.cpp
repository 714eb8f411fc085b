#include "support/testenv.h"
#include "util/appsettings.h"
#include "util/translations.h"

#include <catch2/catch.hpp>
#include <QDir>

using namespace etabli;

TEST_CASE("AppSettings: each key has its default and round-trips", "[settings]")
{
    const QString file = QDir(test::tempRoot()).filePath(QStringLiteral("settings-test.ini"));
    QFile::remove(file);
    {
        AppSettings s(file);
        CHECK(s.language() == QStringLiteral("auto"));
        CHECK(s.autoBackupEnabled());
        CHECK(s.lastDatabase().isEmpty());
        s.setValue(AppSettings::Key::Language, QStringLiteral("fr"));
        s.setValue(AppSettings::Key::LastDatabase, QStringLiteral("/srv/école.sqlite"));
        s.setValue(AppSettings::Key::AutoBackupEnabled, false);
        s.setValue(AppSettings::Key::MainWindowGeometry, QByteArray("\x01\x02", 2));
        s.sync();
    }
    AppSettings s(file);
    CHECK(s.language() == QStringLiteral("fr"));
    CHECK(s.lastDatabase() == QStringLiteral("/srv/école.sqlite"));
    CHECK_FALSE(s.autoBackupEnabled());
    CHECK(s.value(AppSettings::Key::MainWindowGeometry).toByteArray() == QByteArray("\x01\x02", 2));
    s.reset(AppSettings::Key::Language);
    CHECK(s.language() == QStringLiteral("auto"));
}

TEST_CASE("Language: French unless English is asked for", "[settings]")
{
    CHECK(translations::resolve(QStringLiteral("auto"), QLocale(QLocale::French, QLocale::France)) ==
          QLocale::French);
    CHECK(translations::resolve(QStringLiteral("auto"), QLocale::c()) == QLocale::French);
    CHECK(translations::resolve(QStringLiteral("auto"), QLocale(QLocale::English, QLocale::UnitedStates)) ==
          QLocale::English);
    CHECK(translations::resolve(QStringLiteral("fr"), QLocale(QLocale::English)) == QLocale::French);
    CHECK(translations::resolve(QStringLiteral("en"), QLocale(QLocale::French)) == QLocale::English);
}
