#pragma once

#include "storage/databaselocation.h"

#include <memory>
#include <optional>
#include <QCoreApplication>

class QWidget;

namespace etabli {

class AppSettings;
class Database;

// "Se connecter au serveur de l'école…" (the welcome dialog, File): the
// server, its port, the database, the PostgreSQL login and password, how
// the connection is secured; "Tester la connexion" says in French what
// fails (no server there, the password refused, not an Établi database, a
// newer schema). The connections made are remembered in the settings
// without their password; the password goes to the system's keychain when
// "Mémoriser" is ticked, otherwise it is asked at each start.
class ConnectDialog
{
    Q_DECLARE_TR_FUNCTIONS(ConnectDialog)

public:
    // The database connected to, or null when the user cancelled. The
    // fields show `proposed` when given (after a school was moved onto the
    // server), otherwise the last connection saved.
    static std::unique_ptr<Database> ask(QWidget* parent, AppSettings& settings,
                                         const std::optional<DatabaseLocation>& proposed = std::nullopt);
};

} // namespace etabli
