#include "print/receiptdocument.h"

#include "domain/frenchwords.h"
#include "print/businessparts.h"
#include "print/documentprinter.h"
#include "services/donationservice.h"

#include <QTextDocument>

namespace etabli::print {

using parts::Parts;

QString ReceiptDocument::title(const TaxReceipt& r)
{
    return r.isCancellation() ? tr("Cancellation of a tax receipt no. %1").arg(r.number)
                              : tr("Tax receipt no. %1").arg(r.number);
}

QString ReceiptDocument::html(const TaxReceipt& r, const SchoolIdentity& school)
{
    const auto box = [](const QString& heading, const QString& body) {
        return QStringLiteral("<table width=\"100%\" cellpadding=\"6\" style=\"border: 1px solid "
                              "#999999;\"><tr><td><b>%1"
                              "</b><br>%2</td></tr></table><br>")
            .arg(Parts::esc(heading), body);
    };
    QStringList docLines = {
        QStringLiteral("<b style=\"font-size: 14pt;\">%1</b>").arg(Parts::esc(title(r).toUpper())),
        Parts::esc(tr("Date: %1").arg(Parts::date(r.issueDate)))};
    // Since schema 18 the beneficiary is the block frozen at issue (the logo
    // excepted); older receipts print today's settings and the purpose they
    // printed then.
    const bool frozen = !r.beneficiary.isEmpty();
    SchoolIdentity b = frozen ? SchoolIdentity::fromBeneficiaryJson(r.beneficiary.toUtf8()) : school;
    b.logo = school.logo;
    b.logoMime = school.logoMime;
    QString h = Parts::open(9.5);
    h += Parts::letterhead(b, docLines);
    // Since schema 19 each model has its own heading; a receipt issued
    // before is reprinted with the heading it had.
    const bool models = r.hashVersion >= 3;
    QString heading = tr("Receipt for gifts to certain bodies of general interest");
    QString articles = tr("Articles 200, 238 bis and 978 of the French general tax code");
    if (models && r.donorCompany) {
        heading = tr("Receipt for gifts and payments made by companies");
        articles = tr("Under article 238 bis of the French general tax code");
    } else if (models) {
        articles = tr("Articles 200 and 978 of the French general tax code");
    }
    const QString cerfa =
        r.donorCompany ? tr("Content of Cerfa form no. 16216") : tr("Content of Cerfa form no. 11580");
    h += QStringLiteral("<p align=\"center\"><b>%1</b><br>%2<br>%3</p>")
             .arg(Parts::esc(heading), Parts::esc(models ? articles : cerfa),
                  Parts::esc(models ? cerfa : articles));
    if (r.isCancellation()) {
        h += box(tr("Cancellation"),
                 Parts::esc(tr("This record cancels the tax receipt no. %1 issued to %2 for %3. "
                               "Reason: %4.")
                                .arg(r.cancelsNumber, r.donorName, r.total.format(), r.reason)));
        h += Parts::close();
        return h;
    }

    QStringList beneficiary = {
        QStringLiteral("<b>%1</b>")
            .arg(Parts::esc(b.organisationName.isEmpty() ? b.name : b.organisationName))};
    for (const QString& l :
         {b.addressLine1, b.addressLine2, (b.postcode + QLatin1Char(' ') + b.city).trimmed()})
        if (!l.trimmed().isEmpty())
            beneficiary << Parts::esc(l);
    beneficiary << Parts::esc(
        frozen ? tr("Object: %1").arg(b.statutoryObject)
               : tr("Purpose: an école de production, vocational training of young people of 15 to 18 by "
                    "making real goods for paying customers (%1).")
                     .arg(b.name));
    QStringList ids;
    if (!b.rna.isEmpty())
        ids << tr("RNA %1").arg(b.rna);
    if (!b.siret.isEmpty())
        ids << tr("SIREN %1").arg(b.siret.left(9));
    if (!ids.isEmpty())
        beneficiary << Parts::esc(ids.join(QStringLiteral(" · ")));
    beneficiary << Parts::esc(tr("☒ Association or foundation of general interest"));
    h += box(tr("Beneficiary of the gifts"), beneficiary.join(QStringLiteral("<br>")));

    QStringList donor = {QStringLiteral("<b>%1</b>").arg(Parts::esc(r.donorName))};
    if (r.donorCompany && !r.donorLegalForm.isEmpty())
        donor << Parts::esc(tr("Legal form: %1").arg(r.donorLegalForm));
    if (r.donorCompany && !r.donorSiren.isEmpty())
        donor << Parts::esc(tr("SIREN %1").arg(r.donorSiren));
    if (!r.donorAddress.isEmpty())
        donor << Parts::esc(r.donorAddress);
    h += box(tr("Donor"), donor.join(QStringLiteral("<br>")));

    QString gifts =
        Parts::esc(tr("The beneficiary acknowledges having received, as gifts giving the right to a tax "
                      "reduction, the sum of:"));
    gifts += QStringLiteral("<p align=\"center\" style=\"font-size: 14pt;\"><b>*** %1 ***</b></p>")
                 .arg(Parts::esc(r.total.format()));
    gifts += Parts::esc(tr("In words: %1").arg(amountInFrenchWords(r.total)));
    const auto cell = [](const QString& text, int width, bool right = false) {
        return QStringLiteral("<td width=\"%1%\"%2>%3</td>")
            .arg(width)
            .arg(right ? QStringLiteral(" align=\"right\"") : QString(), text);
    };
    QStringList headers = {tr("Date of the gift"), tr("Nature")};
    if (models)
        headers << tr("Form of the gift");
    headers << tr("Method") << tr("Amount");
    gifts += QStringLiteral("<br><br><table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\" "
                            "style=\"border-collapse: collapse; border-color: #999999;\"><tr "
                            "style=\"background-color: #e8ecef;\">");
    for (int i = 0; i < headers.size(); ++i)
        gifts += QStringLiteral("<th align=\"%1\">%2</th>")
                     .arg(i + 1 == headers.size() ? QStringLiteral("right") : QStringLiteral("left"),
                          Parts::esc(headers.at(i)));
    gifts += QStringLiteral("</tr>");
    for (const ReceiptLine& l : r.lines) {
        const bool money = l.nature == GiftNature::Cash;
        const QString method = money ? labelOf(l.method) : QStringLiteral("—");
        if (!models) {
            gifts +=
                QStringLiteral("<tr>") + cell(Parts::esc(Parts::date(l.day)), 15) +
                cell(Parts::esc(money ? tr("Cash (numéraire)") : tr("In kind: %1").arg(l.description)), 50) +
                cell(Parts::esc(method), 17) + cell(Parts::esc(l.amount.format()), 18, true) +
                QStringLiteral("</tr>");
            continue;
        }
        gifts += QStringLiteral("<tr>") + cell(Parts::esc(Parts::date(l.day)), 18) +
                 cell(Parts::esc(labelOf(l.nature)), 33) +
                 cell(Parts::esc(labelOf(l.form.value_or(GiftForm::Other))), 17) +
                 cell(Parts::esc(method), 15) + cell(Parts::esc(l.amount.format()), 17, true) +
                 QStringLiteral("</tr>");
        if (money)
            continue;
        // What was given, how it was valued and the proof kept, across the table.
        QString what = l.description;
        if (l.nature == GiftNature::ExpensesWaived)
            what = tr("%1 — expenses incurred by the volunteer, who expressly waives their reimbursement")
                       .arg(l.description);
        QStringList details = {what};
        if (!l.valuation.isEmpty())
            details << tr("valued: %1").arg(l.valuation);
        if (!l.proof.isEmpty())
            details << tr("proof kept: %1").arg(l.proof);
        gifts += QStringLiteral("<tr><td colspan=\"5\"><i>%1</i></td></tr>")
                     .arg(Parts::esc(details.join(QStringLiteral(" · "))));
    }
    gifts += QStringLiteral("</table>");
    if (!models)
        gifts += QStringLiteral("<br>") + Parts::esc(tr("Form of the gift: manual gift (don manuel)."));
    h += box(tr("Gifts"), gifts);

    h += QStringLiteral("<p>%1</p>")
             .arg(Parts::esc(
                 r.donorCompany
                     ? tr("The beneficiary certifies on honour that the gifts it receives give the right to "
                          "the tax reduction of article 238 bis of the French general tax code.")
                     : tr("The beneficiary certifies on honour that the gifts it receives give the right to "
                          "the tax reduction of article 200 of the French general tax code.")));
    QStringList signature = {Parts::esc(tr("%1, %2").arg(b.city, Parts::date(r.issueDate)))};
    if (!r.signatoryName.isEmpty())
        signature << QStringLiteral("<b>%1</b>").arg(Parts::esc(r.signatoryName))
                  << Parts::esc(r.signatoryCapacity);
    signature << Parts::esc(tr("Signature:"));
    h += QStringLiteral(
             "<table width=\"100%\"><tr><td width=\"50%\"></td><td width=\"50%\">%1<br><br><br></td></tr>"
             "</table>")
             .arg(signature.join(QStringLiteral("<br>")));
    h += Parts::close();
    return h;
}

std::unique_ptr<Printable> ReceiptDocument::make(const TaxReceipt& receipt, const SchoolIdentity& school)
{
    auto p = std::make_unique<Printable>();
    Parts::addLogo(p->document, school);
    p->document.setHtml(html(receipt, school));
    p->frame = PageFrame{title(receipt), school.name,
                         tr("%1 of %2").arg(title(receipt), Parts::date(receipt.issueDate))};
    return p;
}

} // namespace etabli::print
