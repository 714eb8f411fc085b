#include "print/documentprinter.h"
#include "print/printedpdf.h"
#include "print/receiptdocument.h"
#include "print/sampleschool.h"
#include "support/pdftext.h"
#include "support/testenv.h"

#include <catch2/catch.hpp>
#include <QDir>

using namespace etabli;

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
    r.donorLegalForm = QStringLiteral("SARL");
    r.total = Money::fromCents(123456);
    r.lines = {ReceiptLine{1,
                           QDate(2026, 2, 1),
                           Money::fromCents(100000),
                           GiftMethod::Transfer,
                           GiftNature::Cash,
                           {},
                           GiftForm::Other},
               ReceiptLine{2, QDate(2026, 9, 1), Money::fromCents(23456), GiftMethod::Other,
                           GiftNature::InKind, QStringLiteral("Une soudeuse MIG"), GiftForm::PrivateDeed,
                           QStringLiteral("facture d'achat"), QStringLiteral("acte de donation")}};
    auto printable = print::ReceiptDocument::make(r, test::sampleSchool());
    const QString text = test::printedText(*printable, QStringLiteral("recu.pdf"));
    INFO(text.toStdString());
    for (const QString& mention :
         {QStringLiteral("REÇU FISCAL N° R2026-0007"),
          QStringLiteral("Reçu des dons et versements e"),
          QStringLiteral("ectués par les entreprises au titre de"),
          QStringLiteral("Cerfa n° 16216"),
          QStringLiteral("au titre de l'article 238 bis du code général des impôts"),
          QStringLiteral("ECCOFOR"),
          QStringLiteral("RNA W392000000"),
          QStringLiteral("SIREN 753124680"),
          QStringLiteral("Transports Girod"),
          QStringLiteral("Forme juridique : SARL"),
          QStringLiteral("SIREN 442001230"),
          QStringLiteral("1 234,56 €"),
          QStringLiteral("mille deux cent trente-quatre euros et cinquante-six centimes"),
          QStringLiteral("01/02/2026"),
          QStringLiteral("Numéraire"),
          QStringLiteral("Virement"),
          QStringLiteral("Forme du don"),
          QStringLiteral("Acte sous seing"),
          QStringLiteral("Autres : biens ou services donnés en nature"),
          QStringLiteral("Une soudeuse MIG · valorisation : facture d'achat"),
          QStringLiteral("catifs : acte de donation"),
          QStringLiteral("article 238 bis du CGI"),
          QStringLiteral("Signature")})
        CHECK(text.contains(mention));
    CHECK_FALSE(text.contains(QStringLiteral("200, 238 bis et 978")));
    CHECK_FALSE(text.contains(QStringLiteral("don manuel")));

    // A private donor's receipt: Cerfa 11580, articles 200 and 978; a volunteer's waived expenses.
    TaxReceipt p = r;
    p.donorCompany = false;
    p.donorSiren.clear();
    p.donorLegalForm.clear();
    p.lines << ReceiptLine{3,
                           QDate(2026, 10, 12),
                           Money::fromCents(19200),
                           GiftMethod::Other,
                           GiftNature::ExpensesWaived,
                           QStringLiteral("Trajets de stage (600 km)"),
                           GiftForm::Other,
                           QStringLiteral("600 km × 0,32 €"),
                           QStringLiteral("relevé signé et renonciation")};
    const QString person = test::printedText(*print::ReceiptDocument::make(p, test::sampleSchool()),
                                             QStringLiteral("recu-particulier.pdf"));
    INFO(person.toStdString());
    for (const QString& mention :
         {QStringLiteral("Reçu au titre des dons à certains organismes d'intérêt général"),
          QStringLiteral("Cerfa n° 11580"), QStringLiteral("Articles 200 et 978 du code général des impôts"),
          QStringLiteral("article 200 du CGI"),
          QStringLiteral("Autres : frais engagés par un bénévole et abandonnés"),
          QStringLiteral(
              "Trajets de stage (600 km) — frais engagés par le bénévole, qui renonce expressément à "
              "leur remboursement · valorisation : 600 km × 0,32 €"),
          QStringLiteral("catifs : relevé signé et renonciation")})
        CHECK(person.contains(mention));
    CHECK_FALSE(person.contains(QStringLiteral("238 bis")));
    CHECK_FALSE(person.contains(QStringLiteral("Forme juridique")));

    // Issued before schema 19: reprinted with the heading and the form it had.
    TaxReceipt older = p;
    older.hashVersion = 2;
    for (ReceiptLine& l : older.lines)
        l.form.reset();
    older.lines.removeLast();
    const QString before = test::printedText(*print::ReceiptDocument::make(older, test::sampleSchool()),
                                             QStringLiteral("recu-v2.pdf"));
    CHECK(before.contains(QStringLiteral("Articles 200, 238 bis et 978 du code général des impôts")));
    CHECK(before.contains(QStringLiteral("Forme du don : don manuel")));
    CHECK(before.contains(QStringLiteral("En nature : Une soudeuse MIG")));

    // Issued since schema 18: the frozen beneficiary and signatory print, whatever the settings say now.
    SchoolIdentity then = test::sampleSchool();
    then.statutoryObject = QStringLiteral("Former des jeunes de 15 à 18 ans par la production");
    r.beneficiary = QString::fromUtf8(then.beneficiaryJson());
    r.signatoryName = QStringLiteral("Paul Girardot");
    r.signatoryCapacity = QStringLiteral("Président");
    SchoolIdentity now = test::sampleSchool();
    now.addressLine1 = QStringLiteral("1 place Nouvelle");
    now.statutoryObject = QStringLiteral("Un autre objet");
    const QString frozen =
        test::printedText(*print::ReceiptDocument::make(r, now), QStringLiteral("recu-fige.pdf"));
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
    cancel.kind = ReceiptKind::Cancellation;
    cancel.number = QStringLiteral("R2026-0008");
    cancel.cancelsNumber = QStringLiteral("R2026-0007");
    cancel.reason = QStringLiteral("nom mal orthographié");
    const QString cancelled = test::printedText(*print::ReceiptDocument::make(cancel, test::sampleSchool()),
                                                QStringLiteral("annulation.pdf"));
    // (pdftotext writes the "fi" ligature: compare around it)
    CHECK(cancelled.contains(QStringLiteral("annule le reçu")));
    CHECK(cancelled.contains(QStringLiteral("n° R2026-0007 délivré à Transports Girod")));
    CHECK(cancelled.contains(QStringLiteral("nom mal orthographié")));
}
