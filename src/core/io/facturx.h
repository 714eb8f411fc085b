#pragma once

#include "domain/sales.h"
#include "util/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace etabli {

// The structured half of a Factur-X invoice: the UN/CEFACT Cross Industry
// Invoice XML (D16B), profile EN 16931 of the Factur-X 1.09 guideline, made
// from what an invoice or credit note froze when it was issued (its seller,
// customer, lines and totals), never from today's settings (decision 68).
// The amounts are the printed document's, to the cent.
class FacturX
{
    Q_DECLARE_TR_FUNCTIONS(FacturX)

public:
    // The guideline the XML declares (BT-24).
    static constexpr const char* kGuideline = "urn:cen.eu:en16931:2017";
    // The name of the XML embedded in the PDF.
    static constexpr const char* kAttachmentName = "factur-x.xml";

    // A postal address cut into the parts the XML has: up to three lines,
    // the postcode and city read from the line that starts with five digits
    // ("39100 Dole"), the country (France unless a last line names another).
    struct Address
    {
        QStringList lines;
        QString postcode;
        QString city;
        QString country = QStringLiteral("FR");
    };
    static Address splitAddress(const QString& text);

    // The UN/ECE Recommendation 20 code of a catalogue unit: pièce C62,
    // heure HUR, kilogramme KGM, mètre MTR, forfait LS.
    static QString unitCode(Unit unit);

    // Why an invoice could not be written as valid Factur-X (a missing
    // SIRET, a seller subject to VAT without its number, an empty
    // document…), in French; nothing when it can.
    static Status checkExpressible(const Invoice& invoice);

    // Whether a document has an electronic form: issued after its seller was
    // frozen with it (schema 16). Older ones stay plain PDFs.
    static bool hasElectronicForm(const Invoice& invoice)
    {
        return invoice.isIssued() && invoice.hashVersion >= 2;
    }

    // The XML of an issued invoice or credit note (UTF-8, indented).
    static Result<QByteArray> xml(const Invoice& issued);
};

} // namespace etabli
