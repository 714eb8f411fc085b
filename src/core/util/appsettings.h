#pragma once

#include <memory>
#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QVariant>

namespace etabli {

// Settings of this computer and user (QSettings). Each key is declared once,
// with its default, here. The school's own settings live in its database.
class AppSettings
{
public:
    enum class Key
    {
        Language,     // "auto", "fr" or "en"
        LastDatabase, // last database opened by the GUI (a server's address without its password)
        SavedServers, // the servers connected to, newest first: addresses without passwords
        MainWindowGeometry,
        MainWindowState,
        LastNavigationPage,
        AutoBackupEnabled,
        LogLevel,
        IdleLockMinutes, // lock the session after this idle time; 0 = never
    };

    // `fileName` empty: the platform's usual place (organisation/application).
    explicit AppSettings(const QString& fileName = {});
    ~AppSettings();

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant& value);
    void reset(Key key);

    QString language() const { return value(Key::Language).toString(); }
    QString lastDatabase() const { return value(Key::LastDatabase).toString(); }
    bool autoBackupEnabled() const { return value(Key::AutoBackupEnabled).toBool(); }

    static QString keyName(Key key);
    static QVariant defaultValue(Key key);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace etabli
