#include "io/archivemanifest.h"

#include "io/files.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStandardPaths>
#include <sodium.h>

namespace etabli {

namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

const unsigned char* bytes(const QByteArray& b)
{
    return reinterpret_cast<const unsigned char*>(b.constData());
}

// Every file under `dir`, relative, with '/' and in a fixed order.
QStringList filesUnder(const QString& dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    const QDir root(dir);
    while (it.hasNext())
        out << root.relativeFilePath(it.next());
    out.sort();
    return out;
}

Result<QByteArray> sha256Of(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(files::error(file, path));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return std::unexpected(files::error(file, path));
    return hash.result().toHex();
}

} // namespace

QString SigningKey::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("cle-signature-archives.key"));
}

Result<SigningKey> SigningKey::loadOrCreate(const QString& path)
{
    if (!sodiumReady())
        return fail(Error::Code::Generic, tr("The cryptography library could not start."));
    SigningKey key;
    key.m_secret.resize(crypto_sign_SECRETKEYBYTES);
    key.m_public.resize(crypto_sign_PUBLICKEYBYTES);
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return std::unexpected(files::error(file, path));
        const QByteArray stored = QByteArray::fromHex(file.readAll().trimmed());
        if (stored.size() != crypto_sign_SECRETKEYBYTES)
            return fail(Error::Code::Corrupt,
                        tr("The archive signing key “%1” is damaged (it is not an Ed25519 key). Put back the "
                           "file kept with the backups.")
                            .arg(QDir::toNativeSeparators(path)));
        key.m_secret = stored;
        crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char*>(key.m_public.data()),
                                     bytes(key.m_secret));
        return key;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(Error::Code::Io,
                    tr("The folder of “%1” cannot be created.").arg(QDir::toNativeSeparators(path)));
    crypto_sign_keypair(reinterpret_cast<unsigned char*>(key.m_public.data()),
                        reinterpret_cast<unsigned char*>(key.m_secret.data()));
    QByteArray hex = key.m_secret.toHex() + '\n';
    auto written = files::write(path, hex, true);
    sodium_memzero(hex.data(), static_cast<size_t>(hex.size()));
    if (!written)
        return std::unexpected(written.error());
    return key;
}

QByteArray SigningKey::sign(const QByteArray& message) const
{
    QByteArray signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr, bytes(message),
                         static_cast<unsigned long long>(message.size()), bytes(m_secret));
    return signature;
}

bool SigningKey::verify(const QByteArray& message, const QByteArray& signature, const QByteArray& publicKey)
{
    if (!sodiumReady() || signature.size() != crypto_sign_BYTES ||
        publicKey.size() != crypto_sign_PUBLICKEYBYTES)
        return false;
    return crypto_sign_verify_detached(bytes(signature), bytes(message),
                                       static_cast<unsigned long long>(message.size()),
                                       bytes(publicKey)) == 0;
}

Status ArchiveManifest::write(const QString& dir, const SigningKey& key)
{
    const QDir root(dir);
    QByteArray manifest;
    for (const QString& name : filesUnder(dir)) {
        if (name == ManifestFile || name == SignatureFile || name == PublicKeyFile)
            continue;
        auto hash = sha256Of(root.filePath(name));
        if (!hash)
            return std::unexpected(hash.error());
        manifest += *hash + "  " + name.toUtf8() + '\n';
    }
    if (auto r = files::write(root.filePath(ManifestFile), manifest); !r)
        return r;
    if (auto r = files::write(root.filePath(SignatureFile), key.sign(manifest).toHex() + '\n'); !r)
        return r;
    return files::write(root.filePath(PublicKeyFile), key.publicKey().toHex() + '\n');
}

Result<ArchiveManifest::Report> ArchiveManifest::verify(const QString& dir, const QString& expectedKey)
{
    const QDir root(dir);
    if (!root.exists())
        return fail(Error::Code::NotFound,
                    tr("The folder “%1” does not exist.").arg(QDir::toNativeSeparators(dir)));
    Report report;
    QByteArray content[3];
    const QStringList own = {ManifestFile, SignatureFile, PublicKeyFile};
    for (int i = 0; i < 3; ++i) {
        QFile f(root.filePath(own.at(i)));
        if (!f.open(QIODevice::ReadOnly)) {
            report.problems << tr("%1 is missing: this folder is not a signed archive of Établi, or it was "
                                  "damaged.")
                                   .arg(own.at(i));
            return report;
        }
        content[i] = f.readAll();
    }
    const QByteArray& manifest = content[0];
    const QByteArray publicKey = QByteArray::fromHex(content[2].trimmed());
    report.publicKey = QString::fromLatin1(publicKey.toHex());
    if (!SigningKey::verify(manifest, QByteArray::fromHex(content[1].trimmed()), publicKey))
        report.problems << tr("%1: the signature does not match: the list of files was changed after the "
                              "archive was made.")
                               .arg(ManifestFile);
    if (!expectedKey.isEmpty() && expectedKey.compare(report.publicKey, Qt::CaseInsensitive) != 0)
        report.problems << tr("%1: the archive is signed with another key than the school's (%2).")
                               .arg(PublicKeyFile, expectedKey.left(16) + QStringLiteral("…"));
    QSet<QString> listed;
    for (const QByteArray& line : manifest.split('\n')) {
        if (line.isEmpty())
            continue;
        const qsizetype gap = line.indexOf("  ");
        if (gap != 64) {
            report.problems
                << tr("%1: a line cannot be read: “%2”.").arg(ManifestFile, QString::fromUtf8(line.left(80)));
            continue;
        }
        const QString name = QString::fromUtf8(line.mid(gap + 2));
        listed.insert(name);
        ++report.files;
        if (name.contains(QLatin1String("..")) || QDir::isAbsolutePath(name)) {
            report.problems << tr("%1: the name “%2” points outside the archive.").arg(ManifestFile, name);
            continue;
        }
        if (!QFileInfo::exists(root.filePath(name))) {
            report.problems << tr("%1: missing.").arg(name);
            continue;
        }
        auto hash = sha256Of(root.filePath(name));
        if (!hash)
            return std::unexpected(hash.error());
        if (*hash != line.left(gap))
            report.problems << tr("%1: changed since the archive was made (its SHA-256 differs).").arg(name);
    }
    for (const QString& name : filesUnder(dir))
        if (!own.contains(name) && !listed.contains(name))
            report.problems << tr("%1: added after the archive was made (not in the manifest).").arg(name);
    return report;
}

} // namespace etabli
