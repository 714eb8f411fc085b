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
    // Spends the time verify() spends on a hash made now, for an answer that
    // must not reveal that there was no hash to check (an unknown login).
    static void verifyDecoy(const QString& password);

    // Argon2id's work: libsodium's "interactive" cost (64 MiB, 2 passes) is
    // what the application and the CLI always use.
    enum class Cost
    {
        Interactive,
        Minimum
    };
    static Cost cost();
    // The test programs hash with libsodium's minimum cost: at 0.2 s and
    // 64 MiB per hash under the sanitizers, Argon2 was half of the suite's
    // time. Nothing else calls it (docs/security.md).
    static void setCostForTests(Cost cost);
};

} // namespace etabli
