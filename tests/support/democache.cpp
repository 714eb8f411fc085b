#include "support/democache.h"

#include "storage/database.h"
#include "storage/databasecopy.h"
#include "support/testdatabase.h"
#include "support/testenv.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcessEnvironment>
#include <stdexcept>
#include <unistd.h>

namespace etabli::test {

namespace {

[[noreturn]] void fail(const QString& what)
{
    throw std::runtime_error(what.toStdString());
}

QString cacheDir()
{
    static const QString dir = [] {
        QString d = QProcessEnvironment::systemEnvironment().value(QStringLiteral("ETABLI_TEST_CACHE"));
#ifdef ETABLI_TEST_CACHE_DEFAULT
        if (d.isEmpty())
            d = QStringLiteral(ETABLI_TEST_CACHE_DEFAULT);
#endif
        if (d.isEmpty())
            d = tempRoot() + QStringLiteral("/cache");
        if (!QDir().mkpath(d))
            fail(QStringLiteral("cannot create the test cache folder ") + d);
        return d;
    }();
    return dir;
}

// The generator's build: the etabli_core library the tests were linked with
// (its size and time), or the running test program when it is not there.
QString generatorStamp()
{
#ifdef ETABLI_CORE_LIBRARY
    QFileInfo lib(QStringLiteral(ETABLI_CORE_LIBRARY));
#else
    QFileInfo lib;
#endif
    if (!lib.exists())
        lib = QFileInfo(QCoreApplication::applicationFilePath());
    return QStringLiteral("%1.%2").arg(lib.size()).arg(lib.lastModified().toMSecsSinceEpoch());
}

QString summaryPath(const QString& demoFile)
{
    return demoFile + QStringLiteral(".json");
}

QJsonObject toJson(const DemoGenerator::Summary& s)
{
    return {{QStringLiteral("sections"), s.sections},
            {QStringLiteral("trainees"), s.trainees},
            {QStringLiteral("schoolYears"), s.schoolYears},
            {QStringLiteral("attendanceRows"), s.attendanceRows},
            {QStringLiteral("productionEntries"), s.productionEntries},
            {QStringLiteral("invoices"), s.invoices},
            {QStringLiteral("workOrders"), s.workOrders},
            {QStringLiteral("tyreSets"), s.tyreSets},
            {QStringLiteral("gifts"), s.gifts},
            {QStringLiteral("fundingRows"), s.fundingRows}};
}

DemoGenerator::Summary fromJson(const QJsonObject& o)
{
    DemoGenerator::Summary s;
    s.sections = o.value(QStringLiteral("sections")).toInt();
    s.trainees = o.value(QStringLiteral("trainees")).toInt();
    s.schoolYears = o.value(QStringLiteral("schoolYears")).toInt();
    s.attendanceRows = o.value(QStringLiteral("attendanceRows")).toInt();
    s.productionEntries = o.value(QStringLiteral("productionEntries")).toInt();
    s.invoices = o.value(QStringLiteral("invoices")).toInt();
    s.workOrders = o.value(QStringLiteral("workOrders")).toInt();
    s.tyreSets = o.value(QStringLiteral("tyreSets")).toInt();
    s.gifts = o.value(QStringLiteral("gifts")).toInt();
    s.fundingRows = o.value(QStringLiteral("fundingRows")).toInt();
    return s;
}

DemoGenerator::Summary generate(const DemoSpec& spec, const DatabaseLocation& where)
{
    auto db = Database::open(where, Database::OpenMode::CreateNew);
    if (!db)
        fail(db.error().message + QLatin1Char(' ') + db.error().detail);
    auto summary = DemoGenerator(**db, spec.options()).run();
    if (!summary)
        fail(summary.error().message + QLatin1Char(' ') + summary.error().detail);
    return *summary;
}

// The cached SQLite demo copied into the server's database `where` as a
// school is moved there (DatabaseCopy): the same rows as generating it on
// PostgreSQL (the generator's determinism test compares both), in a fraction
// of the time.
void copyCachedDemo(const DemoSpec& spec, const DatabaseLocation& where);

void removeSqliteFiles(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QString::fromLatin1(suffix));
}

} // namespace

DemoSpec DemoSpec::federation()
{
    DemoSpec s;
    s.scale = DemoGenerator::Scale::Federation;
    s.productionLog = false;
    return s;
}

DemoGenerator::Options DemoSpec::options() const
{
    DemoGenerator::Options o;
    o.scale = scale;
    o.seed = seed;
    o.referenceDate = referenceDate;
    o.productionLog = productionLog;
    o.federationOrders = federationOrders;
    return o;
}

QString DemoSpec::key() const
{
    return QStringLiteral("%1-%2-%3-%4-%5-schema%6-%7")
        .arg(scale == DemoGenerator::Scale::School ? QStringLiteral("school") : QStringLiteral("federation"))
        .arg(seed)
        .arg(referenceDate.toString(QStringLiteral("yyyyMMdd")))
        .arg(productionLog ? QStringLiteral("log") : QStringLiteral("nolog"))
        .arg(federationOrders)
        .arg(Database::latestSchemaVersion())
        .arg(generatorStamp());
}

QString cachedDemoFile(const DemoSpec& spec)
{
    static QHash<QString, QString> known;
    const QString key = spec.key();
    if (auto it = known.constFind(key); it != known.cend())
        return *it;
    const QString file = cacheDir() + QStringLiteral("/demo-") + key + QStringLiteral(".sqlite");
    if (!QFileInfo::exists(file)) {
        // One generates, the others wait for it. A lock left by a crashed
        // process is taken over (its process is gone), never by age.
        QLockFile lock(file + QStringLiteral(".lock"));
        lock.setStaleLockTime(0);
        if (!lock.lock())
            fail(QStringLiteral("cannot lock the demo cache ") + file);
        if (!QFileInfo::exists(file)) {
            const QString tmp = QStringLiteral("%1.%2.tmp").arg(file).arg(::getpid());
            removeSqliteFiles(tmp);
            const DemoGenerator::Summary summary = generate(spec, DatabaseLocation::sqlite(tmp));
            if (QFileInfo::exists(tmp + QStringLiteral("-wal")))
                fail(QStringLiteral("the demo's write-ahead log was not merged into ") + tmp);
            QFile json(summaryPath(file));
            if (!json.open(QIODevice::WriteOnly) || json.write(QJsonDocument(toJson(summary)).toJson()) < 0 ||
                !json.flush())
                fail(QStringLiteral("cannot write ") + summaryPath(file));
            json.close();
            // The file appears whole, or not at all.
            if (!QFile::rename(tmp, file))
                fail(QStringLiteral("cannot rename ") + tmp);
        }
    }
    known.insert(key, file);
    return file;
}

DemoGenerator::Summary demoSummary(const DemoSpec& spec)
{
    QFile json(summaryPath(cachedDemoFile(spec)));
    if (!json.open(QIODevice::ReadOnly))
        fail(QStringLiteral("cannot read ") + json.fileName());
    return fromJson(QJsonDocument::fromJson(json.readAll()).object());
}

void copyDemoTo(const DemoSpec& spec, const QString& path)
{
    const QString source = cachedDemoFile(spec);
    removeSqliteFiles(path);
    if (!QFile::copy(source, path))
        fail(QStringLiteral("cannot copy the demo to ") + path);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

namespace {

void copyCachedDemo(const DemoSpec& spec, const DatabaseLocation& where)
{
    auto source =
        Database::open(DatabaseLocation::sqlite(cachedDemoFile(spec)), Database::OpenMode::ReadOnly);
    if (!source)
        fail(source.error().message + QLatin1Char(' ') + source.error().detail);
    auto target = Database::open(where, Database::OpenMode::CreateNew);
    if (!target)
        fail(target.error().message + QLatin1Char(' ') + target.error().detail);
    auto copied = DatabaseCopy::copy(**source, **target);
    if (!copied)
        fail(copied.error().message + QLatin1Char(' ') + copied.error().detail);
}

} // namespace

QString demoTemplateDatabase(const DemoSpec& spec, const DatabaseLocation& server)
{
    static QHash<QString, QString> known;
    const QString where = QStringLiteral("%1:%2/%3").arg(server.host).arg(server.port).arg(spec.key());
    if (auto it = known.constFind(where); it != known.cend())
        return *it;
    // PostgreSQL names are at most 63 bytes: a digest of server and key.
    const QString name =
        QStringLiteral("etabli_demo_") +
        QString::fromLatin1(
            QCryptographicHash::hash(where.toUtf8(), QCryptographicHash::Sha1).toHex().left(20));
    const auto exists = [&name] {
        return pgAdminScalar(
                   QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = '%1'").arg(name))
                   .toInt() == 1;
    };
    if (!exists()) {
        QLockFile lock(cacheDir() + QLatin1Char('/') + name + QStringLiteral(".lock"));
        lock.setStaleLockTime(0);
        if (!lock.lock())
            fail(QStringLiteral("cannot lock the demo template ") + name);
        if (!exists()) {
            // Generated under another name, renamed when complete.
            const QString tmp = QStringLiteral("%1_tmp_%2").arg(name).arg(::getpid());
            pgAdminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(tmp));
            pgAdminExec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'").arg(tmp));
            DatabaseLocation location = server;
            location.databaseName = tmp;
            copyCachedDemo(spec, location);
            pgAdminExec(QStringLiteral("ALTER DATABASE %1 RENAME TO %2").arg(tmp, name));
        }
    }
    known.insert(where, name);
    return name;
}

} // namespace etabli::test
