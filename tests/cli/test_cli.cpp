#include "cli/clirun.h"
#include "domain/money.h"
#include "support/pdftext.h"
#include "support/smalldisk.h"
#include "support/testdatabase.h"
#include "support/xlsxread.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

using namespace etabli;

using etabli::test::cli;
using etabli::test::demoPassword;
using etabli::test::firstRow;
using etabli::test::Run;
using etabli::test::schoolDemo;

TEST_CASE("etabli-cli: version, help and bad usage", "[cli]")
{
    auto v = cli({QStringLiteral("--version")});
    CHECK(v.code == 0);
    CHECK(v.out.startsWith(QStringLiteral("etabli-cli ")));

    auto none = cli({});
    CHECK(none.code == 2);
    CHECK(none.err.contains(QStringLiteral("Usage")));

    auto unknown = cli({QStringLiteral("réparer")});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.contains(QStringLiteral("Commande inconnue")));

    for (const char* command : {"init", "demo", "check", "backup", "migrate"}) {
        INFO(command);
        auto help = cli({QString::fromLatin1(command), QStringLiteral("--help")});
        CHECK(help.code == 0);
        CHECK(help.out.contains(QStringLiteral("--database")));
        auto badOption = cli({QString::fromLatin1(command), QStringLiteral("--pas-une-option")});
        CHECK(badOption.code == 2);
        CHECK_FALSE(badOption.err.isEmpty());
    }
    // Paths of this test's own folder: tests run side by side.
    QTemporaryDir dir;
    const QString never = dir.filePath(QStringLiteral("never-created.sqlite"));
    auto badScale = cli({QStringLiteral("demo"), QStringLiteral("--scale"), QStringLiteral("galaxie"),
                         QStringLiteral("--database"), never});
    CHECK(badScale.code == 2);
    CHECK(badScale.err.contains(QStringLiteral("Échelle inconnue")));
    CHECK_FALSE(QFileInfo::exists(never));
    auto noOut = cli(
        {QStringLiteral("backup"), QStringLiteral("--database"), dir.filePath(QStringLiteral("x.sqlite"))});
    CHECK(noOut.code == 2);
}

TEST_CASE("etabli-cli init, check and backup on SQLite", "[cli]")
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("ecole.sqlite"));
    QProcessEnvironment password;
    password.insert(QStringLiteral("ETABLI_PASSWORD"), QStringLiteral("un-mot-de-passe-solide"));
    auto init = cli({QStringLiteral("init"), QStringLiteral("--database"), db,
                     QStringLiteral("--school-name"), QStringLiteral("École de production de Dole"),
                     QStringLiteral("--section"), QStringLiteral("Mécanique"), QStringLiteral("--section"),
                     QStringLiteral("Menuiserie"), QStringLiteral("--user"), QStringLiteral("direction")},
                    password);
    REQUIRE(init.code == 0);
    CHECK(init.out.contains(QStringLiteral("Base créée")));
    // Its workshops, as given (issue 18, item 13), not the sample school's.
    CHECK(
        firstRow(db, QStringLiteral("SELECT group_concat(name, '|') FROM (SELECT name FROM section ORDER BY "
                                    "position)"))
            .value(0)
            .toString() == QStringLiteral("Mécanique|Menuiserie"));
    // The director's password hashed at the application's cost (64 MiB, 2 passes), never the
    // cheap one the test programs use for themselves.
    CHECK(firstRow(db, QStringLiteral("SELECT password_hash FROM app_user WHERE login = 'direction'"))
              .value(0)
              .toString()
              .startsWith(QStringLiteral("$argon2id$v=19$m=65536,t=2,")));
    // Already at this version; a daily role is for PostgreSQL only.
    auto migrate = cli({QStringLiteral("migrate"), QStringLiteral("--database"), db});
    CHECK(migrate.code == 0);
    CHECK(migrate.out.contains(QStringLiteral("(à jour)")));
    auto role = cli({QStringLiteral("migrate"), QStringLiteral("--database"), db,
                     QStringLiteral("--daily-role"), QStringLiteral("etabli_app")});
    CHECK(role.code == 2);
    CHECK(role.err.contains(QStringLiteral("PostgreSQL")));

    auto check = cli({QStringLiteral("check"), QStringLiteral("--database"), db});
    CHECK(check.code == 0);
    CHECK(check.out.contains(QStringLiteral("quick_check) : ok")));
    CHECK(check.out.contains(QStringLiteral("(à jour)")));

    // A second init refuses and leaves the file as it was.
    const QByteArray before = test::fileHash(db);
    auto again = cli({QStringLiteral("init"), QStringLiteral("--database"), db, QStringLiteral("--user"),
                      QStringLiteral("direction")},
                     password);
    CHECK(again.code == 1);
    CHECK(again.err.contains(QStringLiteral("existe déjà")));
    CHECK(test::fileHash(db) == before);

    // ETABLI_DATABASE is used when --database is absent.
    QProcessEnvironment env;
    env.insert(QStringLiteral("ETABLI_DATABASE"), db);
    CHECK(cli({QStringLiteral("check")}, env).code == 0);

    const QString copy = dir.filePath(QStringLiteral("copie.sqlite"));
    auto noUser =
        cli({QStringLiteral("backup"), QStringLiteral("--database"), db, QStringLiteral("--out"), copy});
    CHECK(noUser.code == 2);
    QProcessEnvironment wrong;
    wrong.insert(QStringLiteral("ETABLI_PASSWORD"), QStringLiteral("pas-le-bon-mot-de-passe"));
    auto refused = cli({QStringLiteral("backup"), QStringLiteral("--database"), db, QStringLiteral("--out"),
                        copy, QStringLiteral("--user"), QStringLiteral("direction")},
                       wrong);
    CHECK(refused.code == 1);
    CHECK(refused.err.contains(QStringLiteral("incorrect")));
    CHECK_FALSE(QFileInfo::exists(copy));
    auto backup = cli({QStringLiteral("backup"), QStringLiteral("--database"), db, QStringLiteral("--out"),
                       copy, QStringLiteral("--user"), QStringLiteral("direction")},
                      password);
    CHECK(backup.code == 0);
    CHECK(cli({QStringLiteral("check"), QStringLiteral("--database"), copy}).code == 0);
    const QByteArray copyHash = test::fileHash(copy);
    auto overwrite = cli({QStringLiteral("backup"), QStringLiteral("--database"), db, QStringLiteral("--out"),
                          copy, QStringLiteral("--user"), QStringLiteral("direction")},
                         password);
    CHECK(overwrite.code == 1);
    CHECK(test::fileHash(copy) == copyHash);
}

TEST_CASE("etabli-cli on missing and corrupted files: clear message, nothing written", "[cli]")
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("absente.sqlite"));
    for (const char* command : {"check", "backup"}) {
        INFO(command);
        QStringList args{QString::fromLatin1(command), QStringLiteral("--database"), missing};
        if (QLatin1String(command) == QLatin1String("backup"))
            args << QStringLiteral("--out") << dir.filePath(QStringLiteral("b.sqlite"))
                 << QStringLiteral("--user") << QStringLiteral("direction");
        auto r = cli(args);
        CHECK(r.code == 1);
        CHECK(r.err.contains(QStringLiteral("introuvable")));
        CHECK_FALSE(QFileInfo::exists(missing));
        CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("b.sqlite"))));
    }

    const QString db = schoolDemo(dir, QStringLiteral("abimee.sqlite"));
    QFile f(db);
    REQUIRE(f.open(QIODevice::ReadWrite));
    f.seek(8192);
    f.write(QByteArray(8192, '\xee'));
    f.close();
    const QByteArray before = test::fileHash(db);
    auto check = cli({QStringLiteral("check"), QStringLiteral("--database"), db});
    CHECK(check.code == 1);
    CHECK(check.err.contains(QStringLiteral("endommagée")));
    CHECK(test::fileHash(db) == before);

    const QString text = dir.filePath(QStringLiteral("texte.sqlite"));
    QFile t(text);
    REQUIRE(t.open(QIODevice::WriteOnly));
    t.write("bonjour");
    t.close();
    auto foreign = cli({QStringLiteral("check"), QStringLiteral("--database"), text});
    CHECK(foreign.code == 1);
    CHECK(foreign.err.contains(QStringLiteral("Établi")));
    auto demoOver = cli({QStringLiteral("demo"), QStringLiteral("--database"), text});
    CHECK(demoOver.code == 1);
    CHECK(test::fileHash(text) == QCryptographicHash::hash("bonjour", QCryptographicHash::Sha256).toHex());
}

// The demo is generated once here, on the server when there is one (the
// application's smoke test, support/smoke_app.sh, generates and checks one
// on SQLite); on each backend, a database that already holds a school is
// refused.
TEST_CASE("etabli-cli demo then check, and a second demo refused on each backend", "[cli]")
{
    const auto backends = test::backends();
    {
        test::TestDatabase t(backends.back());
        INFO(backends.back());
        const QString where = t.location().toString();
        auto demo = cli({QStringLiteral("demo"), QStringLiteral("--database"), where,
                         QStringLiteral("--seed"), QStringLiteral("3")});
        REQUIRE(demo.code == 0);
        CHECK(demo.out.contains(QStringLiteral("jeunes")));
        auto check = cli({QStringLiteral("check"), QStringLiteral("--database"), where});
        CHECK(check.code == 0);
    }
    for (const auto& backend : backends) {
        INFO(backend);
        test::TestDatabase t(backend, test::DemoSpec::school());
        auto twice = cli({QStringLiteral("demo"), QStringLiteral("--database"), t.location().toString()});
        CHECK(twice.code == 1);
        CHECK(twice.err.contains(QStringLiteral("déjà")));
    }
}

TEST_CASE("etabli-cli check names the audit row altered by hand", "[cli][audit]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    // Some audited activity: logins through the CLI.
    QProcessEnvironment password;
    password.insert(QStringLiteral("ETABLI_PASSWORD"), QStringLiteral("etabli-demo-2026"));
    for (int i = 0; i < 3; ++i)
        REQUIRE(cli({QStringLiteral("backup"), QStringLiteral("--database"), db, QStringLiteral("--out"),
                     dir.filePath(QStringLiteral("copie-%1.sqlite").arg(i)), QStringLiteral("--user"),
                     QStringLiteral("secretariat")},
                    password)
                    .code == 0);
    auto clean = cli({QStringLiteral("check"), QStringLiteral("--database"), db});
    CHECK(clean.code == 0);
    CHECK(clean.out.contains(QStringLiteral("Journal des modifications : intact (6 lignes)")));

    const auto sqlite3 = [&db](const QString& sql) {
        QProcess p;
        p.start(QStringLiteral("sqlite3"), {db, sql});
        REQUIRE(p.waitForFinished(30000));
        return p.exitCode();
    };
    CHECK(sqlite3(QStringLiteral("DELETE FROM audit_log;")) != 0);
    CHECK(sqlite3(QStringLiteral("UPDATE audit_log SET user_login = 'direction' WHERE id = 3;")) != 0);
    CHECK(cli({QStringLiteral("check"), QStringLiteral("--database"), db}).code == 0);

    // With the protection removed by hand, the change is still caught.
    REQUIRE(sqlite3(QStringLiteral("DROP TRIGGER audit_log_no_update; "
                                   "UPDATE audit_log SET user_login = 'direction' WHERE id = 3;")) == 0);
    auto tampered = cli({QStringLiteral("check"), QStringLiteral("--database"), db});
    CHECK(tampered.code == 1);
    CHECK(tampered.out.contains(QStringLiteral("ALTÉRÉ à la ligne 3")));
}

TEST_CASE("etabli-cli check sees the last invoice, payment or audit row deleted by hand",
          "[cli][audit][legal]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    const auto sqlite3 = [&db](const QString& sql) {
        QProcess p;
        p.start(QStringLiteral("sqlite3"), {db, sql});
        REQUIRE(p.waitForFinished(30000));
        return p.exitCode();
    };
    // Some audited activity (the demo's invented history is not in the log of changes).
    REQUIRE(cli({QStringLiteral("backup"), QStringLiteral("--database"), db, QStringLiteral("--out"),
                 dir.filePath(QStringLiteral("copie.sqlite")), QStringLiteral("--user"),
                 QStringLiteral("secretariat")},
                demoPassword())
                .code == 0);
    auto clean = cli({QStringLiteral("check"), QStringLiteral("--database"), db});
    INFO(clean.out.toStdString());
    REQUIRE(clean.code == 0);
    CHECK(clean.out.contains(QStringLiteral("chaque chaîne est entière")));
    const QString lastInvoice =
        QStringLiteral("(SELECT id FROM invoice WHERE chain_position = (SELECT MAX(chain_position) "
                       "FROM invoice))");
    struct Cut
    {
        QString sql;
        QString said;
    };
    const QList<Cut> cuts = {
        {QStringLiteral(
             "DROP TRIGGER invoice_issued_no_delete; DROP TRIGGER invoice_line_issued_no_delete; DROP "
             "TRIGGER payment_no_delete; DELETE FROM payment WHERE invoice_id = %1; DELETE FROM "
             "invoice_line WHERE invoice_id = %1; DELETE FROM invoice WHERE id = %1;")
             .arg(lastInvoice),
         QStringLiteral("Chaîne des factures")},
        {QStringLiteral(
             "DROP TRIGGER payment_no_delete; DELETE FROM cheque_deposit_item WHERE payment_id = (SELECT "
             "MAX(id) FROM payment); DELETE FROM payment WHERE id = (SELECT MAX(id) FROM payment);"),
         QStringLiteral("Règlements")},
        {QStringLiteral(
             "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM "
             "audit_log);"),
         QStringLiteral("Journal des modifications")},
        {QStringLiteral("DROP TRIGGER closing_no_delete; DELETE FROM closing WHERE chain_position = (SELECT "
                        "MAX(chain_position) FROM closing);"),
         QStringLiteral("Clôtures")},
    };
    const QString original = dir.filePath(QStringLiteral("original.sqlite"));
    REQUIRE(QFile::copy(db, original));
    for (const Cut& cut : cuts) {
        INFO(cut.said.toStdString());
        QFile::remove(db);
        REQUIRE(QFile::copy(original, db));
        REQUIRE(sqlite3(cut.sql) == 0);
        auto cutCheck = cli({QStringLiteral("check"), QStringLiteral("--database"), db});
        INFO(cutCheck.out.toStdString());
        CHECK(cutCheck.code == 1);
        CHECK(cutCheck.out.contains(QStringLiteral("MANQUE")));
        CHECK(cutCheck.out.contains(cut.said));
    }
}

TEST_CASE(
    "etabli-cli archive writes a closed year of the demo that verify-archive checks, naming a changed file",
    "[cli][closing][legal]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    const QString archive = dir.filePath(QStringLiteral("archive-2024"));
    const QString key = dir.filePath(QStringLiteral("cles/archives.key"));
    // The demo closed its months; 2024 is closed (its first year, from September).
    auto open = cli({QStringLiteral("archive"), QStringLiteral("--database"), db, QStringLiteral("--year"),
                     QStringLiteral("2026"), QStringLiteral("--out"), archive, QStringLiteral("--user"),
                     QStringLiteral("secretariat"), QStringLiteral("--key"), key},
                    demoPassword());
    CHECK(open.code == 1);
    CHECK(open.err.contains(QStringLiteral("n'est pas clôturée")));
    CHECK_FALSE(QFileInfo::exists(archive));
    auto made = cli({QStringLiteral("archive"), QStringLiteral("--database"), db, QStringLiteral("--year"),
                     QStringLiteral("2024"), QStringLiteral("--out"), archive, QStringLiteral("--user"),
                     QStringLiteral("secretariat"), QStringLiteral("--key"), key},
                    demoPassword());
    INFO(made.out.toStdString() + made.err.toStdString());
    REQUIRE(made.code == 0);
    // The key is its owner's only; the database knows its public half.
    const QFileDevice::Permissions keyRights = QFileInfo(key).permissions();
    CHECK(keyRights.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    CHECK_FALSE(keyRights & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther |
                             QFileDevice::WriteOther | QFileDevice::ExeOwner));
    const QString publicKey = firstRow(db, QStringLiteral("SELECT value FROM etabli_meta WHERE key = "
                                                          "'archive_public_key'"))
                                  .value(0)
                                  .toString();
    CHECK(publicKey.size() == 64);
    const QStringList invoices = QDir(archive + QStringLiteral("/factures")).entryList(QDir::Files);
    const qint64 issued =
        firstRow(db, QStringLiteral("SELECT COUNT(*) FROM invoice WHERE status = 'issued' AND "
                                    "issue_date LIKE '2024-%'"))
            .value(0)
            .toLongLong();
    CHECK(invoices.size() == issued);
    CHECK(invoices.contains(QStringLiteral("F2024-0001.pdf")));
    for (const char* file :
         {"factures.csv", "lignes.csv", "paiements.csv", "clotures.csv", "recus-fiscaux.csv", "LISEZMOI.txt",
          "MANIFESTE.sha256", "MANIFESTE.sig", "CLE-PUBLIQUE.txt"})
        CHECK(QFileInfo::exists(archive + QLatin1Char('/') + QLatin1String(file)));
    QFile closings(archive + QStringLiteral("/clotures.csv"));
    REQUIRE(closings.open(QIODevice::ReadOnly));
    const QString closingsText = QString::fromUtf8(closings.readAll());
    CHECK(closingsText.contains(QStringLiteral("décembre 2024")));
    CHECK(closingsText.contains(QStringLiteral("Grand total perpétuel")));

    auto verified =
        cli({QStringLiteral("verify-archive"), archive, QStringLiteral("--public-key"), publicKey});
    INFO(verified.out.toStdString());
    CHECK(verified.code == 0);
    CHECK(verified.out.contains(QStringLiteral("Intacte")));

    // One byte of one invoice changed: named, exit 1.
    QFile pdf(archive + QStringLiteral("/factures/F2024-0001.pdf"));
    REQUIRE(pdf.open(QIODevice::ReadWrite));
    REQUIRE(pdf.seek(400));
    char byte = 0;
    REQUIRE(pdf.getChar(&byte));
    REQUIRE(pdf.seek(400));
    REQUIRE(pdf.putChar(static_cast<char>(byte ^ 1)));
    pdf.close();
    auto forged = cli({QStringLiteral("verify-archive"), archive});
    INFO(forged.out.toStdString());
    CHECK(forged.code == 1);
    CHECK(forged.out.contains(QStringLiteral("factures/F2024-0001.pdf")));
    CHECK(forged.out.contains(QStringLiteral("modifié")));
    CHECK(forged.out.count(QStringLiteral("PROBLÈME")) == 1);
}

TEST_CASE("etabli-cli export-person and retention act as a user and list before changing", "[cli][gdpr]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    QProcessEnvironment password;
    password.insert(QStringLiteral("ETABLI_PASSWORD"), QStringLiteral("etabli-demo-2026"));

    auto both =
        cli({QStringLiteral("export-person"), QStringLiteral("--database"), db, QStringLiteral("--user"),
             QStringLiteral("direction"), QStringLiteral("--trainee"), QStringLiteral("1"),
             QStringLiteral("--account"), QStringLiteral("lecture"), QStringLiteral("--out"), dir.path()},
            password);
    CHECK(both.code == 2);
    auto denied = cli({QStringLiteral("export-person"), QStringLiteral("--database"), db,
                       QStringLiteral("--user"), QStringLiteral("secretariat"), QStringLiteral("--trainee"),
                       QStringLiteral("1"), QStringLiteral("--out"), dir.path()},
                      password);
    CHECK(denied.code == 1);
    CHECK(denied.err.contains(QStringLiteral("Accès refusé")));
    auto exported = cli({QStringLiteral("export-person"), QStringLiteral("--database"), db,
                         QStringLiteral("--user"), QStringLiteral("direction"), QStringLiteral("--trainee"),
                         QStringLiteral("1"), QStringLiteral("--out"), dir.path()},
                        password);
    CHECK(exported.code == 0);
    CHECK(QFileInfo::exists(dir.filePath(QStringLiteral("donnees-jeune-1.json"))));
    CHECK(QFileInfo::exists(dir.filePath(QStringLiteral("donnees-jeune-1.html"))));
    // A customer and a volunteer too, each with what is attached to them.
    const QString customer =
        firstRow(db, QStringLiteral("SELECT contact_id FROM invoice ORDER BY id LIMIT 1"))
            .value(0)
            .toString();
    const QString volunteer =
        firstRow(db, QStringLiteral("SELECT staff_id FROM volunteer_hours ORDER BY id LIMIT 1"))
            .value(0)
            .toString();
    for (const auto& [option, id, file, part] :
         {std::tuple{QStringLiteral("--contact"), customer, QStringLiteral("donnees-contact-"),
                     QStringLiteral("factures et avoirs")},
          std::tuple{QStringLiteral("--staff"), volunteer, QStringLiteral("donnees-equipe-"),
                     QStringLiteral("heures de bénévolat")}}) {
        auto person =
            cli({QStringLiteral("export-person"), QStringLiteral("--database"), db, QStringLiteral("--user"),
                 QStringLiteral("direction"), option, id, QStringLiteral("--out"), dir.path()},
                password);
        INFO(person.err.toStdString());
        REQUIRE(person.code == 0);
        QFile json(dir.filePath(file + id + QStringLiteral(".json")));
        REQUIRE(json.open(QIODevice::ReadOnly));
        const QJsonObject data = QJsonDocument::fromJson(json.readAll()).object();
        CHECK_FALSE(data.value(part).toArray().isEmpty());
        CHECK(data.contains(QStringLiteral("journal des modifications")));
    }
    CHECK(cli({QStringLiteral("export-person"), QStringLiteral("--database"), db, QStringLiteral("--user"),
               QStringLiteral("direction"), QStringLiteral("--contact"), QStringLiteral("abc"),
               QStringLiteral("--out"), dir.path()},
              password)
              .code == 2);

    auto listed = cli({QStringLiteral("retention"), QStringLiteral("--database"), db,
                       QStringLiteral("--user"), QStringLiteral("direction")},
                      password);
    CHECK(listed.code == 0);
    CHECK(listed.out.contains(QStringLiteral("Rien n'a été modifié")));
    CHECK(listed.out.contains(QStringLiteral("sorti(e) le")));
    auto applied = cli({QStringLiteral("retention"), QStringLiteral("--database"), db,
                        QStringLiteral("--user"), QStringLiteral("direction"), QStringLiteral("--apply")},
                       password);
    CHECK(applied.code == 0);
    CHECK(applied.out.contains(QStringLiteral("anonymisé")));
    auto again = cli({QStringLiteral("retention"), QStringLiteral("--database"), db, QStringLiteral("--user"),
                      QStringLiteral("direction")},
                     password);
    CHECK(again.out.contains(QStringLiteral("0 jeune concerné")));
}

TEST_CASE("etabli-cli import contacts: a Dolibarr export, its look-alikes merged only when asked",
          "[cli][import]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    QProcessEnvironment password;
    password.insert(QStringLiteral("ETABLI_PASSWORD"), QStringLiteral("etabli-demo-2026"));
    const QString file = QStringLiteral(ETABLI_TEST_DATA "/imports/dolibarr-tiers.csv");
    const auto run = [&](QStringList extra) {
        QStringList args{
            QStringLiteral("import"), QStringLiteral("contacts"),   file, QStringLiteral("--database"), db,
            QStringLiteral("--user"), QStringLiteral("secretariat")};
        return cli(args + extra, password);
    };
    const auto contacts = [&db]() {
        return firstRow(db, QStringLiteral("SELECT count(*) FROM contact")).value(0).toLongLong();
    };
    const qint64 before = contacts();
    // A wrong SIRET on line 6: nothing, the line named.
    auto refused = run({});
    CHECK(refused.code == 1);
    CHECK(refused.out.contains(QStringLiteral("export Dolibarr")));
    CHECK(refused.out.contains(QStringLiteral("ligne 6 : Le numéro SIRET")));
    CHECK(refused.err.contains(QStringLiteral("Rien n'a été importé")));
    // The town hall of Tavaux is in the demo: never doubled unless the office says so.
    auto asked = run({QStringLiteral("--skip-invalid")});
    CHECK(asked.code == 1);
    CHECK(asked.out.contains(
        QStringLiteral("ressemble à « Mairie de Tavaux » (même nom et même code postal)")));
    CHECK(asked.err.contains(QStringLiteral("--duplicates")));
    CHECK(contacts() == before);
    auto merged =
        run({QStringLiteral("--skip-invalid"), QStringLiteral("--duplicates"), QStringLiteral("merge")});
    CHECK(merged.code == 0);
    CHECK(merged.out.contains(QStringLiteral("3 contact(s) créé(s), 1 fusionné(s)")));
    CHECK(contacts() == before + 3);
    // Again: nothing new.
    auto again =
        run({QStringLiteral("--skip-invalid"), QStringLiteral("--duplicates"), QStringLiteral("merge")});
    CHECK(again.code == 0);
    CHECK(again.out.contains(
        QStringLiteral("0 contact(s) créé(s), 0 fusionné(s), 4 laissé(s) tel(s) quel(s)")));
    CHECK(contacts() == before + 3);
    // Bad options are said.
    CHECK(run({QStringLiteral("--duplicates"), QStringLiteral("doubler")}).code == 2);
    CHECK(run({QStringLiteral("--role"), QStringLiteral("ami")})
              .err.contains(QStringLiteral("customer, host")));
    // A trainer may not change the directory.
    auto trainer =
        cli({QStringLiteral("import"), QStringLiteral("contacts"), file, QStringLiteral("--database"), db,
             QStringLiteral("--user"), QStringLiteral("formateur.pneus")},
            password);
    CHECK(trainer.code != 0);
    CHECK(contacts() == before + 3);
}

TEST_CASE("etabli-cli import trainees: all valid rows, or nothing with the bad line named", "[cli][import]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    QProcessEnvironment password;
    password.insert(QStringLiteral("ETABLI_PASSWORD"), QStringLiteral("etabli-demo-2026"));
    const auto write = [&dir](const char* name, const QString& text) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("\xEF\xBB\xBF");
        f.write(text.toUtf8());
        return path;
    };
    const QString header =
        QStringLiteral("nom;prénom;date de naissance;sexe;section;date d'entrée;année;date de "
                       "sortie;motif de sortie\r\n");
    const QString good = write(
        "bon.csv", header + QStringLiteral("Chênevert;Anaïs;04/04/2009;F;Métallerie;01/09/2025;1;;\r\n"
                                           "L'Hôte;Maël;05/05/2009;M;Pneus et services;01/09/2025;1;;\r\n"));
    const QString bad = write(
        "mauvais.csv", header + QStringLiteral("Pétrequin;Zoé;04/04/2009;F;Métallerie;01/09/2025;1;;\r\n"
                                               "Robelin;Léo;05/05/2009;M;Boulangerie;01/09/2025;1;;\r\n"));
    const qint64 before = firstRow(db, QStringLiteral("SELECT count(*) FROM trainee")).value(0).toLongLong();

    auto refused =
        cli({QStringLiteral("import"), QStringLiteral("trainees"), bad, QStringLiteral("--database"), db,
             QStringLiteral("--user"), QStringLiteral("secretariat")},
            password);
    CHECK(refused.code == 1);
    CHECK(refused.out.contains(QStringLiteral("ligne 3 : section inconnue « Boulangerie »")));
    CHECK(refused.err.contains(QStringLiteral("Rien n'a été importé")));

    auto imported =
        cli({QStringLiteral("import"), QStringLiteral("trainees"), good, QStringLiteral("--database"), db,
             QStringLiteral("--user"), QStringLiteral("secretariat")},
            password);
    CHECK(imported.code == 0);
    CHECK(imported.out.contains(QStringLiteral("2 jeunes importés")));

    auto skipped =
        cli({QStringLiteral("import"), QStringLiteral("trainees"), bad, QStringLiteral("--database"), db,
             QStringLiteral("--user"), QStringLiteral("secretariat"), QStringLiteral("--skip-invalid")},
            password);
    CHECK(skipped.code == 0);
    CHECK(skipped.out.contains(QStringLiteral("1 jeune importé")));

    const QString out = dir.filePath(QStringLiteral("liste.csv"));
    auto exported =
        cli({QStringLiteral("export"), QStringLiteral("trainees"), QStringLiteral("--out"), out,
             QStringLiteral("--database"), db, QStringLiteral("--user"), QStringLiteral("lecture")},
            password);
    CHECK(exported.code == 0);
    QFile f(out);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    CHECK(text.contains(QStringLiteral("L'Hôte;Maël")));
    CHECK(text.count(QStringLiteral("\r\n")) == 1 + before + 3);
}

TEST_CASE("etabli-cli export production: one line per trainee on an entry, for a period and a workshop",
          "[cli][production]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    const QProcessEnvironment password = demoPassword();
    const QString out = dir.filePath(QStringLiteral("journal.csv"));
    const QStringList base = {QStringLiteral("export"),     QStringLiteral("production"),
                              QStringLiteral("--out"),      out,
                              QStringLiteral("--database"), db,
                              QStringLiteral("--user"),     QStringLiteral("lecture")};
    // The period is required, and must be a period.
    CHECK(cli(base, password).code == 2);
    CHECK(cli(base + QStringList{QStringLiteral("--from"), QStringLiteral("2026-11-27"),
                                 QStringLiteral("--to"), QStringLiteral("2026-11-01")},
              password)
              .code == 2);
    CHECK(cli(base + QStringList{QStringLiteral("--from"), QStringLiteral("2026-11-01"),
                                 QStringLiteral("--to"), QStringLiteral("2026-11-27"),
                                 QStringLiteral("--section"), QStringLiteral("Boulangerie")},
              password)
              .code == 1);
    auto exported = cli(base + QStringList{QStringLiteral("--from"), QStringLiteral("2026-11-02"),
                                           QStringLiteral("--to"), QStringLiteral("2026-11-27"),
                                           QStringLiteral("--section"), QStringLiteral("pneus et services")},
                        password);
    INFO(exported.err.toStdString());
    REQUIRE(exported.code == 0);
    const qint64 expected =
        firstRow(db,
                 QStringLiteral(
                     "SELECT count(*) FROM production_trainee pt JOIN production_entry e ON e.id = "
                     "pt.entry_id JOIN section s ON s.id = e.section_id WHERE s.name = 'Pneus et services' "
                     "AND e.day BETWEEN '2026-11-02' AND '2026-11-27'"))
            .value(0)
            .toLongLong();
    REQUIRE(expected > 50);
    QFile f(out);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    CHECK(text.indexOf(
              QStringLiteral("entrée;date;atelier;type;référence;formateur;jeune;heures;production;saisi "
                             "par\r\n")) <= 1); // after the BOM
    CHECK(text.count(QStringLiteral("\r\n")) == 1 + expected);
    CHECK(text.contains(QStringLiteral(";Pneus et services;Production pour un client;BT2026-")));
    CHECK(text.contains(QStringLiteral(";Jean-Luc Perrin;")));
    CHECK_FALSE(text.contains(QStringLiteral("Métallerie")));
    CHECK_FALSE(text.contains(QStringLiteral(";01/11/2026;")));

    // A trainer exports their own workshop only: another's is refused, all of them means theirs.
    QStringList trainer = base;
    trainer.last() = QStringLiteral("formateur.metal");
    const QStringList november = {QStringLiteral("--from"), QStringLiteral("2026-11-02"),
                                  QStringLiteral("--to"), QStringLiteral("2026-11-27")};
    auto other = cli(trainer + november +
                         QStringList{QStringLiteral("--section"), QStringLiteral("pneus et services")},
                     password);
    CHECK(other.code == 1);
    CHECK(other.err.contains(QStringLiteral("Accès refusé")));
    auto own = cli(trainer + november, password);
    INFO(own.err.toStdString());
    REQUIRE(own.code == 0);
    QFile mine(out);
    REQUIRE(mine.open(QIODevice::ReadOnly));
    const QString theirs = QString::fromUtf8(mine.readAll());
    CHECK(theirs.contains(QStringLiteral(";Métallerie;")));
    CHECK_FALSE(theirs.contains(QStringLiteral("Pneus et services")));

    // The same log as a spreadsheet (issue 22, item 5): as many rows, days as
    // dates and hours as numbers, read back by openpyxl.
    const QString book = dir.filePath(QStringLiteral("journal.xlsx"));
    QStringList asXlsx = trainer + november;
    asXlsx[asXlsx.indexOf(out)] = book;
    auto spreadsheet = cli(asXlsx, password);
    INFO(spreadsheet.err.toStdString());
    REQUIRE(spreadsheet.code == 0);
    const QStringList cells = test::xlsxCells(book);
    INFO(cells.mid(0, 30).join(QLatin1Char('\n')).toStdString());
    CHECK(cells.value(0) == QStringLiteral("sheet|Journal d'atelier|A2"));
    // The header and each row, as in the CSV.
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^A\\d+\\|"))).size() ==
          theirs.count(QStringLiteral("\r\n")));
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^B2\\|datetime\\|"))).size() == 1);
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^H2\\|float\\|"))).size() == 1);
    CHECK(cells.contains(QStringLiteral("C2|str|Métallerie|General")));
    CHECK((QFile::permissions(book) & (QFile::ReadGroup | QFile::ReadOther)) == 0);
}

TEST_CASE("etabli-cli print invoice: a PDF with every mandatory mention", "[cli][sales]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    const QProcessEnvironment password = demoPassword();
    // An invoice to a business customer (late-payment mentions apply).
    const QString number =
        firstRow(db,
                 QStringLiteral(
                     "SELECT number FROM invoice WHERE kind = 'invoice' AND status = 'issued' AND "
                     "customer_kind = 'company' AND customer_siret <> '' ORDER BY chain_position LIMIT 1"))
            .value(0)
            .toString();
    REQUIRE_FALSE(number.isEmpty());
    const QString pdf = dir.filePath(QStringLiteral("facture.pdf"));
    CHECK(cli({QStringLiteral("print"), QStringLiteral("invoice"), QStringLiteral("F1999-0001"),
               QStringLiteral("--out"), pdf, QStringLiteral("--database"), db, QStringLiteral("--user"),
               QStringLiteral("secretariat")},
              password)
              .code == 1);
    auto printed =
        cli({QStringLiteral("print"), QStringLiteral("invoice"), number, QStringLiteral("--out"), pdf,
             QStringLiteral("--database"), db, QStringLiteral("--user"), QStringLiteral("secretariat")},
            password);
    INFO(printed.err.toStdString());
    REQUIRE(printed.code == 0);
    const QString text = test::pdfRawText(pdf).simplified();
    INFO(text.toStdString());
    for (const QString& mention : {QStringLiteral("FACTURE N° ") + number,
                                   QStringLiteral("Juralternance"),
                                   QStringLiteral("8 rue Jacquard"),
                                   QStringLiteral("39100 Dole"),
                                   QStringLiteral("SIRET 75312468000012"),
                                   QStringLiteral("RNA W392000000"),
                                   QStringLiteral("Date :"),
                                   QStringLiteral("Échéance :"),
                                   QStringLiteral("Client"),
                                   QStringLiteral("Désignation"),
                                   QStringLiteral("Qté"),
                                   QStringLiteral("Prix unitaire HT"),
                                   QStringLiteral("Total HT"),
                                   QStringLiteral("Total TTC"),
                                   QStringLiteral("N° TVA FR00753124680"),
                                   QStringLiteral("Date de la vente ou prestation :"),
                                   QStringLiteral("Paiement au plus tard le"),
                                   QStringLiteral("indemnité forfaitaire de 40 €"),
                                   QStringLiteral("trois fois le taux d'intérêt légal"),
                                   QStringLiteral("Pas d'escompte pour paiement anticipé"),
                                   QStringLiteral("Page 1 / 1")})
        CHECK(text.contains(mention));
    // An issued invoice is written as Factur-X: its XML travels inside the PDF.
    CHECK(printed.out.contains(QStringLiteral("Factur-X")));
    CHECK(test::pdfAttachments(pdf).contains(QStringLiteral("factur-x.xml")));
}

TEST_CASE("etabli-cli export facturx writes a period's invoices and credit notes as Factur-X",
          "[cli][sales][facturx]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    const QProcessEnvironment password = demoPassword();
    const QVariantList period = firstRow(
        db,
        QStringLiteral("SELECT min(issue_date), count(*) FROM invoice WHERE status = 'issued' AND issue_date "
                       "BETWEEN '2025-11-01' AND '2025-11-30'"));
    const int expected = period.value(1).toInt();
    REQUIRE(expected > 0);
    const QString out = dir.filePath(QStringLiteral("factur-x"));
    const QStringList base{
        QStringLiteral("export"), QStringLiteral("facturx"),     QStringLiteral("--database"), db,
        QStringLiteral("--user"), QStringLiteral("secretariat"), QStringLiteral("--out"),      out};
    // A period the wrong way round is refused before anything is written.
    auto reversed = cli(base + QStringList{QStringLiteral("--from"), QStringLiteral("2025-11-30"),
                                           QStringLiteral("--to"), QStringLiteral("2025-11-01")},
                        password);
    CHECK(reversed.code == 2);
    CHECK(reversed.err.contains(QStringLiteral("deux dates")));
    CHECK_FALSE(QDir(out).exists());
    auto written = cli(base + QStringList{QStringLiteral("--from"), QStringLiteral("2025-11-01"),
                                          QStringLiteral("--to"), QStringLiteral("2025-11-30")},
                       password);
    INFO(written.err.toStdString());
    REQUIRE(written.code == 0);
    CHECK(written.out.contains(QStringLiteral("Factur-X")));
    const QStringList pdfs = QDir(out).entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name);
    CHECK(pdfs.size() == expected);
    REQUIRE_FALSE(pdfs.isEmpty());
    CHECK(test::pdfAttachments(QDir(out).filePath(pdfs.first())).contains(QStringLiteral("factur-x.xml")));
    CHECK((QFile::permissions(QDir(out).filePath(pdfs.first())) & (QFile::ReadGroup | QFile::ReadOther)) ==
          0);
    // A folder that holds files is not written into.
    auto again = cli(base + QStringList{QStringLiteral("--from"), QStringLiteral("2025-11-01"),
                                        QStringLiteral("--to"), QStringLiteral("2025-11-30")},
                     password);
    CHECK(again.code == 1);
    CHECK(again.err.contains(QStringLiteral("pas vide")));
}

TEST_CASE("etabli-cli export fec writes the accountant's file of a closed financial year", "[cli][fec]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    const QProcessEnvironment password = demoPassword();
    const QStringList base{QStringLiteral("export"), QStringLiteral("fec"), QStringLiteral("--database"), db};
    // A trainer's account sees neither the sales nor the funding: refused.
    auto refused = cli(base + QStringList{QStringLiteral("--user"), QStringLiteral("formateur.pneus"),
                                          QStringLiteral("--year"), QStringLiteral("2025"),
                                          QStringLiteral("--out"), dir.path()},
                       password);
    CHECK(refused.code != 0);
    CHECK(QDir(dir.path()).entryList({QStringLiteral("*FEC*")}).isEmpty());
    // A year without a financial year is said so.
    auto none = cli(base + QStringList{QStringLiteral("--user"), QStringLiteral("secretariat"),
                                       QStringLiteral("--year"), QStringLiteral("2012"),
                                       QStringLiteral("--out"), dir.path()},
                    password);
    CHECK(none.code != 0);
    CHECK(none.err.contains(QStringLiteral("Aucun exercice")));
    // Into a folder: the name the decree gives the file.
    auto written = cli(base + QStringList{QStringLiteral("--user"), QStringLiteral("secretariat"),
                                          QStringLiteral("--year"), QStringLiteral("2025"),
                                          QStringLiteral("--out"), dir.path()},
                       password);
    INFO(written.err.toStdString());
    REQUIRE(written.code == 0);
    CHECK(written.out.contains(QStringLiteral("écritures")));
    const QString path = dir.filePath(QStringLiteral("753124680FEC20251231.txt"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    CHECK(bytes.startsWith("JournalCode\tJournalLib\tEcritureNum\t"));
    CHECK(bytes.contains("\r\nVT\tVentes\t"));
    CHECK((QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther)) == 0);
}

TEST_CASE("etabli-cli print quote, label, tyres and receipt: the customer's and donor's papers",
          "[cli][sales]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    const QProcessEnvironment password = demoPassword();
    const QVariantList found = firstRow(
        db, QStringLiteral(
                "SELECT q.number, c.name FROM quote q JOIN contact c ON c.id = q.contact_id WHERE q.status "
                "= 'sent' ORDER BY q.number DESC LIMIT 1"));
    const QString number = found.value(0).toString();
    const QString customer = found.value(1).toString();
    REQUIRE_FALSE(number.isEmpty());
    const QString pdf = dir.filePath(QStringLiteral("devis.pdf"));
    auto missing = cli({QStringLiteral("print"), QStringLiteral("quote"), QStringLiteral("D1999-0001"),
                        QStringLiteral("--out"), pdf, QStringLiteral("--database"), db,
                        QStringLiteral("--user"), QStringLiteral("secretariat")},
                       password);
    CHECK(missing.code == 1);
    CHECK(missing.err.contains(QStringLiteral("Aucun devis")));
    auto printed =
        cli({QStringLiteral("print"), QStringLiteral("quote"), number.toLower(), QStringLiteral("--out"), pdf,
             QStringLiteral("--database"), db, QStringLiteral("--user"), QStringLiteral("secretariat")},
            password);
    INFO(printed.err.toStdString());
    REQUIRE(printed.code == 0);
    const QString text = test::pdfRawText(pdf).simplified();
    INFO(text.toStdString());
    for (const QString& mention :
         {QStringLiteral("DEVIS N° ") + number, customer, QStringLiteral("Valable jusqu'au"),
          QStringLiteral("SIRET 75312468000012"), QStringLiteral("Bon pour accord"), QStringLiteral("Total")})
        CHECK(text.contains(mention));

    // The tyre hotel's label of a stored set, and the list of a season.
    const QString plate =
        firstRow(
            db,
            QStringLiteral(
                "SELECT v.plate FROM tyre_set s JOIN vehicle v ON v.id = s.vehicle_id WHERE s.date_out IS "
                "NULL ORDER BY s.rack, s.row_no, s.level_no LIMIT 1"))
            .value(0)
            .toString();
    REQUIRE_FALSE(plate.isEmpty());
    const auto printedText = [&](const QStringList& what,
                                 const QString& login = QStringLiteral("formateur.pneus")) {
        const QString out = dir.filePath(QStringLiteral("out.pdf"));
        auto r = cli(QStringList{QStringLiteral("print")} + what +
                         QStringList{QStringLiteral("--out"), out, QStringLiteral("--database"), db,
                                     QStringLiteral("--user"), login},
                     password);
        INFO(r.err.toStdString());
        REQUIRE(r.code == 0);
        return test::pdfRawText(out).simplified();
    };
    const QString label = printedText({QStringLiteral("label"), plate.toLower().remove(QLatin1Char('-'))});
    CHECK(label.contains(plate));
    CHECK(label.contains(QStringLiteral("Casier A · rangée 1 · niveau 1")));
    // No phone number on a label stuck on the customer's goods.
    const QString phone =
        firstRow(
            db, QStringLiteral("SELECT c.phone FROM tyre_set s JOIN vehicle v ON v.id = s.vehicle_id JOIN "
                               "contact c ON c.id = s.contact_id WHERE v.plate = '%1' AND s.date_out IS NULL")
                    .arg(plate))
            .value(0)
            .toString();
    REQUIRE_FALSE(phone.isEmpty());
    CHECK_FALSE(label.contains(phone));
    // The customer's deposit receipt: the set's condition on entry, the fee, the period, the fate of a set
    // not collected, both signatures.
    const QVariantList stored = firstRow(
        db,
        QStringLiteral("SELECT s.date_in, c.label FROM tyre_set s JOIN vehicle v ON v.id = s.vehicle_id JOIN "
                       "catalogue_item c ON c.id = s.fee_item_id WHERE v.plate = '%1' AND s.date_out IS NULL")
            .arg(plate));
    REQUIRE(stored.size() == 2);
    const QDate in = QDate::fromString(stored.at(0).toString(), Qt::ISODate);
    const QString deposit = printedText({QStringLiteral("deposit"), plate});
    INFO(deposit.toStdString());
    for (const QString& mention :
         {QStringLiteral("BON DE DÉPÔT DE PNEUS"), plate, QStringLiteral("leur état à l'entrée"),
          QStringLiteral("Profondeur de sculpture mesurée à l'entrée"), stored.at(1).toString(),
          QStringLiteral("HT"),
          QStringLiteral("du %1 au %2")
              .arg(in.toString(QStringLiteral("dd/MM/yyyy")),
                   in.addMonths(6).addDays(-1).toString(QStringLiteral("dd/MM/yyyy"))),
          QStringLiteral("non repris"), QStringLiteral("Le client (signature)"),
          QStringLiteral("Pour l'école (signature)")})
        CHECK(deposit.contains(mention));
    CHECK_FALSE(deposit.contains(phone));
    const QString list = printedText({QStringLiteral("tyres"), QStringLiteral("summer")});
    CHECK(list.contains(QStringLiteral("Hôtel de pneus : pneus été en gardiennage")));
    CHECK(list.contains(plate));
    CHECK(cli({QStringLiteral("print"), QStringLiteral("tyres"), QStringLiteral("spring"),
               QStringLiteral("--out"), pdf, QStringLiteral("--database"), db, QStringLiteral("--user"),
               QStringLiteral("secretariat")},
              password)
              .code == 2);

    // A tax receipt of the demo's gifts; the check verifies their chain.
    const QVariantList receipt =
        firstRow(db, QStringLiteral("SELECT number, donor_name, total_cents FROM tax_receipt "
                                    "ORDER BY chain_position DESC LIMIT 1"));
    REQUIRE(receipt.size() == 3);
    const QString receiptText =
        printedText({QStringLiteral("receipt"), receipt.at(0).toString()}, QStringLiteral("secretariat"));
    CHECK(receiptText.contains(QStringLiteral("REÇU FISCAL N° ") + receipt.at(0).toString()));
    CHECK(receiptText.contains(receipt.at(1).toString()));
    CHECK(receiptText.contains(QStringLiteral("Somme en toutes lettres")));
    CHECK(receiptText.contains(Money::fromCents(receipt.at(2).toLongLong()).format().simplified()));
    auto check = cli({QStringLiteral("check"), QStringLiteral("--database"), db});
    CHECK(check.code == 0);
    CHECK(check.out.contains(QStringLiteral("Reçus fiscaux : chaîne intacte")));
}

TEST_CASE("etabli-cli report funding: the split of the demo's year, from its invoices, gifts and subsidies",
          "[cli][funding]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    const QProcessEnvironment password = demoPassword();
    const auto funding = [&](const QString& format, const QString& login = QStringLiteral("direction")) {
        return cli({QStringLiteral("report"), QStringLiteral("funding"), QStringLiteral("--year"),
                    QStringLiteral("2025"), QStringLiteral("--format"), format, QStringLiteral("--database"),
                    db, QStringLiteral("--user"), login},
                   password);
    };
    auto run = funding(QStringLiteral("json"), QStringLiteral("lecture"));
    INFO(run.err.toStdString());
    REQUIRE(run.code == 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    CHECK(json.value(QStringLiteral("year")).toInt() == 2025);
    const QJsonObject split = json.value(QStringLiteral("split")).toObject();
    double shares = 0;
    qint64 cents = 0;
    for (const QString& key : {QStringLiteral("production"), QStringLiteral("gifts"),
                               QStringLiteral("subsidies"), QStringLiteral("other")}) {
        REQUIRE(split.contains(key));
        shares += split.value(key)[QStringLiteral("share")].toDouble();
        cents += split.value(key)[QStringLiteral("cents")].toInteger();
        CHECK(json[QStringLiteral("targets")][key][QStringLiteral("share")].isDouble());
    }
    CHECK(shares == Approx(1.0));
    CHECK(cents == json.value(QStringLiteral("total_resources_cents")).toInteger());

    // Production: the year's issued invoices minus credit notes, VAT excluded, summed here apart.
    const qint64 invoiced =
        firstRow(db, QStringLiteral(
                         "SELECT SUM(CASE WHEN kind = 'invoice' THEN total_excl_cents ELSE 0 END), "
                         "SUM(CASE WHEN kind = 'credit' THEN -total_excl_cents ELSE 0 END) FROM invoice "
                         "WHERE status = 'issued' AND issue_date BETWEEN '2025-01-01' AND '2025-12-31'"))
            .value(0)
            .toLongLong();
    const qint64 credited =
        firstRow(db, QStringLiteral(
                         "SELECT SUM(-total_excl_cents) FROM invoice WHERE kind = 'credit' AND status = "
                         "'issued' AND issue_date BETWEEN '2025-01-01' AND '2025-12-31'"))
            .value(0)
            .toLongLong();
    CHECK(invoiced > 0);
    CHECK(credited > 0);
    CHECK(split.value(QStringLiteral("production"))[QStringLiteral("cents")].toInteger() ==
          invoiced - credited);
    // The demo school lives about 60/20/20 on a budget of about 350 000 €.
    CHECK(split.value(QStringLiteral("production"))[QStringLiteral("share")].toDouble() ==
          Approx(0.6).margin(0.08));
    CHECK(split.value(QStringLiteral("gifts"))[QStringLiteral("share")].toDouble() ==
          Approx(0.2).margin(0.08));
    CHECK(split.value(QStringLiteral("subsidies"))[QStringLiteral("share")].toDouble() ==
          Approx(0.2).margin(0.08));
    CHECK(json.value(QStringLiteral("total_resources_cents")).toInteger() ==
          Approx(35000000).margin(6000000));
    CHECK(json.value(QStringLiteral("self_financing_share")).toDouble() ==
          split.value(QStringLiteral("production"))[QStringLiteral("share")].toDouble());
    const QJsonArray categories = json.value(QStringLiteral("categories")).toArray();
    bool expense = false;
    for (const QJsonValue& c : categories) {
        CHECK(c[QStringLiteral("name")].isString());
        CHECK(c[QStringLiteral("forecast_cents")].isDouble());
        CHECK(c[QStringLiteral("actual_cents")].isDouble());
        expense = expense || c[QStringLiteral("kind")].toString() == QStringLiteral("expense");
    }
    CHECK(expense);

    auto csv = funding(QStringLiteral("csv"));
    REQUIRE(csv.code == 0);
    CHECK(csv.out.startsWith(QStringLiteral("Type;Catégorie;Prévu (€);Réalisé (€);Écart (€)")));
    CHECK(csv.out.contains(QStringLiteral("Ventes de la production;")));
    CHECK(funding(QStringLiteral("pdf")).code == 2);
    CHECK(funding(QStringLiteral("json"), QStringLiteral("formateur.metal")).code == 1); // not for trainers
}

TEST_CASE("etabli-cli report receipts: the demo's art. 222 bis declaration counts gifts by the day received",
          "[cli][reports][donations][legal]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    auto json = cli({QStringLiteral("report"), QStringLiteral("receipts"), QStringLiteral("--database"), db,
                     QStringLiteral("--year"), QStringLiteral("2025"), QStringLiteral("--user"),
                     QStringLiteral("direction"), QStringLiteral("--format"), QStringLiteral("json")},
                    demoPassword());
    INFO(json.err.toStdString());
    REQUIRE(json.code == 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    // Independently: the demo's gifts of 2025 holding a standing receipt, and its receipts of 2025.
    const qint64 gifts =
        firstRow(
            db,
            QStringLiteral(
                "SELECT SUM(d.amount_cents) FROM donation d JOIN tax_receipt r ON r.id = "
                "d.receipt_id WHERE d.day LIKE '2025-%' AND r.kind = 'receipt' AND NOT EXISTS (SELECT 1 FROM "
                "tax_receipt x WHERE x.cancels_receipt_id = r.id)"))
            .value(0)
            .toLongLong();
    const qint64 byIssueDate =
        firstRow(db, QStringLiteral("SELECT SUM(total_cents) FROM tax_receipt WHERE kind = 'receipt' AND "
                                    "issue_date LIKE '2025-%'"))
            .value(0)
            .toLongLong();
    REQUIRE(gifts > 0);
    CHECK(o.value(QStringLiteral("gifts_cents")).toInteger() == gifts);
    CHECK(gifts != byIssueDate); // the demo receipts each year's gifts in the next January
    CHECK(o.value(QStringLiteral("receipts")).toInteger() ==
          firstRow(db,
                   QStringLiteral("SELECT COUNT(*) FROM tax_receipt r WHERE kind = 'receipt' AND issue_date "
                                  "LIKE '2025-%' AND NOT EXISTS (SELECT 1 FROM tax_receipt x WHERE "
                                  "x.cancels_receipt_id = r.id)"))
              .value(0)
              .toLongLong());
    auto pdf = cli({QStringLiteral("report"), QStringLiteral("receipts"), QStringLiteral("--database"), db,
                    QStringLiteral("--year"), QStringLiteral("2025"), QStringLiteral("--user"),
                    QStringLiteral("direction"), QStringLiteral("--format"), QStringLiteral("pdf"),
                    QStringLiteral("--out"), dir.filePath(QStringLiteral("declaration.pdf"))},
                   demoPassword());
    CHECK(pdf.code == 0);
    CHECK(test::pdfRawText(dir.filePath(QStringLiteral("declaration.pdf")))
              .contains(QStringLiteral("art. 222 bis du CGI")));
}

TEST_CASE("etabli-cli report indicators: the seed's 2013/2014 tyre cohort comes out of the data",
          "[cli][reports][seed]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    const QProcessEnvironment password = demoPassword();
    auto run = cli({QStringLiteral("report"), QStringLiteral("indicators"), QStringLiteral("--school-year"),
                    QStringLiteral("2013-2014"), QStringLiteral("--section"),
                    QStringLiteral("Pneus et services"), QStringLiteral("--format"), QStringLiteral("json"),
                    QStringLiteral("--database"), db, QStringLiteral("--user"), QStringLiteral("lecture")},
                   password);
    INFO(run.err.toStdString());
    REQUIRE(run.code == 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    CHECK(json.value(QStringLiteral("school_year")).toString() == QStringLiteral("2013-2014"));
    CHECK(json.value(QStringLiteral("section")).toString() == QStringLiteral("Pneus et services"));
    // The school's published results for that year, entered as data.
    CHECK(json.value(QStringLiteral("entrants")).toInt() == 6);
    CHECK(json.value(QStringLiteral("continuing")).toInt() == 4);
    const QJsonObject reasons = json[QStringLiteral("exits")][QStringLiteral("by_reason")].toObject();
    CHECK(reasons.value(QStringLiteral("apprenticeship")).toInt() == 1);
    CHECK(reasons.value(QStringLiteral("personal")).toInt() == 1);
    for (const QString& key :
         {QStringLiteral("job"), QStringLiteral("training"), QStringLiteral("end_of_course"),
          QStringLiteral("moved"), QStringLiteral("exclusion"), QStringLiteral("dropout"),
          QStringLiteral("other")})
        CHECK(reasons.contains(key));
    CHECK(json[QStringLiteral("certifications")][QStringLiteral("CFG")][QStringLiteral("passed")].toInt() ==
          2);
    const QJsonObject previous = json.value(QStringLiteral("previous")).toObject();
    CHECK(previous.value(QStringLiteral("school_year")).toString() == QStringLiteral("2012-2013"));
    CHECK(previous.value(QStringLiteral("previous")).isNull());
    for (const QString& key : {QStringLiteral("attendance_rate"), QStringLiteral("internships"),
                               QStringLiteral("production_hours"), QStringLiteral("orders"),
                               QStringLiteral("customers"), QStringLiteral("production_revenue_cents"),
                               QStringLiteral("outcomes"), QStringLiteral("insertion_rate")})
        CHECK(json.contains(key));

    auto bad = cli({QStringLiteral("report"), QStringLiteral("indicators"), QStringLiteral("--school-year"),
                    QStringLiteral("2013-2015"), QStringLiteral("--database"), db, QStringLiteral("--user"),
                    QStringLiteral("lecture")},
                   password);
    CHECK(bad.code == 1);
    CHECK(bad.err.contains(QStringLiteral("2013-2014")));
}

TEST_CASE("etabli-cli report pack, attendance and the other reports, from the demo's data", "[cli][reports]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    const QProcessEnvironment password = demoPassword();
    const QVariantList granted = firstRow(
        db, QStringLiteral("SELECT s.id, s.granted_cents FROM subsidy s JOIN financial_year y ON y.id = "
                           "s.financial_year_id WHERE s.decision = 'granted' AND y.start_date = '2025-01-01' "
                           "ORDER BY s.id LIMIT 1"));
    REQUIRE(granted.size() == 2);
    const QString pdf = dir.filePath(QStringLiteral("pack.pdf"));
    const QStringList base = {QStringLiteral("--database"), db, QStringLiteral("--user"),
                              QStringLiteral("direction")};
    // A document-only report is a PDF unless told otherwise.
    auto pack =
        cli(QStringList{QStringLiteral("report"), QStringLiteral("pack"), QStringLiteral("--school-year"),
                        QStringLiteral("2025-2026"), QStringLiteral("--year"), QStringLiteral("2025"),
                        QStringLiteral("--grant"), granted[0].toString(), QStringLiteral("--out"), pdf} +
                base,
            password);
    INFO(pack.err.toStdString());
    REQUIRE(pack.code == 0);
    const QString pages = test::pdfRawText(pdf).replace(QChar(0xFB01), QStringLiteral("fi"));
    CHECK(pages.contains(QStringLiteral("Sommaire")));
    CHECK(pages.contains(QStringLiteral("1. Rapport d'activité 2025-2026")));
    CHECK(pages.contains(QStringLiteral("3. Les fondamentaux de l'école de production 2025-2026")));
    CHECK(pages.contains(QStringLiteral("4. Rapport financier 2025")));
    CHECK(pages.contains(QStringLiteral("Compte rendu financier de la subvention")));
    const auto digits = [](const QString& t) {
        QString kept;
        for (QChar c : t)
            if (!c.isSpace())
                kept += c;
        return kept;
    };
    CHECK(digits(pages).contains(digits(Money::fromCents(granted[1].toLongLong()).format())));
    CHECK(pages.contains(QStringLiteral("Page 1 / ")));

    // The pack's tables as one workbook, a sheet each, amounts in euros.
    const QString workbook = dir.filePath(QStringLiteral("pack.xlsx"));
    auto tables =
        cli(QStringList{QStringLiteral("report"), QStringLiteral("pack"), QStringLiteral("--school-year"),
                        QStringLiteral("2025-2026"), QStringLiteral("--year"), QStringLiteral("2025"),
                        QStringLiteral("--grant"), granted[0].toString(), QStringLiteral("--format"),
                        QStringLiteral("xlsx"), QStringLiteral("--out"), workbook} +
                base,
            password);
    INFO(tables.err.toStdString());
    REQUIRE(tables.code == 0);
    const QStringList cells = test::xlsxCells(workbook);
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^sheet\\|"))).size() >= 5);
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^A1\\|str\\|Pack financeur"))).size() >= 5);
    const QString grantedEuros = QString::number(granted[1].toLongLong() / 100);
    CHECK(cells
              .filter(QRegularExpression(
                  QStringLiteral("\\|(int|float)\\|%1(\\.[0-9]+)?\\|.*€").arg(grantedEuros)))
              .size() >= 1);
    CHECK(cli(QStringList{QStringLiteral("report"), QStringLiteral("pack"), QStringLiteral("--school-year"),
                          QStringLiteral("2025-2026"), QStringLiteral("--year"), QStringLiteral("2025"),
                          QStringLiteral("--format"), QStringLiteral("xlsx")} +
                  base,
              password)
              .code == 2);

    // Sign-in sheets of a section as HTML: the section's trainees, a line for the trainer.
    auto sheets =
        cli(QStringList{QStringLiteral("report"), QStringLiteral("attendance"), QStringLiteral("--section"),
                        QStringLiteral("Métallerie"), QStringLiteral("--from"), QStringLiteral("2026-11-23"),
                        QStringLiteral("--format"), QStringLiteral("html")} +
                base,
            password);
    REQUIRE(sheets.code == 0);
    CHECK(sheets.out.contains(QStringLiteral("semaine du 23/11/2026 au 27/11/2026")));
    CHECK(sheets.out.contains(QStringLiteral("Formateur (nom et signature)")));

    // The indicators in CSV: French labels, the year before beside.
    auto csv = cli(QStringList{QStringLiteral("report"), QStringLiteral("indicators"),
                               QStringLiteral("--school-year"), QStringLiteral("2013-2014"),
                               QStringLiteral("--format"), QStringLiteral("csv")} +
                       base,
                   password);
    REQUIRE(csv.code == 0);
    CHECK(csv.out.startsWith(QStringLiteral("Indicateur;2013-2014;2012-2013")));

    // A PDF needs a file; a trainer sees no finances; a refused subsidy has no account.
    CHECK(cli(QStringList{QStringLiteral("report"), QStringLiteral("financial"), QStringLiteral("--year"),
                          QStringLiteral("2025"), QStringLiteral("--format"), QStringLiteral("pdf")} +
                  base,
              password)
              .code == 2);
    auto trainer =
        cli({QStringLiteral("report"), QStringLiteral("financial"), QStringLiteral("--year"),
             QStringLiteral("2025"), QStringLiteral("--format"), QStringLiteral("html"),
             QStringLiteral("--database"), db, QStringLiteral("--user"), QStringLiteral("formateur.metal")},
            password);
    CHECK(trainer.code == 1);
    CHECK(trainer.err.contains(QStringLiteral("Accès refusé")));

    // A trainee's learning booklet: the framework, each competence's level and the jobs behind it.
    const QVariantList learner = firstRow(
        db, QStringLiteral(
                "SELECT e.trainee_id, t.first_name, count(*) FROM competence_evaluation e JOIN trainee "
                "t ON t.id = e.trainee_id JOIN section s ON s.id = t.section_id WHERE s.name = "
                "'Pneus et services' AND e.level = 'acquired' GROUP BY e.trainee_id, t.first_name "
                "ORDER BY count(*) DESC, e.trainee_id LIMIT 1"));
    REQUIRE(learner.size() == 3);
    const QString bookletPdf = dir.filePath(QStringLiteral("livret.pdf"));
    auto booklet =
        cli(QStringList{QStringLiteral("report"), QStringLiteral("booklet"), QStringLiteral("--trainee"),
                        learner[0].toString(), QStringLiteral("--out"), bookletPdf} +
                base,
            password);
    INFO(booklet.err.toStdString());
    REQUIRE(booklet.code == 0);
    const QString bookletText = test::pdfRawText(bookletPdf);
    CHECK(bookletText.contains(QStringLiteral("Livret de suivi")));
    CHECK(bookletText.contains(learner[1].toString()));
    CHECK(bookletText.contains(QStringLiteral("CAP MV")));
    CHECK(bookletText.contains(QStringLiteral("Référentiel d'exemple")));
    CHECK(bookletText.contains(QStringLiteral("C2.1")));
    CHECK(bookletText.contains(QStringLiteral("acquis")));
    CHECK(bookletText.contains(QStringLiteral("clients)")));
    CHECK(bookletText.contains(QStringLiteral("La famille")));
    CHECK(bookletText.contains(QStringLiteral("Page 1 / ")));
    // The metalwork's trainer does not read a tyre trainee's booklet.
    auto otherTrainer =
        cli({QStringLiteral("report"), QStringLiteral("booklet"), QStringLiteral("--trainee"),
             learner[0].toString(), QStringLiteral("--format"), QStringLiteral("html"),
             QStringLiteral("--database"), db, QStringLiteral("--user"), QStringLiteral("formateur.metal")},
            password);
    CHECK(otherTrainer.code == 1);
    CHECK(otherTrainer.err.contains(QStringLiteral("Accès refusé")));

    // A school loads its own framework for a diploma: all of it, or nothing with the lines named.
    const auto frameworkFile = [&dir](const QString& name, const QString& text) {
        const QString path = dir.filePath(name);
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
        return path;
    };
    const QString cfg = frameworkFile(QStringLiteral("cfg.csv"),
                                      QStringLiteral("bloc;code;compétence;critère\n"
                                                     "B1 – Lire;L1;Lire une consigne;Le sens est restitué\n"
                                                     "B2 – Compter;N1;Calculer une quantité;\n"));
    const QString twice =
        frameworkFile(QStringLiteral("twice.csv"), QStringLiteral("bloc;code;compétence;critère\n"
                                                                  "B1 – Lire;L1;Lire une consigne;\n"
                                                                  "B1 – Lire;L1;Lire un plan;\n"));
    const auto competences = [&db]() {
        return firstRow(db, QStringLiteral("SELECT count(*) FROM competence c JOIN certification k ON k.id = "
                                           "c.certification_id WHERE k.code = 'CFG'"))
            .value(0)
            .toInt();
    };
    auto refusedFile = cli(QStringList{QStringLiteral("import"), QStringLiteral("framework"), twice,
                                       QStringLiteral("--certification"), QStringLiteral("CFG")} +
                               base,
                           password);
    CHECK(refusedFile.code == 1);
    CHECK(refusedFile.err.contains(QStringLiteral("L1")));
    CHECK(competences() == 0);
    auto noCode =
        cli(QStringList{QStringLiteral("import"), QStringLiteral("framework"), cfg} + base, password);
    CHECK(noCode.code == 2);
    auto byTrainer =
        cli({QStringLiteral("import"), QStringLiteral("framework"), cfg, QStringLiteral("--certification"),
             QStringLiteral("CFG"), QStringLiteral("--database"), db, QStringLiteral("--user"),
             QStringLiteral("formateur.metal")},
            password);
    CHECK(byTrainer.code == 1);
    CHECK(competences() == 0);
    auto loaded = cli(QStringList{QStringLiteral("import"), QStringLiteral("framework"), cfg,
                                  QStringLiteral("--certification"), QStringLiteral("cfg")} +
                          base,
                      password);
    INFO(loaded.err.toStdString());
    REQUIRE(loaded.code == 0);
    CHECK(loaded.out.contains(QStringLiteral("2 bloc(s), 2 compétence(s)")));
    CHECK(competences() == 2);
    const QVariantList refused =
        firstRow(db, QStringLiteral("SELECT id FROM subsidy WHERE decision = 'refused' ORDER BY id LIMIT 1"));
    if (!refused.isEmpty()) {
        auto account =
            cli(QStringList{QStringLiteral("report"), QStringLiteral("grant"), QStringLiteral("--grant"),
                            refused[0].toString(), QStringLiteral("--format"), QStringLiteral("html")} +
                    base,
                password);
        CHECK(account.code == 1);
        CHECK(account.err.contains(QStringLiteral("refusée")));
    }
}

TEST_CASE("etabli-cli on PostgreSQL: the server's password from PGPASSWORD, or typed at the prompt, "
          "never on the command line nor in the log",
          "[cli][postgresql][password]")
{
    const auto backends = test::backends();
    if (std::find(backends.begin(), backends.end(), "postgresql") == backends.end()) {
        SUCCEED("no PostgreSQL server for the tests");
        return;
    }
    test::TestDatabase t("postgresql");
    test::createSchool(t.db());
    test::PasswordRole role(t);
    if (!role.isUsable()) {
        WARN("the PostgreSQL test server asks no password (scripts/test.sh sets one up)");
        return;
    }
    QTemporaryDir home;
    const QString address = role.location().toString();
    REQUIRE_FALSE(address.contains(role.password()));
    QProcessEnvironment noPassword;
    noPassword.insert(QStringLiteral("PGPASSFILE"), home.filePath(QStringLiteral("none")));
    noPassword.insert(QStringLiteral("PGPASSWORD"), QString()); // libpq ignores an empty one
    noPassword.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));

    // No terminal to ask on: the server's demand, in French, and nothing else.
    auto refused = cli({QStringLiteral("check"), QStringLiteral("--database"), address}, noPassword);
    CHECK(refused.code == 1);
    CHECK(refused.err.contains(QStringLiteral("demande le mot de passe de « %1 »").arg(role.name())));
    CHECK(refused.err.contains(QStringLiteral("PGPASSWORD")));

    QProcessEnvironment fromEnv = noPassword;
    fromEnv.insert(QStringLiteral("PGPASSWORD"), role.password());
    auto checked = cli({QStringLiteral("check"), QStringLiteral("--database"), address}, fromEnv);
    INFO(checked.err.toStdString());
    CHECK(checked.code == 0);
    CHECK(checked.out.contains(QStringLiteral("Journal des modifications : intact")));

    // On a terminal (script(1) gives the command one), it is asked without
    // echo once the prompt is shown, as a person would type it.
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PGPASSFILE"), home.filePath(QStringLiteral("none")));
    env.remove(QStringLiteral("PGPASSWORD"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("script"),
            {QStringLiteral("-qefc"),
             QStringLiteral("%1 check --database %2").arg(QStringLiteral(ETABLI_CLI_PATH), address),
             QStringLiteral("/dev/null")});
    REQUIRE(p.waitForStarted());
    QByteArray seen;
    while (!seen.contains("Mot de passe PostgreSQL de") && p.waitForReadyRead(30000))
        seen += p.readAll();
    INFO(seen.toStdString());
    REQUIRE(seen.contains(QStringLiteral("Mot de passe PostgreSQL de %1").arg(role.name()).toUtf8()));
    p.write(role.password().toUtf8() + "\n");
    REQUIRE(p.waitForFinished(60000));
    seen += p.readAll();
    CHECK(p.exitCode() == 0);
    CHECK(seen.contains("Journal des modifications : intact"));
    CHECK_FALSE(seen.contains(role.password().toUtf8())); // not echoed

    int logs = 0;
    for (QDirIterator it(home.path(), {QStringLiteral("etabli.log*")}, QDir::Files,
                         QDirIterator::Subdirectories);
         it.hasNext();) {
        QFile log(it.next());
        REQUIRE(log.open(QIODevice::ReadOnly));
        const QByteArray logged = log.readAll();
        CHECK(logged.contains("PGPASSWORD")); // the refusal was logged
        CHECK_FALSE(logged.contains(role.password().toUtf8()));
        ++logs;
    }
    CHECK(logs == 1);
}

TEST_CASE("etabli-cli on a read-only medium: check, export and backup read it, a write is refused, "
          "and nothing appears beside it",
          "[cli][files]")
{
    test::SmallDisk medium(64 * 1024); // the demo is about 18 MB
    if (!medium.mounted) {
        WARN("no tmpfs can be mounted here: the read-only medium is not tried");
        return;
    }
    QTemporaryDir dir;
    const QString path = medium.path(QStringLiteral("ecole.sqlite"));
    test::copyDemoTo(test::DemoSpec::school(), path);
    REQUIRE(medium.makeReadOnly());
    const QProcessEnvironment password = demoPassword();
    const QStringList on = {QStringLiteral("--database"), path, QStringLiteral("--user"),
                            QStringLiteral("direction")};

    auto checked = cli({QStringLiteral("check"), QStringLiteral("--database"), path});
    INFO(checked.err.toStdString());
    CHECK(checked.code == 0);
    auto exported = cli(QStringList{QStringLiteral("export"), QStringLiteral("trainees"),
                                    QStringLiteral("--out"), dir.filePath(QStringLiteral("jeunes.csv"))} +
                            on,
                        password);
    INFO(exported.err.toStdString());
    CHECK(exported.code == 0);
    CHECK(exported.err.contains(QStringLiteral("lecture seule : elle est lue, rien n'y est écrit")));
    CHECK(QFileInfo(dir.filePath(QStringLiteral("jeunes.csv"))).size() > 1000);
    auto copied = cli(QStringList{QStringLiteral("backup"), QStringLiteral("--out"),
                                  dir.filePath(QStringLiteral("copie.sqlite"))} +
                          on,
                      password);
    INFO(copied.err.toStdString());
    CHECK(copied.code == 0);
    CHECK(
        firstRow(dir.filePath(QStringLiteral("copie.sqlite")), QStringLiteral("SELECT count(*) FROM trainee"))
            .value(0)
            .toInt() > 0);

    // A command that writes stops at its first write, with the reason.
    auto closing =
        cli(QStringList{QStringLiteral("close"), QStringLiteral("--until"), QStringLiteral("2026-10")} + on,
            password);
    CHECK(closing.code == 1);
    CHECK(closing.err.contains(QStringLiteral("lecture seule")));
    // Writing onto the medium names the folder.
    auto onMedium = cli(QStringList{QStringLiteral("export"), QStringLiteral("trainees"),
                                    QStringLiteral("--out"), medium.path(QStringLiteral("jeunes.csv"))} +
                            on,
                        password);
    CHECK(onMedium.code == 1);
    CHECK(onMedium.err.contains(QStringLiteral("Le dossier « %1 » est en lecture seule")
                                    .arg(QDir::toNativeSeparators(medium.dir.path()))));
    CHECK(medium.entries() == QStringList{QStringLiteral("ecole.sqlite")});
}

TEST_CASE("etabli-cli check recomputes what is due on each invoice", "[cli][balance]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    auto clean = cli({QStringLiteral("check"), QStringLiteral("--database"), db});
    INFO(clean.out.toStdString());
    REQUIRE(clean.code == 0);
    CHECK(clean.out.contains(QStringLiteral("Sommes dues : conformes aux règlements et aux avoirs")));

    QProcess p;
    p.start(QStringLiteral("sqlite3"),
            {db, QStringLiteral("UPDATE invoice_balance SET due_cents = 0 WHERE invoice_id = (SELECT "
                                "MIN(invoice_id) FROM invoice_balance WHERE due_cents > 0);")});
    REQUIRE(p.waitForFinished(30000));
    REQUIRE(p.exitCode() == 0);
    auto altered = cli({QStringLiteral("check"), QStringLiteral("--database"), db});
    INFO(altered.out.toStdString());
    CHECK(altered.code == 1);
    CHECK(altered.out.contains(QStringLiteral("Sommes dues : DIFFÉRENTES des règlements et avoirs pour F")));
}

TEST_CASE("etabli-cli migrate --from --to: a school moved to the server and back, checked, a school never "
          "overwritten",
          "[cli][postgresql][databasecopy]")
{
    QTemporaryDir dir;
    const QString file = schoolDemo(dir);
    const auto backends = test::backends();
    const bool server = std::find(backends.begin(), backends.end(), "postgresql") != backends.end();
    std::unique_ptr<test::TestDatabase> pg;
    QString target = dir.filePath(QStringLiteral("deplacee.sqlite"));
    if (server) {
        pg = std::make_unique<test::TestDatabase>("postgresql"); // empty, as on a new server
        target = pg->location().toString();
    }

    auto usage = cli({QStringLiteral("migrate"), QStringLiteral("--from"), file});
    CHECK(usage.code == 2);
    CHECK(usage.err.contains(QStringLiteral("--to")));

    auto moved =
        cli({QStringLiteral("migrate"), QStringLiteral("--from"), file, QStringLiteral("--to"), target});
    INFO(moved.err.toStdString());
    REQUIRE(moved.code == 0);
    CHECK(moved.out.contains(QStringLiteral("Copie faite et vérifiée")));
    CHECK(moved.out.contains(QStringLiteral("Compteurs : chaque chaîne est entière")));
    // Onto a server, the file is marked as moved (a file copied to a file is not).
    CHECK(moved.out.contains(QStringLiteral("est marqué comme déplacé")) == server);

    // Again: the target holds the school now, and keeps it as it is.
    auto again =
        cli({QStringLiteral("migrate"), QStringLiteral("--from"), file, QStringLiteral("--to"), target});
    CHECK(again.code == 1);
    CHECK((again.err.contains(QStringLiteral("contient déjà une école")) ||
           again.err.contains(QStringLiteral("existe déjà"))));

    // And back to a file, which `check` finds whole; on a server, `backup`
    // writes the same kind of copy.
    const QString back = dir.filePath(QStringLiteral("retour.sqlite"));
    auto home =
        cli({QStringLiteral("migrate"), QStringLiteral("--from"), target, QStringLiteral("--to"), back});
    INFO(home.err.toStdString());
    REQUIRE(home.code == 0);
    auto checked = cli({QStringLiteral("check"), QStringLiteral("--database"), back});
    CHECK(checked.code == 0);
    CHECK(firstRow(back, QStringLiteral("SELECT count(*) FROM invoice")) ==
          firstRow(file, QStringLiteral("SELECT count(*) FROM invoice")));
    if (server) {
        const QString copy = dir.filePath(QStringLiteral("sauvegarde.sqlite"));
        auto saved =
            cli({QStringLiteral("backup"), QStringLiteral("--database"), target, QStringLiteral("--user"),
                 QStringLiteral("direction"), QStringLiteral("--out"), copy},
                demoPassword());
        INFO(saved.err.toStdString());
        CHECK(saved.code == 0);
        CHECK(cli({QStringLiteral("check"), QStringLiteral("--database"), copy}).code == 0);
        CHECK(firstRow(copy, QStringLiteral("SELECT count(*) FROM payment")) ==
              firstRow(file, QStringLiteral("SELECT count(*) FROM payment")));
    }
}

TEST_CASE(
    "etabli-cli server init: the database, its owner and the PCs' daily role, each password printed once, "
    "the school moved there and read by the daily role",
    "[cli][postgresql][server]")
{
    const auto backends = test::backends();
    if (std::find(backends.begin(), backends.end(), "postgresql") == backends.end()) {
        WARN("No PostgreSQL test server (ETABLI_TEST_PG): nothing to set up.");
        return;
    }
    const auto admin = DatabaseLocation::parse(qEnvironmentVariable("ETABLI_TEST_PG"));
    REQUIRE(admin);
    const QString suffix = QString::number(QCoreApplication::applicationPid());
    const QString dbname = QStringLiteral("etabli_srv_") + suffix;
    const QString owner = QStringLiteral("etabli_own_") + suffix;
    const QString daily = QStringLiteral("etabli_day_") + suffix;
    const auto cleanup = qScopeGuard([&]() {
        test::pgAdminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(dbname));
        test::pgAdminExec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(daily));
        test::pgAdminExec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(owner));
    });
    const QStringList init = {QStringLiteral("server"),       QStringLiteral("init"),
                              QStringLiteral("--host"),       admin->host,
                              QStringLiteral("--port"),       QString::number(admin->port),
                              QStringLiteral("--admin"),      admin->user,
                              QStringLiteral("--dbname"),     dbname,
                              QStringLiteral("--owner"),      owner,
                              QStringLiteral("--daily-role"), daily};
    auto made = cli(init);
    INFO(made.err.toStdString());
    REQUIRE(made.code == 0);
    CHECK(made.out.contains(QStringLiteral("Fichier → Se connecter au serveur de l'école…")));
    CHECK(made.out.contains(QStringLiteral("Identifiant PostgreSQL : %1").arg(daily)));
    const QStringList passwords = made.out.split(QLatin1Char('\n')).filter(QStringLiteral("Mot de passe : "));
    REQUIRE(passwords.size() == 2);
    CHECK(test::pgAdminScalar(
              QStringLiteral("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '%1'")
                  .arg(dbname))
              .toString() == owner);

    // Again: refused, nothing changed.
    auto again = cli(init);
    CHECK(again.code == 1);
    CHECK(again.err.contains(QStringLiteral("a déjà une base « %1 »").arg(dbname)));

    // The school moved there by the owner, read by the daily role.
    QTemporaryDir dir;
    DatabaseLocation there = *admin;
    there.databaseName = dbname;
    there.user = owner;
    auto moved = cli({QStringLiteral("migrate"), QStringLiteral("--from"), schoolDemo(dir),
                      QStringLiteral("--to"), there.toString()});
    INFO(moved.err.toStdString());
    REQUIRE(moved.code == 0);
    CHECK(moved.out.contains(QStringLiteral("Rôle quotidien : %1").arg(daily)));
    there.user = daily;
    auto listed = cli({QStringLiteral("list"), QStringLiteral("invoices"), QStringLiteral("--database"),
                       there.toString(), QStringLiteral("--user"), QStringLiteral("direction"),
                       QStringLiteral("--limit"), QStringLiteral("3")},
                      demoPassword());
    INFO(listed.err.toStdString());
    CHECK(listed.code == 0);
    CHECK(listed.out.contains(QStringLiteral("F2026-")));
    // The daily role owns nothing: the trail cannot be dropped through it.
    CHECK(test::pgAdminScalar(
              QStringLiteral("SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE "
                             "r.rolname = '%1'")
                  .arg(daily))
              .toInt() == 0);
}
