#pragma once

#include "storage/database.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace etabli {

// What `etabli-cli check` verifies, for whoever needs it (the check itself, a
// school moved to a server or copied back): the engine's integrity, then the
// chains of what Établi issued — the log of changes, invoices and payments,
// the amounts due, the tax receipts, the closings — and that every counter
// is whole up to its last number. Reads only.
class DatabaseCheck
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseCheck)

public:
    struct Line
    {
        QString text; // French, one line
        bool ok = true;
    };
    struct Report
    {
        Database::IntegrityReport integrity;
        // False when the schema is older than this version's: the chains are
        // read with today's columns, so once Établi has upgraded the database.
        bool chainsChecked = false;
        QList<Line> chains;
        bool ok() const;
    };

    static Result<Report> run(Database& db);
};

} // namespace etabli
