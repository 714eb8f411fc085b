#pragma once

// A document printed as the user's "Enregistrer en PDF" writes it, into the
// test's temporary folder, and read back (support/pdftext.h).

#include "print/documentprinter.h"
#include "support/catchqt.h"
#include "support/pdftext.h"
#include "support/testenv.h"

#include <QDir>

namespace etabli::test {

// Its pages, each on one line.
inline QStringList printedPages(print::Printable& printable, const QString& fileName)
{
    const QString path = QDir(tempRoot()).filePath(fileName);
    REQUIRE(print::DocumentPrinter::writePdf(printable, path));
    return pdfPages(path);
}

// All its pages on one line.
inline QString printedText(print::Printable& printable, const QString& fileName)
{
    return printedPages(printable, fileName).join(QLatin1Char(' '));
}

} // namespace etabli::test
