// Importing the directory from a spreadsheet, Dolibarr or Paheko (issue 22,
// item 1): the files of tests/data/imports are hand-built in each program's
// documented export layout; .xlsx workbooks are written by xlsx::workbook.

#include "io/sheetreader.h"
#include "io/xlsx.h"
#include "services/contactimportservice.h"
#include "services/contactservice.h"
#include "services/personaldataservice.h"
#include "storage/auditrepository.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {

using Import = ContactImportService;

QByteArray sample(const QString& name)
{
    QFile f(QStringLiteral(ETABLI_TEST_DATA "/imports/") + name);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

QByteArray lines(const QStringList& rows)
{
    return rows.join(QStringLiteral("\r\n")).toUtf8() + "\r\n";
}

qint64 contactCount(Database& db)
{
    return test::rawScalar(db, QStringLiteral("SELECT count(*) FROM contact")).toLongLong();
}

const Import::Row& lineOf(const Import::Preview& p, int line)
{
    for (const Import::Row& r : p.rows) {
        if (r.line == line)
            return r;
    }
    FAIL("no line " << line);
    return p.rows.first();
}

} // namespace

TEST_CASE("A workbook's first sheet reads as a table of French texts", "[import][xlsx]")
{
    xlsx::Sheet sheet;
    sheet.name = QStringLiteral("Contacts");
    sheet.columns = {{QStringLiteral("Nom"), xlsx::Kind::Text},
                     {QStringLiteral("SIRET"), xlsx::Kind::Integer},
                     {QStringLiteral("Code postal"), xlsx::Kind::Integer},
                     {QStringLiteral("Depuis le"), xlsx::Kind::Date},
                     {QStringLiteral("Dons"), xlsx::Kind::Money},
                     {QStringLiteral("Heures"), xlsx::Kind::Decimal}};
    sheet.rows = {{QStringLiteral("Garage du Doubs"), qint64(39212345600015), qint64(1000),
                   QDate(2024, 2, 29), qint64(12350), 1.5},
                  {QVariant(), QVariant(), QVariant(), QVariant(), QVariant(), QVariant()}, // an empty row
                  {QStringLiteral("=1+1"), QVariant(), qint64(39100), QVariant(), qint64(-5), QVariant()}};
    xlsx::Sheet other;
    other.name = QStringLiteral("Autre");
    other.columns = {{QStringLiteral("Ignoré"), xlsx::Kind::Text}};
    auto bytes = xlsx::workbook({sheet, other});
    REQUIRE(bytes);
    auto table = sheet::read(*bytes);
    REQUIRE(table);
    CHECK(table->encoding == QStringLiteral("XLSX"));
    CHECK(table->header == QStringList{QStringLiteral("Nom"), QStringLiteral("SIRET"),
                                       QStringLiteral("Code postal"), QStringLiteral("Depuis le"),
                                       QStringLiteral("Dons"), QStringLiteral("Heures")});
    REQUIRE(table->rows.size() == 2);
    CHECK(table->lines == QList<int>{2, 4}); // the empty row 3 left out, the lines kept
    CHECK(table->rows.at(0) == QStringList{QStringLiteral("Garage du Doubs"),
                                           QStringLiteral("39212345600015"), QStringLiteral("1000"),
                                           QStringLiteral("29/02/2024"), QStringLiteral("123,5"),
                                           QStringLiteral("1,5")});
    CHECK(table->rows.at(1).at(0) == QStringLiteral("=1+1")); // a text, as typed
    CHECK(table->rows.at(1).at(4) == QStringLiteral("-0,05"));
    CHECK(sheet::columnIndex(u"AB12") == 27);

    // What is not a workbook is said, with what to do.
    const auto refused = [](const QByteArray& b) {
        auto r = sheet::read(b);
        REQUIRE_FALSE(r);
        return r.error().message;
    };
    CHECK(refused(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(600, '\0'))
              .contains(QStringLiteral(".xls")));
    CHECK(refused(QByteArray("PK\x03\x04") + QByteArray(26, '\0') +
                  "mimetypeapplication/vnd.oasis.opendocument.spreadsheet")
              .contains(QStringLiteral(".ods")));
    CHECK(refused(bytes->left(bytes->size() / 2)).contains(QStringLiteral("ZIP")));
    // A member whose bytes were changed fails its CRC.
    QByteArray tampered = *bytes;
    const qsizetype sheetPart = tampered.indexOf("xl/worksheets/sheet1.xml");
    REQUIRE(sheetPart > 30);
    tampered[sheetPart + 40] = static_cast<char>(tampered.at(sheetPart + 40) ^ 0x55);
    CHECK_FALSE(sheet::read(tampered));
}

TEST_CASE(
    "Importing contacts from a spreadsheet: checked lines, roles, and nothing doubled on a second import",
    "[import][contacts]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(test::kToday, QTime(9, 0), Qt::UTC));
    Import service(t.db(), clock, director);
    const qint64 before = contactCount(t.db());

    const QByteArray file = lines(
        {QStringLiteral(
             "Type;Nom;Prénom;SIRET;Adresse;Code postal;Ville;Téléphone;Courriel;Rôles;Donateur;Remarque"),
         QStringLiteral(
             "Entreprise;Menuiserie Vuillet;;51012345000049;2 rue du Port;39100;Dole;03 84 82 00 00;;"
             "client, accueil de stage;non;"),
         QStringLiteral(
             "Particulier;Écuyer;Maëlle;;;39100;Dole;+33 6 12 34 56 78;m.ecuyer@example.org;;oui;"),
         QStringLiteral("Association;Rotary Club de Dole;;;;39100;Dole;;;financeur;x;"),
         QStringLiteral("Entreprise;=HYPERLINK(A1);;;;39100;Dole;;;client;;"),
         QStringLiteral("Entreprise;Forges de Franche-Comté;;12345678901234;;25000;Besançon;;;client;;"),
         QStringLiteral("Entreprise;Bois & Co;;;;39100;Dole;;pas-une-adresse;client;;"),
         QStringLiteral(";;Jean;;;39100;Dole;;;client;;"),
         QStringLiteral("Entreprise;Menuiserie  VUILLET;;;;39100;Dole;;;client;;"),
         QStringLiteral("Entreprise;Scierie Mont;;;;39100;Dole;;;grossiste;;")});
    auto preview = service.prepare(file);
    REQUIRE(preview);
    CHECK(preview->layout == Import::Layout::Etabli);
    CHECK(preview->ignoredColumns == QStringList{QStringLiteral("Remarque")});
    CHECK(preview->validCount() == 3);
    CHECK(preview->duplicateCount() == 0);
    const Contact& firm = lineOf(*preview, 2).contact;
    CHECK_FALSE(firm.person);
    CHECK(firm.kind == CustomerKind::Company);
    CHECK(firm.customer);
    CHECK(firm.host);
    CHECK_FALSE(firm.donor);
    const Contact& person = lineOf(*preview, 3).contact;
    CHECK(person.person);
    CHECK(person.firstName == QStringLiteral("Maëlle"));
    CHECK(person.phone == QStringLiteral("+33 6 12 34 56 78")); // a telephone, not a formula
    CHECK(person.donor);
    CHECK_FALSE(person.customer); // the line says its role: no default added
    CHECK(lineOf(*preview, 4).contact.kind == CustomerKind::Association);
    CHECK(lineOf(*preview, 4).contact.funder);
    CHECK(lineOf(*preview, 5).problem.contains(QStringLiteral("HYPERLINK")));
    CHECK(lineOf(*preview, 6).problem.contains(QStringLiteral("SIRET")));
    CHECK(lineOf(*preview, 7).problem.contains(QStringLiteral("pas-une-adresse")));
    CHECK_FALSE(lineOf(*preview, 8).problem.isEmpty());               // no name
    CHECK(lineOf(*preview, 9).problem.contains(QStringLiteral("2"))); // the same as line 2
    CHECK(lineOf(*preview, 10).problem.contains(QStringLiteral("grossiste")));

    // Refused lines stop everything unless left out.
    auto refused = service.apply(*preview, false);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("6")));
    CHECK(contactCount(t.db()) == before);
    const qint64 lastId =
        test::rawScalar(t.db(), QStringLiteral("SELECT COALESCE(max(id), 0) FROM contact")).toLongLong();
    auto done = service.apply(*preview, true);
    REQUIRE(done);
    CHECK(done->created == 3);
    CHECK(done->merged == 0);
    CHECK(contactCount(t.db()) == before + 3);
    // One entry of the trail for the import, naming the contacts it created.
    const QString createdIds = test::rawScalar(t.db(), QStringLiteral("SELECT entity_id FROM audit_log WHERE "
                                                                      "entity = 'contact' AND changes LIKE "
                                                                      "'%\"created\":[null,3]%'"))
                                   .toString();
    CHECK(createdIds == QStringLiteral("%1-%2").arg(lastId + 1).arg(lastId + 3));
    CHECK(test::rawScalar(t.db(),
                          QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'contact' AND "
                                         "action = 'create' AND id > (SELECT max(id) - 3 FROM audit_log)"))
              .toInt() == 1);
    auto covering = AuditRepository(t.db()).createdCovering(AuditEntity::Contact, lastId + 2);
    REQUIRE(covering);
    REQUIRE(covering->size() == 1);
    CHECK(covering->first().entityId == createdIds);
    // The person's access export says how they came in.
    auto held = PersonalDataService(t.db(), clock, director).exportContact(lastId + 2);
    REQUIRE(held);
    const QJsonArray trail = held->data.value(QStringLiteral("journal des modifications")).toArray();
    REQUIRE(trail.size() == 1);
    CHECK(trail.first()
              .toObject()
              .value(QStringLiteral("modifications"))
              .toString()
              .contains(QStringLiteral("Fiches créées : 3")));
    // Found by the directory's search (its index is kept by the triggers).
    ContactFilter search;
    search.text = QStringLiteral("vuillet");
    auto found = ContactService(t.db(), clock, director).page(search, PageRequest{});
    REQUIRE(found);
    REQUIRE(found->rows.size() == 1);
    CHECK(found->rows.first().siret == QStringLiteral("51012345000049"));

    // The same file again: every valid line is a duplicate with nothing new; nothing doubles.
    auto again = service.prepare(file);
    REQUIRE(again);
    CHECK(again->duplicateCount() == 3);
    CHECK(lineOf(*again, 2).twinBySiret);
    CHECK(lineOf(*again, 2).filled.isEmpty());
    auto twice = service.apply(*again, true);
    REQUIRE(twice);
    CHECK(twice->created == 0);
    CHECK(twice->skipped == 3);
    CHECK(contactCount(t.db()) == before + 3);

    // A file without role columns: the office's default role.
    auto donors =
        service.prepare(lines({QStringLiteral("nom,ville,cp"), QStringLiteral("Fondation Arc,Dole,39100")}),
                        Import::Role::Donor);
    REQUIRE(donors);
    CHECK(donors->rows.first().contact.donor);
    CHECK_FALSE(donors->rows.first().contact.customer);

    // No name column: the file is refused as a whole.
    auto nameless = service.prepare(lines({QStringLiteral("ville;cp"), QStringLiteral("Dole;39100")}));
    REQUIRE_FALSE(nameless);
    CHECK(nameless.error().message.contains(QStringLiteral("ville")));

    // An account that may not change the directory reads nothing.
    UserContext trainer;
    trainer.permissions = {permission::AttendanceWrite};
    CHECK(Import(t.db(), clock, trainer).prepare(file).error().code == Error::Code::AccessDenied);
}

TEST_CASE("A Dolibarr export: its columns understood, its duplicates proposed for merging",
          "[import][contacts]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(test::kToday, QTime(9, 0), Qt::UTC));
    ContactService contacts(t.db(), clock, director);
    // Already in the directory: the carrier (same SIRET, another phone), the
    // town hall (same name and postcode).
    Contact carrier;
    carrier.name = QStringLiteral("Transports Jurassiens SAS");
    carrier.siret = QStringLiteral("39212345600015");
    carrier.phone = QStringLiteral("03 84 72 99 99");
    carrier.customer = true;
    auto carrierId = contacts.add(carrier);
    REQUIRE(carrierId);
    Contact townHall;
    townHall.kind = CustomerKind::Public;
    townHall.name = QStringLiteral("Mairie de Tavaux");
    townHall.postcode = QStringLiteral("39500");
    townHall.funder = true;
    auto townHallId = contacts.add(townHall);
    REQUIRE(townHallId);
    const qint64 before = contactCount(t.db());

    Import service(t.db(), clock, director);
    auto preview = service.prepare(sample(QStringLiteral("dolibarr-tiers.csv")));
    REQUIRE(preview);
    CHECK(preview->layout == Import::Layout::Dolibarr);
    CHECK(preview->encoding == QStringLiteral("UTF-8"));
    REQUIRE(preview->rows.size() == 5);
    // Transports Jurassiens: matched by SIRET; merging adds the e-mail and
    // the address, keeps the recorded phone.
    const Import::Row& tj = lineOf(*preview, 2);
    CHECK(tj.problem.isEmpty());
    CHECK(tj.twinId == *carrierId);
    CHECK(tj.twinBySiret);
    CHECK(tj.contact.legalForm == QStringLiteral("SAS"));
    CHECK(tj.filled.contains(QStringLiteral("courriel")));
    CHECK(tj.kept.contains(QStringLiteral("téléphone")));
    // The town hall: by name and postcode; Dolibarr's "3" is customer and prospect.
    const Import::Row& hall = lineOf(*preview, 3);
    CHECK(hall.twinId == *townHallId);
    CHECK_FALSE(hall.twinBySiret);
    CHECK(hall.contact.kind == CustomerKind::Public);
    CHECK(hall.contact.customer);
    CHECK(hall.filled.contains(QStringLiteral("rôle client")));
    // A supplier only; a private person, prospect, whose postcode lost its zero in a spreadsheet.
    CHECK(lineOf(*preview, 4).contact.supplier);
    CHECK_FALSE(lineOf(*preview, 4).contact.customer);
    const Contact& martin = lineOf(*preview, 5).contact;
    CHECK(martin.person);
    CHECK(martin.customer);
    CHECK(martin.postcode == QStringLiteral("01000"));
    CHECK(lineOf(*preview, 6).problem.contains(QStringLiteral("SIRET"))); // a wrong key

    // The office chooses per line: merge the carrier, skip the town hall.
    Import::Preview chosen = *preview;
    for (Import::Row& r : chosen.rows) {
        if (r.twinId == *townHallId)
            r.choice = Import::DuplicateChoice::Skip;
    }
    auto done = service.apply(chosen, true);
    REQUIRE(done);
    CHECK(done->merged == 1);
    CHECK(done->skipped == 1);
    CHECK(done->created == 2);
    CHECK(contactCount(t.db()) == before + 2);
    auto merged = contacts.get(*carrierId);
    REQUIRE(merged);
    CHECK(merged->email == QStringLiteral("compta@tj.example"));
    CHECK(merged->addressLine1 == QStringLiteral("4 rue des Salines"));
    CHECK(merged->phone == QStringLiteral("03 84 72 99 99")); // the record's, not the file's
    CHECK(merged->name == QStringLiteral("Transports Jurassiens SAS"));
    CHECK(merged->version == 2);
    auto hallAfter = contacts.get(*townHallId);
    REQUIRE(hallAfter);
    CHECK_FALSE(hallAfter->customer); // skipped
    CHECK(
        test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'contact' AND "
                                               "action = 'update' AND entity_id = '%1'")
                                    .arg(*carrierId))
            .toInt() == 1);

    // "Create all the same" doubles on purpose only.
    Import::Preview doubled = *preview;
    doubled.chooseForDuplicates(Import::DuplicateChoice::Create);
    for (Import::Row& r : doubled.rows) {
        if (!r.isDuplicate())
            r.problem = QStringLiteral("left out of this test");
    }
    auto created = service.apply(doubled, true);
    REQUIRE(created);
    CHECK(created->created == 2);
    CHECK(contactCount(t.db()) == before + 4);
}

TEST_CASE("A Paheko members' export: full names split, addresses on two lines, members as donors",
          "[import][contacts]")
{
    TestDatabase t;
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(test::kToday, QTime(9, 0), Qt::UTC));
    Import service(t.db(), clock, director);
    auto preview = service.prepare(sample(QStringLiteral("paheko-membres.csv")));
    REQUIRE(preview);
    CHECK(preview->layout == Import::Layout::Paheko);
    CHECK(preview->ignoredColumns.contains(QStringLiteral("Date d'inscription")));
    REQUIRE(preview->validCount() == 3);
    const Contact& dupont = preview->rows.at(0).contact;
    CHECK(dupont.person);
    CHECK(dupont.name == QStringLiteral("DUPONT"));
    CHECK(dupont.firstName == QStringLiteral("Jean-Marc"));
    CHECK(dupont.addressLine1 == QStringLiteral("3 impasse des Tilleuls"));
    CHECK(dupont.addressLine2 == QStringLiteral("Résidence Les Prés"));
    CHECK(dupont.donor);
    CHECK(preview->rows.at(1).contact.name == QStringLiteral("LE GALL"));
    CHECK(preview->rows.at(1).contact.firstName == QStringLiteral("Anne"));
    const Contact& friends = preview->rows.at(2).contact;
    CHECK_FALSE(friends.person);
    CHECK(friends.kind == CustomerKind::Association);

    // Stopped half-way (the progress said so): nothing written.
    const qint64 before = contactCount(t.db());
    auto stopped = service.apply(*preview, false, [](qsizetype, qsizetype) { return false; });
    REQUIRE_FALSE(stopped);
    CHECK(contactCount(t.db()) == before);

    // Added on another PC between the preview and the import: refused, nothing written.
    Contact meanwhile = dupont;
    REQUIRE(ContactService(t.db(), clock, director).add(meanwhile));
    auto late = service.apply(*preview, false);
    REQUIRE_FALSE(late);
    CHECK(late.error().code == Error::Code::Conflict);
    CHECK(late.error().message.contains(QStringLiteral("DUPONT")));
    CHECK(contactCount(t.db()) == before + 1);
}

TEST_CASE("Contacts from an .xlsx workbook: numbers and dates as the spreadsheet shows them",
          "[import][contacts]")
{
    TestDatabase t;
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(test::kToday, QTime(9, 0), Qt::UTC));
    xlsx::Sheet sheet;
    sheet.name = QStringLiteral("Clients");
    sheet.columns = {{QStringLiteral("Raison sociale"), xlsx::Kind::Text},
                     {QStringLiteral("N° SIRET"), xlsx::Kind::Integer},
                     {QStringLiteral("CP"), xlsx::Kind::Integer},
                     {QStringLiteral("Commune"), xlsx::Kind::Text}};
    sheet.rows = {{QStringLiteral("Carrosserie Paget"), qint64(77555123400039), qint64(1000),
                   QStringLiteral("Oyonnax")}};
    auto bytes = xlsx::workbook({sheet});
    REQUIRE(bytes);
    auto preview = Import(t.db(), clock, director).prepare(*bytes);
    REQUIRE(preview);
    CHECK(preview->encoding == QStringLiteral("XLSX"));
    REQUIRE(preview->validCount() == 1);
    const Contact& c = preview->rows.first().contact;
    CHECK(c.siret == QStringLiteral("77555123400039"));
    CHECK(c.postcode == QStringLiteral("01000"));
    CHECK(c.city == QStringLiteral("Oyonnax"));
    CHECK(c.customer);
}
