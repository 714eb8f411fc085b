#pragma once

#include "domain/sales.h"
#include "domain/school.h"
#include "util/error.h"

#include <memory>
#include <QCoreApplication>
#include <QString>

class QTextDocument;

namespace etabli::print {
struct Printable;
}

namespace etabli::print {

// An invoice or a credit note as a French business document: the seller's
// identity (logo, SIRET, RNA, address, VAT number), the customer, number and
// dates (issue, service, due), the references, the lines, totals with VAT per
// rate and the legal mentions. An issued document prints the seller and the
// mentions frozen at its issue, whatever the settings say today; a copy
// printed after the first says "Duplicata". What remains due is not on the
// invoice (it belongs to the statement and the reminder).
class InvoiceDocument
{
    Q_DECLARE_TR_FUNCTIONS(InvoiceDocument)

public:
    static QString title(const Invoice& invoice);
    // `school` gives the logo (and, for drafts and invoices issued before
    // schema 16, the seller's identity).
    static QString html(const Invoice& invoice, const SchoolIdentity& school, bool duplicate = false);
    // Fills a document (HTML and the logo as a resource).
    static void build(QTextDocument& document, const Invoice& invoice, const SchoolIdentity& school,
                      bool duplicate = false);
    static std::unique_ptr<Printable> make(const Invoice& invoice, const SchoolIdentity& school,
                                           bool duplicate = false);
    static Status writePdf(const Invoice& invoice, const SchoolIdentity& school, const QString& path,
                           bool duplicate = false);
    // An issued invoice or credit note as Factur-X: the same pages, PDF/A-3b,
    // with its CII XML attached (FacturX::xml). A draft is refused.
    static Status writeFacturX(const Invoice& invoice, const SchoolIdentity& school, const QString& path,
                               bool duplicate = false);
    // An issued document as it is handed out: Factur-X when it has an
    // electronic form (FacturX::hasElectronicForm), else the plain PDF.
    static Status writeIssued(const Invoice& invoice, const SchoolIdentity& school, const QString& path,
                              bool duplicate = false);
};

} // namespace etabli::print
