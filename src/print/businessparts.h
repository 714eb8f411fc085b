#pragma once

#include "domain/sales.h"
#include "domain/school.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QTextDocument;

namespace etabli::print::parts {

// HTML pieces shared by the business documents (invoice, credit note, quote,
// tyre label): one look, one place to change it.
class Parts
{
    Q_DECLARE_TR_FUNCTIONS(BusinessParts)

public:
    // Escaped, with line breaks kept.
    static QString esc(const QString& text);
    static QString vatRate(int basisPoints);
    static QString date(const QDate& day); // dd/MM/yyyy
    // The opening of the page: the school (logo, identity, SIRET, RNA, VAT
    // number) on the left, the document's heading lines on the right.
    // A document's title on one line ("FACTURE N° F2026-0240"): 16 pt, or
    // smaller when it would not fit the letterhead's right column.
    static QString titleLine(const QString& text);
    static QString letterhead(const SchoolIdentity& school, const QStringList& documentLines);
    // The customer's box on the right.
    static QString customerBox(const QString& name, const QString& address, const QString& siret);
    // The lines' table (VAT column only under the VAT regime).
    static QString linesTable(const QList<InvoiceLine>& lines, bool vat);
    // The totals, right-aligned: excl. VAT, VAT per rate, incl. VAT (or one
    // total under the exemption), then any extra rows (label, amount, bold).
    struct Row
    {
        QString label;
        Money amount;
        bool bold = false;
    };
    static QString totals(const InvoiceTotals& totals, bool vat, const QString& singleTotalLabel,
                          const QList<Row>& extra = {});
    static QString mentions(const QStringList& lines);
    // Adds the school's logo as the "logo" image resource.
    static void addLogo(QTextDocument& document, const SchoolIdentity& school);
    static QString open(double pointSize = 9.5);
    static QString close() { return QStringLiteral("</body></html>"); }
};

} // namespace etabli::print::parts
