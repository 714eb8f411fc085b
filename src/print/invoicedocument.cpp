#include "print/invoicedocument.h"

#include "io/facturx.h"
#include "print/businessparts.h"
#include "print/documentprinter.h"
#include "services/invoiceservice.h"

#include <QTextDocument>

namespace etabli::print {

using parts::Parts;

QString InvoiceDocument::title(const Invoice& i)
{
    const QString kind = i.isCredit() ? tr("Credit note") : tr("Invoice");
    return i.isIssued() ? tr("%1 no. %2").arg(kind, i.number) : tr("%1 — draft without value").arg(kind);
}

namespace {

// The seller printed: frozen at issue, or the school as it is (drafts, and
// invoices issued before schema 16, which kept no seller).
SchoolIdentity sellerOf(const Invoice& i, const SchoolIdentity& school)
{
    if (i.isIssued() && i.hashVersion >= 2 && !i.seller.name.isEmpty()) {
        SchoolIdentity seller = i.seller;
        seller.logo = school.logo;
        seller.logoMime = school.logoMime;
        return seller;
    }
    return school;
}

} // namespace

QString InvoiceDocument::html(const Invoice& i, const SchoolIdentity& school, bool duplicate)
{
    QStringList docLines;
    docLines << Parts::titleLine(title(i).toUpper());
    if (duplicate)
        docLines << QStringLiteral("<b>%1</b>").arg(Parts::esc(tr("DUPLICATA")));
    if (i.isIssued()) {
        docLines << Parts::esc(tr("Date: %1").arg(Parts::date(i.issueDate)));
        if (!i.isCredit())
            docLines << Parts::esc(tr("Due date: %1").arg(Parts::date(i.dueDate)));
    }
    if (i.serviceFrom.isValid()) {
        docLines << Parts::esc(
            i.serviceTo.isValid() && i.serviceTo != i.serviceFrom
                ? tr("Period of service: %1 to %2").arg(Parts::date(i.serviceFrom), Parts::date(i.serviceTo))
                : tr("Date of the sale or service: %1").arg(Parts::date(i.serviceFrom)));
    }
    if (i.isCredit() && !i.creditedNumber.isEmpty())
        docLines << Parts::esc(tr("Credit note on invoice %1").arg(i.creditedNumber));
    if (!i.buyerReference.isEmpty())
        docLines << Parts::esc(tr("Your reference: %1").arg(i.buyerReference));
    if (!i.reference.isEmpty() && !i.isCredit())
        docLines << Parts::esc(
            (i.hashVersion >= 2 ? tr("Our reference: %1") : tr("Your reference: %1")).arg(i.reference));
    if (i.hashVersion >= 2 || !i.isIssued())
        docLines << Parts::esc(tr("Nature: %1").arg(InvoiceService::operationsLabel(i.operations)));
    if (!i.chorusEngagement.isEmpty())
        docLines << Parts::esc(tr("Engagement no.: %1").arg(i.chorusEngagement));
    if (!i.chorusService.isEmpty())
        docLines << Parts::esc(tr("Service code: %1").arg(i.chorusService));

    const SchoolIdentity seller = sellerOf(i, school);
    const bool vat = chargesVat(i.vatRegime);
    QString h = Parts::open();
    h += Parts::letterhead(seller, docLines);
    h += Parts::customerBox(i.customerName, i.customerAddress, i.customerSiret);
    if (!i.deliveryAddress.isEmpty())
        h += Parts::mentions(
            {tr("Delivery address: %1")
                 .arg(QString(i.deliveryAddress).replace(QLatin1Char('\n'), QStringLiteral(", ")))});
    h += Parts::linesTable(i.lines, vat);
    h += Parts::totals(i.totals, vat, i.isCredit() ? tr("Total credited") : tr("Total to pay"));

    // Issued since schema 16: the mentions as they were printed at issue.
    QStringList mentions = i.isIssued() && i.hashVersion >= 2 ? i.mentions : QStringList();
    if (!(i.isIssued() && i.hashVersion >= 2)) {
        if (i.isIssued()) {
            // Issued before schema 16: the mentions it printed then.
            if (!vat)
                mentions << (i.vatMention.isEmpty() ? SchoolIdentity::defaultVatMention() : i.vatMention);
            if (!i.isCredit() && !i.paymentTerms.isEmpty())
                mentions << i.paymentTerms;
            if (!i.isCredit() && i.professional)
                mentions << InvoiceService::latePaymentMention() << tr("No discount for early payment.");
        } else {
            mentions = InvoiceService::legalMentions(i);
        }
    }
    if (!i.notes.isEmpty())
        mentions << i.notes;
    h += Parts::mentions(mentions);
    h += Parts::close();
    return h;
}

void InvoiceDocument::build(QTextDocument& document, const Invoice& invoice, const SchoolIdentity& school,
                            bool duplicate)
{
    Parts::addLogo(document, school);
    document.setHtml(html(invoice, school, duplicate));
}

std::unique_ptr<Printable> InvoiceDocument::make(const Invoice& invoice, const SchoolIdentity& school,
                                                 bool duplicate)
{
    auto p = std::make_unique<Printable>();
    build(p->document, invoice, school, duplicate);
    const SchoolIdentity seller = sellerOf(invoice, school);
    p->frame =
        PageFrame{title(invoice), seller.name,
                  invoice.isIssued() ? tr("%1 of %2").arg(title(invoice), Parts::date(invoice.issueDate))
                                     : tr("Draft: not an invoice")};
    return p;
}

Status InvoiceDocument::writePdf(const Invoice& invoice, const SchoolIdentity& school, const QString& path,
                                 bool duplicate)
{
    return DocumentPrinter::writePdf(*make(invoice, school, duplicate), path);
}

Status InvoiceDocument::writeFacturX(const Invoice& invoice, const SchoolIdentity& school,
                                     const QString& path, bool duplicate)
{
    auto xml = FacturX::xml(invoice);
    if (!xml)
        return std::unexpected(xml.error());
    return DocumentPrinter::writeFacturX(*make(invoice, school, duplicate), *xml, path);
}

Status InvoiceDocument::writeIssued(const Invoice& invoice, const SchoolIdentity& school, const QString& path,
                                    bool duplicate)
{
    return FacturX::hasElectronicForm(invoice) ? writeFacturX(invoice, school, path, duplicate)
                                               : writePdf(invoice, school, path, duplicate);
}

} // namespace etabli::print
