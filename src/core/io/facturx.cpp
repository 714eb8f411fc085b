#include "io/facturx.h"

#include <QBuffer>
#include <QMap>
#include <QRegularExpression>
#include <QXmlStreamWriter>

namespace etabli {

namespace {

const QString kRsm = QStringLiteral("urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100");
const QString kRam =
    QStringLiteral("urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100");
const QString kUdt = QStringLiteral("urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100");
const QString kQdt = QStringLiteral("urn:un:unece:uncefact:data:standard:QualifiedDataType:100");

// A fixed-point number with `decimals` digits after the point, from an
// integer counted in 10^-decimals ("-12.50" from -1250 at 2).
QString fixed(qint64 value, int decimals)
{
    qint64 scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    const bool negative = value < 0;
    const quint64 magnitude =
        negative ? static_cast<quint64>(-(value + 1)) + 1U : static_cast<quint64>(value);
    const quint64 s = static_cast<quint64>(scale);
    return (negative ? QStringLiteral("-") : QString()) + QString::number(magnitude / s) + QLatin1Char('.') +
           QString::number(magnitude % s).rightJustified(decimals, QLatin1Char('0'));
}

QString amount(qint64 cents)
{
    return fixed(cents, 2);
}

QString day(const QDate& d)
{
    return d.toString(QStringLiteral("yyyyMMdd"));
}

// The VAT categories of EN 16931 Établi's documents use (UNTDID 5305).
enum class Category
{
    Standard, // S: a rate above zero
    Zero,     // Z: zero-rated
    Exempt,   // E: exempt, with its reason (the franchise of art. 293 B, art. 261…)
};

QString categoryCode(Category c)
{
    switch (c) {
    case Category::Standard:
        return QStringLiteral("S");
    case Category::Zero:
        return QStringLiteral("Z");
    case Category::Exempt:
        return QStringLiteral("E");
    }
    return QStringLiteral("S");
}

Category categoryOf(const Invoice& invoice, const InvoiceLine& line)
{
    if (invoice.vatRegime != VatRegime::Assujetti)
        return Category::Exempt;
    if (line.vatRateBp > 0)
        return Category::Standard;
    return line.vatExemption.trimmed().isEmpty() ? Category::Zero : Category::Exempt;
}

// One VAT breakdown (BG-23): a category at a rate.
struct Breakdown
{
    Category category = Category::Standard;
    int rateBp = 0;
    qint64 basis = 0; // cents, signed as the XML shows them
    qint64 vat = 0;
    QStringList reasons;
};

class Writer
{
public:
    Writer(const Invoice& invoice, QXmlStreamWriter& xml)
        : m_invoice(invoice), m_xml(xml), m_sign(invoice.isCredit() ? -1 : 1)
    {
    }

    void write()
    {
        m_xml.writeNamespace(kRsm, QStringLiteral("rsm"));
        m_xml.writeNamespace(kQdt, QStringLiteral("qdt"));
        m_xml.writeNamespace(kRam, QStringLiteral("ram"));
        m_xml.writeNamespace(kUdt, QStringLiteral("udt"));
        m_xml.writeStartElement(kRsm, QStringLiteral("CrossIndustryInvoice"));

        m_xml.writeStartElement(kRsm, QStringLiteral("ExchangedDocumentContext"));
        m_xml.writeStartElement(kRam, QStringLiteral("GuidelineSpecifiedDocumentContextParameter"));
        ram(QStringLiteral("ID"), QString::fromLatin1(FacturX::kGuideline));
        m_xml.writeEndElement();
        m_xml.writeEndElement();

        writeDocument();

        m_xml.writeStartElement(kRsm, QStringLiteral("SupplyChainTradeTransaction"));
        for (int i = 0; i < m_invoice.lines.size(); ++i)
            writeLine(i + 1, m_invoice.lines.at(i));
        writeAgreement();
        writeDelivery();
        writeSettlement();
        m_xml.writeEndElement();

        m_xml.writeEndElement();
    }

private:
    void ram(const QString& name, const QString& text) { m_xml.writeTextElement(kRam, name, text); }

    void ramIf(const QString& name, const QString& text)
    {
        if (!text.trimmed().isEmpty())
            ram(name, text.trimmed());
    }

    void dateTime(const QString& name, const QDate& d, const QString& ns)
    {
        m_xml.writeStartElement(kRam, name);
        m_xml.writeStartElement(ns, QStringLiteral("DateTimeString"));
        m_xml.writeAttribute(QStringLiteral("format"), QStringLiteral("102"));
        m_xml.writeCharacters(day(d));
        m_xml.writeEndElement();
        m_xml.writeEndElement();
    }

    void idWithScheme(const QString& name, const QString& scheme, const QString& value)
    {
        m_xml.writeStartElement(kRam, name);
        m_xml.writeAttribute(QStringLiteral("schemeID"), scheme);
        m_xml.writeCharacters(value);
        m_xml.writeEndElement();
    }

    void note(const QString& text)
    {
        if (text.trimmed().isEmpty())
            return;
        m_xml.writeStartElement(kRam, QStringLiteral("IncludedNote"));
        ram(QStringLiteral("Content"), text.trimmed());
        m_xml.writeEndElement();
    }

    void writeDocument()
    {
        m_xml.writeStartElement(kRsm, QStringLiteral("ExchangedDocument"));
        ram(QStringLiteral("ID"), m_invoice.number);
        ram(QStringLiteral("TypeCode"), m_invoice.isCredit() ? QStringLiteral("381") : QStringLiteral("380"));
        dateTime(QStringLiteral("IssueDateTime"), m_invoice.issueDate, kUdt);
        note(m_invoice.notes);
        for (const QString& mention : m_invoice.mentions)
            note(mention);
        m_xml.writeEndElement();
    }

    void writeLine(int number, const InvoiceLine& line)
    {
        m_xml.writeStartElement(kRam, QStringLiteral("IncludedSupplyChainTradeLineItem"));
        m_xml.writeStartElement(kRam, QStringLiteral("AssociatedDocumentLineDocument"));
        ram(QStringLiteral("LineID"), QString::number(number));
        m_xml.writeEndElement();

        m_xml.writeStartElement(kRam, QStringLiteral("SpecifiedTradeProduct"));
        ram(QStringLiteral("Name"), line.label.trimmed());
        m_xml.writeEndElement();

        m_xml.writeStartElement(kRam, QStringLiteral("SpecifiedLineTradeAgreement"));
        m_xml.writeStartElement(kRam, QStringLiteral("NetPriceProductTradePrice"));
        ram(QStringLiteral("ChargeAmount"), amount(line.unitPrice.cents()));
        m_xml.writeEndElement();
        m_xml.writeEndElement();

        m_xml.writeStartElement(kRam, QStringLiteral("SpecifiedLineTradeDelivery"));
        m_xml.writeStartElement(kRam, QStringLiteral("BilledQuantity"));
        m_xml.writeAttribute(QStringLiteral("unitCode"), FacturX::unitCode(line.unit));
        m_xml.writeCharacters(fixed(m_sign * line.quantityThousandths, 3));
        m_xml.writeEndElement();
        m_xml.writeEndElement();

        m_xml.writeStartElement(kRam, QStringLiteral("SpecifiedLineTradeSettlement"));
        m_xml.writeStartElement(kRam, QStringLiteral("ApplicableTradeTax"));
        ram(QStringLiteral("TypeCode"), QStringLiteral("VAT"));
        const Category category = categoryOf(m_invoice, line);
        ram(QStringLiteral("CategoryCode"), categoryCode(category));
        ram(QStringLiteral("RateApplicablePercent"),
            fixed(category == Category::Standard ? line.vatRateBp : 0, 2));
        m_xml.writeEndElement();
        m_xml.writeStartElement(kRam, QStringLiteral("SpecifiedTradeSettlementLineMonetarySummation"));
        ram(QStringLiteral("LineTotalAmount"), amount(m_sign * line.total().cents()));
        m_xml.writeEndElement();
        m_xml.writeEndElement();

        m_xml.writeEndElement();
    }

    void address(const QString& element, const FacturX::Address& a)
    {
        m_xml.writeStartElement(kRam, element);
        ramIf(QStringLiteral("PostcodeCode"), a.postcode);
        static const QString names[] = {QStringLiteral("LineOne"), QStringLiteral("LineTwo"),
                                        QStringLiteral("LineThree")};
        for (int i = 0; i < a.lines.size() && i < 3; ++i)
            ramIf(names[i], a.lines.at(i));
        ramIf(QStringLiteral("CityName"), a.city);
        ram(QStringLiteral("CountryID"), a.country);
        m_xml.writeEndElement();
    }

    void writeSeller()
    {
        const SchoolIdentity& s = m_invoice.seller;
        m_xml.writeStartElement(kRam, QStringLiteral("SellerTradeParty"));
        const QString legalName = s.organisationName.trimmed().isEmpty() ? s.name : s.organisationName;
        ram(QStringLiteral("Name"), legalName.trimmed());
        m_xml.writeStartElement(kRam, QStringLiteral("SpecifiedLegalOrganization"));
        idWithScheme(QStringLiteral("ID"), QStringLiteral("0002"), s.siret.left(9));
        if (s.name.trimmed() != legalName.trimmed())
            ramIf(QStringLiteral("TradingBusinessName"), s.name);
        m_xml.writeEndElement();
        if (!s.phone.trimmed().isEmpty() || !s.email.trimmed().isEmpty()) {
            m_xml.writeStartElement(kRam, QStringLiteral("DefinedTradeContact"));
            if (!s.phone.trimmed().isEmpty()) {
                m_xml.writeStartElement(kRam, QStringLiteral("TelephoneUniversalCommunication"));
                ram(QStringLiteral("CompleteNumber"), s.phone.trimmed());
                m_xml.writeEndElement();
            }
            if (!s.email.trimmed().isEmpty()) {
                m_xml.writeStartElement(kRam, QStringLiteral("EmailURIUniversalCommunication"));
                ram(QStringLiteral("URIID"), s.email.trimmed());
                m_xml.writeEndElement();
            }
            m_xml.writeEndElement();
        }
        FacturX::Address a;
        for (const QString& line : {s.addressLine1, s.addressLine2})
            if (!line.trimmed().isEmpty())
                a.lines << line.trimmed();
        a.postcode = s.postcode.trimmed();
        a.city = s.city.trimmed();
        address(QStringLiteral("PostalTradeAddress"), a);
        if (!s.email.trimmed().isEmpty()) {
            m_xml.writeStartElement(kRam, QStringLiteral("URIUniversalCommunication"));
            idWithScheme(QStringLiteral("URIID"), QStringLiteral("EM"), s.email.trimmed());
            m_xml.writeEndElement();
        }
        // BT-31, or for a seller without a VAT number (the franchise of
        // art. 293 B) its registration with the tax office (BT-32): EN 16931
        // wants one of them on an exempt invoice.
        m_xml.writeStartElement(kRam, QStringLiteral("SpecifiedTaxRegistration"));
        if (!s.vatNumber.trimmed().isEmpty())
            idWithScheme(QStringLiteral("ID"), QStringLiteral("VA"), s.vatNumber.simplified().remove(u' '));
        else
            idWithScheme(QStringLiteral("ID"), QStringLiteral("FC"), s.siret.left(9));
        m_xml.writeEndElement();
        m_xml.writeEndElement();
    }

    void writeBuyer()
    {
        m_xml.writeStartElement(kRam, QStringLiteral("BuyerTradeParty"));
        ram(QStringLiteral("Name"), m_invoice.customerName.trimmed());
        if (m_invoice.customerKind != CustomerKind::Person && !m_invoice.customerSiret.trimmed().isEmpty()) {
            m_xml.writeStartElement(kRam, QStringLiteral("SpecifiedLegalOrganization"));
            idWithScheme(QStringLiteral("ID"), QStringLiteral("0002"), m_invoice.customerSiren());
            m_xml.writeEndElement();
        }
        address(QStringLiteral("PostalTradeAddress"), FacturX::splitAddress(m_invoice.customerAddress));
        m_xml.writeEndElement();
    }

    void writeAgreement()
    {
        m_xml.writeStartElement(kRam, QStringLiteral("ApplicableHeaderTradeAgreement"));
        // A public body's service code (Chorus Pro) is its buyer reference;
        // its engagement number, or another customer's own reference, the
        // order's.
        if (m_invoice.isPublicBody())
            ramIf(QStringLiteral("BuyerReference"), m_invoice.chorusService);
        writeSeller();
        writeBuyer();
        if (!m_invoice.reference.trimmed().isEmpty()) {
            m_xml.writeStartElement(kRam, QStringLiteral("SellerOrderReferencedDocument"));
            ram(QStringLiteral("IssuerAssignedID"), m_invoice.reference.trimmed());
            m_xml.writeEndElement();
        }
        const QString order = m_invoice.isPublicBody() && !m_invoice.chorusEngagement.trimmed().isEmpty()
                                  ? m_invoice.chorusEngagement
                                  : m_invoice.buyerReference;
        if (!order.trimmed().isEmpty()) {
            m_xml.writeStartElement(kRam, QStringLiteral("BuyerOrderReferencedDocument"));
            ram(QStringLiteral("IssuerAssignedID"), order.trimmed());
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement();
    }

    bool isPeriod() const
    {
        return m_invoice.serviceFrom.isValid() && m_invoice.serviceTo.isValid() &&
               m_invoice.serviceTo != m_invoice.serviceFrom;
    }

    void writeDelivery()
    {
        m_xml.writeStartElement(kRam, QStringLiteral("ApplicableHeaderTradeDelivery"));
        if (!m_invoice.deliveryAddress.trimmed().isEmpty()) {
            m_xml.writeStartElement(kRam, QStringLiteral("ShipToTradeParty"));
            address(QStringLiteral("PostalTradeAddress"), FacturX::splitAddress(m_invoice.deliveryAddress));
            m_xml.writeEndElement();
        }
        // The day of the sale or service; for a period (given in the
        // settlement, BG-14), its last day, when the service was complete.
        const QDate delivered = isPeriod() ? m_invoice.serviceTo : m_invoice.serviceFrom;
        if (delivered.isValid()) {
            m_xml.writeStartElement(kRam, QStringLiteral("ActualDeliverySupplyChainEvent"));
            dateTime(QStringLiteral("OccurrenceDateTime"), delivered, kUdt);
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement();
    }

    QList<Breakdown> breakdowns() const
    {
        QMap<std::pair<int, int>, Breakdown> byKey; // (category, rate)
        for (const InvoiceLine& line : m_invoice.lines) {
            const Category c = categoryOf(m_invoice, line);
            const int rate = c == Category::Standard ? line.vatRateBp : 0;
            Breakdown& b = byKey[{static_cast<int>(c), rate}];
            b.category = c;
            b.rateBp = rate;
            b.basis += m_sign * line.total().cents();
            if (c == Category::Exempt) {
                const QString reason = m_invoice.vatRegime == VatRegime::Assujetti
                                           ? line.vatExemption.trimmed()
                                           : m_invoice.vatMention.trimmed();
                if (!reason.isEmpty() && !b.reasons.contains(reason))
                    b.reasons << reason;
            }
        }
        // The VAT of each rate as the printed document computed it (on the
        // sum of that rate's lines, rounded once).
        for (const VatAmount& v : m_invoice.totals.vat) {
            auto it = byKey.find({static_cast<int>(Category::Standard), v.rateBp});
            if (it != byKey.end())
                it->vat = m_sign * v.vat.cents();
        }
        return byKey.values();
    }

    void writeSettlement()
    {
        m_xml.writeStartElement(kRam, QStringLiteral("ApplicableHeaderTradeSettlement"));
        const bool transfer = !m_invoice.isCredit() && !m_invoice.seller.iban.isEmpty();
        if (transfer) // BT-83: the transfer's reference, the invoice's number
            ram(QStringLiteral("PaymentReference"), m_invoice.number);
        ram(QStringLiteral("InvoiceCurrencyCode"), QStringLiteral("EUR"));
        if (transfer) { // BG-16: a SEPA credit transfer into the school's account
            m_xml.writeStartElement(kRam, QStringLiteral("SpecifiedTradeSettlementPaymentMeans"));
            ram(QStringLiteral("TypeCode"), QStringLiteral("58"));
            m_xml.writeStartElement(kRam, QStringLiteral("PayeePartyCreditorFinancialAccount"));
            ram(QStringLiteral("IBANID"), m_invoice.seller.iban);
            m_xml.writeEndElement();
            if (!m_invoice.seller.bic.isEmpty()) {
                m_xml.writeStartElement(kRam, QStringLiteral("PayeeSpecifiedCreditorFinancialInstitution"));
                ram(QStringLiteral("BICID"), m_invoice.seller.bic);
                m_xml.writeEndElement();
            }
            m_xml.writeEndElement();
        }
        for (const Breakdown& b : breakdowns()) {
            m_xml.writeStartElement(kRam, QStringLiteral("ApplicableTradeTax"));
            ram(QStringLiteral("CalculatedAmount"), amount(b.vat));
            ram(QStringLiteral("TypeCode"), QStringLiteral("VAT"));
            if (b.category == Category::Exempt)
                ram(QStringLiteral("ExemptionReason"), b.reasons.isEmpty()
                                                           ? QStringLiteral("Exonération de TVA")
                                                           : b.reasons.join(QStringLiteral(" ; ")));
            ram(QStringLiteral("BasisAmount"), amount(b.basis));
            ram(QStringLiteral("CategoryCode"), categoryCode(b.category));
            if (b.category == Category::Exempt && m_invoice.vatRegime == VatRegime::Franchise)
                ram(QStringLiteral("ExemptionReasonCode"), QStringLiteral("VATEX-FR-FRANCHISE"));
            if (b.category == Category::Standard && m_invoice.seller.vatOnDebits)
                ram(QStringLiteral("DueDateTypeCode"), QStringLiteral("5")); // VAT on the invoice's date
            ram(QStringLiteral("RateApplicablePercent"), fixed(b.rateBp, 2));
            m_xml.writeEndElement();
        }
        if (isPeriod()) {
            m_xml.writeStartElement(kRam, QStringLiteral("BillingSpecifiedPeriod"));
            dateTime(QStringLiteral("StartDateTime"), m_invoice.serviceFrom, kUdt);
            dateTime(QStringLiteral("EndDateTime"), m_invoice.serviceTo, kUdt);
            m_xml.writeEndElement();
        }
        if (!m_invoice.paymentTerms.trimmed().isEmpty() || m_invoice.dueDate.isValid()) {
            m_xml.writeStartElement(kRam, QStringLiteral("SpecifiedTradePaymentTerms"));
            ramIf(QStringLiteral("Description"), m_invoice.paymentTerms);
            if (m_invoice.dueDate.isValid())
                dateTime(QStringLiteral("DueDateDateTime"), m_invoice.dueDate, kUdt);
            m_xml.writeEndElement();
        }
        const InvoiceTotals& t = m_invoice.totals;
        m_xml.writeStartElement(kRam, QStringLiteral("SpecifiedTradeSettlementHeaderMonetarySummation"));
        ram(QStringLiteral("LineTotalAmount"), amount(m_sign * t.excl.cents()));
        ram(QStringLiteral("TaxBasisTotalAmount"), amount(m_sign * t.excl.cents()));
        m_xml.writeStartElement(kRam, QStringLiteral("TaxTotalAmount"));
        m_xml.writeAttribute(QStringLiteral("currencyID"), QStringLiteral("EUR"));
        m_xml.writeCharacters(amount(m_sign * t.vatTotal.cents()));
        m_xml.writeEndElement();
        ram(QStringLiteral("GrandTotalAmount"), amount(m_sign * t.incl.cents()));
        ram(QStringLiteral("DuePayableAmount"), amount(m_sign * t.incl.cents()));
        m_xml.writeEndElement();
        if (m_invoice.isCredit() && !m_invoice.creditedNumber.isEmpty()) {
            m_xml.writeStartElement(kRam, QStringLiteral("InvoiceReferencedDocument"));
            ram(QStringLiteral("IssuerAssignedID"), m_invoice.creditedNumber);
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement();
    }

    const Invoice& m_invoice;
    QXmlStreamWriter& m_xml;
    const int m_sign; // a credit note's amounts are shown positive (type 381 says it credits)
};

} // namespace

FacturX::Address FacturX::splitAddress(const QString& text)
{
    static const QRegularExpression postcodeLine(QStringLiteral("^(\\d{5})\\s+(.+)$"));
    Address a;
    QStringList rest;
    for (const QString& raw : text.split(QLatin1Char('\n'))) {
        const QString line = raw.simplified();
        if (line.isEmpty())
            continue;
        const auto m = postcodeLine.match(line);
        if (a.postcode.isEmpty() && m.hasMatch()) {
            a.postcode = m.captured(1);
            a.city = m.captured(2);
        } else {
            rest << line;
        }
    }
    // More than three lines: the last ones share the third.
    while (rest.size() > 3)
        rest[2] += QStringLiteral(", ") + rest.takeAt(3);
    a.lines = rest;
    return a;
}

QString FacturX::unitCode(Unit unit)
{
    switch (unit) {
    case Unit::Piece:
        return QStringLiteral("C62");
    case Unit::Hour:
        return QStringLiteral("HUR");
    case Unit::Kg:
        return QStringLiteral("KGM");
    case Unit::Metre:
        return QStringLiteral("MTR");
    case Unit::Flat:
        return QStringLiteral("LS");
    }
    return QStringLiteral("C62");
}

Status FacturX::checkExpressible(const Invoice& invoice)
{
    const auto refuse = [](const QString& why) { return fail(Error::Code::InvalidInput, why); };
    if (invoice.seller.name.trimmed().isEmpty() && invoice.seller.organisationName.trimmed().isEmpty())
        return refuse(tr("The seller's name is missing (Settings, School): an electronic invoice must name "
                         "it."));
    const QString siret = invoice.seller.siret.trimmed();
    if (siret.size() != 14)
        return refuse(tr("The school's SIRET is missing (Settings, School): an electronic invoice must give "
                         "it."));
    if (invoice.customerName.trimmed().isEmpty())
        return refuse(tr("The customer's name is missing: an electronic invoice must name the buyer."));
    if (invoice.lines.isEmpty())
        return refuse(tr("The document has no line."));
    for (const InvoiceLine& line : invoice.lines) {
        if (line.label.trimmed().isEmpty())
            return refuse(tr("A line has no label: an electronic invoice names each item."));
        if (categoryOf(invoice, line) == Category::Standard && invoice.seller.vatNumber.trimmed().isEmpty())
            return refuse(tr("The school's VAT number is missing (Settings, School): an invoice with VAT "
                             "must give it."));
    }
    if (invoice.isPublicBody() && invoice.customerSiret.trimmed().isEmpty())
        return refuse(tr("A public body's SIRET is missing: Chorus Pro routes the invoice by it."));
    return {};
}

Result<QByteArray> FacturX::xml(const Invoice& issued)
{
    if (!issued.isIssued() || issued.number.isEmpty())
        return fail(Error::Code::InvalidInput,
                    tr("Only an issued invoice or credit note has an electronic form."));
    ETABLI_TRY(checkExpressible(issued));
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QXmlStreamWriter xml(&buffer);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    Writer(issued, xml).write();
    xml.writeEndDocument();
    if (xml.hasError())
        return fail(Error::Code::Generic, tr("The electronic invoice could not be written."));
    return out;
}

} // namespace etabli
