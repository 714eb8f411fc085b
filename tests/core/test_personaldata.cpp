#include "services/demogenerator.h"
#include "services/personaldataservice.h"
#include "storage/auditrepository.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {
const QDate kToday(2026, 11, 27);
} // namespace

TEST_CASE("Everything held about a trainee is exported as JSON and HTML, by the direction only", "[gdpr]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend, test::DemoSpec::school());
    FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    const UserContext director =
        test::logIn(t.db(), QStringLiteral("direction"), DemoGenerator::demoPassword());
    const UserContext office =
        test::logIn(t.db(), QStringLiteral("secretariat"), DemoGenerator::demoPassword());

    PersonalDataService refused(t.db(), clock, office);
    auto denied = refused.exportTrainee(1);
    REQUIRE_FALSE(denied);
    CHECK(denied.error().code == Error::Code::AccessDenied);

    PersonalDataService service(t.db(), clock, director);
    auto hits = service.findTrainees(QStringLiteral("ozturk"));
    REQUIRE(hits);
    REQUIRE_FALSE(hits->isEmpty());
    CHECK(hits->first().lastName == QStringLiteral("Öztürk"));
    const qint64 id = hits->first().id;

    auto data = service.exportTrainee(id);
    REQUIRE(data);
    const QJsonObject record = data->data.value(QStringLiteral("dossier")).toObject();
    CHECK(record.value(QStringLiteral("last_name")).toString() == QStringLiteral("Öztürk"));
    CHECK(record.contains(QStringLiteral("birth_date")));
    CHECK(record.contains(QStringLiteral("address_line1")));
    CHECK(data->title.startsWith(QStringLiteral("Données détenues sur")));
    CHECK(data->data.value(QStringLiteral("responsables légaux")).toArray().size() == 1);
    CHECK(data->data.contains(QStringLiteral("présences")));
    CHECK(data->data.contains(QStringLiteral("stages")));

    const QString dir = QDir(t.dir()).filePath(QStringLiteral("export"));
    QDir().mkpath(dir);
    auto paths = service.write(*data, dir);
    REQUIRE(paths);
    REQUIRE(paths->size() == 2);
    QFile json(paths->at(0));
    REQUIRE(json.open(QIODevice::ReadOnly));
    CHECK(QJsonDocument::fromJson(json.readAll()).object().value(QStringLiteral("dossier")).toObject() ==
          record);
    QFile html(paths->at(1));
    REQUIRE(html.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(html.readAll());
    CHECK(page.contains(QStringLiteral("Öztürk")));
    CHECK(page.contains(QStringLiteral("RGPD")));

    // The export itself is in the log, and shows in the next export.
    auto again = service.exportTrainee(id);
    REQUIRE(again);
    const QJsonArray log = again->data.value(QStringLiteral("journal des modifications")).toArray();
    REQUIRE(log.size() == 1);
    CHECK(log.at(0).toObject().value(QStringLiteral("action")).toString() == QStringLiteral("export"));

    auto account = service.exportAccount(QStringLiteral("secretariat"));
    REQUIRE(account);
    const QString text = QString::fromUtf8(QJsonDocument(account->data).toJson());
    CHECK(text.contains(QStringLiteral("Sophie Grandjean")));
    CHECK_FALSE(text.contains(QStringLiteral("argon2")));
    CHECK_FALSE(service.exportAccount(QStringLiteral("personne")));
}

TEST_CASE("The retention rule lists, then anonymises, the trainees who left long ago", "[gdpr]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend, test::DemoSpec::school());
    FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    const UserContext director =
        test::logIn(t.db(), QStringLiteral("direction"), DemoGenerator::demoPassword());
    PersonalDataService service(t.db(), clock, director);
    REQUIRE(service.retention()->traineeYears == 5);
    CHECK_FALSE(service.setRetention({0, 10}));
    CHECK_FALSE(service.setRetention({5, 9}));

    auto preview = service.retentionPreview(kToday);
    REQUIRE(preview);
    REQUIRE_FALSE(preview->isEmpty());
    const QDate cutoff = kToday.addYears(-5);
    for (const auto& hit : *preview)
        CHECK(hit.exitDate < cutoff);
    const qint64 expected =
        test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM trainee WHERE exit_date < "
                                               "'%1'")
                                    .arg(cutoff.toString(Qt::ISODate)))
            .toLongLong();
    CHECK(preview->size() == expected);

    // Nothing changed by the preview; a trainee who left recently is not touched even if asked.
    const qint64 recent =
        test::rawScalar(t.db(), QStringLiteral("SELECT id FROM trainee WHERE status = 'enrolled' "
                                               "ORDER BY id LIMIT 1"))
            .toLongLong();
    QList<qint64> ids;
    for (const auto& hit : *preview)
        ids << hit.id;
    auto done = service.applyRetention(kToday, ids + QList<qint64>{recent});
    REQUIRE(done);
    CHECK(*done == preview->size());
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM trainee WHERE last_name = 'Anonyme'"))
              .toLongLong() == expected);
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT last_name FROM trainee WHERE id = %1").arg(recent))
              .toString() != QStringLiteral("Anonyme"));
    // What statistics need stays.
    const qint64 first = ids.first();
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT birth_date FROM trainee WHERE id = %1").arg(first))
              .toString()
              .endsWith(QStringLiteral("-07-01")));
    CHECK_FALSE(
        test::rawScalar(t.db(), QStringLiteral("SELECT exit_date FROM trainee WHERE id = %1").arg(first))
            .toString()
            .isEmpty());
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT city FROM trainee WHERE id = %1").arg(first))
              .toString()
              .isEmpty());
    CHECK(service.retentionPreview(kToday)->isEmpty());
    // Guardians and notes of anonymised trainees are gone.
    CHECK(test::rawScalar(t.db(),
                          QStringLiteral("SELECT count(*) FROM guardian WHERE trainee_id = %1").arg(first))
              .toInt() == 0);
    CHECK(*AuditRepository(t.db()).count({QString(), QStringLiteral("trainee"), {}, {}, {}}) == expected);

    const UserContext office =
        test::logIn(t.db(), QStringLiteral("secretariat"), DemoGenerator::demoPassword());
    CHECK_FALSE(PersonalDataService(t.db(), clock, office).applyRetention(kToday, {recent}));
}
