#include "domain/money.h"
#include "services/audittrail.h"
#include "services/auditwording.h"
#include "services/schoolservice.h"
#include "storage/auditrepository.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace etabli;
using etabli::test::TestDatabase;

TEST_CASE("Each write through a service leaves an audit row with old → new", "[audit]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(14, 5), Qt::UTC));
    SchoolService school(t.db(), clock, director);
    SchoolIdentity s = *school.identity();
    s.city = QStringLiteral("Dole");
    s.postcode = QStringLiteral("39100");
    REQUIRE(school.saveIdentity(s));

    auto rows = AuditRepository(t.db()).latest({}, 1);
    REQUIRE(rows);
    REQUIRE(rows->size() == 1);
    const AuditEntry& e = rows->first();
    CHECK(e.at == QStringLiteral("2026-11-27T14:05:00Z"));
    CHECK(e.userLogin == QStringLiteral("direction"));
    CHECK(e.userId == director.userId);
    CHECK(e.entity == QStringLiteral("school"));
    CHECK(e.action == QStringLiteral("update"));
    const QJsonObject changes = QJsonDocument::fromJson(e.changes.toUtf8()).object();
    CHECK(changes.keys() == QStringList{QStringLiteral("city"), QStringLiteral("postcode")});
    CHECK(changes.value(QStringLiteral("city")).toArray().at(0).toString().isEmpty());
    CHECK(changes.value(QStringLiteral("city")).toArray().at(1).toString() == QStringLiteral("Dole"));

    // A refused change (validation) leaves no row.
    const qint64 count = *AuditRepository(t.db()).count({});
    s.siret = QStringLiteral("123");
    REQUIRE_FALSE(school.saveIdentity(s));
    CHECK(*AuditRepository(t.db()).count({}) == count);

    auto chain = AuditRepository(t.db()).verifyChain();
    REQUIRE(chain);
    CHECK(chain->ok());
    CHECK(chain->rows == count);
}

TEST_CASE("The database itself refuses to change or delete audit rows", "[audit]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    test::createSchool(t.db());
    Database& db = t.db();
    const qint64 before = test::rawScalar(db, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
    REQUIRE(before > 0);
    CHECK_FALSE(test::rawExec(db, QStringLiteral("UPDATE audit_log SET user_login = 'quelqu''un d''autre'")));
    CHECK_FALSE(test::rawExec(db, QStringLiteral("DELETE FROM audit_log")));
    if (!t.isSqlite())
        CHECK_FALSE(test::rawExec(db, QStringLiteral("TRUNCATE audit_log")));
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong() == before);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE user_login = 'direction'"))
              .toLongLong() == before);
}

TEST_CASE("sqlite3 cannot delete the audit trail", "[audit][sqlite]")
{
    TestDatabase t;
    test::createSchool(t.db());
    t.close();
    QProcess sqlite3;
    sqlite3.start(QStringLiteral("sqlite3"), {t.location().path, QStringLiteral("DELETE FROM audit_log;")});
    REQUIRE(sqlite3.waitForFinished(30000));
    CHECK(sqlite3.exitCode() != 0);
    CHECK(QString::fromUtf8(sqlite3.readAllStandardError()).contains(QStringLiteral("append-only")));
    auto db = t.reopen();
    REQUIRE(db);
    CHECK(test::rawScalar(**db, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong() > 0);
}

TEST_CASE("A row's hash is the one every earlier version wrote: SHA-256 of its fields' UTF-8, unit-separated",
          "[audit]")
{
    // Computed outside Établi (Python's hashlib); files written years ago
    // must keep verifying.
    AuditEntry e;
    e.id = 7;
    e.at = QStringLiteral("2026-12-03T10:00:00Z");
    e.userId = 3;
    e.userLogin = QStringLiteral("secrétariat");
    e.entity = QStringLiteral("invoice");
    e.entityId = QStringLiteral("42");
    e.action = QStringLiteral("update");
    e.changes = QStringLiteral(R"({"total":["1,00","2,00"]})");
    e.prevHash = QStringLiteral("ab").repeated(32);
    CHECK(AuditRepository::computeHash(e) ==
          QStringLiteral("6b5d5b7d7794f50ff33b45adeb087469860edd1d1dfb31bf5e2e61cf332b6349"));
}

TEST_CASE("An import's records are named as ranges in one entry", "[audit]")
{
    CHECK(AuditRepository::idRanges({}).isEmpty());
    CHECK(AuditRepository::idRanges({5}) == QStringLiteral("5"));
    CHECK(AuditRepository::idRanges({12, 10, 11, 14, 20, 21}) == QStringLiteral("10-12,14,20-21"));
    const QString ranges = QStringLiteral("10-12,14,20-21");
    for (qint64 id : {10, 11, 12, 14, 20, 21})
        CHECK(AuditRepository::rangesCover(ranges, id));
    for (qint64 id : {9, 13, 15, 19, 22, 1012})
        CHECK_FALSE(AuditRepository::rangesCover(ranges, id));
    CHECK_FALSE(AuditRepository::rangesCover(QStringLiteral("42"), 4));
    CHECK_FALSE(AuditRepository::rangesCover(QStringLiteral("x-y"), 0));
}

TEST_CASE("Tampering with the audit trail breaks the hash chain at that row", "[audit]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    SystemClock clock;
    SchoolService school(t.db(), clock, director);
    for (const char* city : {"Dole", "Tavaux", "Damparis"}) {
        SchoolIdentity s = *school.identity();
        s.city = QString::fromUtf8(city);
        REQUIRE(school.saveIdentity(s));
    }
    Database& db = t.db();
    const qint64 target =
        test::rawScalar(db,
                        QStringLiteral("SELECT min(id) FROM audit_log WHERE entity = 'school' AND action = "
                                       "'update'"))
            .toLongLong();
    REQUIRE(target > 0);
    // Someone with file access removes the protection and rewrites history.
    if (t.isSqlite())
        REQUIRE(test::rawExec(db, QStringLiteral("DROP TRIGGER audit_log_no_update")));
    else
        REQUIRE(
            test::rawExec(db, QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")));
    REQUIRE(test::rawExec(
        db, QStringLiteral("UPDATE audit_log SET user_login = 'secretariat' WHERE id = %1").arg(target)));
    auto chain = AuditRepository(db).verifyChain();
    REQUIRE(chain);
    CHECK_FALSE(chain->ok());
    CHECK(chain->firstBadId == target);
    CHECK(chain->problem.contains(QString::number(target)));
}

TEST_CASE("The audit list filters by person, item and date, and exports CSV", "[audit]")
{
    TestDatabase t;
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC));
    SchoolService school(t.db(), clock, director);
    REQUIRE(school.addSection(QStringLiteral("Menuiserie")));
    clock.set(QDateTime(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC));
    SchoolIdentity s = *school.identity();
    s.city = QStringLiteral("Dole; Jura");
    REQUIRE(school.saveIdentity(s));

    AuditTrail trail(t.db(), clock);
    CHECK(*trail.count(director, {QString(), AuditEntity::Section, {}, {}, {}}) == 1);
    CHECK(*trail.count(director, {QString(), std::nullopt, QDate(2026, 11, 20), QDate(2026, 11, 20), {}}) ==
          1);
    CHECK(*trail.count(director, {QStringLiteral("personne"), std::nullopt, {}, {}, {}}) == 0);
    CHECK(trail.people(director)->contains(QStringLiteral("direction")));

    const QString csv = QDir(t.dir()).filePath(QStringLiteral("journal.csv"));
    REQUIRE(trail.exportCsv(director, {}, csv));
    QFile f(csv);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    CHECK(bytes.startsWith("\xEF\xBB\xBF")); // BOM: spreadsheets then read UTF-8
    const QString text = QString::fromUtf8(bytes);
    CHECK(text.startsWith(QStringLiteral("Date (UTC);Personne;")));
    CHECK(text.contains(QStringLiteral("paramètres de l'établissement")));
    // In the forms' words, quoted for the ';' it holds.
    CHECK(text.contains(QStringLiteral("\"Ville : — → Dole; Jura\"")));

    UserContext reader = director;
    reader.permissions.remove(permission::AuditRead);
    CHECK_FALSE(trail.exportCsv(reader, {}, csv + QStringLiteral(".2")));
    CHECK_FALSE(QFile::exists(csv + QStringLiteral(".2")));
}

TEST_CASE("The trail reads in the forms' words: labels, amounts, days, statuses, nothing internal (issue 18, "
          "item 14)",
          "[audit][wording]")
{
    CHECK(labelOfCode<AuditEntity>(QStringLiteral("subsidy")) == QStringLiteral("subvention"));
    CHECK(labelOfCode<AuditEntity>(QStringLiteral("trainee")) == QStringLiteral("jeune"));
    CHECK(labelOfCode<AuditAction>(QStringLiteral("login_failed")) == QStringLiteral("échec de connexion"));
    // A code from a newer version is shown as it is.
    CHECK(labelOfCode<AuditEntity>(QStringLiteral("future_thing")) == QStringLiteral("future_thing"));
    const QString subsidy = AuditWording::changes(
        AuditEntity::Subsidy,
        QStringLiteral(R"({"granted_cents":[0,60000000],"status":["requested","granted"],"version":[1,2]})"));
    CHECK(subsidy == QStringLiteral("Montant accordé : ") + Money::fromCents(0).format() +
                         QStringLiteral(" → ") + Money::fromCents(60000000).format() +
                         QStringLiteral(" ; Statut : Demandée → Accordée"));
    const QString trainee = AuditWording::changes(
        AuditEntity::Trainee,
        QStringLiteral(R"({"birth_date":[null,"2009-03-12"],"last_name":["hmac:0123456789ab",)"
                       R"("hmac:ba9876543210"],"section_id":[1,2],"active":[1,0],)"
                       R"("exit_reason":[null,"apprenticeship"]})"));
    CHECK(trainee.contains(QStringLiteral("Date de naissance : 12/03/2009")));
    CHECK(trainee.contains(
        QStringLiteral("Nom : (donnée personnelle masquée) → (donnée personnelle masquée)")));
    CHECK(trainee.contains(QStringLiteral("Section : modifié")));
    CHECK(trainee.contains(QStringLiteral("Actif : oui → non")));
    CHECK_FALSE(trainee.contains(QStringLiteral("apprenticeship")));
    CHECK_FALSE(trainee.contains(QStringLiteral("0123456789ab")));
    // A contact's kind and a failed login's account in the forms' words.
    CHECK(AuditWording::changes(AuditEntity::Contact,
                                QStringLiteral(R"({"kind":["company","association"]})")) ==
          QStringLiteral("Nature : Entreprise → Association"));
    CHECK(AuditWording::changes(AuditEntity::Session, QStringLiteral(R"({"account":[null,"unknown"]})")) ==
          QStringLiteral("Compte : identifiant inconnu"));
    CHECK(AuditWording::value(AuditEntity::School, QStringLiteral("target_production_bp"), 6000) ==
          QStringLiteral("60 %"));
}
