#pragma once

#include "storage/databaselocation.h"
#include "util/error.h"

#include <QCoreApplication>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace etabli {

class FormDialog;

// The rows that address the school's PostgreSQL server in a dialog: the
// server, its port, the database, the login and its password, how the
// connection is secured and the server's certificate. Shared by the
// connection dialog and the assistant that moves a school onto the server.
class ServerFields
{
    Q_DECLARE_TR_FUNCTIONS(ServerFields)

public:
    // Adds the rows to `dialog`; `loginLabel` names the login asked.
    ServerFields(FormDialog& dialog, const QString& loginLabel);

    // Shows an address (its password too, when it holds one).
    void show(const DatabaseLocation& location) const;
    // The address typed, or the French message saying what is missing.
    Result<DatabaseLocation> location() const;

    QLineEdit* password() const { return m_password; }

private:
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QLineEdit* m_database = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QComboBox* m_tls = nullptr;
    QLineEdit* m_certificate = nullptr;
    QPushButton* m_browse = nullptr;
};

} // namespace etabli
