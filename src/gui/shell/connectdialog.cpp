#include "gui/shell/connectdialog.h"

#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/serverpasswords.h"
#include "gui/shell/databaseactions.h"
#include "storage/database.h"
#include "util/appsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace etabli {

namespace {

struct Fields
{
    QComboBox* saved = nullptr;
    QLineEdit* host = nullptr;
    QSpinBox* port = nullptr;
    QLineEdit* database = nullptr;
    QLineEdit* user = nullptr;
    QLineEdit* password = nullptr;
    QComboBox* tls = nullptr;
    QLineEdit* certificate = nullptr;
    QPushButton* browse = nullptr;
    QCheckBox* remember = nullptr;

    void show(const DatabaseLocation& l) const
    {
        host->setText(l.host);
        port->setValue(l.port);
        database->setText(l.databaseName);
        user->setText(l.user);
        tls->setCurrentIndex(tls->findData(static_cast<int>(l.tls)));
        certificate->setText(l.sslRootCert);
        const auto remembered = ServerPasswords::read(l);
        password->setText(remembered.value_or(QString()));
        remember->setChecked(remembered.has_value());
    }

    // The address typed, or what is missing in it.
    Result<DatabaseLocation> location() const
    {
        DatabaseLocation l;
        l.kind = DatabaseLocation::Kind::PostgreSQL;
        l.host = host->text().trimmed();
        l.port = port->value();
        l.databaseName = database->text().trimmed();
        l.user = user->text().trimmed();
        l.password = password->text();
        l.tls = FormDialog::choice<TlsMode>(tls);
        l.sslRootCert = l.tls == TlsMode::VerifyFull ? certificate->text().trimmed() : QString();
        if (l.host.isEmpty())
            return fail(Error::Code::InvalidInput,
                        ConnectDialog::tr("Give the server: its name on the network or its address "
                                          "(192.168.1.10)."));
        if (l.databaseName.isEmpty())
            return fail(Error::Code::InvalidInput, ConnectDialog::tr("Give the database's name (ecole)."));
        if (l.user.isEmpty())
            return fail(Error::Code::InvalidInput, ConnectDialog::tr("Give the PostgreSQL login."));
        if (l.tls == TlsMode::VerifyFull && l.sslRootCert.isEmpty())
            return fail(Error::Code::InvalidInput,
                        ConnectDialog::tr("To verify the server, give its certificate (the .crt file "
                                          "its administrator gave)."));
        return l;
    }
};

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

std::unique_ptr<Database> ConnectDialog::ask(QWidget* parent, AppSettings& settings)
{
    FormDialog dialog(tr("Connect to the school's server"), parent);
    dialog.setObjectName(QStringLiteral("connectDialog"));
    dialog.okButton()->setText(tr("&Connect"));
    Fields f;

    QList<DatabaseLocation> known;
    for (const QString& address : settings.value(AppSettings::Key::SavedServers).toStringList())
        if (auto l = DatabaseLocation::parse(address); l && !l->isSqlite())
            known << *l;
    if (!known.isEmpty()) {
        f.saved = new QComboBox(&dialog);
        f.saved->setObjectName(QStringLiteral("savedConnections"));
        markAsViewControl(f.saved);
        for (const DatabaseLocation& l : std::as_const(known))
            f.saved->addItem(l.displayName());
        dialog.addRow(tr("Saved connection:"), f.saved);
    }
    f.host = new QLineEdit(&dialog);
    f.host->setObjectName(QStringLiteral("host"));
    f.host->setPlaceholderText(tr("e.g. secretariat or 192.168.1.10"));
    dialog.addRow(tr("Server:"), f.host);
    f.port = new QSpinBox(&dialog);
    f.port->setObjectName(QStringLiteral("port"));
    f.port->setRange(1, 65535);
    f.port->setValue(5432);
    dialog.addRow(tr("Port:"), f.port);
    f.database = new QLineEdit(QStringLiteral("ecole"), &dialog);
    f.database->setObjectName(QStringLiteral("database"));
    dialog.addRow(tr("Database:"), f.database);
    f.user = new QLineEdit(&dialog);
    f.user->setObjectName(QStringLiteral("user"));
    dialog.addRow(tr("PostgreSQL login:"), f.user);
    f.password = new QLineEdit(&dialog);
    f.password->setObjectName(QStringLiteral("password"));
    f.password->setEchoMode(QLineEdit::Password);
    dialog.addRow(tr("Password:"), f.password);
    f.tls = FormDialog::choiceField(TlsMode::Prefer, &dialog);
    f.tls->setObjectName(QStringLiteral("tls"));
    dialog.addRow(tr("Security:"), f.tls);
    auto* certificateRow = new QWidget(&dialog);
    auto* certificateLayout = new QHBoxLayout(certificateRow);
    certificateLayout->setContentsMargins(0, 0, 0, 0);
    f.certificate = new QLineEdit(certificateRow);
    f.certificate->setObjectName(QStringLiteral("certificate"));
    f.certificate->setPlaceholderText(tr("the server's certificate (.crt), for “verified”"));
    f.browse = new QPushButton(tr("Browse…"), certificateRow);
    certificateLayout->addWidget(f.certificate, 1);
    certificateLayout->addWidget(f.browse);
    dialog.addRow(tr("Server's certificate:"), certificateRow);
    f.remember = new QCheckBox(tr("Remember the password in this computer's keychain"), &dialog);
    f.remember->setObjectName(QStringLiteral("remember"));
    dialog.addRow(QString(), f.remember);
    auto* test = new QPushButton(tr("&Test the connection"), &dialog);
    test->setObjectName(QStringLiteral("testConnection"));
    dialog.addRow(QString(), test);

    const auto certificateWanted = [&f]() {
        const bool verify = FormDialog::choice<TlsMode>(f.tls) == TlsMode::VerifyFull;
        f.certificate->setEnabled(verify);
        f.browse->setEnabled(verify);
    };
    QObject::connect(f.tls, &QComboBox::currentIndexChanged, &dialog, certificateWanted);
    QObject::connect(f.browse, &QPushButton::clicked, &dialog, [&dialog, &f]() {
        const QString file = QFileDialog::getOpenFileName(&dialog, tr("Server's certificate"), QString(),
                                                          tr("Certificates (*.crt *.pem);;All files (*)"));
        if (!file.isEmpty())
            f.certificate->setText(file);
    });
    if (f.saved) {
        QObject::connect(f.saved, &QComboBox::currentIndexChanged, &dialog, [&f, &known](int i) {
            if (i >= 0 && i < known.size())
                f.show(known.at(i));
        });
        f.show(known.constFirst());
    }
    certificateWanted();
    dialog.markSaved();

    QObject::connect(test, &QPushButton::clicked, &dialog, [&dialog, &f]() {
        auto location = f.location();
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        auto db = location ? Database::open(*location, Database::OpenMode::ReadOnly)
                           : Result<std::unique_ptr<Database>>(std::unexpected(location.error()));
        QGuiApplication::restoreOverrideCursor();
        if (!db) {
            dialog.banner()->showMessage(MessageBanner::Kind::Error, db.error().message);
        } else if ((*db)->schemaVersion() < Database::latestSchemaVersion()) {
            dialog.banner()->showMessage(
                MessageBanner::Kind::Warning,
                tr("The connection works. The database is of an older version of Établi: it will be upgraded "
                   "when the first PC connects with this version (its tables' owner must do it: etabli-cli "
                   "migrate)."));
        } else {
            dialog.banner()->showMessage(MessageBanner::Kind::Success,
                                         tr("The connection works: an Établi database, ready."));
        }
        dialog.banner()->show();
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
        if (f.remember->isChecked()) {
            if (auto stored = ServerPasswords::store(*location, location->password); !stored) {
                f.remember->setChecked(false);
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
