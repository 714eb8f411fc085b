#pragma once

#include "domain/sales.h"
#include "domain/school.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class QTextDocument;

namespace etabli::print {
struct Printable;
}

namespace etabli::print {

// An invoice or a credit note as a French business document: the school's
// identity (logo, SIRET, RNA, address), the customer, number and dates, the
// lines, totals with VAT per rate (or the exemption mention), payment terms
// and, for business customers, the late-payment mentions.
class InvoiceDocument
{
    Q_DECLARE_TR_FUNCTIONS(InvoiceDocument)

public:
    static QString title(const Invoice& invoice);
    static QString html(const Invoice& invoice, const SchoolIdentity& school, const InvoiceBalance* balance = nullptr);
    // Fills a document (HTML and the logo as a resource).
    static void build(QTextDocument& document, const Invoice& invoice, const SchoolIdentity& school,
                      const InvoiceBalance* balance = nullptr);
    static std::unique_ptr<Printable> make(const Invoice& invoice, const SchoolIdentity& school,
                                           const InvoiceBalance* balance = nullptr);
    static Status writePdf(const Invoice& invoice, const SchoolIdentity& school, const QString& path,
                           const InvoiceBalance* balance = nullptr);
};

} // namespace etabli::print
