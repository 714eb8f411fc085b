#pragma once

// What a PDF says, read back with pdftotext (poppler-utils) as a reader
// copying it would: the tests check the mentions of printed documents on it.

#include <QString>
#include <QStringList>

namespace etabli::test {

// The text of the PDF at `path`, as pdftotext writes it (lines in reading
// order, pages separated by a form feed).
QString pdfRawText(const QString& path);
// Its pages, each on one line (white space simplified), with the typographic
// ligatures pdftotext writes as one character (ﬁ, ﬂ, ﬀ) undone.
QStringList pdfPages(const QString& path);
// All its pages on one line.
QString pdfText(const QString& path);
// The files attached to it, as `pdfdetach -list` names them (a Factur-X
// invoice carries factur-x.xml).
QString pdfAttachments(const QString& path);

} // namespace etabli::test
