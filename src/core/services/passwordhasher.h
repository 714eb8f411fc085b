#pragma once

#include "util/error.h"

#include <QCoreApplication>
#include <QString>

namespace etabli {

// Argon2id through libsodium (crypto_pwhash_str). The clear password is
// copied into a buffer that is wiped after use; it is never logged.
class PasswordHasher
{
    Q_DECLARE_TR_FUNCTIONS(PasswordHasher)

public:
    static constexpr int kMinimumLength = 12;

    // Refuses passwords shorter than 12 characters, with a French message.
    static Status checkStrength(const QString& password);
    static Result<QString> hash(const QString& password);
    static bool verify(const QString& storedHash, const QString& password);
    // True when the stored hash was made with other parameters than ours.
    static bool needsRehash(const QString& storedHash);
};

} // namespace etabli
