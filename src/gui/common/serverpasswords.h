#pragma once

#include "util/error.h"

#include <optional>
#include <QCoreApplication>
#include <QString>

namespace etabli {

struct DatabaseLocation;

// The PostgreSQL passwords a user asked Établi to remember ("Mémoriser"),
// kept in the system's keychain (QtKeychain: the Windows credential store,
// the macOS keychain, the Secret Service of a Linux desktop) — never in a
// settings file nor in the log. One per login, server, port and database.
class ServerPasswords
{
    Q_DECLARE_TR_FUNCTIONS(ServerPasswords)

public:
    // The password remembered for the location's login, if any (none when
    // the keychain is out of reach too).
    static std::optional<QString> read(const DatabaseLocation& location);
    // Refused with a French message when the system has no keychain.
    static Status store(const DatabaseLocation& location, const QString& password);
    static void forget(const DatabaseLocation& location);

    // For tests: no keychain is reached (each call behaves as on a PC without one).
    static void setDisabled(bool disabled);
};

} // namespace etabli
