#include "support/testdatabase.h"

#include "domain/section.h"
#include "services/authservice.h"
#include "services/userservice.h"
#include "util/clock.h"

#include <atomic>
#include <QCryptographicHash>
#include <QFile>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <stdexcept>
#include <unistd.h>

namespace etabli::test {

namespace {

QString pgServer()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("ETABLI_TEST_PG"));
}

QSqlDatabase adminConnection()
{
    auto server = DatabaseLocation::parse(pgServer());
    if (!server)
        throw std::runtime_error("ETABLI_TEST_PG is not a postgresql:// URL");
    const QString name = QStringLiteral("etabli-test-admin");
    {
        QSqlDatabase admin = QSqlDatabase::contains(name)
                                 ? QSqlDatabase::database(name)
                                 : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        admin.setHostName(server->host);
        admin.setPort(server->port);
        admin.setUserName(server->user);
        admin.setPassword(server->password);
        admin.setDatabaseName(server->databaseName);
        if (!admin.isOpen() && !admin.open())
            throw std::runtime_error(admin.lastError().text().toStdString());
        return admin;
    }
}

} // namespace

void pgAdminExec(const QString& sql)
{
    QSqlQuery q(adminConnection());
    if (!q.exec(sql))
        throw std::runtime_error(q.lastError().text().toStdString());
}

QVariant pgAdminScalar(const QString& sql)
{
    QSqlQuery q(adminConnection());
    if (!q.exec(sql))
        throw std::runtime_error(q.lastError().text().toStdString());
    return q.next() ? q.value(0) : QVariant();
}

PasswordRole::PasswordRole(TestDatabase& t)
    : m_t(t),
      m_name(
          QStringLiteral("etabli_pw_%1_%2").arg(::getpid()).arg(QRandomGenerator::global()->bounded(100000))),
      m_password(QStringLiteral("Mdp-serveur-%1").arg(QRandomGenerator::global()->generate()))
{
    if (pgAdminScalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = 'etabli_password_users'"))
            .toInt() == 0)
        return;
    pgAdminExec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE etabli_password_users")
                    .arg(m_name, m_password));
    if (auto granted = t.db().grantDailyRole(m_name); !granted)
        throw std::runtime_error(granted.error().detail.toStdString());
    m_usable = true;
}

PasswordRole::~PasswordRole()
{
    if (!m_usable)
        return;
    rawExec(m_t.db(), QStringLiteral("DROP OWNED BY %1").arg(m_name));
    try {
        pgAdminExec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_name));
    } catch (const std::exception&) {
        // Still connected somewhere: the throw-away server goes with the run.
    }
}

DatabaseLocation PasswordRole::location() const
{
    DatabaseLocation where = m_t.location();
    where.user = m_name;
    where.password.clear();
    return where;
}

std::vector<std::string> backends()
{
    std::vector<std::string> out{"sqlite"};
    if (!pgServer().isEmpty())
        out.push_back("postgresql");
    return out;
}

TestDatabase::TestDatabase(const std::string& backend)
{
    if (backend == "sqlite") {
        m_location = DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("ecole.sqlite")));
        return;
    }
    static std::atomic<int> counter{0};
    m_pgName = QStringLiteral("etabli_t_%1_%2").arg(::getpid()).arg(++counter);
    pgAdminExec(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'").arg(m_pgName));
    auto server = DatabaseLocation::parse(pgServer());
    m_location = *server;
    m_location.databaseName = m_pgName;
}

TestDatabase::TestDatabase(const std::string& backend, const DemoSpec& demo)
{
    m_created = true;
    if (backend == "sqlite") {
        m_location = DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("ecole.sqlite")));
        copyDemoTo(demo, m_location.path);
        return;
    }
    auto server = DatabaseLocation::parse(pgServer());
    if (!server)
        throw std::runtime_error("ETABLI_TEST_PG is not a postgresql:// URL");
    const QString source = demoTemplateDatabase(demo, *server);
    static std::atomic<int> counter{0};
    m_pgName = QStringLiteral("etabli_d_%1_%2").arg(::getpid()).arg(++counter);
    pgAdminExec(QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(m_pgName, source));
    m_location = *server;
    m_location.databaseName = m_pgName;
}

TestDatabase::~TestDatabase()
{
    m_db.reset();
    if (!m_pgName.isEmpty()) {
        try {
            pgAdminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgName));
        } catch (const std::exception&) {
        }
    }
}

Database& TestDatabase::db()
{
    if (!m_db) {
        auto opened = Database::open(m_location, m_created ? Database::OpenMode::OpenExisting
                                                           : Database::OpenMode::CreateNew);
        if (!opened)
            throw std::runtime_error(
                (opened.error().message + QLatin1Char(' ') + opened.error().detail).toStdString());
        m_created = true;
        m_db = std::move(*opened);
    }
    return *m_db;
}

Result<std::unique_ptr<Database>> TestDatabase::reopen(Database::OpenMode mode) const
{
    return Database::open(m_location, mode);
}

QByteArray fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

bool rawExec(Database& db, const QString& sql)
{
    QSqlQuery q(db.connection());
    return q.exec(sql);
}

QVariant rawScalar(Database& db, const QString& sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

LentColumns::LentColumns(Database& db, std::initializer_list<Column> columns) : m_db(db), m_columns(columns)
{
    for (const Column& c : m_columns)
        m_lent = m_lent && rawExec(m_db, QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3")
                                             .arg(QLatin1String(c.table), QLatin1String(c.name),
                                                  QLatin1String(c.definition)));
}

bool LentColumns::giveBack()
{
    bool ok = true;
    for (const Column& c : std::as_const(m_columns))
        ok = rawExec(m_db, QStringLiteral("ALTER TABLE %1 DROP COLUMN %2")
                               .arg(QLatin1String(c.table), QLatin1String(c.name))) &&
             ok;
    return ok;
}

LentColumns lendLaterColumns(Database& db)
{
    return LentColumns(db, {{"contact", "city_key", "TEXT NOT NULL DEFAULT ''"}, // schema 26
                            {"invoice", "list_date", "TEXT"},                    // schema 27
                            {"school", "iban", "TEXT NOT NULL DEFAULT ''"},      // schema 30
                            {"school", "bic", "TEXT NOT NULL DEFAULT ''"},
                            {"donation", "reference", "TEXT NOT NULL DEFAULT ''"}}); // schema 32
}

} // namespace etabli::test

namespace etabli::test {

UserContext createSchool(Database& db, const QString& name)
{
    SystemClock clock;
    const SetupService::Director director{QStringLiteral("direction"), QStringLiteral("Martine Vuillemin"),
                                          directorPassword()};
    // The sample school's two workshops.
    if (auto r = SetupService(db, clock).createSchool(name, director, Section::defaultNames()); !r)
        throw std::runtime_error(r.error().message.toStdString());
    return logIn(db, director.login, director.password);
}

UserContext logIn(Database& db, const QString& login, const QString& password)
{
    SystemClock clock;
    auto user = AuthService(db, clock).login(login, password);
    if (!user)
        throw std::runtime_error(
            (user.error().message + QLatin1Char(' ') + user.error().detail).toStdString());
    return *user;
}

} // namespace etabli::test
