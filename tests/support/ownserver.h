#pragma once

// A PostgreSQL cluster of the test's own, to stop and start again (a server
// that goes away), started like scripts/test.sh's: trust for the test's role,
// on 127.0.0.1 and a free port. Usable only as root with PostgreSQL's
// programs installed (the CI machine); otherwise `isUsable()` is false and
// the test says so.

#include "storage/databaselocation.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QStringList>
#include <QTemporaryDir>
#include <unistd.h>

namespace etabli::test {

class OwnServer
{
public:
    OwnServer()
    {
        const QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql"))
                                         .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        if (::getuid() != 0 || versions.isEmpty() || !m_dir.isValid())
            return;
        m_bin = QStringLiteral("/usr/lib/postgresql/%1/bin/").arg(versions.last());
        m_port = 41000 + static_cast<int>(QRandomGenerator::global()->bounded(9000));
        if (!as_postgres({QStringLiteral("chown"), QStringLiteral("postgres"), m_dir.path()}, true) ||
            !as_postgres({m_bin + QStringLiteral("initdb"), QStringLiteral("-D"), data(),
                          QStringLiteral("-U"), QStringLiteral("etabli"), QStringLiteral("--auth=trust"),
                          QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8")}))
            return;
        m_usable = start();
    }
    ~OwnServer()
    {
        if (m_usable)
            as_postgres({m_bin + QStringLiteral("pg_ctl"), QStringLiteral("-D"), data(), QStringLiteral("-m"),
                         QStringLiteral("immediate"), QStringLiteral("stop")});
    }
    OwnServer(const OwnServer&) = delete;
    OwnServer& operator=(const OwnServer&) = delete;

    bool isUsable() const { return m_usable; }
    DatabaseLocation location(const QString& database = QStringLiteral("postgres")) const
    {
        DatabaseLocation l;
        l.kind = DatabaseLocation::Kind::PostgreSQL;
        l.host = QStringLiteral("127.0.0.1");
        l.port = m_port;
        l.user = QStringLiteral("etabli");
        l.databaseName = database;
        return l;
    }
    // The server stopped at once, as when its PC is switched off.
    bool stop()
    {
        return as_postgres({m_bin + QStringLiteral("pg_ctl"), QStringLiteral("-D"), data(),
                            QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
                            QStringLiteral("stop")});
    }
    bool start()
    {
        return as_postgres({m_bin + QStringLiteral("pg_ctl"), QStringLiteral("-D"), data(),
                            QStringLiteral("-l"), m_dir.filePath(QStringLiteral("log")), QStringLiteral("-w"),
                            QStringLiteral("-o"),
                            QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off")
                                .arg(m_port)
                                .arg(m_dir.path()),
                            QStringLiteral("start")});
    }

private:
    QString data() const { return m_dir.filePath(QStringLiteral("data")); }
    bool as_postgres(QStringList command, bool asRoot = false) const
    {
        QProcess p;
        if (asRoot) {
            const QString program = command.takeFirst();
            p.start(program, command);
        } else {
            p.start(QStringLiteral("runuser"),
                    QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} +
                        command);
        }
        return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    QTemporaryDir m_dir{QStringLiteral("/tmp/etabli-own-pg-XXXXXX")};
    QString m_bin;
    int m_port = 0;
    bool m_usable = false;
};

} // namespace etabli::test
