#include "print/documentprinter.h"
#include "print/receiptdocument.h"
#include "print/sampleschool.h"
#include "support/testenv.h"

#include <catch2/catch.hpp>
#include <QDir>
#include <QProcess>

using namespace etabli;

namespace {

QString pdfText(print::Printable& printable, const QString& name)
{
    const QString path = QDir(test::tempRoot()).filePath(name);
    REQUIRE(print::DocumentPrinter::writePdf(printable, path));
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    REQUIRE(pdftotext.waitForFinished(30000));
    return QString::fromUtf8(pdftotext.readAllStandardOutput()).simplified();
}

SchoolIdentity school()
{
    return test::sampleSchool();
}

} // namespace

TEST_CASE("A tax receipt carries the content of the Cerfa: beneficiary, donor, amount in words, legal basis",
          "[print][funding]")
{
    TaxReceipt r;
    r.number = QStringLiteral("R2026-0007");
    r.issueDate = QDate(2026, 11, 27);
    r.donorName = QStringLiteral("Transports Girod");
    r.donorAddress = QStringLiteral("12 rue de la Gare\n39500 Tavaux");
    r.donorCompany = true;
    r.donorSiren = QStringLiteral("442001230");
    r.total = Money::fromCents(123456);
    r.lines = {ReceiptLine{1,
                           QDate(2026, 2, 1),
                           Money::fromCents(100000),
                           QStringLiteral("transfer"),
                           QStringLiteral("cash"),
                           {}},
               ReceiptLine{2, QDate(2026, 9, 1), Money::fromCents(23456), QStringLiteral("other"),
                           QStringLiteral("in_kind"), QStringLiteral("Une soudeuse MIG")}};
    auto printable = print::ReceiptDocument::make(r, school());
    const QString text = pdfText(*printable, QStringLiteral("recu.pdf"));
    INFO(text.toStdString());
    for (const QString& mention :
         {QStringLiteral("REÇU FISCAL N° R2026-0007"),
          QStringLiteral("Reçu au titre des dons à certains organismes d'intérêt général"),
          QStringLiteral("Cerfa n° 16216"), QStringLiteral("ECCOFOR"), QStringLiteral("RNA W392000000"),
          QStringLiteral("SIREN 753124680"), QStringLiteral("Transports Girod"),
          QStringLiteral("SIREN 442001230"), QStringLiteral("1 234,56 €"),
          QStringLiteral("mille deux cent trente-quatre euros et cinquante-six centimes"),
          QStringLiteral("01/02/2026"), QStringLiteral("Virement"),
          QStringLiteral("En nature : Une soudeuse MIG"), QStringLiteral("article 238 bis du CGI"),
          QStringLiteral("Signature")})
        CHECK(text.contains(mention));

    // A private donor's receipt: article 200, Cerfa 11580.
    r.donorCompany = false;
    r.donorSiren.clear();
    const QString person =
        pdfText(*print::ReceiptDocument::make(r, school()), QStringLiteral("recu-particulier.pdf"));
    CHECK(person.contains(QStringLiteral("Cerfa n° 11580")));
    CHECK(person.contains(QStringLiteral("article 200 du CGI")));

    // Issued since schema 18: the frozen beneficiary and signatory print, whatever the settings say now.
    SchoolIdentity then = school();
    then.statutoryObject = QStringLiteral("Former des jeunes de 15 à 18 ans par la production");
    r.beneficiary = QString::fromUtf8(then.beneficiaryJson());
    r.signatoryName = QStringLiteral("Paul Girardot");
    r.signatoryCapacity = QStringLiteral("Président");
    SchoolIdentity now = school();
    now.addressLine1 = QStringLiteral("1 place Nouvelle");
    now.statutoryObject = QStringLiteral("Un autre objet");
    const QString frozen = pdfText(*print::ReceiptDocument::make(r, now), QStringLiteral("recu-fige.pdf"));
    INFO(frozen.toStdString());
    CHECK(frozen.contains(QStringLiteral("Objet : Former des jeunes de 15 à 18 ans par la production")));
    CHECK(frozen.contains(QStringLiteral("Paul Girardot")));
    CHECK(frozen.contains(QStringLiteral("Président")));
    CHECK(frozen.contains(then.addressLine1));
    CHECK_FALSE(frozen.contains(QStringLiteral("place Nouvelle")));
    CHECK_FALSE(frozen.contains(QStringLiteral("Un autre objet")));
    r.beneficiary.clear();
    r.signatoryName.clear();
    r.signatoryCapacity.clear();

    // A cancellation says what it cancels and why.
    TaxReceipt cancel = r;
    cancel.kind = QStringLiteral("cancellation");
    cancel.number = QStringLiteral("R2026-0008");
    cancel.cancelsNumber = QStringLiteral("R2026-0007");
    cancel.reason = QStringLiteral("nom mal orthographié");
    const QString cancelled =
        pdfText(*print::ReceiptDocument::make(cancel, school()), QStringLiteral("annulation.pdf"));
    // (pdftotext writes the "fi" ligature: compare around it)
    CHECK(cancelled.contains(QStringLiteral("annule le reçu")));
    CHECK(cancelled.contains(QStringLiteral("n° R2026-0007 délivré à Transports Girod")));
    CHECK(cancelled.contains(QStringLiteral("nom mal orthographié")));
}
