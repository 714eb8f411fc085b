#include "services/dashboardservice.h"
#include "services/schoolservice.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <catch2/catch.hpp>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {
FixedClock testClock()
{
    return FixedClock(QDateTime(QDate(2026, 11, 27), QTime(9, 30), Qt::UTC));
}
} // namespace

TEST_CASE("A new school gets its name and the default sections", "[school]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const FixedClock clock = testClock();
    const UserContext director = test::createSchool(t.db(), QStringLiteral("École de production de l'Ain"));
    SchoolService service(t.db(), clock, director);
    auto identity = service.identity();
    REQUIRE(identity);
    CHECK(identity->name == QStringLiteral("École de production de l'Ain"));
    CHECK(identity->vatRegime == VatRegime::Franchise);
    CHECK(identity->vatMention == QStringLiteral("TVA non applicable, art. 293 B du CGI"));
    CHECK(identity->schoolYearStartMonth == 9);
    CHECK(identity->version == 1);
    CHECK(service.isDemo() == false);
    auto sections = service.sections();
    REQUIRE(sections);
    REQUIRE(sections->size() == 2);
    CHECK(sections->at(0).name == QStringLiteral("Pneus et services"));
    CHECK(sections->at(1).name == QStringLiteral("Métallerie"));
}

TEST_CASE("The school's identity round-trips through the database", "[school]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const FixedClock clock = testClock();
    const UserContext director = test::createSchool(t.db());
    SchoolService service(t.db(), clock, director);
    const SchoolIdentity original = *service.identity();
    SchoolIdentity s = original;
    s.organisationName = QStringLiteral("ECCOFOR");
    s.addressLine1 = QStringLiteral("8 rue Jacquard");
    s.postcode = QStringLiteral("39100");
    s.city = QStringLiteral("Dole");
    s.email = QStringLiteral("contact@exemple.fr");
    s.siret = QStringLiteral("753 124 680 00012");
    s.rna = QStringLiteral("w392000000");
    s.logo = QByteArray("\x89PNG\r\n\x1a\n\0\x01\x02", 11);
    s.logoMime = QStringLiteral("image/png");
    s.vatRegime = VatRegime::Assujetti;
    s.vatNumber = QStringLiteral("FR00753124680");
    s.fiscalYearStartMonth = 9;
    s.schoolYearStartMonth = 8;
    s.mayIssueTaxReceipts = true;
    s.statutoryObject = QStringLiteral("Former des jeunes de 15 à 18 ans par la production");
    s.receiptSignatoryName = QStringLiteral("Paul Girardot");
    s.receiptSignatoryCapacity = QStringLiteral("Président");
    s.iban = QStringLiteral("fr76 9999 9000 0100 0123 4567 809"); // as a statement prints it
    s.bic = QStringLiteral("demofrpp");
    auto saved = service.saveIdentity(s);
    REQUIRE(saved);
    CHECK(saved->version == 2);
    CHECK(saved->siret == QStringLiteral("75312468000012")); // spaces removed
    CHECK(saved->rna == QStringLiteral("W392000000"));
    CHECK(saved->iban == QStringLiteral("FR7699999000010001234567809"));
    CHECK(saved->ibanGrouped() == QStringLiteral("FR76 9999 9000 0100 0123 4567 809"));
    CHECK(saved->bic == QStringLiteral("DEMOFRPP"));
    // Frozen with the seller of an invoice, and read back.
    CHECK(SchoolIdentity::fromSellerJson(saved->sellerJson()).iban == saved->iban);
    // Without bank details, the frozen text is what it was before they existed.
    CHECK_FALSE(original.sellerJson().contains("iban"));

    t.close();
    SchoolService reread(t.db(), clock, director);
    auto loaded = reread.identity();
    REQUIRE(loaded);
    CHECK(*loaded == *saved);
    CHECK(loaded->statutoryObject == QStringLiteral("Former des jeunes de 15 à 18 ans par la production"));
    CHECK(loaded->receiptSignatoryCapacity == QStringLiteral("Président"));
}

TEST_CASE("Bad settings are refused in French and change nothing", "[school]")
{
    TestDatabase t;
    const FixedClock clock = testClock();
    const UserContext director = test::createSchool(t.db());
    SchoolService service(t.db(), clock, director);
    const SchoolIdentity original = *service.identity();

    struct Case
    {
        std::function<void(SchoolIdentity&)> change;
        QString expected;
    };
    const std::vector<Case> cases = {
        {[](SchoolIdentity& s) { s.name = QStringLiteral("   "); }, QStringLiteral("obligatoire")},
        {[](SchoolIdentity& s) { s.siret = QStringLiteral("12345678901234"); }, QStringLiteral("SIRET")},
        {[](SchoolIdentity& s) { s.siret = QStringLiteral("1234"); }, QStringLiteral("14 chiffres")},
        {[](SchoolIdentity& s) { s.rna = QStringLiteral("123456789"); }, QStringLiteral("RNA")},
        {[](SchoolIdentity& s) { s.postcode = QStringLiteral("3910"); }, QStringLiteral("code postal")},
        {[](SchoolIdentity& s) { s.email = QStringLiteral("pas-une-adresse"); }, QStringLiteral("e-mail")},
        {[](SchoolIdentity& s) { s.fiscalYearStartMonth = 13; }, QStringLiteral("exercice")},
        // One digit of the account changed: the key no longer matches.
        {[](SchoolIdentity& s) { s.iban = QStringLiteral("FR76 9999 9000 0100 0123 4567 909"); },
         QStringLiteral("clé")},
        {[](SchoolIdentity& s) { s.iban = QStringLiteral("FR76 9999 9000 0100 0123 4567 80"); },
         QStringLiteral("27 caractères")},
        {[](SchoolIdentity& s) { s.iban = QStringLiteral("0001234567809"); }, QStringLiteral("IBAN")},
        {[](SchoolIdentity& s) { s.bic = QStringLiteral("DEMO"); }, QStringLiteral("BIC")},
        {[](SchoolIdentity& s) { s.bic = QStringLiteral("DEMOFRPP"); }, QStringLiteral("IBAN")},
    };
    for (const auto& c : cases) {
        SchoolIdentity s = original;
        c.change(s);
        auto r = service.saveIdentity(s);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == Error::Code::InvalidInput);
        CHECK(r.error().message.contains(c.expected));
    }
    CHECK(*service.identity() == original);
}

TEST_CASE("A stale edit of the settings is refused (optimistic locking)", "[school]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const FixedClock clock = testClock();
    const UserContext director = test::createSchool(t.db());
    SchoolService service(t.db(), clock, director);
    SchoolIdentity first = *service.identity();
    SchoolIdentity second = first; // another PC loaded the same version
    first.city = QStringLiteral("Dole");
    REQUIRE(service.saveIdentity(first));
    second.city = QStringLiteral("Tavaux");
    auto r = service.saveIdentity(second);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == Error::Code::ChangedMeanwhile);
    CHECK(service.identity()->city == QStringLiteral("Dole"));
}

TEST_CASE("Sections: add, rename, deactivate, and delete only when unused", "[school][sections]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const FixedClock clock = testClock();
    const UserContext director = test::createSchool(t.db());
    SchoolService service(t.db(), clock, director);

    auto id = service.addSection(QStringLiteral("Menuiserie"), QStringLiteral("Bois"));
    REQUIRE(id);
    auto dup = service.addSection(QStringLiteral("MÉTALLERIE"));
    REQUIRE_FALSE(dup);
    CHECK(dup.error().message.contains(QStringLiteral("existe déjà")));
    CHECK_FALSE(service.addSection(QStringLiteral("  ")));

    Section s = service.sections()->at(2);
    CHECK(s.id == *id);
    s.name = QStringLiteral("Menuiserie-ébénisterie");
    s.active = false;
    REQUIRE(service.updateSection(s));
    CHECK(service.sections(true)->size() == 2);
    auto stale = service.updateSection(s); // version already used
    REQUIRE_FALSE(stale);
    CHECK(stale.error().code == Error::Code::ChangedMeanwhile);

    REQUIRE(service.deleteSection(*id));
    CHECK(service.sections()->size() == 2);

    const qint64 metal = service.sections()->at(1).id;
    REQUIRE(
        test::rawExec(t.db(), QStringLiteral("INSERT INTO trainee (last_name, first_name, sort_key, status, "
                                             "section_id, created_at, updated_at) VALUES ('Perrin', 'Noé', "
                                             "'perrin noe', 'enrolled', %1, 'x', 'x')")
                                  .arg(metal)));
    auto used = service.deleteSection(metal);
    REQUIRE_FALSE(used);
    CHECK(used.error().message.contains(QStringLiteral("désactivez")));
    CHECK(service.sections()->size() == 2);
}

TEST_CASE("The dashboard counts come from the data", "[dashboard]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const FixedClock clock = testClock();
    const UserContext director = test::createSchool(t.db());
    SchoolService service(t.db(), clock, director);
    const qint64 tyres = service.sections()->at(0).id;
    const auto add = [&](const char* status, const char* entry, const char* exit) {
        REQUIRE(test::rawExec(
            t.db(),
            QStringLiteral("INSERT INTO trainee (last_name, first_name, sort_key, status, section_id, "
                           "entry_date, exit_date, created_at, updated_at) VALUES ('N', 'P', 'n p', '%1', "
                           "%2, %3, %4, 'x', 'x')")
                .arg(QString::fromLatin1(status))
                .arg(tyres)
                .arg(entry ? QStringLiteral("'%1'").arg(QString::fromLatin1(entry)) : QStringLiteral("NULL"),
                     exit ? QStringLiteral("'%1'").arg(QString::fromLatin1(exit)) : QStringLiteral("NULL"))));
    };
    add("enrolled", "2026-09-02", nullptr);
    add("enrolled", "2025-09-03", nullptr);
    add("left", "2025-09-03", "2026-10-15");
    add("left", "2024-09-03", "2026-06-30");
    add("candidate", nullptr, nullptr);

    auto summary = DashboardService(t.db()).summary(QDate(2026, 11, 27));
    REQUIRE(summary);
    CHECK(summary->schoolName == QStringLiteral("Juralternance"));
    CHECK(summary->schoolYearLabel == QStringLiteral("2026-2027"));
    CHECK(summary->activeSections == 2);
    CHECK(summary->enrolled == 2);
    CHECK(summary->candidates == 1);
    CHECK(summary->entrantsThisYear == 1);
    CHECK(summary->exitsThisYear == 1);
    CHECK(summary->traineesEver == 4);
    REQUIRE(summary->sections.size() == 2);
    CHECK(summary->sections.at(0).enrolled == 2);
    CHECK(summary->sections.at(1).enrolled == 0);
}
