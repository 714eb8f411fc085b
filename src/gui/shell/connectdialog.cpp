#include "gui/shell/connectdialog.h"

#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/serverpasswords.h"
#include "gui/shell/databaseactions.h"
#include "gui/shell/serverfields.h"
#include "storage/database.h"
#include "util/appsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGuiApplication>
#include <QPushButton>

namespace etabli {

namespace {

// Remembered without its password, newest first.
void rememberServer(AppSettings& settings, DatabaseLocation location)
{
    location.password.clear();
    const QString address = location.toString();
    QStringList saved = settings.value(AppSettings::Key::SavedServers).toStringList();
    saved.removeAll(address);
    saved.prepend(address);
    settings.setValue(AppSettings::Key::SavedServers, saved.mid(0, 10));
    settings.setValue(AppSettings::Key::LastDatabase, address);
}

} // namespace

std::unique_ptr<Database> ConnectDialog::ask(QWidget* parent, AppSettings& settings,
                                             const std::optional<DatabaseLocation>& proposed)
{
    FormDialog dialog(tr("Connect to the school's server"), parent);
    dialog.setObjectName(QStringLiteral("connectDialog"));
    dialog.okButton()->setText(tr("&Connect"));

    QList<DatabaseLocation> known;
    for (const QString& address : settings.value(AppSettings::Key::SavedServers).toStringList())
        if (auto l = DatabaseLocation::parse(address); l && !l->isSqlite())
            known << *l;
    QComboBox* saved = nullptr;
    if (!known.isEmpty()) {
        saved = new QComboBox(&dialog);
        saved->setObjectName(QStringLiteral("savedConnections"));
        markAsViewControl(saved);
        for (const DatabaseLocation& l : std::as_const(known))
            saved->addItem(l.displayName());
        dialog.addRow(tr("Saved connection:"), saved);
    }
    ServerFields f(dialog, tr("PostgreSQL login:"));
    auto* remember = new QCheckBox(tr("Remember the password in this computer's keychain"), &dialog);
    remember->setObjectName(QStringLiteral("remember"));
    dialog.addRow(QString(), remember);
    auto* test = new QPushButton(tr("&Test the connection"), &dialog);
    test->setObjectName(QStringLiteral("testConnection"));
    dialog.addRow(QString(), test);

    // A saved connection shows with its password when the keychain holds it.
    const auto show = [&f, remember](DatabaseLocation l) {
        const auto remembered = ServerPasswords::read(l);
        l.password = remembered.value_or(QString());
        f.show(l);
        remember->setChecked(remembered.has_value());
    };
    if (saved) {
        QObject::connect(saved, &QComboBox::currentIndexChanged, &dialog, [&show, &known](int i) {
            if (i >= 0 && i < known.size())
                show(known.at(i));
        });
    }
    if (proposed) {
        show(*proposed);
        if (f.password()->text().isEmpty())
            f.password()->setFocus(); // all the rest is filled
    } else if (!known.isEmpty())
        show(known.constFirst());
    dialog.markSaved();

    QObject::connect(test, &QPushButton::clicked, &dialog, [&dialog, &f]() {
        auto location = f.location();
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        auto db = location ? Database::open(*location, Database::OpenMode::ReadOnly)
                           : Result<std::unique_ptr<Database>>(std::unexpected(location.error()));
        QGuiApplication::restoreOverrideCursor();
        if (!db) {
            dialog.showMessage(MessageBanner::Kind::Error, db.error().message);
        } else if ((*db)->schemaVersion() < Database::latestSchemaVersion()) {
            dialog.showMessage(
                MessageBanner::Kind::Warning,
                tr("The connection works. The database is of an older version of Établi: it will be upgraded "
                   "when the first PC connects with this version (its tables' owner must do it: etabli-cli "
                   "migrate)."));
        } else {
            dialog.showMessage(MessageBanner::Kind::Success,
                               tr("The connection works: an Établi database, ready."));
        }
    });

    std::unique_ptr<Database> connected;
    dialog.setAction([&]() -> Status {
        auto location = f.location();
        if (!location)
            return std::unexpected(location.error());
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        auto db = DatabaseActions::open(*location);
        QGuiApplication::restoreOverrideCursor();
        if (!db)
            return std::unexpected(db.error());
        if (remember->isChecked()) {
            if (auto stored = ServerPasswords::store(*location, location->password); !stored) {
                remember->setChecked(false);
                return std::unexpected(stored.error());
            }
        } else {
            ServerPasswords::forget(*location);
        }
        rememberServer(settings, *location);
        connected = std::move(*db);
        return {};
    });
    if (dialog.exec() != QDialog::Accepted)
        return nullptr;
    return connected;
}

} // namespace etabli
