#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "services/authservice.h"
#include "services/backupservice.h"
#include "services/demogenerator.h"
#include "services/passwordhasher.h"
#include "services/schoolservice.h"
#include "services/userservice.h"
#include "storage/auditrepository.h"
#include "storage/userrepository.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <sodium.h>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {

qint64 auditRows(Database& db)
{
    return test::rawScalar(db, QStringLiteral("SELECT count(*) FROM audit_log")).toLongLong();
}

// What each demo account may do, as DOMAIN.md describes the roles.
const std::map<QString, QSet<QString>>& expectedPermissions()
{
    using namespace permission;
    static const QStringList everything = permission::all();
    static const std::map<QString, QSet<QString>> table = {
        {QStringLiteral("direction"), QSet<QString>(everything.begin(), everything.end())},
        {QStringLiteral("secretariat"),
         {SettingsEdit, BackupRun, TraineesRead, TraineesWrite, TraineesSensitive, AttendanceWrite,
          ProductionWrite, SalesRead, SalesWrite, SalesClose, FundingRead, FundingWrite, ReportsRead,
          ReportsWrite}},
        {QStringLiteral("formateur.pneus"),
         {TraineesRead, AttendanceWrite, ProductionWrite, LearningEvaluate}},
        {QStringLiteral("formateur.metal"),
         {TraineesRead, AttendanceWrite, ProductionWrite, LearningEvaluate}},
        {QStringLiteral("lecture"), {TraineesRead, SalesRead, FundingRead, ReportsRead}},
    };
    return table;
}

} // namespace

TEST_CASE("Role × permission matrix: every service call is allowed or refused as the roles say",
          "[access][matrix]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend, test::DemoSpec::school());
    Database& db = t.db();
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC));

    for (const auto& [login, expected] : expectedPermissions()) {
        INFO(login.toStdString());
        const UserContext user = test::logIn(db, login, DemoGenerator::demoPassword());
        // The permissions loaded from the role_permission table are exactly the expected ones.
        CHECK(user.permissions == expected);
        for (const QString& p : permission::all()) {
            INFO(p.toStdString());
            const auto r = AccessControl::require(user, p);
            CHECK(r.has_value() == expected.contains(p));
            if (!r) {
                CHECK(r.error().code == Error::Code::AccessDenied);
                CHECK(r.error().message.startsWith(QStringLiteral("Accès refusé")));
            }
        }

        // The real service calls behave the same way, and a refusal writes nothing.
        const bool mayEdit = expected.contains(permission::SettingsEdit);
        const qint64 before = auditRows(db);
        SchoolService school(db, clock, user);
        SchoolIdentity s = *school.identity();
        s.phone = QStringLiteral("03 84 72 00 %1").arg(login.size(), 2, 10, QLatin1Char('0'));
        auto saved = school.saveIdentity(s);
        CHECK(saved.has_value() == mayEdit);
        auto added = school.addSection(QStringLiteral("Section de %1").arg(login));
        CHECK(added.has_value() == mayEdit);
        if (!mayEdit) {
            CHECK(saved.error().code == Error::Code::AccessDenied);
            CHECK(school.identity()->phone != s.phone);
            CHECK(auditRows(db) == before);
        } else {
            CHECK(auditRows(db) == before + 2);
        }

        const bool mayManage = expected.contains(permission::UsersManage);
        UserService users(db, clock, user);
        CHECK(users.list().has_value() == mayManage);
        User newcomer;
        newcomer.login = QStringLiteral("nouveau.%1").arg(login).replace(QLatin1Char('.'), QLatin1Char('_'));
        newcomer.role = Role::Lecture;
        CHECK(users.create(newcomer, QStringLiteral("mot-de-passe-du-nouveau")).has_value() == mayManage);

        const bool mayAudit = expected.contains(permission::AuditRead);
        AuditTrail trail(db, clock);
        CHECK(trail.page(user, {}, PageRequest::first(10)).has_value() == mayAudit);

        const bool mayCopy = expected.contains(permission::BackupRun);
        if (t.isSqlite()) {
            const QString copy = QDir(t.dir()).filePath(QStringLiteral("copie-%1.sqlite").arg(login));
            CHECK(BackupService(db, clock, user).copyTo(copy).has_value() == mayCopy);
            CHECK(QFileInfo::exists(copy) == mayCopy);
        }
    }
}

TEST_CASE("Trainers act only in their own sections", "[access]")
{
    TestDatabase t("sqlite", test::DemoSpec::school());
    const UserContext tyres =
        test::logIn(t.db(), QStringLiteral("formateur.pneus"), DemoGenerator::demoPassword());
    const UserContext office =
        test::logIn(t.db(), QStringLiteral("secretariat"), DemoGenerator::demoPassword());
    REQUIRE(tyres.sectionIds.size() == 1);
    const qint64 own = tyres.sectionIds.first();
    const qint64 other = own == 1 ? 2 : 1;
    CHECK(AccessControl::requireInSection(tyres, permission::AttendanceWrite, own));
    auto refused = AccessControl::requireInSection(tyres, permission::AttendanceWrite, other);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("pas une des vôtres")));
    CHECK(AccessControl::requireInSection(office, permission::AttendanceWrite, other));
}

TEST_CASE("Logging in: wrong password, unknown user, lock after 5 failures, deactivated account",
          "[access][login]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    test::createSchool(t.db());
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
    AuthService auth(t.db(), clock);

    auto unknown = auth.login(QStringLiteral("personne"), QStringLiteral("peu importe"));
    REQUIRE_FALSE(unknown);
    auto wrong = auth.login(QStringLiteral("direction"), QStringLiteral("mauvais mot de passe"));
    REQUIRE_FALSE(wrong);
    // Same words for both: the answer does not tell whether the login exists.
    CHECK(unknown.error().message == wrong.error().message);
    CHECK(wrong.error().message == QStringLiteral("Identifiant ou mot de passe incorrect."));
    // Logins ignore case and accents.
    CHECK(auth.login(QStringLiteral("DIRECTION"), test::directorPassword()));

    for (int i = 0; i < 4; ++i)
        REQUIRE_FALSE(auth.login(QStringLiteral("direction"), QStringLiteral("encore faux %1").arg(i)));
    auto fifth = auth.login(QStringLiteral("direction"), QStringLiteral("cinquième erreur"));
    REQUIRE_FALSE(fifth);
    // The lock is not told to whoever is typing: the same words again.
    CHECK(fifth.error().message == wrong.error().message);
    // Even the right password is refused while locked, with the same words.
    auto locked = auth.login(QStringLiteral("direction"), test::directorPassword());
    REQUIRE_FALSE(locked);
    CHECK(locked.error().message == wrong.error().message);
    auto stillLocked = UserRepository(t.db()).findByLogin(QStringLiteral("direction"));
    CHECK((*stillLocked)->user.lockedUntil == QDateTime(QDate(2026, 11, 27), QTime(9, 15), Qt::UTC));
    clock.set(clock.nowUtc().addSecs(16 * 60));
    auto later = auth.login(QStringLiteral("direction"), test::directorPassword());
    REQUIRE(later);
    CHECK(later->role == Role::Direction);

    // Failures and locks are in the audit trail; no password is.
    AuditFilter filter;
    auto rows = AuditRepository(t.db()).latest(filter, 100);
    REQUIRE(rows);
    int failures = 0;
    int locks = 0;
    for (const AuditEntry& e : *rows) {
        failures += e.action == QLatin1String("login_failed") ? 1 : 0;
        locks += e.action == QLatin1String("lock") ? 1 : 0;
        CHECK_FALSE(e.changes.contains(test::directorPassword()));
        // What was typed as an unknown login is not kept (it may be a password).
        CHECK(e.userLogin != QStringLiteral("personne"));
        CHECK_FALSE(e.changes.contains(QStringLiteral("personne")));
    }
    // The unknown login, one before the successful login, five in a row, one while locked.
    CHECK(failures == 8);
    CHECK(locks == 1);

    // A deactivated account cannot log in.
    UserService users(t.db(), clock, *later);
    User office;
    office.login = QStringLiteral("secretariat");
    office.role = Role::Secretariat;
    auto id = users.create(office, QStringLiteral("mot-de-passe-du-bureau"));
    REQUIRE(id);
    auto stored = UserRepository(t.db()).findById(*id);
    User changed = (*stored)->user;
    changed.active = false;
    REQUIRE(users.update(changed));
    auto deactivated = auth.login(QStringLiteral("secretariat"), QStringLiteral("mot-de-passe-du-bureau"));
    REQUIRE_FALSE(deactivated);
    CHECK(deactivated.error().message.contains(QStringLiteral("désactivé")));
}

TEST_CASE("Passwords: Argon2id, 12 characters at least, rehashed when parameters change",
          "[access][password]")
{
    test::ApplicationHashCost applicationCost;
    CHECK_FALSE(PasswordHasher::checkStrength(QStringLiteral("court")));
    CHECK(PasswordHasher::checkStrength(QStringLiteral("douze-caract")).has_value());
    auto hash = PasswordHasher::hash(QStringLiteral("un mot de passe"));
    REQUIRE(hash);
    CHECK(hash->startsWith(QStringLiteral("$argon2id$")));
    CHECK_FALSE(hash->contains(QStringLiteral("un mot de passe")));
    CHECK(PasswordHasher::verify(*hash, QStringLiteral("un mot de passe")));
    CHECK_FALSE(PasswordHasher::verify(*hash, QStringLiteral("un mot de passE")));
    CHECK_FALSE(PasswordHasher::needsRehash(*hash));

    // A hash made with weaker parameters is replaced at the next login.
    TestDatabase t;
    test::createSchool(t.db());
    REQUIRE(sodium_init() >= 0);
    char weak[crypto_pwhash_STRBYTES];
    const QByteArray pw = test::directorPassword().toUtf8();
    REQUIRE(crypto_pwhash_str(weak, pw.constData(), static_cast<unsigned long long>(pw.size()),
                              crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN) == 0);
    REQUIRE(test::rawExec(t.db(),
                          QStringLiteral("UPDATE app_user SET password_hash = '%1' WHERE login = 'direction'")
                              .arg(QString::fromLatin1(weak))));
    REQUIRE(PasswordHasher::needsRehash(QString::fromLatin1(weak)));
    test::logIn(t.db(), QStringLiteral("direction"), test::directorPassword());
    const QString after =
        test::rawScalar(t.db(),
                        QStringLiteral("SELECT password_hash FROM app_user WHERE login = 'direction'"))
            .toString();
    CHECK(after != QString::fromLatin1(weak));
    CHECK_FALSE(PasswordHasher::needsRehash(after));
}

TEST_CASE("User administration keeps a director and audits every change", "[access][users]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    SystemClock clock;
    UserService users(t.db(), clock, director);

    User trainer;
    trainer.login = QStringLiteral("formateur.pneus");
    trainer.displayName = QStringLiteral("Jean-Luc Perrin");
    trainer.role = Role::Formateur;
    trainer.mustChangePassword = true;
    auto noSection = users.create(trainer, QStringLiteral("mot-de-passe-initial"));
    REQUIRE_FALSE(noSection);
    CHECK(noSection.error().message.contains(QStringLiteral("section")));
    trainer.sectionIds = {1};
    CHECK_FALSE(users.create(trainer, QStringLiteral("court")));
    User spaced;
    spaced.login = QStringLiteral("avec espace");
    CHECK_FALSE(users.create(spaced, QStringLiteral("assez-long-pour-passer")));
    auto id = users.create(trainer, QStringLiteral("mot-de-passe-initial"));
    REQUIRE(id);
    auto dup = users.create(trainer, QStringLiteral("mot-de-passe-initial"));
    REQUIRE_FALSE(dup);
    CHECK(dup.error().message.contains(QStringLiteral("déjà")));

    // The trainer must choose a new password at first login.
    const UserContext jl =
        test::logIn(t.db(), QStringLiteral("formateur.pneus"), QStringLiteral("mot-de-passe-initial"));
    CHECK(jl.mustChangePassword);
    CHECK(jl.sectionIds == QList<qint64>{1});
    UserService own(t.db(), clock, jl);
    CHECK_FALSE(own.changeOwnPassword(QStringLiteral("pas le bon"), QStringLiteral("nouveau-mot-de-passe")));
    REQUIRE(own.changeOwnPassword(QStringLiteral("mot-de-passe-initial"),
                                  QStringLiteral("nouveau-mot-de-passe")));
    CHECK_FALSE(test::logIn(t.db(), QStringLiteral("formateur.pneus"), QStringLiteral("nouveau-mot-de-passe"))
                    .mustChangePassword);

    // The last director can neither be deactivated nor demoted.
    auto me = UserRepository(t.db()).findById(director.userId);
    User demoted = (*me)->user;
    demoted.role = Role::Secretariat;
    auto refused = users.update(demoted);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("direction")));

    REQUIRE(users.resetPassword(*id, QStringLiteral("remis-a-zero-par-la-direction")));
    CHECK(test::logIn(t.db(), QStringLiteral("formateur.pneus"),
                      QStringLiteral("remis-a-zero-par-la-direction"))
              .mustChangePassword);

    auto rows = AuditRepository(t.db()).latest({QString(), AuditEntity::User, {}, {}, {}}, 100);
    REQUIRE(rows);
    QStringList actions;
    for (const AuditEntry& e : *rows) {
        actions << e.action;
        CHECK_FALSE(e.changes.contains(QStringLiteral("mot-de-passe")));
        CHECK_FALSE(e.changes.contains(QStringLiteral("argon2")));
    }
    CHECK(actions.count(QStringLiteral("create")) == 2); // the director and the trainer
    CHECK(actions.count(QStringLiteral("password")) == 2);
}

TEST_CASE("An unknown login, a wrong password and a locked account take the same time to refuse",
          "[access][login]")
{
    test::ApplicationHashCost applicationCost;
    TestDatabase t("sqlite");
    test::createSchool(t.db());
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
    AuthService auth(t.db(), clock);
    UserService users(t.db(), clock, *auth.login(QStringLiteral("direction"), test::directorPassword()));
    User locked;
    locked.login = QStringLiteral("bloque");
    locked.role = Role::Secretariat;
    REQUIRE(users.create(locked, QStringLiteral("mot-de-passe-du-bureau")));
    for (int i = 0; i < 5; ++i)
        REQUIRE_FALSE(auth.login(QStringLiteral("bloque"), QStringLiteral("faux")));

    // The median of 20 tries of each, interleaved so that the machine's load falls on all three.
    QList<qint64> unknown, wrong, lockedOut;
    QElapsedTimer timer;
    for (int i = 0; i < 20; ++i) {
        timer.start();
        const auto a = auth.login(QStringLiteral("personne"), QStringLiteral("essai"));
        unknown << timer.nsecsElapsed();
        timer.start();
        const auto b = auth.login(QStringLiteral("direction"), QStringLiteral("essai"));
        wrong << timer.nsecsElapsed();
        timer.start();
        const auto c = auth.login(QStringLiteral("bloque"), QStringLiteral("essai"));
        lockedOut << timer.nsecsElapsed();
        REQUIRE_FALSE(a);
        REQUIRE_FALSE(b);
        REQUIRE_FALSE(c);
        CHECK(a.error().message == b.error().message);
        CHECK(b.error().message == c.error().message);
        // Keep the director from being locked by the test itself.
        if (i % 3 == 2)
            REQUIRE(auth.login(QStringLiteral("direction"), test::directorPassword()));
    }
    const auto median = [](QList<qint64> v) {
        std::sort(v.begin(), v.end());
        return static_cast<double>(v.at(v.size() / 2));
    };
    const double u = median(unknown), w = median(wrong), l = median(lockedOut);
    INFO("unknown " << u / 1e6 << " ms, wrong " << w / 1e6 << " ms, locked " << l / 1e6 << " ms");
    const double slowest = std::max({u, w, l}), fastest = std::min({u, w, l});
    CHECK(slowest <= fastest * 1.2);
}
