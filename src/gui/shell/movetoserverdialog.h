#pragma once

#include "storage/databaselocation.h"

#include <optional>
#include <QCoreApplication>

class QWidget;

namespace etabli {

// "Déplacer l'école sur le serveur…" (File, for the director): the assistant
// that copies the school open on this PC — a file — into the database made
// ready on the school's server (etabli-cli server init), as the login owning
// its tables. Everything goes, in one transaction, checked row by row before
// it is kept (DatabaseCopy::move); the file keeps its data, marked as moved. "Tester" checks
// the server without changing it (DatabaseCopy::readyToReceive).
class MoveToServerDialog
{
    Q_DECLARE_TR_FUNCTIONS(MoveToServerDialog)

public:
    // Once the school is on the server: its address for the PCs, with the
    // daily login set up there (when known) and no password. nullopt when
    // the user cancelled.
    static std::optional<DatabaseLocation> ask(QWidget* parent, const DatabaseLocation& file);
};

} // namespace etabli
