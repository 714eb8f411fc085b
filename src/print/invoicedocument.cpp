#include "print/invoicedocument.h"

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

QString InvoiceDocument::html(const Invoice& i, const SchoolIdentity& school, const InvoiceBalance* balance)
{
    QStringList docLines;
    docLines << QStringLiteral("<b style=\"font-size: 16pt;\">%1</b>").arg(Parts::esc(title(i).toUpper()));
    if (i.isIssued()) {
        docLines << Parts::esc(tr("Date: %1").arg(Parts::date(i.issueDate)));
        if (!i.isCredit())
            docLines << Parts::esc(tr("Due date: %1").arg(Parts::date(i.dueDate)));
    }
    if (i.isCredit() && !i.creditedNumber.isEmpty())
        docLines << Parts::esc(tr("Credit note on invoice %1").arg(i.creditedNumber));
    if (!i.reference.isEmpty() && !i.isCredit())
        docLines << Parts::esc(tr("Your reference: %1").arg(i.reference));

    const bool vat = i.vatRegime == VatRegime::Assujetti;
    QString h = Parts::open();
    h += Parts::letterhead(school, docLines);
    h += Parts::customerBox(i.customerName, i.customerAddress, i.customerSiret);
    h += Parts::linesTable(i.lines, vat);
    QList<Parts::Row> extra;
    if (balance && !i.isCredit() && (!balance->paid.isZero() || !balance->credited.isZero())) {
        if (!balance->credited.isZero())
            extra.append({tr("Credit notes"), -balance->credited});
        if (!balance->paid.isZero())
            extra.append({tr("Already paid"), -balance->paid});
        extra.append({tr("Remaining due"), balance->due(), true});
    }
    h += Parts::totals(i.totals, vat, i.isCredit() ? tr("Total credited") : tr("Total to pay"), extra);

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
    h += Parts::mentions(mentions);
    h += Parts::close();
    return h;
}

void InvoiceDocument::build(QTextDocument& document, const Invoice& invoice, const SchoolIdentity& school,
                            const InvoiceBalance* balance)
{
    Parts::addLogo(document, school);
    document.setHtml(html(invoice, school, balance));
}

std::unique_ptr<Printable> InvoiceDocument::make(const Invoice& invoice, const SchoolIdentity& school,
                                                 const InvoiceBalance* balance)
{
    auto p = std::make_unique<Printable>();
    build(p->document, invoice, school, balance);
    p->frame = PageFrame{title(invoice), school.name,
                         invoice.isIssued() ? tr("%1 of %2").arg(title(invoice), Parts::date(invoice.issueDate))
                                            : tr("Draft: not an invoice")};
    return p;
}

Status InvoiceDocument::writePdf(const Invoice& invoice, const SchoolIdentity& school, const QString& path,
                                 const InvoiceBalance* balance)
{
    return DocumentPrinter::writePdf(*make(invoice, school, balance), path);
}

} // namespace etabli::print
