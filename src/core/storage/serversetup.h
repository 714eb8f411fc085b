#pragma once

#include "storage/databaselocation.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QString>

namespace etabli {

// A school's PostgreSQL server made ready for Établi, as its administrator
// (etabli-cli server init): the database, the role that owns its tables and
// runs the upgrades, and the daily role the PCs log in with (which reads and
// writes rows, owns nothing: Database::grantDailyRole), each with a password
// generated here. The schema is created, without a school: the school's file
// is then moved there (etabli-cli migrate --from … --to …) or a new school
// made from a PC. Refused, nothing changed, when the database or a role
// already exists.
class ServerSetup
{
    Q_DECLARE_TR_FUNCTIONS(ServerSetup)

public:
    struct Made
    {
        DatabaseLocation owner; // with its password
        DatabaseLocation daily; // with its password
    };

    // `admin`: a superuser's address on the server (its database: postgres).
    static Result<Made> init(const DatabaseLocation& admin, const QString& databaseName,
                             const QString& ownerRole, const QString& dailyRole);
    // A password of 24 letters and digits from the system's random source.
    static QString generatePassword();
};

} // namespace etabli
