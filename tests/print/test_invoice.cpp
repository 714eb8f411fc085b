// Issue 16: an invoice reprinted after the settings changed is the same
// document, marked "Duplicata"; every mention of COMPLIANCE.md is on it.
#include "io/facturx.h"
#include "print/invoicedocument.h"
#include "print/quotedocument.h"
#include "print/sampleschool.h"
#include "services/contactservice.h"
#include "services/demogenerator.h"
#include "services/invoiceservice.h"
#include "services/schoolservice.h"
#include "support/democache.h"
#include "support/pdftext.h"
#include "support/salesfixture.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTextDocument>

using namespace etabli;

namespace {

using etabli::test::kToday;

// The PDF's text, line by line, in reading order.
QStringList pdfLines(const QString& path)
{
    return test::pdfRawText(path).split(QLatin1Char('\n'));
}

QString printed(InvoiceService& sales, SchoolService& school, qint64 id, const QString& name)
{
    auto copy = sales.printCopy(id);
    REQUIRE(copy);
    auto identity = school.identity();
    REQUIRE(identity);
    const QString path = QDir(test::tempRoot()).filePath(name);
    REQUIRE(print::InvoiceDocument::writePdf(copy->invoice, *identity, path, copy->duplicate));
    return path;
}

} // namespace

TEST_CASE("A reprint after the school moved and changed VAT regime is the original plus “Duplicata”",
          "[print][sales][legal]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    test::TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const test::Shop shop = test::makeShop(t.db(), clock, VatRegime::Franchise);
    InvoiceService sales(t.db(), clock, shop.director);
    SchoolService school(t.db(), clock, shop.director);
    Invoice draft = test::draftFor(shop.garage, {test::line("Montage et équilibrage", 4000, 1500)});
    draft.buyerReference = QStringLiteral("CMD-4471");
    draft.reference = QStringLiteral("BT2026-0042");
    draft.serviceFrom = QDate(2026, 11, 20);
    auto id = sales.saveDraft(draft);
    REQUIRE(id);
    REQUIRE(sales.issue(*id));

    const QStringList original = pdfLines(printed(sales, school, *id, QStringLiteral("original.pdf")));
    const QString text = original.join(QLatin1Char(' ')).simplified();
    INFO(text.toStdString());
    for (const char* mention :
         {"FACTURE N° F2026-0001", "Date : 27/11/2026", "Échéance : 27/12/2026",
          "Date de la vente ou prestation : 20/11/2026", "Votre référence : CMD-4471",
          "Notre référence : BT2026-0042", "Nature : Prestations de services", "8 rue Jacquard",
          "SIRET 75312468000012", "Garage du Doubs", "3 route de Besançon", "SIREN 442001230",
          "TVA non applicable, art. 293 B du CGI", "trois fois le taux", "40 €", "Pas d'escompte"})
        CHECK(text.contains(QString::fromUtf8(mention)));
    CHECK_FALSE(text.contains(QStringLiteral("DUPLICATA")));
    CHECK_FALSE(text.contains(QStringLiteral("Reste dû")));
    // The title on one line (issue 18, item 10: the number fell under "FACTURE N°").
    CHECK(std::any_of(original.cbegin(), original.cend(), [](const QString& l) {
        return l.trimmed() == QStringLiteral("FACTURE N° F2026-0001");
    }));

    auto s = school.identity();
    s->addressLine1 = QStringLiteral("2 avenue de Lahr");
    s->vatRegime = VatRegime::Assujetti;
    s->vatNumber = QStringLiteral("FR00753124680");
    REQUIRE(school.saveIdentity(*s));

    QStringList reprint = pdfLines(printed(sales, school, *id, QStringLiteral("duplicata.pdf")));
    const qsizetype marks =
        reprint.removeIf([](const QString& l) { return l.trimmed() == QLatin1String("DUPLICATA"); });
    CHECK(marks == 1);
    CHECK(reprint == original);
}

TEST_CASE("An invoice, a credit note and a public body's invoice of the demo carry the mentions of the law",
          "[print][sales][legal]")
{
    test::TestDatabase t("sqlite", test::DemoSpec::school());
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const UserContext director =
        test::logIn(t.db(), QStringLiteral("direction"), DemoGenerator::demoPassword());
    InvoiceService sales(t.db(), clock, director);
    SchoolService school(t.db(), clock, director);

    InvoiceFilter filter;
    filter.status = InvoiceStatus::Issued;
    filter.kind = InvoiceKind::Invoice;
    auto page = sales.page(filter, PageRequest::first(400));
    REQUIRE(page);
    const auto* rows = &page->rows;
    qint64 business = 0, person = 0, publicBody = 0;
    for (const InvoiceRow& row : std::as_const(*rows)) {
        auto inv = sales.get(row.id);
        REQUIRE(inv);
        if (inv->isPublicBody() && publicBody == 0)
            publicBody = row.id;
        else if (inv->customerKind == CustomerKind::Company && business == 0)
            business = row.id;
        else if (inv->customerKind == CustomerKind::Person && person == 0)
            person = row.id;
    }
    REQUIRE(business != 0);
    REQUIRE(person != 0);
    REQUIRE(publicBody != 0);

    const QString common =
        QStringLiteral("Juralternance|8 rue Jacquard|39100 Dole|SIRET 75312468000012|RNA W392000000|"
                       "N° TVA FR00753124680|Échéance|Date de la vente ou prestation|Nature|"
                       "Total HT|TVA 20 %|Total TTC|"
                       "Paiement par virement : IBAN FR76 9999 9000 0100 0123 4567 809, BIC DEMOFRPPXXX.");
    const auto check = [&](qint64 id, const QString& name, const QStringList& expected,
                           const QStringList& absent) {
        const QString text = pdfLines(printed(sales, school, id, name)).join(QLatin1Char(' ')).simplified();
        INFO(name.toStdString() << "\n" << text.toStdString());
        for (const QString& m : common.split(QLatin1Char('|')) + expected)
            CHECK(text.contains(m));
        for (const QString& m : absent)
            CHECK_FALSE(text.contains(m));
    };
    check(business, QStringLiteral("entreprise.pdf"),
          {QStringLiteral("SIREN"), QStringLiteral("trois fois le taux"), QStringLiteral("Pas d'escompte")},
          {QStringLiteral("TVA non applicable"), QStringLiteral("Banque centrale")});
    check(person, QStringLiteral("particulier.pdf"), {},
          {QStringLiteral("TVA non applicable"), QStringLiteral("trois fois le taux")});
    check(publicBody, QStringLiteral("mairie.pdf"),
          {QStringLiteral("Banque centrale européenne"), QStringLiteral("D2192-35")},
          {QStringLiteral("trois fois le taux")});

    auto credit = sales.draftCreditNote(business);
    REQUIRE(credit);
    auto number = sales.issue(*credit);
    REQUIRE(number);
    const QString text = pdfLines(printed(sales, school, *credit, QStringLiteral("avoir.pdf")))
                             .join(QLatin1Char(' '))
                             .simplified();
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("AVOIR N° ") + *number));
    CHECK(text.contains(QStringLiteral("Avoir sur la facture")));
    CHECK(text.contains(QStringLiteral("N° TVA FR00753124680")));
    CHECK_FALSE(text.contains(QStringLiteral("Paiement par virement"))); // nothing to pay
}

TEST_CASE("A quote to a private person carries its time of execution, the legal guarantee and the mediator",
          "[print][sales]")
{
    SchoolIdentity school = test::sampleSchool();
    school.consumerMediator = QStringLiteral("CM2C — www.cm2c.net");
    Quote q;
    q.number = QStringLiteral("D2026-0042");
    q.quoteDate = QDate(2026, 11, 27);
    q.validUntil = QDate(2026, 12, 27);
    q.executionTime = QStringLiteral("sous 5 jours ouvrés après votre accord");
    q.lines = {test::line("Pneu 205/55 R16", 4000, 8900)};
    Contact person;
    person.person = true;
    person.name = QStringLiteral("Faivre");
    person.firstName = QStringLiteral("Monique");
    QTextDocument personal;
    personal.setHtml(print::QuoteDocument::html(q, person, {}, school));
    const QString text = personal.toPlainText().simplified();
    INFO(text.toStdString());
    for (const char* mention :
         {"Délai d'exécution : sous 5 jours ouvrés après votre accord", "garantie légale de conformité",
          "L217-3", "1641", "médiateur de la consommation", "CM2C — www.cm2c.net", "L612-1"})
        CHECK(text.contains(QString::fromUtf8(mention)));
    Contact garage;
    garage.name = QStringLiteral("Garage Vuillet");
    QTextDocument professional;
    professional.setHtml(print::QuoteDocument::html(q, garage, {}, school));
    CHECK_FALSE(professional.toPlainText().contains(QStringLiteral("garantie légale")));
    CHECK_FALSE(professional.toPlainText().contains(QStringLiteral("médiateur")));
}

TEST_CASE("An issued invoice saved as Factur-X: PDF/A-3b, the XML attached, the same pages as the PDF",
          "[print][sales][facturx]")
{
    test::TestDatabase t("sqlite");
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const test::Shop shop = test::makeShop(t.db(), clock, VatRegime::Assujetti);
    InvoiceService sales(t.db(), clock, shop.director);
    SchoolService school(t.db(), clock, shop.director);
    const QString number = test::required(sales.issue(test::required(
        sales.saveDraft(test::draftFor(shop.garage, {test::line("Montage et équilibrage", 4000, 1500),
                                                     test::line("Repas", 2000, 1233, 550)})))));
    const Invoice issued = test::required(sales.getByNumber(number));
    const SchoolIdentity identity = test::required(school.identity());
    const QDir dir(test::tempRoot());
    const QString plain = dir.filePath(QStringLiteral("facture.pdf"));
    const QString hybrid = dir.filePath(QStringLiteral("facture-facturx.pdf"));
    REQUIRE(print::InvoiceDocument::writePdf(issued, identity, plain));
    REQUIRE(print::InvoiceDocument::writeFacturX(issued, identity, hybrid));

    // The pages say what the plain PDF says.
    CHECK(test::pdfPages(hybrid) == test::pdfPages(plain));

    const auto tool = [](const QString& program, const QStringList& args) {
        QProcess p;
        p.start(program, args);
        REQUIRE(p.waitForFinished(60000));
        REQUIRE(p.exitCode() == 0);
        return QString::fromUtf8(p.readAllStandardOutput());
    };
    // The XML comes back out of the PDF as it was generated.
    CHECK(test::pdfAttachments(hybrid).contains(QStringLiteral("factur-x.xml")));
    const QString extracted = dir.filePath(QStringLiteral("extrait.xml"));
    tool(QStringLiteral("pdfdetach"),
         {QStringLiteral("-save"), QStringLiteral("1"), QStringLiteral("-o"), extracted, hybrid});
    QFile file(extracted);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll() == test::required(FacturX::xml(issued)));

    // The metadata: PDF/A-3b, the Factur-X fields.
    const QString meta = tool(QStringLiteral("pdfinfo"), {QStringLiteral("-meta"), hybrid});
    for (const char* field :
         {"<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
          "<fx:DocumentType>INVOICE</fx:DocumentType>",
          "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>", "<fx:Version>1.0</fx:Version>",
          "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>",
          "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"}) {
        INFO(field);
        CHECK(meta.contains(QString::fromUtf8(field)));
    }
    const QString pdfInfo = tool(QStringLiteral("pdfinfo"), {hybrid});
    CHECK(pdfInfo.contains(QRegularExpression(QStringLiteral("PDF version:\\s+1\\.7"))));
    CHECK(meta.contains(QStringLiteral("<x:xmpmeta")));
    // A draft has no electronic form.
    Invoice draft = test::draftFor(shop.garage, {test::line("Montage", 1000, 1500)});
    CHECK_FALSE(
        print::InvoiceDocument::writeFacturX(draft, identity, dir.filePath(QStringLiteral("brouillon.pdf"))));
    CHECK_FALSE(QFile::exists(dir.filePath(QStringLiteral("brouillon.pdf"))));
}
