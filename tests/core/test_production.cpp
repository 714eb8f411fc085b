#include "services/attendanceservice.h"
#include "services/catalogueservice.h"
#include "services/productionservice.h"
#include "services/schoolservice.h"
#include "services/traineeservice.h"
#include "services/userservice.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <catch2/catch.hpp>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {

using etabli::test::kToday; // a Friday

struct Workshop
{
    UserContext director;
    UserContext trainer; // tyres only
    UserContext office;
    qint64 tyres = 0;
    qint64 metal = 0;
    qint64 lea = 0;  // tyres, since 1 September
    qint64 enzo = 0; // tyres, since 1 September
    qint64 noah = 0; // metalwork
    qint64 tom = 0;  // tyres, since 16 November
    qint64 dismount = 0;
    qint64 balance = 0;
};

qint64 addTrainee(Database& db, const Clock& clock, const UserContext& who, const QString& last,
                  const QString& first, qint64 section, const QDate& entry)
{
    Trainee t;
    t.lastName = last;
    t.firstName = first;
    t.sex = QStringLiteral("M");
    t.birthDate = QDate(2010, 3, 4);
    t.sectionId = section;
    t.cohortYear = 2026;
    t.entryDate = entry;
    t.status = TraineeStatus::Enrolled;
    t.studyYear = 1;
    auto id = TraineeService(db, clock, who).create(t);
    REQUIRE(id);
    return *id;
}

Workshop makeWorkshop(Database& db, const Clock& clock)
{
    Workshop w;
    w.director = test::createSchool(db);
    w.tyres = test::rawScalar(db, QStringLiteral("SELECT id FROM section WHERE name = 'Pneus et services'"))
                  .toLongLong();
    w.metal =
        test::rawScalar(db, QStringLiteral("SELECT id FROM section WHERE name = 'Métallerie'")).toLongLong();
    REQUIRE(w.tyres != 0);
    REQUIRE(w.metal != 0);
    UserService users(db, clock, w.director);
    User trainer;
    trainer.login = QStringLiteral("jl.perrin");
    trainer.displayName = QStringLiteral("Jean-Luc Perrin");
    trainer.role = Role::Formateur;
    trainer.sectionIds = {w.tyres};
    REQUIRE(users.create(trainer, QStringLiteral("un-mot-de-passe-formateur")));
    User office;
    office.login = QStringLiteral("sophie");
    office.displayName = QStringLiteral("Sophie Grandjean");
    office.role = Role::Secretariat;
    REQUIRE(users.create(office, QStringLiteral("un-mot-de-passe-secretariat")));
    w.trainer = test::logIn(db, trainer.login, QStringLiteral("un-mot-de-passe-formateur"));
    w.office = test::logIn(db, office.login, QStringLiteral("un-mot-de-passe-secretariat"));

    w.lea = addTrainee(db, clock, w.director, QStringLiteral("Dupont"), QStringLiteral("Léa"), w.tyres,
                       QDate(2026, 9, 1));
    w.enzo = addTrainee(db, clock, w.director, QStringLiteral("Martin"), QStringLiteral("Enzo"), w.tyres,
                        QDate(2026, 9, 1));
    w.noah = addTrainee(db, clock, w.director, QStringLiteral("Petit"), QStringLiteral("Noah"), w.metal,
                        QDate(2026, 9, 1));
    w.tom = addTrainee(db, clock, w.director, QStringLiteral("Roy"), QStringLiteral("Tom"), w.tyres,
                       QDate(2026, 11, 16));

    CatalogueService catalogue(db, clock, w.director);
    CatalogueItem mount;
    mount.sectionId = w.tyres;
    mount.code = QStringLiteral("MONT-EQ");
    mount.label = QStringLiteral("Montage et équilibrage d'un pneu");
    mount.unitPrice = Money::fromCents(1500);
    REQUIRE(catalogue.add(mount));
    CatalogueItem puncture = mount;
    puncture.code = QStringLiteral("REP-CREV");
    puncture.label = QStringLiteral("Réparation de crevaison");
    puncture.unitPrice = Money::fromCents(1800);
    REQUIRE(catalogue.add(puncture));
    CatalogueItem gate = mount;
    gate.sectionId = w.metal;
    gate.code = QStringLiteral("PORTAIL");
    gate.label = QStringLiteral("Portail");
    REQUIRE(catalogue.add(gate));

    ProductionService production(db, clock, w.trainer);
    auto s1 = production.addSkill(Skill{0, w.tyres, QStringLiteral("Démonter un pneu"), true});
    REQUIRE(s1);
    auto s2 = production.addSkill(Skill{0, w.tyres, QStringLiteral("Équilibrer une roue"), true});
    REQUIRE(s2);
    w.dismount = *s1;
    w.balance = *s2;

    // Léa absent all day on Monday 23rd; Enzo absent on Tuesday 24th morning.
    AttendanceService attendance(db, clock, w.director);
    REQUIRE(attendance.record(
        w.tyres,
        {AttendanceCell{w.lea, QDate(2026, 11, 23), Half::Morning, AttendanceCode::Unexcused, {}},
         AttendanceCell{w.lea, QDate(2026, 11, 23), Half::Afternoon, AttendanceCode::Unexcused, {}},
         AttendanceCell{w.enzo, QDate(2026, 11, 24), Half::Morning, AttendanceCode::Excused, {}},
         AttendanceCell{w.enzo, QDate(2026, 11, 24), Half::Afternoon, AttendanceCode::Present, {}}}));
    return w;
}

ProductionEntry entry(qint64 section, const QDate& day, QList<ProductionTrainee> trainees,
                      ProductionKind kind = ProductionKind::Order)
{
    ProductionEntry e;
    e.sectionId = section;
    e.day = day;
    e.kind = kind;
    e.trainees = std::move(trainees);
    return e;
}

ProductionOutput byCode(const QString& code, qint64 quantity)
{
    ProductionOutput o;
    o.code = code;
    o.quantityThousandths = quantity * 1000;
    return o;
}

qint64 countRows(Database& db, const char* table)
{
    return test::rawScalar(db, QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)))
        .toLongLong();
}

} // namespace

TEST_CASE("Quantities and durations as the French write them", "[production]")
{
    CHECK(*Quantities::parse(QStringLiteral("2")) == 2000);
    CHECK(*Quantities::parse(QStringLiteral("2,5")) == 2500);
    CHECK(*Quantities::parse(QStringLiteral(" 0.125 ")) == 125);
    CHECK_FALSE(Quantities::parse(QStringLiteral("0")));
    CHECK_FALSE(Quantities::parse(QStringLiteral("-1")));
    CHECK_FALSE(Quantities::parse(QStringLiteral("1,2345")));
    CHECK_FALSE(Quantities::parse(QStringLiteral("deux")));
    CHECK(Quantities::format(2500) == QStringLiteral("2,5"));
    CHECK(Quantities::format(3000) == QStringLiteral("3"));
    CHECK(Quantities::format(125) == QStringLiteral("0,125"));

    CHECK(*Quantities::parseDuration(QStringLiteral("3,5")) == 210);
    CHECK(*Quantities::parseDuration(QStringLiteral("3 h 30")) == 210);
    CHECK(*Quantities::parseDuration(QStringLiteral("3h")) == 180);
    CHECK(*Quantities::parseDuration(QStringLiteral("3:15")) == 195);
    CHECK(*Quantities::parseDuration(QStringLiteral("45 min")) == 45);
    CHECK(*Quantities::parseDuration(QStringLiteral("0,25")) == 15);
    CHECK_FALSE(Quantities::parseDuration(QStringLiteral("3h75")));
    CHECK_FALSE(Quantities::parseDuration(QStringLiteral("beaucoup")));
    CHECK(Quantities::formatDuration(210) == QStringLiteral("3 h 30"));
    CHECK(Quantities::formatDuration(180) == QStringLiteral("3 h"));
    CHECK(Quantities::formatDuration(45) == QStringLiteral("0 h 45"));
    CHECK(Quantities::formatDuration(3815 * 60 + 5) == QStringLiteral("3\u202F815 h 05"));

    ProductionMaterial valves{QStringLiteral("Valves"), 4000, Money::fromCents(37)};
    CHECK(valves.cost() == Money::fromCents(148));
    ProductionMaterial wire{QStringLiteral("Fil à souder"), 1250, Money::fromCents(999)};
    CHECK(wire.cost() == Money::fromCents(1249)); // 12,4875 € rounded half up
}

TEST_CASE("The production log refuses what cannot be true and writes nothing then", "[production]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    const Workshop w = makeWorkshop(t.db(), clock);
    ProductionService log(t.db(), clock, w.trainer);

    ProductionEntry ok = entry(w.tyres, QDate(2026, 11, 26), {{w.lea, 210}, {w.enzo, 210}});
    ok.reference = QStringLiteral("CMD-001");
    ok.outputs = {byCode(QStringLiteral("mont-eq"), 4), byCode(QStringLiteral("REP-CREV"), 1)};
    ok.materials = {ProductionMaterial{QStringLiteral("Rustines"), 2000, Money::fromCents(150)}};
    ok.skillIds = {w.dismount};
    auto first = log.save(ok);
    REQUIRE(first);
    auto stored = log.get(*first);
    REQUIRE(stored);
    CHECK(stored->authorLogin == QStringLiteral("jl.perrin"));
    REQUIRE(stored->outputs.size() == 2);
    CHECK(stored->outputs.at(0).code == QStringLiteral("MONT-EQ"));
    CHECK(stored->outputs.at(0).unit == Unit::Piece);
    CHECK(stored->materialsCost() == Money::fromCents(300));
    CHECK(stored->trainees.at(0).name == QStringLiteral("Dupont Léa"));

    const qint64 entries = countRows(t.db(), "production_entry");
    const qint64 lines = countRows(t.db(), "production_trainee") + countRows(t.db(), "production_output") +
                         countRows(t.db(), "production_material") + countRows(t.db(), "production_skill");
    const auto refused = [&](const ProductionEntry& e, Error::Code code, const QString& why) {
        auto r = log.save(e);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == code);
        INFO(r.error().message.toStdString());
        CHECK(r.error().message.contains(why));
        CHECK(countRows(t.db(), "production_entry") == entries);
        CHECK(countRows(t.db(), "production_trainee") + countRows(t.db(), "production_output") +
                  countRows(t.db(), "production_material") + countRows(t.db(), "production_skill") ==
              lines);
    };

    refused(entry(w.tyres, QDate(2026, 11, 28), {{w.lea, 60}}), Error::Code::InvalidInput,
            QStringLiteral("futur"));
    refused(entry(w.tyres, QDate(2026, 11, 25), {{w.lea, 0}}), Error::Code::InvalidInput,
            QStringLiteral("12"));
    refused(entry(w.tyres, QDate(2026, 11, 25), {{w.lea, -30}}), Error::Code::InvalidInput,
            QStringLiteral("12"));
    refused(entry(w.tyres, QDate(2026, 11, 25), {{w.lea, 13 * 60}}), Error::Code::InvalidInput,
            QStringLiteral("12"));
    // 3 h 30 already on the 26th: 9 h more would pass 12 h that day.
    refused(entry(w.tyres, QDate(2026, 11, 26), {{w.lea, 9 * 60}}), Error::Code::InvalidInput,
            QStringLiteral("12 h"));
    refused(entry(w.tyres, QDate(2026, 11, 23), {{w.lea, 60}}), Error::Code::InvalidInput,
            QStringLiteral("absent"));
    refused(entry(w.tyres, QDate(2026, 11, 24), {{w.enzo, 240}}), Error::Code::InvalidInput,
            QStringLiteral("demi-journée"));
    refused(entry(w.tyres, QDate(2026, 11, 10), {{w.tom, 60}}), Error::Code::InvalidInput,
            QStringLiteral("entré"));
    refused(entry(w.tyres, QDate(2026, 11, 25), {}), Error::Code::InvalidInput, QStringLiteral("Cochez"));
    refused(entry(w.tyres, QDate(2026, 11, 25), {{w.lea, 60}, {w.lea, 30}}), Error::Code::InvalidInput,
            QStringLiteral("deux fois"));
    ProductionEntry bad = entry(w.tyres, QDate(2026, 11, 25), {{w.lea, 60}});
    bad.outputs = {byCode(QStringLiteral("MONT-EQ"), 0)};
    refused(bad, Error::Code::InvalidInput, QStringLiteral("supérieure à zéro"));
    bad.outputs = {byCode(QStringLiteral("XYZ"), 1)};
    refused(bad, Error::Code::InvalidInput, QStringLiteral("XYZ"));
    bad.outputs = {byCode(QStringLiteral("PORTAIL"), 1)}; // another workshop's item
    refused(bad, Error::Code::InvalidInput, QStringLiteral("PORTAIL"));
    bad.outputs = {};
    bad.materials = {ProductionMaterial{QStringLiteral("Rustines"), 1000, Money::fromCents(-1)}};
    refused(bad, Error::Code::InvalidInput, QStringLiteral("négatif"));
    bad.materials = {ProductionMaterial{QStringLiteral("Rustines"), 0, Money::fromCents(10)}};
    refused(bad, Error::Code::InvalidInput, QStringLiteral("supérieure à zéro"));
    // A trainer writes only in their own workshop.
    refused(entry(w.metal, QDate(2026, 11, 25), {{w.noah, 60}}), Error::Code::AccessDenied, QString());

    // Legitimate but unusual: asked, then recorded once confirmed.
    refused(entry(w.tyres, QDate(2026, 11, 25), {{w.noah, 60}}), Error::Code::NeedsConfirmation,
            QStringLiteral("autre section"));
    refused(entry(w.tyres, QDate(2026, 11, 22), {{w.lea, 60}}), Error::Code::NeedsConfirmation,
            QStringLiteral("dimanche"));
    CHECK(log.save(entry(w.tyres, QDate(2026, 11, 25), {{w.noah, 60}}), true));
    // Half a day is fine on a day with one half-day absent.
    CHECK(log.save(entry(w.tyres, QDate(2026, 11, 24), {{w.enzo, 210}})));
}

TEST_CASE("Changing an entry: the author for 7 days, then only the direction", "[production]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    const Workshop w = makeWorkshop(t.db(), clock);
    auto id =
        ProductionService(t.db(), clock, w.trainer).save(entry(w.tyres, QDate(2026, 11, 26), {{w.lea, 210}}));
    REQUIRE(id);

    auto mine = ProductionService(t.db(), clock, w.trainer).get(*id);
    REQUIRE(mine);
    mine->trainees = {{w.lea, 180}, {w.enzo, 180}};
    REQUIRE(ProductionService(t.db(), clock, w.trainer).save(*mine));

    // The office did not write it: refused.
    auto other = ProductionService(t.db(), clock, w.office).get(*id);
    REQUIRE(other);
    other->notes = QStringLiteral("corrigé");
    auto notAuthor = ProductionService(t.db(), clock, w.office).save(*other);
    REQUIRE_FALSE(notAuthor);
    CHECK(notAuthor.error().code == Error::Code::AccessDenied);

    // Eight days later the author may no longer; the direction may.
    FixedClock later(QDateTime(kToday.addDays(8), QTime(9, 0), Qt::UTC));
    auto old = ProductionService(t.db(), later, w.trainer).get(*id);
    REQUIRE(old);
    old->trainees = {{w.lea, 60}};
    auto tooLate = ProductionService(t.db(), later, w.trainer).save(*old);
    REQUIRE_FALSE(tooLate);
    CHECK(tooLate.error().code == Error::Code::AccessDenied);
    CHECK(tooLate.error().message.contains(QStringLiteral("direction")));
    CHECK_FALSE(ProductionService(t.db(), later, w.trainer).remove(*id));
    REQUIRE(ProductionService(t.db(), later, w.director).save(*old));
    auto after = ProductionService(t.db(), later, w.director).get(*id);
    REQUIRE(after);
    REQUIRE(after->trainees.size() == 1);
    CHECK(after->trainees.first().minutes == 60);
    CHECK(after->authorLogin == QStringLiteral("jl.perrin")); // the author stays
    // A stale copy is refused.
    CHECK_FALSE(ProductionService(t.db(), later, w.director).save(*old));

    CHECK(test::rawScalar(t.db(),
                          QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'production' AND "
                                         "action = 'update'"))
              .toLongLong() == 2);
    REQUIRE(ProductionService(t.db(), later, w.director).remove(*id));
    CHECK(countRows(t.db(), "production_entry") == 0);
    CHECK(countRows(t.db(), "production_trainee") == 0);
    CHECK(test::rawScalar(t.db(),
                          QStringLiteral("SELECT changes FROM audit_log WHERE entity = 'production' AND "
                                         "action = 'delete'"))
              .toString()
              .contains(QStringLiteral("%1:60").arg(w.lea)));
}

namespace {
OutputTotal outputNamed(const ProductionFigures& figures, const QString& label)
{
    for (const OutputTotal& o : figures.outputs) {
        if (o.label == label)
            return o;
    }
    FAIL("no output " << label.toStdString());
    return OutputTotal{};
}
} // namespace

TEST_CASE("What comes out of the log: hours per trainee, skill and order, output, materials", "[production]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    const Workshop w = makeWorkshop(t.db(), clock);
    ProductionService log(t.db(), clock, w.trainer);

    ProductionEntry e1 = entry(w.tyres, QDate(2026, 11, 26), {{w.lea, 210}, {w.enzo, 210}});
    e1.reference = QStringLiteral("CMD-001");
    e1.outputs = {byCode(QStringLiteral("MONT-EQ"), 4), byCode(QStringLiteral("REP-CREV"), 1)};
    e1.materials = {ProductionMaterial{QStringLiteral("Rustines"), 2000, Money::fromCents(150)}};
    e1.skillIds = {w.dismount};
    REQUIRE(log.save(e1));
    ProductionEntry e2 =
        entry(w.tyres, QDate(2026, 11, 25), {{w.lea, 120}, {w.tom, 90}}, ProductionKind::Exercise);
    ProductionOutput wheel;
    wheel.label = QStringLiteral("Roue d'exercice");
    wheel.quantityThousandths = 1000;
    e2.outputs = {wheel};
    e2.skillIds = {w.dismount, w.balance};
    REQUIRE(log.save(e2));
    ProductionEntry e3 = entry(w.tyres, QDate(2026, 11, 24), {{w.enzo, 180}});
    e3.reference = QStringLiteral("CMD-001");
    e3.outputs = {byCode(QStringLiteral("MONT-EQ"), 2)};
    e3.materials = {ProductionMaterial{QStringLiteral("Valves"), 4000, Money::fromCents(37)}};
    e3.skillIds = {w.balance};
    REQUIRE(log.save(e3));
    REQUIRE(log.save(entry(w.tyres, QDate(2026, 11, 20), {{w.lea, 60}}, ProductionKind::Upkeep)));

    ProductionFilter november;
    november.sectionId = w.tyres;
    november.from = QDate(2026, 11, 1);
    november.to = QDate(2026, 11, 30);
    auto f = log.figures(november);
    REQUIRE(f);
    CHECK(f->entries == 4);
    CHECK(f->minutes == 210 + 210 + 120 + 90 + 180 + 60);
    CHECK(f->materials == Money::fromCents(300 + 148));

    REQUIRE(f->trainees.size() == 3); // by name: Dupont, Martin, Roy
    CHECK(f->trainees.at(0).traineeId == w.lea);
    CHECK(f->trainees.at(0).orderMinutes == 210);
    CHECK(f->trainees.at(0).exerciseMinutes == 120);
    CHECK(f->trainees.at(0).upkeepMinutes == 60);
    CHECK(f->trainees.at(0).total() == 390);
    CHECK(f->trainees.at(0).entries == 3);
    CHECK(f->trainees.at(1).traineeId == w.enzo);
    CHECK(f->trainees.at(1).orderMinutes == 390);
    CHECK(f->trainees.at(1).entries == 2);
    CHECK(f->trainees.at(2).traineeId == w.tom);
    CHECK(f->trainees.at(2).exerciseMinutes == 90);

    REQUIRE(f->skills.size() == 2); // Démonter, Équilibrer
    CHECK(f->skills.at(0).skillId == w.dismount);
    CHECK(f->skills.at(0).entries == 2);
    CHECK(f->skills.at(0).trainees == 3);
    CHECK(f->skills.at(0).minutes == 420 + 210);
    CHECK(f->skills.at(1).skillId == w.balance);
    CHECK(f->skills.at(1).entries == 2);
    CHECK(f->skills.at(1).trainees == 3);
    CHECK(f->skills.at(1).minutes == 210 + 180);

    REQUIRE(f->outputs.size() == 3);
    const auto output = [&](const QString& label) { return outputNamed(*f, label); };
    CHECK(output(QStringLiteral("Montage et équilibrage d'un pneu")).quantityThousandths == 6000);
    CHECK(output(QStringLiteral("Montage et équilibrage d'un pneu")).value == Money::fromCents(9000));
    CHECK(output(QStringLiteral("Réparation de crevaison")).quantityThousandths == 1000);
    CHECK(output(QStringLiteral("Réparation de crevaison")).value == Money::fromCents(1800));
    CHECK(output(QStringLiteral("Roue d'exercice")).quantityThousandths == 1000);
    CHECK(output(QStringLiteral("Roue d'exercice")).value.isZero());

    REQUIRE(f->references.size() == 1);
    CHECK(f->references.first().reference == QStringLiteral("CMD-001"));
    CHECK(f->references.first().entries == 2);
    CHECK(f->references.first().trainees == 2);
    CHECK(f->references.first().minutes == 600);
    CHECK(f->references.first().materials == Money::fromCents(448));
    CHECK(f->references.first().first == QDate(2026, 11, 24));
    CHECK(f->references.first().last == QDate(2026, 11, 26));

    // One trainee: only her time.
    ProductionFilter lea = november;
    lea.traineeId = w.lea;
    auto mine = log.figures(lea);
    REQUIRE(mine);
    CHECK(mine->entries == 3);
    CHECK(mine->minutes == 390);
    REQUIRE(mine->trainees.size() == 1);
    REQUIRE(mine->skills.size() == 2);
    CHECK(mine->skills.at(0).entries == 2);
    CHECK(mine->skills.at(0).minutes == 330);
    CHECK(mine->skills.at(1).entries == 1);
    CHECK(mine->skills.at(1).minutes == 120);
    REQUIRE(mine->references.size() == 1);
    CHECK(mine->references.first().minutes == 210);
    // Her share of what the entries made and used, by her minutes (issue 18,
    // item 15): half of the first entry (210 of 420), 120/210 of the exercise.
    CHECK(mine->materials == Money::fromCents(150));
    const auto hers = [&](const QString& label) { return outputNamed(*mine, label); };
    CHECK(hers(QStringLiteral("Montage et équilibrage d'un pneu")).quantityThousandths == 2000);
    CHECK(hers(QStringLiteral("Montage et équilibrage d'un pneu")).value == Money::fromCents(3000));
    CHECK(hers(QStringLiteral("Réparation de crevaison")).quantityThousandths == 500);
    CHECK(hers(QStringLiteral("Réparation de crevaison")).value == Money::fromCents(900));
    CHECK(hers(QStringLiteral("Roue d'exercice")).quantityThousandths == 571);
    // Her own hours beside the entry's, in her list of entries.
    auto herEntries = log.list(lea, PageRequest::first(10));
    REQUIRE(herEntries);
    REQUIRE(herEntries->rows.size() == 3);
    CHECK(herEntries->rows.at(0).minutes == 420);
    CHECK(herEntries->rows.at(0).ownMinutes == 210);

    // A shorter period; the list pages in SQL, newest first.
    ProductionFilter twoDays = november;
    twoDays.from = QDate(2026, 11, 25);
    twoDays.to = QDate(2026, 11, 26);
    CHECK(log.figures(twoDays)->minutes == 630);
    CHECK(*log.count(november) == 4);
    auto first = log.list(november, PageRequest::first(1));
    REQUIRE(first);
    CHECK(first->info.following == 4);
    auto next = log.list(november, PageRequest::after(first->info.last, 2));
    REQUIRE(next);
    const QList<ProductionSummary>* page = &next->rows;
    REQUIRE(page->size() == 2);
    CHECK(page->at(0).day == QDate(2026, 11, 25));
    CHECK(page->at(0).trainees == QStringLiteral("Dupont Léa, Roy Tom"));
    CHECK(page->at(0).outputs == QStringLiteral("Roue d'exercice × 1"));
    CHECK(page->at(0).minutes == 210);
    CHECK(page->at(1).outputs == QStringLiteral("MONT-EQ × 2"));
    ProductionFilter byRef = november;
    byRef.reference = QStringLiteral("cmd");
    CHECK(*log.count(byRef) == 2);
    ProductionFilter byTrainee = november;
    byTrainee.traineeId = w.tom;
    CHECK(*log.count(byTrainee) == 1);
}
