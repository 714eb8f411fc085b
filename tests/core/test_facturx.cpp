// Electronic invoices (issue 21): the CII XML of every issued invoice and
// credit note, checked against the official Factur-X 1.09 EN 16931 schema
// (xmllint) and business rules (the Schematron compiled to XSLT, run by
// Saxon-HE), as a platform receiving them would.

#include "io/facturx.h"
#include "services/contactservice.h"
#include "services/invoiceservice.h"
#include "services/schoolservice.h"
#include "support/salesfixture.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace etabli;
using etabli::test::draftFor;
using etabli::test::kToday;
using etabli::test::line;
using etabli::test::Shop;
using etabli::test::TestDatabase;

namespace {

QString dataFile(const char* name)
{
    return QStringLiteral(ETABLI_TEST_DATA "/facturx/") + QString::fromLatin1(name);
}

struct Run
{
    int code = -1;
    QString out;
};

Run run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    REQUIRE(p.waitForStarted(30000));
    REQUIRE(p.waitForFinished(300000));
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

// What the official schema and rules say of the XML files in `dir`: one line
// per broken rule ("F2026-0001.xml: [BR-CO-15] …"), empty when all hold.
QStringList validate(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, {QStringLiteral("*.xml")}, QDir::Files);
    while (it.hasNext())
        files << it.next();
    files.sort();
    REQUIRE_FALSE(files.isEmpty());
    QStringList broken;

    const Run schema =
        run(QStringLiteral("xmllint"), QStringList{QStringLiteral("--noout"), QStringLiteral("--schema"),
                                                   dataFile("Factur-X_EN16931.xsd")} +
                                           files);
    if (schema.code != 0)
        for (const QString& l : schema.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (!l.endsWith(QLatin1String(" validates")))
                broken << l;

    // The business rules: one Java for the whole folder.
    QTemporaryDir reports;
    const Run rules =
        run(QStringLiteral("java"), {QStringLiteral("-cp"), QStringLiteral("/usr/share/java/Saxon-HE.jar"),
                                     QStringLiteral("net.sf.saxon.Transform"), QStringLiteral("-s:") + dir,
                                     QStringLiteral("-xsl:") + dataFile("Factur-X_1.09_EN16931.xsl"),
                                     QStringLiteral("-o:") + reports.path()});
    INFO(rules.out.toStdString());
    REQUIRE(rules.code == 0);
    static const QRegularExpression failed(
        QStringLiteral("<svrl:failed-assert[^>]*?(?:id=\"([^\"]*)\")?[^>]*>.*?<svrl:text>(.*?)</svrl:text>"),
        QRegularExpression::DotMatchesEverythingOption);
    for (const QString& file : std::as_const(files)) {
        const QString name = QFileInfo(file).fileName();
        QFile report(QDir(reports.path()).filePath(name));
        REQUIRE(report.open(QIODevice::ReadOnly));
        const QString svrl = QString::fromUtf8(report.readAll());
        REQUIRE(svrl.contains(QLatin1String("schematron-output")));
        auto m = failed.globalMatch(svrl);
        while (m.hasNext()) {
            const auto one = m.next();
            broken << name + QStringLiteral(": ") + one.captured(2).simplified();
        }
    }
    return broken;
}

void writeXml(const QString& dir, const Invoice& issued)
{
    auto xml = FacturX::xml(issued);
    INFO(issued.number.toStdString());
    REQUIRE(xml);
    QFile f(QDir(dir).filePath(issued.number + QStringLiteral(".xml")));
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(*xml) == xml->size());
}

QString readXml(const QString& dir, const QString& number)
{
    QFile f(QDir(dir).filePath(number + QStringLiteral(".xml")));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}

} // namespace

TEST_CASE("A postal address is cut into the parts of the electronic invoice", "[facturx]")
{
    const auto a = FacturX::splitAddress(QStringLiteral("Garage du Doubs\n3 route de Besançon\n39100  Dole"));
    CHECK(a.lines == QStringList{QStringLiteral("Garage du Doubs"), QStringLiteral("3 route de Besançon")});
    CHECK(a.postcode == QStringLiteral("39100"));
    CHECK(a.city == QStringLiteral("Dole"));
    CHECK(a.country == QStringLiteral("FR"));
    const auto many = FacturX::splitAddress(QStringLiteral("A\nB\nC\nD\n\n39500 Tavaux"));
    CHECK(many.lines == QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C, D")});
    CHECK(FacturX::splitAddress(QString()).lines.isEmpty());
    CHECK(FacturX::unitCode(Unit::Hour) == QStringLiteral("HUR"));
    CHECK(FacturX::unitCode(Unit::Flat) == QStringLiteral("LS"));
}

TEST_CASE("Every invoice and credit note of the school demo is valid Factur-X EN 16931", "[facturx][demo]")
{
    TestDatabase t("sqlite", test::DemoSpec::school());
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const UserContext director =
        test::logIn(t.db(), QStringLiteral("direction"), QStringLiteral("etabli-demo-2026"));
    InvoiceService sales(t.db(), clock, director);
    QSqlQuery q(t.db().connection());
    REQUIRE(q.exec(QStringLiteral("SELECT id FROM invoice WHERE status = 'issued' ORDER BY id")));
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    REQUIRE(ids.size() > 100);
    QTemporaryDir dir;
    int credits = 0;
    for (qint64 id : std::as_const(ids)) {
        auto issued = sales.get(id);
        REQUIRE(issued);
        credits += issued->isCredit() ? 1 : 0;
        writeXml(dir.path(), *issued);
    }
    CHECK(credits > 0);
    const QStringList broken = validate(dir.path());
    INFO(broken.mid(0, 20).join(QLatin1Char('\n')).toStdString());
    CHECK(broken.isEmpty());

    // An invoice says to pay by transfer into the school's account, with its
    // number as the transfer's reference; a credit note asks for no payment.
    auto first = sales.get(ids.first());
    REQUIRE(first);
    REQUIRE_FALSE(first->isCredit());
    const QString x = readXml(dir.path(), first->number);
    CHECK(x.contains(QStringLiteral("<ram:PaymentReference>%1</ram:PaymentReference>").arg(first->number)));
    CHECK(x.contains(QStringLiteral("<ram:TypeCode>58</ram:TypeCode>")));
    CHECK(x.contains(QStringLiteral("<ram:IBANID>FR7699999000010001234567809</ram:IBANID>")));
    CHECK(x.contains(QStringLiteral("<ram:BICID>DEMOFRPPXXX</ram:BICID>")));
    CHECK(first->mentions.contains(
        QStringLiteral("Paiement par virement : IBAN FR76 9999 9000 0100 0123 4567 809, BIC DEMOFRPPXXX.")));
    QSqlQuery c(t.db().connection());
    REQUIRE(c.exec(QStringLiteral("SELECT number FROM invoice WHERE status = 'issued' AND kind = 'credit' "
                                  "ORDER BY id LIMIT 1")));
    REQUIRE(c.next());
    CHECK_FALSE(readXml(dir.path(), c.value(0).toString()).contains(QStringLiteral("IBANID")));
}

TEST_CASE("Edge cases as Factur-X: several VAT rates, an exempt line, a credit note, a public body, a person",
          "[facturx]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const Shop shop = test::makeShop(t.db(), clock, VatRegime::Assujetti);
    InvoiceService sales(t.db(), clock, shop.director);
    ContactService contacts(t.db(), clock, shop.director);
    Contact mairie;
    mairie.name = QStringLiteral("Mairie de Tavaux");
    mairie.kind = CustomerKind::Public;
    mairie.customer = true;
    mairie.siret = QStringLiteral("21390526900014");
    mairie.addressLine1 = QStringLiteral("Place de la Mairie");
    mairie.postcode = QStringLiteral("39500");
    mairie.city = QStringLiteral("Tavaux");
    const qint64 mairieId = test::required(contacts.add(mairie));

    // Three rates and an exempt line, to a business.
    InvoiceLine training = line("Formation des agents", 1000, 30000, 0);
    training.vatExemption = QStringLiteral("Formation professionnelle continue, art. 261-4-4° a du CGI");
    InvoiceLine hours = line("Main-d'œuvre", 2500, 4500);
    hours.unit = Unit::Hour;
    InvoiceLine food = line("Repas", 3000, 1233, 550);
    InvoiceLine books = line("Livret", 1000, 999, 210);
    Invoice rates = draftFor(shop.garage, {hours, food, books, training});
    rates.buyerReference = QStringLiteral("BC-2026-114");
    rates.serviceFrom = QDate(2026, 11, 2);
    rates.serviceTo = QDate(2026, 11, 20);
    const QString ratesNumber = test::required(sales.issue(test::required(sales.saveDraft(rates))));
    // A public body, with its Chorus Pro references.
    Invoice publicBody = draftFor(mairieId, {line("Grille de clôture", 2000, 25000)});
    publicBody.chorusEngagement = QStringLiteral("EJ 1100254");
    publicBody.chorusService = QStringLiteral("SERV-TECH");
    const qint64 publicId = test::required(sales.saveDraft(publicBody));
    const QString publicNumber = test::required(sales.issue(publicId));
    // A private person.
    const QString personNumber = test::required(sales.issue(
        test::required(sales.saveDraft(draftFor(shop.person, {line("Équilibrage", 4000, 1500)})))));
    // A credit note of part of the public body's invoice.
    const QString creditNumber = test::required(sales.issue(
        test::required(sales.draftCreditNote(publicId, {line("Grille de clôture", -1000, 25000)}))));

    QTemporaryDir dir;
    for (const QString& number : {ratesNumber, publicNumber, personNumber, creditNumber})
        writeXml(dir.path(), test::required(sales.getByNumber(number)));
    const QStringList broken = validate(dir.path());
    INFO(broken.join(QLatin1Char('\n')).toStdString());
    CHECK(broken.isEmpty());

    // What the XML says, to the cent of the printed document.
    const Invoice ratesInvoice = test::required(sales.getByNumber(ratesNumber));
    const QString r = readXml(dir.path(), ratesNumber);
    CHECK(r.contains(QStringLiteral("<ram:TypeCode>380</ram:TypeCode>")));
    CHECK(r.contains(QStringLiteral("<ram:BilledQuantity unitCode=\"HUR\">2.500</ram:BilledQuantity>")));
    CHECK(r.contains(QStringLiteral("<ram:ExemptionReason>Formation professionnelle continue")));
    CHECK(r.contains(QStringLiteral("<ram:ID schemeID=\"VA\">FR00753124680</ram:ID>")));
    CHECK(r.contains(QStringLiteral("<ram:ID schemeID=\"0002\">442001230</ram:ID>")));
    CHECK(r.contains(QStringLiteral("<ram:IssuerAssignedID>BC-2026-114</ram:IssuerAssignedID>")));
    CHECK(r.contains(QStringLiteral("<ram:StartDateTime>")));
    CHECK(r.contains(QStringLiteral("<ram:GrandTotalAmount>%1</ram:GrandTotalAmount>")
                         .arg(QString::number(ratesInvoice.totals.incl.cents() / 100.0, 'f', 2))));
    for (const VatAmount& v : ratesInvoice.totals.vat)
        if (v.rateBp > 0)
            CHECK(r.contains(QStringLiteral("<ram:CalculatedAmount>%1</ram:CalculatedAmount>")
                                 .arg(QString::number(v.vat.cents() / 100.0, 'f', 2))));
    const QString p = readXml(dir.path(), publicNumber);
    CHECK(p.contains(QStringLiteral("<ram:BuyerReference>SERV-TECH</ram:BuyerReference>")));
    CHECK(p.contains(QStringLiteral("<ram:IssuerAssignedID>EJ 1100254</ram:IssuerAssignedID>")));
    const QString c = readXml(dir.path(), creditNumber);
    CHECK(c.contains(QStringLiteral("<ram:TypeCode>381</ram:TypeCode>")));
    CHECK(c.contains(QStringLiteral("<ram:IssuerAssignedID>%1</ram:IssuerAssignedID>").arg(publicNumber)));
    CHECK(c.contains(QStringLiteral("<ram:DuePayableAmount>300.00</ram:DuePayableAmount>")));
    const QString person = readXml(dir.path(), personNumber);
    CHECK_FALSE(person.contains(QStringLiteral("schemeID=\"0002\">4")));
}

TEST_CASE("A school under the VAT franchise issues Factur-X with the exemption of art. 293 B", "[facturx]")
{
    TestDatabase t("sqlite");
    FixedClock clock(QDateTime(kToday, QTime(10, 0), Qt::UTC));
    const Shop shop = test::makeShop(t.db(), clock, VatRegime::Franchise);
    // An IBAN typed as the bank's statement prints it, without a BIC.
    SchoolService school(t.db(), clock, shop.director);
    SchoolIdentity identity = test::required(school.identity());
    identity.iban = QStringLiteral("fr76 9999 9000 0100 0123 4567 809");
    REQUIRE(school.saveIdentity(identity));
    InvoiceService sales(t.db(), clock, shop.director);
    const QString number = test::required(sales.issue(
        test::required(sales.saveDraft(draftFor(shop.garage, {line("Portail", 2000, 50000, 0)})))));
    QTemporaryDir dir;
    writeXml(dir.path(), test::required(sales.getByNumber(number)));
    const QStringList broken = validate(dir.path());
    INFO(broken.join(QLatin1Char('\n')).toStdString());
    CHECK(broken.isEmpty());
    const QString x = readXml(dir.path(), number);
    CHECK(
        x.contains(QStringLiteral("<ram:ExemptionReasonCode>VATEX-FR-FRANCHISE</ram:ExemptionReasonCode>")));
    CHECK(x.contains(QStringLiteral("<ram:ID schemeID=\"FC\">753124680</ram:ID>")));
    CHECK(x.contains(QStringLiteral("<ram:TaxTotalAmount currencyID=\"EUR\">0.00</ram:TaxTotalAmount>")));
    CHECK(x.contains(QStringLiteral("<ram:IBANID>FR7699999000010001234567809</ram:IBANID>")));
    CHECK_FALSE(x.contains(QStringLiteral("BICID")));

    // A draft has no electronic form; a document the XML cannot express is refused in French.
    Invoice draft = draftFor(shop.garage, {line("Portail", 1000, 100)});
    CHECK_FALSE(FacturX::xml(draft));
    Invoice issued = test::required(sales.getByNumber(number));
    issued.seller.siret.clear();
    auto refused = FacturX::xml(issued);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("SIRET")));
}
