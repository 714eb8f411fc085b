// Online gifts from HelloAsso's payments' export (issue 22, item 2): the
// sample file tests/data/imports/helloasso-paiements.csv is the column
// layout the user guide documents.

#include "services/contactservice.h"
#include "services/donationservice.h"
#include "services/helloassoimportservice.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QFile>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {

using HelloAsso = HelloAssoImportService;

QByteArray helloAssoSample()
{
    QFile f(QStringLiteral(ETABLI_TEST_DATA "/imports/helloasso-paiements.csv"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

const HelloAsso::Row& lineOf(const HelloAsso::Preview& p, int line)
{
    for (const HelloAsso::Row& r : p.rows) {
        if (r.line == line)
            return r;
    }
    FAIL("no line " << line);
    return p.rows.first();
}

} // namespace

TEST_CASE("HelloAsso's export: paid gifts recorded online with their donors, the rest listed, nothing twice",
          "[import][funding][donations]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(test::kToday, QTime(9, 0), Qt::UTC));
    // The garage is a customer already, known by its e-mail.
    Contact garage;
    garage.name = QStringLiteral("Garage des Salines");
    garage.email = QStringLiteral("compta@salines.example");
    garage.postcode = QStringLiteral("39100");
    garage.customer = true;
    auto garageId = ContactService(t.db(), clock, director).add(garage);
    REQUIRE(garageId);
    const auto count = [&t](const char* sql) {
        return test::rawScalar(t.db(), QString::fromLatin1(sql)).toLongLong();
    };
    const qint64 contactsBefore = count("SELECT count(*) FROM contact");

    HelloAsso service(t.db(), clock, director);
    auto preview = service.prepare(helloAssoSample());
    REQUIRE(preview);
    CHECK(preview->count(HelloAsso::Fate::Gift) == 3);
    CHECK(preview->count(HelloAsso::Fate::Refunded) == 1);
    CHECK(preview->count(HelloAsso::Fate::NotAGift) == 1);
    CHECK(preview->count(HelloAsso::Fate::NotPaid) == 1);
    CHECK(preview->count(HelloAsso::Fate::Refused) == 1);
    CHECK(preview->total().cents() == 21000);
    CHECK(lineOf(*preview, 2).day == QDate(2026, 11, 12));
    CHECK(lineOf(*preview, 2).reference == QStringLiteral("HelloAsso 10001"));
    CHECK(lineOf(*preview, 3).donorId == *garageId); // by e-mail
    CHECK(lineOf(*preview, 4).note.contains(QStringLiteral("Remboursé")));
    CHECK(lineOf(*preview, 5).note.contains(QStringLiteral("Adhésion")));
    CHECK(lineOf(*preview, 8).note.contains(QStringLiteral("vingt euros")));
    // Claire Martin's second gift: the same new donor as line 2, added once.
    CHECK(lineOf(*preview, 7).donorId == 0);
    CHECK(lineOf(*preview, 7).note == QStringLiteral("le même donateur qu'en ligne 2"));

    // A refused line stops everything, unless left out.
    auto refused = service.apply(*preview, false);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("ligne 8")));
    CHECK(count("SELECT count(*) FROM donation") == 0);
    auto done = service.apply(*preview, true);
    REQUIRE(done);
    CHECK(*done == 3);
    CHECK(
        count("SELECT count(*) FROM donation WHERE method = 'online' AND reference LIKE 'HelloAsso 1000%'") ==
        3);
    CHECK(count("SELECT sum(amount_cents) FROM donation") == 21000);
    // Claire Martin gave twice: one donor, created once; the garage became a donor.
    CHECK(count("SELECT count(*) FROM contact") == contactsBefore + 1);
    CHECK(
        count("SELECT count(*) FROM contact WHERE name = 'Martin' AND first_name = 'Claire' AND is_donor = 1 "
              "AND email = 'claire.martin@example.org'") == 1);
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT is_donor FROM contact WHERE id = %1").arg(*garageId))
              .toInt() == 1);
    auto gift =
        DonationService(t.db(), clock, director)
            .donation(
                test::rawScalar(t.db(),
                                QStringLiteral("SELECT id FROM donation WHERE reference = 'HelloAsso 10002'"))
                    .toLongLong());
    REQUIRE(gift);
    CHECK(gift->method == GiftMethod::Online);
    CHECK(gift->contactId == *garageId);
    CHECK(labelOf(gift->method) == QStringLiteral("En ligne (carte)"));

    // The same file again: every gift is recorded already, nothing added.
    auto again = service.prepare(helloAssoSample());
    REQUIRE(again);
    CHECK(again->count(HelloAsso::Fate::Gift) == 0);
    CHECK(again->count(HelloAsso::Fate::AlreadyRecorded) == 3);
    auto twice = service.apply(*again, true);
    REQUIRE(twice);
    CHECK(*twice == 0);
    CHECK(count("SELECT count(*) FROM donation") == 3);
    // A gift typed with a reference already recorded is refused too.
    Donation typed = *gift;
    typed.id = 0;
    CHECK(DonationService(t.db(), clock, director).record(typed).error().code == Error::Code::Conflict);

    // Columns that changed: the file is refused, the missing ones named.
    auto changed = service.prepare(QByteArray("Ref;Jour;Somme;Nom\r\n1;12/11/2026;5;Martin\r\n"));
    REQUIRE_FALSE(changed);
    CHECK(changed.error().message.contains(QStringLiteral("Référence commande")));
    CHECK(changed.error().message.contains(QStringLiteral("Montant")));

    // Only an account that may record gifts imports them.
    UserContext office;
    office.permissions = {permission::SalesWrite, permission::SalesRead};
    CHECK(HelloAsso(t.db(), clock, office).prepare(helloAssoSample()).error().code ==
          Error::Code::AccessDenied);
}
