#include "gui/shell/serverfields.h"

#include "gui/common/formdialog.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace etabli {

ServerFields::ServerFields(FormDialog& dialog, const QString& loginLabel)
{
    m_host = new QLineEdit(&dialog);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("e.g. secretariat or 192.168.1.10"));
    dialog.addRow(tr("Server:"), m_host);
    m_port = new QSpinBox(&dialog);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    dialog.addRow(tr("Port:"), m_port);
    m_database = new QLineEdit(QStringLiteral("ecole"), &dialog);
    m_database->setObjectName(QStringLiteral("database"));
    dialog.addRow(tr("Database:"), m_database);
    m_user = new QLineEdit(&dialog);
    m_user->setObjectName(QStringLiteral("user"));
    dialog.addRow(loginLabel, m_user);
    m_password = new QLineEdit(&dialog);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    dialog.addRow(tr("Password:"), m_password);
    m_tls = FormDialog::choiceField(TlsMode::Prefer, &dialog);
    m_tls->setObjectName(QStringLiteral("tls"));
    dialog.addRow(tr("Security:"), m_tls);
    auto* certificateRow = new QWidget(&dialog);
    auto* certificateLayout = new QHBoxLayout(certificateRow);
    certificateLayout->setContentsMargins(0, 0, 0, 0);
    m_certificate = new QLineEdit(certificateRow);
    m_certificate->setObjectName(QStringLiteral("certificate"));
    m_certificate->setPlaceholderText(tr("the server's certificate (.crt), for “verified”"));
    m_browse = new QPushButton(tr("Browse…"), certificateRow);
    certificateLayout->addWidget(m_certificate, 1);
    certificateLayout->addWidget(m_browse);
    dialog.addRow(tr("Server's certificate:"), certificateRow);

    const auto certificateWanted = [this]() {
        const bool verify = FormDialog::choice<TlsMode>(m_tls) == TlsMode::VerifyFull;
        m_certificate->setEnabled(verify);
        m_browse->setEnabled(verify);
    };
    QObject::connect(m_tls, &QComboBox::currentIndexChanged, &dialog, certificateWanted);
    QObject::connect(m_browse, &QPushButton::clicked, &dialog, [&dialog, this]() {
        const QString file = QFileDialog::getOpenFileName(&dialog, tr("Server's certificate"), QString(),
                                                          tr("Certificates (*.crt *.pem);;All files (*)"));
        if (!file.isEmpty())
            m_certificate->setText(file);
    });
    certificateWanted();
}

void ServerFields::show(const DatabaseLocation& l) const
{
    m_host->setText(l.host);
    m_port->setValue(l.port);
    m_database->setText(l.databaseName);
    m_user->setText(l.user);
    m_password->setText(l.password);
    m_tls->setCurrentIndex(m_tls->findData(static_cast<int>(l.tls)));
    m_certificate->setText(l.sslRootCert);
}

Result<DatabaseLocation> ServerFields::location() const
{
    DatabaseLocation l;
    l.kind = DatabaseLocation::Kind::PostgreSQL;
    l.host = m_host->text().trimmed();
    l.port = m_port->value();
    l.databaseName = m_database->text().trimmed();
    l.user = m_user->text().trimmed();
    l.password = m_password->text();
    l.tls = FormDialog::choice<TlsMode>(m_tls);
    l.sslRootCert = l.tls == TlsMode::VerifyFull ? m_certificate->text().trimmed() : QString();
    if (l.host.isEmpty())
        return fail(Error::Code::InvalidInput,
                    tr("Give the server: its name on the network or its address (192.168.1.10)."));
    if (l.databaseName.isEmpty())
        return fail(Error::Code::InvalidInput, tr("Give the database's name (ecole)."));
    if (l.user.isEmpty())
        return fail(Error::Code::InvalidInput, tr("Give the PostgreSQL login."));
    if (l.tls == TlsMode::VerifyFull && l.sslRootCert.isEmpty())
        return fail(Error::Code::InvalidInput,
                    tr("To verify the server, give its certificate (the .crt file its "
                       "administrator gave)."));
    return l;
}

} // namespace etabli
