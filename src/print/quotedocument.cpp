#include "print/quotedocument.h"

#include "print/businessparts.h"
#include "print/documentprinter.h"
#include "services/contactservice.h"
#include "services/orderservice.h"
#include "services/schoolservice.h"

#include <QTextDocument>

namespace etabli::print {

using parts::Parts;

QString QuoteDocument::title(const Quote& quote)
{
    return tr("Quote no. %1").arg(quote.number);
}

QString QuoteDocument::html(const Quote& q, const Contact& customer, const QString& vehicle,
                            const SchoolIdentity& school)
{
    QStringList docLines;
    docLines << Parts::titleLine(title(q).toUpper());
    docLines << Parts::esc(tr("Date: %1").arg(Parts::date(q.quoteDate)));
    docLines << Parts::esc(tr("Valid until: %1").arg(Parts::date(q.validUntil)));
    if (!q.reference.isEmpty())
        docLines << Parts::esc(tr("Subject: %1").arg(q.reference));
    if (!vehicle.isEmpty())
        docLines << Parts::esc(tr("Vehicle: %1").arg(vehicle));

    const bool vat = school.vatRegime == VatRegime::Assujetti;
    QString h = Parts::open();
    h += Parts::letterhead(school, docLines);
    h += Parts::customerBox(customer.displayName(), customer.postalAddress(), customer.siret);
    h += Parts::linesTable(q.lines, vat);
    h += Parts::totals(q.totals, vat, tr("Total"));
    QStringList mentions;
    if (!vat)
        mentions << (school.vatMention.isEmpty() ? SchoolIdentity::defaultVatMention() : school.vatMention);
    mentions << tr("Free quote, valid until %1. The work is done by the trainees of the school under the "
                   "supervision of "
                   "their master trainers.")
                    .arg(Parts::date(q.validUntil));
    if (!q.executionTime.trimmed().isEmpty())
        mentions << tr("Time of execution: %1.").arg(q.executionTime.trimmed());
    if (!customer.professional()) {
        // What a consumer is told before agreeing (C. conso. L111-1, R111-1, L616-1).
        mentions << tr(
            "For goods sold: the legal guarantee of conformity, two years from delivery (art. L217-3 ff. "
            "of the French consumer code), and the guarantee against hidden defects (art. 1641 ff. of the "
            "civil code).");
        if (!school.consumerMediator.trimmed().isEmpty())
            mentions << tr("In a dispute not settled with us, you may call on the consumer mediator free of "
                           "charge: "
                           "%1 (art. L612-1 of the French consumer code).")
                            .arg(school.consumerMediator.trimmed());
    }
    if (!q.notes.isEmpty())
        mentions << q.notes;
    h += Parts::mentions(mentions);
    h += QStringLiteral("<br><table width=\"100%\"><tr><td width=\"50%\"></td><td width=\"50%\" "
                        "style=\"border: 1px solid "
                        "#999999; padding: 6px;\">%1<br>%2<br><br><br><br></td></tr></table>")
             .arg(Parts::esc(tr("Good for agreement (handwritten)")), Parts::esc(tr("Date and signature:")));
    h += Parts::close();
    return h;
}

std::unique_ptr<Printable> QuoteDocument::make(const Quote& quote, const Contact& customer,
                                               const QString& vehicle, const SchoolIdentity& school)
{
    auto p = std::make_unique<Printable>();
    Parts::addLogo(p->document, school);
    p->document.setHtml(html(quote, customer, vehicle, school));
    p->frame =
        PageFrame{title(quote), school.name, tr("%1 of %2").arg(title(quote), Parts::date(quote.quoteDate))};
    return p;
}

Result<std::unique_ptr<Printable>> QuoteDocument::load(Database& db, const Clock& clock,
                                                       const UserContext& actor, qint64 quoteId)
{
    auto quote = OrderService(db, clock, actor).quote(quoteId);
    if (!quote)
        return std::unexpected(quote.error());
    ContactService contacts(db, clock, actor);
    auto customer = contacts.get(quote->contactId);
    if (!customer)
        return std::unexpected(customer.error());
    QString vehicle;
    if (quote->vehicleId != 0) {
        auto vehicles = contacts.vehicles(quote->contactId);
        if (!vehicles)
            return std::unexpected(vehicles.error());
        for (const Vehicle& v : *vehicles)
            if (v.id == quote->vehicleId)
                vehicle = QStringList{v.plate, v.make, v.model}.join(QLatin1Char(' ')).simplified();
    }
    auto school = SchoolService(db, clock, actor).identity();
    if (!school)
        return std::unexpected(school.error());
    return make(*quote, *customer, vehicle, *school);
}

Status QuoteDocument::writePdf(const Quote& quote, const Contact& customer, const QString& vehicle,
                               const SchoolIdentity& school, const QString& path)
{
    return DocumentPrinter::writePdf(*make(quote, customer, vehicle, school), path);
}

} // namespace etabli::print
