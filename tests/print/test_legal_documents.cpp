// Issue 16: the tax receipts and the subsidy account the demo school issues
// carry every mention ../shared/COMPLIANCE.md lists, read back from the PDF
// the way a tax inspector or a funder reads it. (The demo's invoices and
// credit notes: test_invoice.cpp.)
#include "domain/frenchwords.h"
#include "print/documentprinter.h"
#include "print/printedpdf.h"
#include "print/receiptdocument.h"
#include "print/reportdocuments.h"
#include "services/demogenerator.h"
#include "services/donationservice.h"
#include "services/reportdataservice.h"
#include "services/schoolservice.h"
#include "services/subsidyservice.h"
#include "support/democache.h"
#include "support/pdftext.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QDir>

using namespace etabli;

namespace {

QString day(const QDate& d)
{
    return d.toString(QStringLiteral("dd/MM/yyyy"));
}

struct Demo
{
    test::TestDatabase t{"sqlite", test::DemoSpec::school()};
    FixedClock clock{QDateTime(test::kDemoReferenceDay, QTime(10, 0), Qt::UTC)};
    UserContext director = test::logIn(t.db(), QStringLiteral("direction"), DemoGenerator::demoPassword());
};

} // namespace

TEST_CASE("The demo's receipts to a person and to a company carry every mention of their Cerfa model",
          "[print][funding][legal]")
{
    Demo demo;
    DonationService gifts(demo.t.db(), demo.clock, demo.director);
    auto school = SchoolService(demo.t.db(), demo.clock, demo.director).identity();
    REQUIRE(school);
    auto ids = gifts.receiptIds(2026);
    REQUIRE(ids);
    std::optional<TaxReceipt> person, company;
    for (qint64 id : std::as_const(*ids)) {
        auto r = gifts.receipt(id);
        REQUIRE(r);
        if (r->isCancellation() || r->cancelledById != 0)
            continue;
        // A volunteer's waived expenses: the nature the Cerfa words most carefully.
        if (!r->donorCompany && !person && r->lines.first().nature == GiftNature::ExpensesWaived)
            person = *r;
        if (r->donorCompany && !company)
            company = *r;
    }
    REQUIRE(person);
    REQUIRE(company);

    const auto checkCommon = [&](const TaxReceipt& r, const QString& text) {
        INFO(text.toStdString());
        const SchoolIdentity beneficiary = SchoolIdentity::fromBeneficiaryJson(r.beneficiary.toUtf8());
        REQUIRE_FALSE(beneficiary.statutoryObject.isEmpty());
        // The beneficiary: name, SIREN and RNA, address, statutory object, type of body.
        for (const QString& mention :
             {beneficiary.organisationName, QStringLiteral("RNA ") + beneficiary.rna,
              QStringLiteral("SIREN ") + beneficiary.siret.left(9), beneficiary.addressLine1,
              beneficiary.postcode + QLatin1Char(' ') + beneficiary.city,
              QStringLiteral("Objet : ") + beneficiary.statutoryObject,
              QStringLiteral("Œuvre ou organisme d'intérêt général"),
              // The serial number and the date.
              QStringLiteral("REÇU FISCAL N° ") + r.number, QStringLiteral("Date : ") + day(r.issueDate),
              // The donor's identity and address.
              QStringLiteral("Donateur ") + r.donorName, r.donorAddress.section(QLatin1Char('\n'), 0, 0),
              r.donorAddress.section(QLatin1Char('\n'), -1),
              // The amount in figures and in words.
              QStringLiteral("*** ") + r.total.format().simplified() + QStringLiteral(" ***"),
              QStringLiteral("Somme en toutes lettres : ") + amountInFrenchWords(r.total),
              // Date, form, nature and method of each gift.
              QStringLiteral("Date du versement ou du don"), QStringLiteral("Nature du don"),
              QStringLiteral("Forme du don"), QStringLiteral("Mode de versement"), day(r.lines.first().day),
              labelOf(*r.lines.first().form),
              // Who signs, as what, where and when.
              beneficiary.city + QStringLiteral(", le ") + day(r.issueDate), r.signatoryName,
              r.signatoryCapacity, QStringLiteral("Signature")})
            CHECK(text.contains(mention));
        CHECK_FALSE(text.contains(QStringLiteral("don manuel")));
        CHECK_FALSE(text.contains(QStringLiteral("200, 238 bis et 978")));
    };

    const QString p = test::printedText(*print::ReceiptDocument::make(*person, *school),
                                        QStringLiteral("demo-recu-particulier.pdf"));
    checkCommon(*person, p);
    INFO(p.toStdString());
    for (const QString& mention :
         {QStringLiteral("Cerfa n° 11580"), QStringLiteral("Articles 200 et 978 du code général des impôts"),
          QStringLiteral("Autres : frais engagés par un bénévole et abandonnés"),
          QStringLiteral("qui renonce expressément à leur remboursement"),
          QStringLiteral("valorisation : ") + person->lines.first().valuation,
          QStringLiteral("justificatifs : ") + person->lines.first().proof,
          QStringLiteral("réduction d'impôt prévue à l'article 200 du CGI")})
        CHECK(p.contains(mention));
    CHECK_FALSE(p.contains(QStringLiteral("238 bis")));
    CHECK_FALSE(p.contains(QStringLiteral("Forme juridique")));

    const QString c = test::printedText(*print::ReceiptDocument::make(*company, *school),
                                        QStringLiteral("demo-recu-entreprise.pdf"));
    checkCommon(*company, c);
    INFO(c.toStdString());
    REQUIRE_FALSE(company->donorLegalForm.isEmpty());
    REQUIRE(company->donorSiren.size() == 9);
    for (const QString& mention :
         {QStringLiteral("Reçu des dons et versements effectués par les entreprises"),
          QStringLiteral("au titre de l'article 238 bis du code général des impôts"),
          QStringLiteral("Cerfa n° 16216"), QStringLiteral("Forme juridique : ") + company->donorLegalForm,
          QStringLiteral("SIREN ") + company->donorSiren, labelOf(company->lines.first().nature),
          QStringLiteral("réduction d'impôt prévue à l'article 238 bis du CGI")})
        CHECK(c.contains(mention));
    CHECK_FALSE(c.contains(QStringLiteral("11580")));
    CHECK_FALSE(c.contains(QStringLiteral("978")));
}

TEST_CASE("The demo's subsidy account reports on the funded action as Cerfa 15059 asks",
          "[print][reports][legal]")
{
    Demo demo;
    SubsidyService subsidies(demo.t.db(), demo.clock, demo.director);
    auto all = subsidies.list({});
    REQUIRE(all);
    qint64 funded = 0;
    for (const Subsidy& s : std::as_const(*all))
        if (s.actionStart.isValid() && funded == 0)
            funded = s.id;
    REQUIRE(funded != 0);
    auto data = ReportDataService(demo.t.db(), demo.clock, demo.director).grant(funded);
    REQUIRE(data);
    const Subsidy& s = data->subsidy;
    REQUIRE_FALSE(s.budget.isEmpty());
    CHECK(data->missing.isEmpty());

    auto printable = print::ReportDocuments::grant(*data).printable();
    const QStringList pages = test::printedPages(*printable, QStringLiteral("demo-subvention.pdf"));
    const QString text = pages.join(QLatin1Char(' '));
    INFO(text.toStdString());
    // The certification, the place and day and the signature share a page.
    const auto certification = std::find_if(pages.cbegin(), pages.cend(), [](const QString& page) {
        return page.contains(QStringLiteral("6. Attestation"));
    });
    REQUIRE(certification != pages.cend());
    CHECK(certification->contains(QStringLiteral("Fait à")));
    CHECK(certification->contains(QStringLiteral("Nom et qualité")));
    // The action: what, when, where, for how many.
    for (const QString& mention :
         {QStringLiteral("Compte rendu financier de subvention"), s.funderName, s.agreementRef,
          QStringLiteral("du %1 au %2").arg(day(s.actionStart), day(s.actionEnd)), s.actionPlace,
          QStringLiteral("Bénéficiaires %1").arg(s.beneficiaries),
          s.actionDescription.section(QLatin1Char(' '), 0, 5)})
        CHECK(text.contains(mention));
    // Its own budget, forecast and actual, with each line's ratio; the
    // indirect costs and their rule; the contributions in kind on both sides.
    int shown = 0;
    bool indirect = false, uses = false, resources = false;
    for (const ActionBudgetLine& l : s.budget) {
        if (l.forecast.isZero() && l.actual.isZero())
            continue;
        ++shown;
        const QString label = l.label.section(QLatin1Char(' '), 0, 2);
        CHECK(text.contains(l.account.isEmpty() ? label : l.account + QStringLiteral(" — ") + label));
        CHECK(text.contains(l.forecast.format().simplified() + QLatin1Char(' ') +
                            l.actual.format().simplified()));
        indirect = indirect || l.part == ActionBudgetPart::IndirectCost;
        uses = uses || l.part == ActionBudgetPart::ContributionUse;
        resources = resources || l.part == ActionBudgetPart::ContributionResource;
    }
    CHECK(shown >= 6);
    CHECK(indirect);
    CHECK(uses);
    CHECK(resources);
    for (const QString& mention :
         {QStringLiteral("Charges directes de l'action"), QStringLiteral("Charges indirectes réparties"),
          QStringLiteral("Règle de répartition des charges indirectes : ") + s.indirectRule,
          QStringLiteral("86 — Emplois des contributions volontaires en nature"),
          QStringLiteral("87 — Contributions volontaires en nature"),
          QStringLiteral("Explication des écarts"), s.deviationExplanation.section(QLatin1Char(' '), 0, 4),
          QStringLiteral("Fait à %1, le %2.").arg(s.signedPlace, day(s.signedOn)),
          QStringLiteral("Signature")})
        CHECK(text.contains(mention));
    // The school's own budget does not stand in for the action's.
    CHECK_FALSE(text.contains(QStringLiteral("Ventes de la production")));
}
