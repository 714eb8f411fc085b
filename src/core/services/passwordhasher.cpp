#include "services/passwordhasher.h"

#include <atomic>
#include <mutex>
#include <QByteArray>
#include <sodium.h>

namespace etabli {

namespace {

std::atomic<PasswordHasher::Cost> g_cost{PasswordHasher::Cost::Interactive};

unsigned long long operationsLimit(PasswordHasher::Cost cost)
{
    return cost == PasswordHasher::Cost::Interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE
                                                     : crypto_pwhash_OPSLIMIT_MIN;
}

size_t memoryLimit(PasswordHasher::Cost cost)
{
    return cost == PasswordHasher::Cost::Interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE
                                                     : crypto_pwhash_MEMLIMIT_MIN;
}

bool ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

// A UTF-8 copy of a password that wipes itself.
class SecretBytes
{
public:
    explicit SecretBytes(const QString& text) : m_bytes(text.toUtf8()) {}
    ~SecretBytes() { sodium_memzero(m_bytes.data(), static_cast<size_t>(m_bytes.size())); }
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    const char* data() const { return m_bytes.constData(); }
    unsigned long long size() const { return static_cast<unsigned long long>(m_bytes.size()); }

private:
    QByteArray m_bytes;
};

} // namespace

Status PasswordHasher::checkStrength(const QString& password)
{
    if (password.size() < kMinimumLength)
        return fail(Error::Code::InvalidInput,
                    tr("The password must have at least %1 characters.").arg(kMinimumLength));
    if (password.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("The password cannot be only spaces."));
    return {};
}

Result<QString> PasswordHasher::hash(const QString& password)
{
    if (!ensureSodium())
        return fail(Error::Code::Generic, tr("The cryptography library could not start."));
    SecretBytes secret(password);
    char out[crypto_pwhash_STRBYTES];
    const Cost current = cost();
    if (crypto_pwhash_str(out, secret.data(), secret.size(), operationsLimit(current),
                          memoryLimit(current)) != 0)
        return fail(Error::Code::Generic, tr("Not enough memory to protect the password."));
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString& storedHash, const QString& password)
{
    if (!ensureSodium() || storedHash.isEmpty())
        return false;
    const QByteArray stored = storedHash.toLatin1();
    SecretBytes secret(password);
    return crypto_pwhash_str_verify(stored.constData(), secret.data(), secret.size()) == 0;
}

bool PasswordHasher::needsRehash(const QString& storedHash)
{
    if (!ensureSodium())
        return false;
    const QByteArray stored = storedHash.toLatin1();
    const Cost current = cost();
    return crypto_pwhash_str_needs_rehash(stored.constData(), operationsLimit(current),
                                          memoryLimit(current)) != 0;
}

void PasswordHasher::verifyDecoy(const QString& password)
{
    // One throw-away hash per cost, made the first time it is needed.
    static std::mutex mutex;
    static QString decoys[2];
    QString decoy;
    {
        const std::lock_guard lock(mutex);
        QString& made = decoys[cost() == Cost::Interactive ? 0 : 1];
        if (made.isEmpty())
            made = hash(QStringLiteral("decoy-password-not-used")).value_or(QString());
        decoy = made;
    }
    (void)verify(decoy, password);
}

PasswordHasher::Cost PasswordHasher::cost()
{
    return g_cost.load();
}

void PasswordHasher::setCostForTests(Cost cost)
{
    g_cost.store(cost);
}

} // namespace etabli
