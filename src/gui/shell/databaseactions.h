#pragma once

#include "domain/user.h"
#include "services/userservice.h"
#include "storage/database.h"
#include "util/error.h"

#include <memory>
#include <optional>
#include <QCoreApplication>
#include <QString>

class QWidget;

namespace etabli {
class Clock;
}

namespace etabli {

// Creating, opening and copying a school's database from the GUI. The
// non-interactive parts are separate so that tests and the startup code can
// use them without dialogs.
class DatabaseActions
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseActions)

public:
    using Opened = Result<std::unique_ptr<Database>>;

    static Opened open(const DatabaseLocation& location);
    // Opens, asking the PostgreSQL server's password when the server wants
    // one that neither the address, PGPASSWORD nor a .pgpass file gave (and
    // again when the server refuses it). Kept in memory only.
    static Opened openAsking(QWidget* parent, DatabaseLocation location);
    static Opened createSchool(const DatabaseLocation& location, const QString& schoolName,
                               const SetupService::Director& director, const QStringList& sections);
    // The demonstration school lives in its own file; made on first use.
    static Opened openDemo(const QString& path = defaultDemoPath());
    // Where a new school's database is proposed: Documents/Établi/ecole.sqlite
    // (ecole-2.sqlite… when taken); its backups go to "sauvegardes" beside it.
    static QString suggestedNewPath();
    static QString defaultDemoPath();

    // Interactive: ask what is needed, report failures in a message box.
    // Return null when the user cancelled or it failed.
    // Creates the school and its director's account, and logs the director in.
    static std::unique_ptr<Database> askCreateSchool(QWidget* parent, UserContext* user);
    // Asks who is acting on `db`: the login dialog, or the director's account
    // for a database that has none yet. nullopt when cancelled.
    static std::optional<UserContext> askLogIn(QWidget* parent, Database& db, const Clock& clock);
    static std::unique_ptr<Database> askOpen(QWidget* parent);
    static void askSaveCopy(QWidget* parent, Database& db, const Clock& clock, const UserContext& user);
    static void showError(QWidget* parent, const QString& title, const Error& error);
};

} // namespace etabli
