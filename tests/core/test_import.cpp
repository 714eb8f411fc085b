#include "services/careerservice.h"
#include "services/demogenerator.h"
#include "services/schoolservice.h"
#include "services/traineeimportservice.h"
#include "services/traineeservice.h"
#include "storage/auditrepository.h"
#include "storage/traineelistquery.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QScopeGuard>
#include <QSqlQuery>

using namespace etabli;
using etabli::test::TestDatabase;

namespace {

using etabli::test::kToday;

QByteArray file(const QStringList& lines)
{
    return QByteArray("\xEF\xBB\xBF") + lines.join(QStringLiteral("\r\n")).toUtf8() + "\r\n";
}

const QString kHeader = QStringLiteral(
    "Nom;Prénom;Date de naissance;Sexe;Section;Date d'entrée;Année;Date de sortie;Motif de sortie;"
    "Prescripteur;CFG;CAP MV;Session;Téléphone");

} // namespace

TEST_CASE("Importing trainees: every valid row in one transaction", "[import]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    TraineeImportService service(t.db(), clock, director);
    const qint64 before = *TraineeListQuery(t.db()).count({});

    const QByteArray bytes =
        file({kHeader,
              QStringLiteral("Écuyer;Maël;12/03/2008;M;Pneus et services;02/09/2023;2;30/06/2025;"
                             "Fin de formation;Mission locale;obtenu;non obtenu;;06 00 00 00 00"),
              QStringLiteral("N’Diaye;Inès;2008-07-01;F;METALLERIE;02/09/2024;1;15/01/2025;"
                             "déménagement;Éducateur de rue;;;;"),
              QStringLiteral("Grandjean;Théo;01/05/2009;M;Métallerie;01/09/2025;1;;;college;"
                             "inscrit;;2026;")});
    auto preview = service.prepare(bytes);
    REQUIRE(preview);
    CHECK(preview->encoding == QStringLiteral("UTF-8"));
    CHECK(preview->ignoredColumns == QStringList{QStringLiteral("Téléphone")});
    CHECK(preview->newReferrals == QStringList{QStringLiteral("Éducateur de rue")});
    REQUIRE(preview->validCount() == 3);
    const auto& first = preview->rows.at(0);
    CHECK(first.trainee.status == TraineeStatus::Left);
    CHECK(first.trainee.exitReason == ExitReason::EndOfCourse);
    CHECK(first.trainee.cohortYear == 2023);
    REQUIRE(first.certifications.size() == 2);
    CHECK(first.certifications.at(0).sessionYear == 2025); // the year of the exit
    CHECK(preview->rows.at(1).trainee.exitReason == ExitReason::Moved);
    CHECK(preview->rows.at(2).trainee.status == TraineeStatus::Enrolled);
    CHECK(preview->rows.at(2).certifications.at(0).sessionYear == 2026);

    auto imported = service.apply(*preview, false);
    REQUIRE(imported);
    CHECK(*imported == 3);
    CHECK(*TraineeListQuery(t.db()).count({}) == before + 3);
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM trainee_certification")).toInt() == 3);
    CHECK(test::rawScalar(t.db(),
                          QStringLiteral("SELECT count(*) FROM referral WHERE name = 'Éducateur de rue'"))
              .toInt() == 1);
    // One entry per person in the log of changes, appended together: each
    // names its record and its line, the chain and its counter intact.
    QSqlQuery logged(t.db().connection());
    REQUIRE(
        logged.exec(QStringLiteral("SELECT a.changes FROM audit_log a JOIN trainee t ON t.id = "
                                   "CAST(a.entity_id AS INTEGER) WHERE a.entity = 'trainee' AND a.action = "
                                   "'create' ORDER BY a.id")));
    QStringList lines;
    while (logged.next())
        lines << logged.value(0).toString();
    REQUIRE(lines.size() == 3);
    CHECK(lines.at(0).contains(QStringLiteral("import line")));
    CHECK(lines.at(0).contains(QStringLiteral("2")));
    CHECK(lines.at(2).contains(QStringLiteral("4")));
    CHECK(AuditRepository(t.db()).verifyChain()->firstBadId == 0);
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT last_number FROM document_counter WHERE series = "
                                                 "'audit'"))
              .toLongLong() ==
          test::rawScalar(t.db(), QStringLiteral("SELECT MAX(id) FROM audit_log")).toLongLong());

    // The same file again: every row is a duplicate, nothing is written.
    auto again = service.prepare(bytes);
    REQUIRE(again);
    CHECK(again->invalidCount() == 3);
    CHECK(again->rows.at(0).problem.contains(QStringLiteral("déjà")));
    CHECK_FALSE(service.apply(*again, false));
    CHECK(*TraineeListQuery(t.db()).count({}) == before + 3);

    // Checked, then another computer enters one of the file's people before
    // the import: the import is refused naming the line, nothing is written.
    const QByteArray later =
        file({kHeader, QStringLiteral("Besson;Lou;04/04/2009;F;Métallerie;01/09/2025;1;;;;;;;"),
              QStringLiteral("Vuillet;Paul;05/05/2009;M;Métallerie;01/09/2025;1;;;;;;;")});
    auto checked = service.prepare(later);
    REQUIRE(checked);
    REQUIRE(checked->validCount() == 2);
    TraineeImportService otherComputer(t.db(), clock, director);
    auto theirs = otherComputer.prepare(file({kHeader, QStringLiteral("VUILLET;paul;2009-05-05;M;Métallerie;"
                                                                      "01/09/2025;1;;;;;;;")}));
    REQUIRE(theirs);
    REQUIRE(otherComputer.apply(*theirs, false));
    auto late = service.apply(*checked, false);
    REQUIRE_FALSE(late);
    CHECK(late.error().message.contains(QStringLiteral("Ligne 3")));
    CHECK(late.error().message.contains(QStringLiteral("déjà dans la base")));
    CHECK(*TraineeListQuery(t.db()).count({}) == before + 4);
}

TEST_CASE("Importing: one bad row stops everything and is named, the user may skip it", "[import]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    TraineeImportService service(t.db(), clock, director);
    const QByteArray bytes =
        file({kHeader, QStringLiteral("Perrin;Noé;12/03/2008;M;Pneus et services;02/09/2024;1;;;;;;;"),
              QStringLiteral("Faivre;Léa;31/02/2008;F;Pneus et services;02/09/2024;1;;;;;;;"),
              QStringLiteral("Camus;Zoé;01/01/2008;F;Couture;02/09/2024;1;;;;;;;"),
              QStringLiteral("Lamy;Jade;01/01/2008;F;Métallerie;02/09/2024;1;01/12/2024;"
                             "parti sans prévenir;;;;;"),
              QStringLiteral("\"=HYPERLINK(\"\"http://x\"\")\";Tom;01/01/2008;M;Métallerie;;;;;;;;;"),
              QStringLiteral("Saillard;Tom;01/01/2008;M;Métallerie;02/09/2024;1;01/06/2024;"
                             "abandon;;;;;"),
              QStringLiteral("Perrin;Noé;12/03/2008;M;Pneus et services;02/09/2024;1;;;;;;;")});
    auto preview = service.prepare(bytes);
    REQUIRE(preview);
    CHECK(preview->validCount() == 1);
    const auto problem = [&](int line) {
        for (const auto& r : preview->rows) {
            if (r.line == line)
                return r.problem;
        }
        return QString();
    };
    CHECK(problem(3).contains(QStringLiteral("31/02/2008")));
    CHECK(problem(4).contains(QStringLiteral("section inconnue « Couture »")));
    CHECK(problem(5).contains(QStringLiteral("motif de sortie inconnu")));
    CHECK(problem(6).contains(QStringLiteral("formule")));
    CHECK(problem(7).contains(QStringLiteral("avant")));
    CHECK(problem(8).contains(QStringLiteral("deux fois")));

    auto refused = service.apply(*preview, false);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("ligne 3")));
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM trainee")).toInt() == 0);

    auto skipped = service.apply(*preview, true);
    REQUIRE(skipped);
    CHECK(*skipped == 1);
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM trainee")).toInt() == 1);
}

TEST_CASE("Importing a long file: each person with their stay, empty values stored as none", "[import]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    TraineeImportService service(t.db(), clock, director);
    // More lines than a statement takes on PostgreSQL (BatchInsert), with
    // candidates (no stay) among them, so that stays wait for their people.
    constexpr int Lines = 2300;
    QStringList lines{kHeader};
    int candidates = 0;
    int left = 0;
    for (int i = 0; i < Lines; ++i) {
        const QString name = QStringLiteral("Nom%1;Prénom%2").arg(i).arg(i % 7);
        if (i % 3 == 0) {
            lines << name + QStringLiteral(";;;Métallerie;;;;;;;;;");
            ++candidates;
        } else if (i % 3 == 1) {
            lines << name + QStringLiteral(";01/01/2009;F;Pneus et services;02/09/2024;1;30/06/2025;"
                                           "déménagement;Mission locale;;;;");
            ++left;
        } else {
            lines << name + QStringLiteral(";01/02/2009;M;Métallerie;01/09/2025;1;;;;;;;");
        }
    }
    const qint64 before =
        test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM trainee")).toLongLong();
    auto preview = service.prepare(file(lines));
    REQUIRE(preview);
    REQUIRE(preview->validCount() == Lines);
    auto imported = service.apply(*preview, false);
    REQUIRE(imported);
    CHECK(*imported == Lines);
    const auto count = [&](const QString& sql) { return test::rawScalar(t.db(), sql).toInt(); };
    CHECK(count(QStringLiteral("SELECT count(*) FROM trainee")) == before + Lines);
    CHECK(count(QStringLiteral("SELECT count(*) FROM trainee WHERE last_name LIKE 'Nom%' AND status = "
                               "'candidate' AND birth_date IS NULL AND entry_date IS NULL AND sex IS NULL "
                               "AND section_id IS NOT NULL AND referral_id IS NULL")) == candidates);
    // Every enrolled or former trainee has exactly one stay, from the entry
    // day to the exit day with its reason; candidates none.
    CHECK(count(QStringLiteral("SELECT count(*) FROM trainee_stay s JOIN trainee t ON t.id = s.trainee_id "
                               "WHERE t.last_name LIKE 'Nom%'")) == Lines - candidates);
    CHECK(count(QStringLiteral("SELECT count(*) FROM trainee_stay s JOIN trainee t ON t.id = s.trainee_id "
                               "WHERE t.status = 'left' AND s.kind = 'entry' AND s.start_date = t.entry_date "
                               "AND s.end_date = '2025-06-30' AND s.exit_reason = 'moved' AND s.section_id "
                               "= t.section_id AND t.referral_id IS NOT NULL")) == left);
    CHECK(count(QStringLiteral("SELECT count(*) FROM trainee_stay s JOIN trainee t ON t.id = s.trainee_id "
                               "WHERE t.status = 'enrolled' AND s.end_date IS NULL AND s.exit_reason IS NULL "
                               "AND s.start_date = '2025-09-01'")) == Lines - candidates - left);
    CHECK(count(QStringLiteral("SELECT count(*) FROM trainee WHERE last_name = 'Nom1' AND first_name = "
                               "'Prénom1' AND sort_key <> ''")) == 1);
    // One log entry per person, the chain intact, its counter at its tip.
    CHECK(
        count(QStringLiteral("SELECT count(*) FROM audit_log a JOIN trainee t ON t.id = CAST(a.entity_id AS "
                             "INTEGER) WHERE a.entity = 'trainee' AND a.action = 'create' AND t.last_name "
                             "LIKE 'Nom%'")) == Lines);
    CHECK(AuditRepository(t.db()).verifyChain()->firstBadId == 0);
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT last_number FROM document_counter WHERE series = "
                                                 "'audit'"))
              .toLongLong() ==
          test::rawScalar(t.db(), QStringLiteral("SELECT MAX(id) FROM audit_log")).toLongLong());
    // The records written this way are ordinary ones: the next one made by
    // hand gets a new number.
    Trainee another;
    another.lastName = QStringLiteral("Après");
    another.firstName = QStringLiteral("Import");
    another.sectionId = test::rawScalar(t.db(), QStringLiteral("SELECT MIN(id) FROM section")).toLongLong();
    auto id = TraineeService(t.db(), clock, director).create(another);
    REQUIRE(id);
    CHECK(*id >
          test::rawScalar(t.db(), QStringLiteral("SELECT MAX(id) FROM trainee WHERE last_name LIKE 'Nom%'"))
              .toLongLong());
}

TEST_CASE("Importing needs the write permission, exporting gives a French CSV", "[import]")
{
    TestDatabase t("sqlite", test::DemoSpec::school());
    FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    const UserContext reader = test::logIn(t.db(), QStringLiteral("lecture"), DemoGenerator::demoPassword());
    auto denied = TraineeImportService(t.db(), clock, reader).prepare(file({kHeader}));
    REQUIRE_FALSE(denied);
    CHECK(denied.error().code == Error::Code::AccessDenied);

    const UserContext office =
        test::logIn(t.db(), QStringLiteral("secretariat"), DemoGenerator::demoPassword());
    TraineeFilter f;
    f.status = TraineeStatus::Enrolled;
    auto bytes = TraineeImportService(t.db(), clock, office).exportCsv(f);
    REQUIRE(bytes);
    CHECK(bytes->startsWith("\xEF\xBB\xBFnom;prénom;date de naissance"));
    const QString text = QString::fromUtf8(*bytes);
    CHECK(text.count(QStringLiteral("\r\n")) == 1 + *TraineeListQuery(t.db()).count(f));
    CHECK(text.contains(QStringLiteral(";inscrit;")));
    // An exported list imports back (into an empty school) without a refused line.
    TestDatabase other;
    const UserContext director = test::createSchool(other.db());
    auto preview = TraineeImportService(other.db(), clock, director).prepare(*bytes);
    REQUIRE(preview);
    CHECK(preview->invalidCount() == 0);
    // As a workbook too: the same rows, read back alike.
    auto workbook = TraineeImportService(t.db(), clock, office).exportXlsx(f);
    REQUIRE(workbook);
    CHECK(workbook->startsWith("PK"));
    auto again = TraineeImportService(other.db(), clock, director).prepare(*workbook);
    REQUIRE(again);
    CHECK(again->invalidCount() == 0);
    CHECK(again->rows.size() == preview->rows.size());
}

TEST_CASE("Importing: a UTF-16 file is read, impossible names and dates are named with their line",
          "[import]")
{
    TestDatabase t;
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    TraineeImportService service(t.db(), clock, director);

    // "Unicode text" saved by a spreadsheet: UTF-16, with or without its BOM.
    const QString lines =
        kHeader + QStringLiteral("\r\nÉcuyer;Maël;12/03/2008;M;Pneus et services;02/09/2024;1;;;;;;;\r\n");
    QByteArray utf16le("\xFF\xFE", 2);
    for (QChar c : lines) {
        utf16le.append(static_cast<char>(c.unicode() & 0xFF));
        utf16le.append(static_cast<char>(c.unicode() >> 8));
    }
    for (const QByteArray& bytes : {utf16le, utf16le.mid(2)}) {
        auto preview = service.prepare(bytes);
        REQUIRE(preview);
        CHECK(preview->encoding == QStringLiteral("UTF-16"));
        REQUIRE(preview->validCount() == 1);
        CHECK(preview->rows.at(0).trainee.lastName == QStringLiteral("Écuyer"));
    }

    const QString longName(201, QLatin1Char('a'));
    auto preview = service.prepare(
        file({kHeader, QStringLiteral("Perrin;Noé;12/03/2030;M;Pneus et services;;1;;;;;;;"),
              longName + QStringLiteral(";Léa;12/03/2008;F;Pneus et services;02/09/2024;1;;;;;;;"),
              QStringLiteral("\"Cam\tus\";Zoé;01/01/2008;F;Métallerie;02/09/2024;1;;;;;;;"),
              QStringLiteral("Lamy;Jade;01/01/2008 le matin;F;Métallerie;02/09/2024;1;;;;;;;")}));
    REQUIRE(preview);
    CHECK(preview->validCount() == 0);
    const auto problem = [&](int line) {
        for (const auto& r : preview->rows)
            if (r.line == line)
                return r.problem;
        return QString();
    };
    CHECK(problem(2).contains(QStringLiteral("12/03/2030 est dans le futur")));
    CHECK(problem(3).contains(QStringLiteral("plus de 200 caractères")));
    CHECK(problem(4).contains(QStringLiteral("tabulation")));
    CHECK(problem(5).contains(QStringLiteral("n'est pas une date")));
    auto refused = service.apply(*preview, false);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("ligne 2")));
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM trainee")).toInt() == 0);
}

TEST_CASE("A “CAP” column is the CAP of the trainee's section, or the file is refused naming the candidates",
          "[import][career]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    TraineeImportService service(t.db(), clock, director);
    SchoolService school(t.db(), clock, director);
    const auto sectionId = [&](const QString& name) {
        return test::rawScalar(t.db(), QStringLiteral("SELECT id FROM section WHERE name = '%1'").arg(name))
            .toLongLong();
    };
    const auto certificationId = [&](const QString& code) {
        return test::rawScalar(t.db(),
                               QStringLiteral("SELECT id FROM certification WHERE code = '%1'").arg(code))
            .toLongLong();
    };
    const QByteArray bytes =
        file({QStringLiteral("Nom;Prénom;Date de naissance;Section;Date d'entrée;CAP;Session"),
              QStringLiteral("Vernier;Lou;12/03/2008;Métallerie;02/09/2023;obtenu;2025"),
              QStringLiteral("Perrin;Noé;01/02/2008;Pneus et services;02/09/2023;non "
                             "obtenu;2025")});

    // A new school has said nothing of what its sections prepare: two CAPs
    // in the catalogue, the column is not clear and nothing is read.
    auto unclear = service.prepare(bytes);
    REQUIRE_FALSE(unclear);
    CHECK(unclear.error().message.contains(QStringLiteral("« CAP »")));
    CHECK(unclear.error().message.contains(QStringLiteral("« Métallerie » : CAP MV ou CAP métallier")));
    CHECK(unclear.error().message.contains(QStringLiteral("Certifications préparées")));

    // The director ticks each section's CAP: the trail says so in codes.
    REQUIRE(school.setPreparedCertifications(
        sectionId(QStringLiteral("Métallerie")),
        {certificationId(QStringLiteral("CAP métallier")), certificationId(QStringLiteral("CFG"))}));
    REQUIRE(school.setPreparedCertifications(sectionId(QStringLiteral("Pneus et services")),
                                             {certificationId(QStringLiteral("CAP MV"))}));
    CHECK(*school.preparedCertifications(sectionId(QStringLiteral("Métallerie"))) ==
          QList<qint64>{certificationId(QStringLiteral("CFG")),
                        certificationId(QStringLiteral("CAP métallier"))});
    CHECK(
        test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'section' AND "
                                               "changes LIKE '%CAP métallier%'"))
            .toInt() == 1);
    CHECK_FALSE(SchoolService(t.db(), clock, UserContext{})
                    .setPreparedCertifications(sectionId(QStringLiteral("Métallerie")), {}));

    auto preview = service.prepare(bytes);
    REQUIRE(preview);
    REQUIRE(preview->validCount() == 2);
    REQUIRE(preview->rows.at(0).certifications.size() == 1);
    CHECK(preview->rows.at(0).certifications.at(0).certificationId ==
          certificationId(QStringLiteral("CAP métallier")));
    CHECK(preview->rows.at(0).certifications.at(0).result == CertificationResult::Passed);
    REQUIRE(preview->rows.at(1).certifications.size() == 1);
    CHECK(preview->rows.at(1).certifications.at(0).certificationId ==
          certificationId(QStringLiteral("CAP MV")));
    CHECK(preview->rows.at(1).certifications.at(0).result == CertificationResult::Failed);
    REQUIRE(service.apply(*preview, false));
    CHECK(test::rawScalar(t.db(),
                          QStringLiteral("SELECT count(*) FROM trainee_certification tc JOIN "
                                         "certification c ON c.id = tc.certification_id WHERE c.code = "
                                         "'CAP métallier' AND tc.result = 'passed' AND tc.session_year = "
                                         "2025"))
              .toInt() == 1);

    // A row without a section cannot say which CAP.
    auto noSection = service.prepare(file({QStringLiteral("Nom;Prénom;Date de naissance;CAP;Session"),
                                           QStringLiteral("Morel;Jade;03/04/2008;inscrit;2027")}));
    REQUIRE_FALSE(noSection);
    CHECK(noSection.error().message.contains(QStringLiteral("sans section : CAP MV ou CAP métallier")));

    // A section preparing two CAPs is named with them.
    auto serrurier = CareerService(t.db(), clock, director)
                         .addCertification(Certification{0, QStringLiteral("CAP serrurier"),
                                                         QStringLiteral("CAP serrurier métallier"), true});
    REQUIRE(serrurier);
    REQUIRE(school.setPreparedCertifications(sectionId(QStringLiteral("Métallerie")),
                                             {certificationId(QStringLiteral("CAP métallier")), *serrurier}));
    auto two = service.prepare(bytes);
    REQUIRE_FALSE(two);
    CHECK(two.error().message.contains(QStringLiteral("« Métallerie » : CAP métallier ou CAP serrurier")));

    // Results in a column no certification is called by: refused, never
    // ignored in silence; a column of other yes/no stays ignored.
    auto bep = service.prepare(file({QStringLiteral("Nom;Prénom;Date de naissance;BEP;Permis"),
                                     QStringLiteral("Morel;Jade;03/04/2008;;oui"),
                                     QStringLiteral("Roy;Léo;05/06/2008;Obtenu;non")}));
    REQUIRE_FALSE(bep);
    CHECK(bep.error().message.contains(QStringLiteral("« BEP »")));
    CHECK(bep.error().message.contains(QStringLiteral("ligne 3")));
    CHECK(bep.error().message.contains(QStringLiteral("CFG, CAP MV")));
    auto permis = service.prepare(file(
        {QStringLiteral("Nom;Prénom;Date de naissance;Permis"), QStringLiteral("Roy;Léo;05/06/2008;oui")}));
    REQUIRE(permis);
    CHECK(permis->ignoredColumns == QStringList{QStringLiteral("Permis")});
}

TEST_CASE("Upgrading to schema 23: each section prepares what its trainees were entered for",
          "[import][career][database]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(9, 0), Qt::UTC));
    {
        Database::setMigrationCeiling(22);
        const auto restore = qScopeGuard([]() { Database::setMigrationCeiling(0); });
        REQUIRE(t.db().schemaVersion() == 22);
        auto lent = test::lendLaterColumns(t.db());
        REQUIRE(lent.lent());
        const UserContext director = test::createSchool(t.db());
        const qint64 metal =
            test::rawScalar(t.db(), QStringLiteral("SELECT id FROM section WHERE name = 'Métallerie'"))
                .toLongLong();
        Trainee lou;
        lou.lastName = QStringLiteral("Vernier");
        lou.firstName = QStringLiteral("Lou");
        lou.birthDate = QDate(2008, 3, 12);
        lou.sex = QStringLiteral("F");
        lou.sectionId = metal;
        lou.entryDate = QDate(2024, 9, 2);
        lou.cohortYear = 2024;
        lou.status = TraineeStatus::Enrolled;
        auto id = TraineeService(t.db(), clock, director).create(lou);
        REQUIRE(id);
        TraineeCertification cap;
        cap.traineeId = *id;
        cap.certificationId =
            test::rawScalar(t.db(),
                            QStringLiteral("SELECT id FROM certification WHERE code = 'CAP métallier'"))
                .toLongLong();
        cap.sessionYear = 2026;
        cap.result = CertificationResult::Registered;
        REQUIRE(CareerService(t.db(), clock, director).setCertification(cap));
        REQUIRE(lent.giveBack());
    }
    t.close();
    REQUIRE(t.db().schemaVersion() == Database::latestSchemaVersion());
    CHECK(
        test::rawScalar(t.db(), QStringLiteral("SELECT s.name || ':' || c.code FROM section_certification sc "
                                               "JOIN section s ON s.id = sc.section_id JOIN certification c "
                                               "ON c.id = sc.certification_id"))
            .toString() == QStringLiteral("Métallerie:CAP métallier"));
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT count(*) FROM section_certification")).toInt() == 1);
}
