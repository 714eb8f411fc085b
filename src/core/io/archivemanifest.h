#pragma once

#include "util/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace etabli {

// The Ed25519 key (libsodium) that signs the yearly archives. It is kept in
// a file outside the database, readable by its owner only, so that a copy of
// the database cannot sign an archive; the database registers its public key.
class SigningKey
{
    Q_DECLARE_TR_FUNCTIONS(SigningKey)

public:
    // Where the key lives by default: the user's application data folder.
    static QString defaultPath();
    // Reads the key, or makes one (and its folder) when the file does not exist.
    static Result<SigningKey> loadOrCreate(const QString& path);

    QByteArray publicKey() const { return m_public; } // 32 bytes
    QString publicKeyHex() const { return QString::fromLatin1(m_public.toHex()); }
    QByteArray sign(const QByteArray& message) const; // 64 bytes
    static bool verify(const QByteArray& message, const QByteArray& signature, const QByteArray& publicKey);

private:
    QByteArray m_secret; // 64 bytes: the seed and the public key
    QByteArray m_public;
};

// A folder's manifest: each file's SHA-256 in MANIFESTE.sha256 (the format
// of `sha256sum -c`), the manifest's Ed25519 signature in MANIFESTE.sig and
// the public key in CLE-PUBLIQUE.txt, both in hex.
class ArchiveManifest
{
    Q_DECLARE_TR_FUNCTIONS(ArchiveManifest)

public:
    static inline const QString ManifestFile = QStringLiteral("MANIFESTE.sha256");
    static inline const QString SignatureFile = QStringLiteral("MANIFESTE.sig");
    static inline const QString PublicKeyFile = QStringLiteral("CLE-PUBLIQUE.txt");

    // Lists every file under `dir` (but those three), hashes and signs.
    static Status write(const QString& dir, const SigningKey& key);

    struct Report
    {
        int files = 0;        // listed in the manifest
        QString publicKey;    // hex, as found in the folder
        QStringList problems; // one French sentence each, naming the file
        bool ok() const { return problems.isEmpty(); }
    };
    // Checks the signature, then each file against the manifest, and that no
    // file was added. `expectedKey` (hex), when given, must be the signer's.
    static Result<Report> verify(const QString& dir, const QString& expectedKey = QString());
};

} // namespace etabli
