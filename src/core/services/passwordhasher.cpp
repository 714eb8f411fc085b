#include "services/passwordhasher.h"

#include <QByteArray>
#include <sodium.h>

namespace etabli {

namespace {

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
    if (crypto_pwhash_str(out, secret.data(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
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
    return crypto_pwhash_str_needs_rehash(stored.constData(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

} // namespace etabli
