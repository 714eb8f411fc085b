#include "gui/common/serverpasswords.h"

#include "storage/databaselocation.h"
#include "util/logging.h"

#include <atomic>
#include <QEventLoop>
#include <qt6keychain/keychain.h>
#include <spdlog/spdlog.h>

namespace etabli {

namespace {

std::atomic<bool> disabled{false};

const QString service = QStringLiteral("Établi");

QString keyOf(const DatabaseLocation& location)
{
    return QStringLiteral("%1@%2:%3/%4")
        .arg(location.user, location.host)
        .arg(location.port)
        .arg(location.databaseName);
}

// A keychain job run to its end (they answer through the event loop).
void runToEnd(QKeychain::Job& job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}

} // namespace

void ServerPasswords::setDisabled(bool off)
{
    disabled = off;
}

std::optional<QString> ServerPasswords::read(const DatabaseLocation& location)
{
    if (disabled || location.isSqlite())
        return std::nullopt;
    QKeychain::ReadPasswordJob job(service);
    job.setKey(keyOf(location));
    runToEnd(job);
    if (job.error() != QKeychain::NoError) {
        if (job.error() != QKeychain::EntryNotFound)
            logging::get("gui")->info("keychain not read: {}", job.errorString().toStdString());
        return std::nullopt;
    }
    return job.textData();
}

Status ServerPasswords::store(const DatabaseLocation& location, const QString& password)
{
    const auto unavailable = [](const QString& detail) {
        return fail(Error::Code::Io,
                    tr("This computer has no keychain Établi can use: the password cannot be remembered. "
                       "Connect without “Remember”: the password will be asked at each start."),
                    detail);
    };
    if (disabled)
        return unavailable(QStringLiteral("keychain disabled"));
    QKeychain::WritePasswordJob job(service);
    job.setKey(keyOf(location));
    job.setTextData(password);
    runToEnd(job);
    if (job.error() != QKeychain::NoError)
        return unavailable(job.errorString());
    return {};
}

void ServerPasswords::forget(const DatabaseLocation& location)
{
    if (disabled || location.isSqlite())
        return;
    QKeychain::DeletePasswordJob job(service);
    job.setKey(keyOf(location));
    runToEnd(job);
}

} // namespace etabli
