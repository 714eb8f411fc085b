#pragma once

#include "util/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace etabli::print {

// The hybrid half of a Factur-X invoice: the printed PDF (written by Qt as
// PDF/A-1b: fonts embedded, an sRGB output intent) made PDF/A-3b with the
// invoice's CII XML attached as `factur-x.xml` (AFRelationship Data) and the
// XMP metadata of the Factur-X extension schema. Qt's QPdfWriter can neither
// attach a file nor write PDF/A-3: qpdf rewrites the file (decision 69).
class FacturXPdf
{
    Q_DECLARE_TR_FUNCTIONS(FacturXPdf)

public:
    // The PDF/A-3b file of `pdf` (a PDF/A-1b written by DocumentPrinter)
    // with `xml` attached; its XMP repeats the title, tool and dates of its
    // Info dictionary, as PDF/A asks. Fails, in French, when the PDF cannot
    // be read.
    static Result<QByteArray> attach(const QByteArray& pdf, const QByteArray& xml);
};

} // namespace etabli::print
