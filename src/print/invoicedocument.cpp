#include "print/invoicedocument.h"

#include "domain/production.h"
#include "print/documentprinter.h"
#include "services/catalogueservice.h"
#include "services/invoiceservice.h"

#include <QImage>
#include <QLocale>
#include <QTextDocument>
#include <QUrl>

namespace etabli::print {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString vatRate(int bp)
{
    return QLocale(QLocale::French, QLocale::France).toString(bp / 100.0, 'g', 4) + QStringLiteral(" %");
}

} // namespace

QString InvoiceDocument::title(const Invoice& i)
{
    const QString kind = i.isCredit() ? tr("Credit note") : tr("Invoice");
    return i.isIssued() ? tr("%1 no. %2").arg(kind, i.number) : tr("%1 — draft without value").arg(kind);
}

QString InvoiceDocument::html(const Invoice& i, const SchoolIdentity& school, const InvoiceBalance* balance)
{
    const QLocale fr(QLocale::French, QLocale::France);
    const auto date = [&fr](const QDate& d) { return d.isValid() ? fr.toString(d, QStringLiteral("dd/MM/yyyy")) : QString(); };
    QString h = QStringLiteral("<html><body style=\"font-family: 'DejaVu Sans'; font-size: 9.5pt;\">");

    // Header: the school on the left, the document on the right.
    QStringList schoolLines;
    schoolLines << QStringLiteral("<b style=\"font-size: 13pt;\">%1</b>").arg(esc(school.name));
    if (!school.organisationName.isEmpty())
        schoolLines << esc(school.organisationName);
    for (const QString& l : {school.addressLine1, school.addressLine2})
        if (!l.trimmed().isEmpty())
            schoolLines << esc(l);
    schoolLines << esc((school.postcode + QLatin1Char(' ') + school.city).trimmed());
    QStringList contact;
    if (!school.phone.isEmpty())
        contact << tr("Tel. %1").arg(school.phone);
    if (!school.email.isEmpty())
        contact << school.email;
    if (!contact.isEmpty())
        schoolLines << esc(contact.join(QStringLiteral(" · ")));
    QStringList ids;
    if (!school.siret.isEmpty())
        ids << tr("SIRET %1").arg(school.siret);
    if (!school.rna.isEmpty())
        ids << tr("RNA %1").arg(school.rna);
    if (school.vatRegime == VatRegime::Assujetti && !school.vatNumber.isEmpty())
        ids << tr("VAT no. %1").arg(school.vatNumber);
    if (!ids.isEmpty())
        schoolLines << esc(ids.join(QStringLiteral(" · ")));

    QStringList docLines;
    docLines << QStringLiteral("<b style=\"font-size: 16pt;\">%1</b>").arg(esc(title(i).toUpper()));
    if (i.isIssued()) {
        docLines << esc(tr("Date: %1").arg(date(i.issueDate)));
        if (!i.isCredit())
            docLines << esc(tr("Due date: %1").arg(date(i.dueDate)));
    }
    if (i.isCredit() && !i.creditedNumber.isEmpty())
        docLines << esc(tr("Credit note on invoice %1").arg(i.creditedNumber));
    if (!i.reference.isEmpty() && !i.isCredit())
        docLines << esc(tr("Your reference: %1").arg(i.reference));

    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr><td width=\"55%\" valign=\"top\">");
    if (!school.logo.isEmpty())
        h += QStringLiteral("<img src=\"logo\" height=\"60\"><br>");
    h += schoolLines.join(QStringLiteral("<br>"));
    h += QStringLiteral("</td><td width=\"45%\" valign=\"top\" align=\"right\">") + docLines.join(QStringLiteral("<br>"));
    h += QStringLiteral("</td></tr></table><br>");

    // The customer.
    QStringList customer = {QStringLiteral("<b>%1</b>").arg(esc(i.customerName))};
    if (!i.customerAddress.isEmpty())
        customer << esc(i.customerAddress);
    if (!i.customerSiret.isEmpty())
        customer << esc(tr("SIRET %1").arg(i.customerSiret));
    h += QStringLiteral("<table width=\"100%\"><tr><td width=\"50%\"></td><td width=\"50%\" style=\"border: 1px solid "
                        "#999999; padding: 6px;\">%1<br>%2</td></tr></table><br>")
             .arg(esc(tr("Customer")), customer.join(QStringLiteral("<br>")));

    // The lines.
    const bool vat = i.vatRegime == VatRegime::Assujetti;
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"1\" "
                        "style=\"border-collapse: collapse; border-color: #999999;\">");
    h += QStringLiteral("<tr style=\"background-color: #e8ecef;\"><th align=\"left\">%1</th><th align=\"right\">%2</th>"
                        "<th align=\"left\">%3</th><th align=\"right\">%4</th>%5<th align=\"right\">%6</th></tr>")
             .arg(esc(tr("Description")), esc(tr("Qty")), esc(tr("Unit")), esc(tr("Unit price excl. VAT")),
                  vat ? QStringLiteral("<th align=\"right\">%1</th>").arg(esc(tr("VAT"))) : QString(),
                  esc(tr("Total excl. VAT")));
    for (const InvoiceLine& l : i.lines) {
        h += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td>%3</td><td align=\"right\">%4</td>%5"
                            "<td align=\"right\">%6</td></tr>")
                 .arg(esc(l.label), esc(Quantities::format(l.quantityThousandths)),
                      esc(CatalogueService::unitLabel(l.unit)), esc(l.unitPrice.format()),
                      vat ? QStringLiteral("<td align=\"right\">%1</td>").arg(esc(vatRate(l.vatRateBp))) : QString(),
                      esc(l.total().format()));
    }
    h += QStringLiteral("</table><br>");

    // Totals.
    h += QStringLiteral("<table width=\"100%\"><tr><td width=\"55%\"></td><td width=\"45%\">"
                        "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">");
    const auto totalRow = [](const QString& label, const Money& amount, bool bold = false) {
        return QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>")
            .arg(bold ? QStringLiteral("<b>%1</b>").arg(esc(label)) : esc(label),
                 bold ? QStringLiteral("<b>%1</b>").arg(esc(amount.format())) : esc(amount.format()));
    };
    if (vat) {
        h += totalRow(tr("Total excl. VAT"), i.totals.excl);
        for (const VatAmount& v : i.totals.vat)
            h += totalRow(tr("VAT %1 on %2").arg(vatRate(v.rateBp), v.base.format()), v.vat);
        h += totalRow(tr("Total incl. VAT"), i.totals.incl, true);
    } else {
        h += totalRow(i.isCredit() ? tr("Total credited") : tr("Total to pay"), i.totals.incl, true);
    }
    if (balance && !i.isCredit() && (!balance->paid.isZero() || !balance->credited.isZero())) {
        if (!balance->credited.isZero())
            h += totalRow(tr("Credit notes"), -balance->credited);
        if (!balance->paid.isZero())
            h += totalRow(tr("Already paid"), -balance->paid);
        h += totalRow(tr("Remaining due"), balance->due(), true);
    }
    h += QStringLiteral("</table></td></tr></table><br>");

    // Mentions.
    QStringList mentions;
    if (!vat)
        mentions << (i.vatMention.isEmpty() ? SchoolIdentity::defaultVatMention() : i.vatMention);
    if (!i.isCredit() && !i.paymentTerms.isEmpty())
        mentions << i.paymentTerms;
    if (!i.isCredit() && i.professional) {
        mentions << InvoiceService::latePaymentMention();
        mentions << tr("No discount for early payment.");
    }
    if (!i.notes.isEmpty())
        mentions << i.notes;
    h += QStringLiteral("<p style=\"font-size: 8.5pt;\">%1</p>").arg(esc(mentions.join(QLatin1Char('\n'))));
    h += QStringLiteral("</body></html>");
    return h;
}

void InvoiceDocument::build(QTextDocument& document, const Invoice& invoice, const SchoolIdentity& school,
                            const InvoiceBalance* balance)
{
    if (!school.logo.isEmpty()) {
        QImage logo;
        if (logo.loadFromData(school.logo))
            document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("logo")), logo);
    }
    document.setHtml(html(invoice, school, balance));
}

Status InvoiceDocument::writePdf(const Invoice& invoice, const SchoolIdentity& school, const QString& path,
                                 const InvoiceBalance* balance)
{
    QTextDocument document;
    build(document, invoice, school, balance);
    const QLocale fr(QLocale::French, QLocale::France);
    PageFrame frame{title(invoice), school.name,
                    invoice.isIssued() ? tr("%1 of %2").arg(title(invoice), fr.toString(invoice.issueDate, QStringLiteral("dd/MM/yyyy")))
                                       : tr("Draft: not an invoice")};
    return DocumentPrinter::writePdf(document, frame, path);
}

} // namespace etabli::print
