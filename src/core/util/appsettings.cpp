#include "util/appsettings.h"

namespace etabli {

namespace {

struct KeyInfo
{
    AppSettings::Key key;
    const char* name;
    QVariant defaultValue;
};

const KeyInfo& info(AppSettings::Key key)
{
    static const KeyInfo table[] = {
        {AppSettings::Key::Language, "general/language", QStringLiteral("auto")},
        {AppSettings::Key::LastDatabase, "general/lastDatabase", QString()},
        {AppSettings::Key::SavedServers, "general/servers", QStringList()},
        {AppSettings::Key::MainWindowGeometry, "window/geometry", QByteArray()},
        {AppSettings::Key::MainWindowState, "window/state", QByteArray()},
        {AppSettings::Key::LastNavigationPage, "window/page", 0},
        {AppSettings::Key::AutoBackupEnabled, "backup/automatic", true},
        {AppSettings::Key::LogLevel, "general/logLevel", QStringLiteral("info")},
        {AppSettings::Key::IdleLockMinutes, "security/idleLockMinutes", 10},
    };
    for (const auto& entry : table) {
        if (entry.key == key)
            return entry;
    }
    Q_UNREACHABLE();
}

} // namespace

AppSettings::AppSettings(const QString& fileName)
    : m_settings(fileName.isEmpty() ? std::make_unique<QSettings>()
                                    : std::make_unique<QSettings>(fileName, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QString AppSettings::keyName(Key key)
{
    return QString::fromLatin1(info(key).name);
}

QVariant AppSettings::defaultValue(Key key)
{
    return info(key).defaultValue;
}

QVariant AppSettings::value(Key key) const
{
    const KeyInfo& k = info(key);
    QVariant v = m_settings->value(QString::fromLatin1(k.name), k.defaultValue);
    if (k.defaultValue.isValid() && v.metaType() != k.defaultValue.metaType())
        v.convert(k.defaultValue.metaType());
    return v;
}

void AppSettings::setValue(Key key, const QVariant& value)
{
    m_settings->setValue(keyName(key), value);
}

void AppSettings::reset(Key key)
{
    m_settings->remove(keyName(key));
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace etabli
