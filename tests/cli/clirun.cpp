#include "cli/clirun.h"

#include "support/democache.h"

#include <catch2/catch.hpp>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>

namespace etabli::test {

Run cli(const QStringList& args, const QProcessEnvironment& extra)
{
    static QTemporaryDir home;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("ETABLI_DATABASE"));
    for (const QString& key : extra.keys())
        env.insert(key, extra.value(key));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ETABLI_CLI_PATH), args);
    REQUIRE(p.waitForFinished(120000));
    Run r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QVariantList firstRow(const QString& file, const QString& sql)
{
    QVariantList row;
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("test-peek"));
        c.setDatabaseName(file);
        REQUIRE(c.open());
        QSqlQuery q(c);
        REQUIRE(q.exec(sql));
        if (q.next())
            for (int i = 0; i < q.record().count(); ++i)
                row << q.value(i);
        q.finish();
        c.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("test-peek"));
    return row;
}

QString schoolDemo(const QTemporaryDir& dir, const QString& name)
{
    const QString db = dir.filePath(name);
    test::copyDemoTo(test::DemoSpec::school(), db);
    return db;
}

QProcessEnvironment demoPassword()
{
    QProcessEnvironment password;
    password.insert(QStringLiteral("ETABLI_PASSWORD"), QStringLiteral("etabli-demo-2026"));
    return password;
}

} // namespace etabli::test
