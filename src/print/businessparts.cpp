#include "print/businessparts.h"

#include "domain/production.h"
#include "services/catalogueservice.h"

#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QLocale>
#include <QTextDocument>
#include <QUrl>

namespace etabli::print::parts {

QString Parts::esc(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString Parts::vatRate(int basisPoints)
{
    return QLocale(QLocale::French, QLocale::France).toString(basisPoints / 100.0, 'g', 4) +
           QStringLiteral(" %");
}

QString Parts::date(const QDate& day)
{
    return day.isValid()
               ? QLocale(QLocale::French, QLocale::France).toString(day, QStringLiteral("dd/MM/yyyy"))
               : QString();
}

QString Parts::open(double pointSize)
{
    return QStringLiteral("<html><body style=\"font-family: 'DejaVu Sans'; font-size: %1pt;\">")
        .arg(pointSize);
}

QString Parts::titleLine(const QString& text)
{
    // The right column of the letterhead: 45 % of A4 portrait between its
    // margins (174 mm), less a little air; measured at 72 dpi (1 px = 1 pt).
    constexpr double columnPt = 0.45 * 174.0 / 25.4 * 72.0 - 8.0;
    QImage device(1, 1, QImage::Format_RGB32);
    device.setDotsPerMeterX(2835); // 72 dpi
    device.setDotsPerMeterY(2835);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setBold(true);
    double size = 16.0;
    for (; size > 9.0; size -= 0.5) {
        font.setPointSizeF(size);
        if (QFontMetricsF(font, &device).horizontalAdvance(text) <= columnPt)
            break;
    }
    return QStringLiteral("<b style=\"font-size: %1pt; white-space: nowrap;\">%2</b>")
        .arg(size)
        .arg(esc(text));
}

QString Parts::letterhead(const SchoolIdentity& school, const QStringList& documentLines)
{
    QStringList lines;
    lines << QStringLiteral("<b style=\"font-size: 13pt;\">%1</b>").arg(esc(school.name));
    if (!school.organisationName.isEmpty())
        lines << esc(school.organisationName);
    for (const QString& l : {school.addressLine1, school.addressLine2})
        if (!l.trimmed().isEmpty())
            lines << esc(l);
    lines << esc((school.postcode + QLatin1Char(' ') + school.city).trimmed());
    QStringList contact;
    if (!school.phone.isEmpty())
        contact << tr("Tel. %1").arg(school.phone);
    if (!school.email.isEmpty())
        contact << school.email;
    if (!contact.isEmpty())
        lines << esc(contact.join(QStringLiteral(" · ")));
    QStringList ids;
    if (!school.siret.isEmpty())
        ids << tr("SIRET %1").arg(school.siret);
    if (!school.rna.isEmpty())
        ids << tr("RNA %1").arg(school.rna);
    if (chargesVat(school.vatRegime) && !school.vatNumber.isEmpty())
        ids << tr("VAT no. %1").arg(school.vatNumber);
    if (!ids.isEmpty())
        lines << esc(ids.join(QStringLiteral(" · ")));

    QString h = QStringLiteral(
        "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr><td width=\"55%\" valign=\"top\">");
    if (!school.logo.isEmpty())
        h += QStringLiteral("<img src=\"logo\" height=\"60\"><br>");
    h += lines.join(QStringLiteral("<br>"));
    h += QStringLiteral("</td><td width=\"45%\" valign=\"top\" align=\"right\">") +
         documentLines.join(QStringLiteral("<br>"));
    h += QStringLiteral("</td></tr></table><br>");
    return h;
}

QString Parts::customerBox(const QString& name, const QString& address, const QString& siret)
{
    QStringList customer = {QStringLiteral("<b>%1</b>").arg(esc(name))};
    if (!address.isEmpty())
        customer << esc(address);
    if (!siret.isEmpty())
        customer << esc(tr("SIRET %1 · SIREN %2").arg(siret, siret.left(9)));
    return QStringLiteral(
               "<table width=\"100%\"><tr><td width=\"50%\"></td><td width=\"50%\" style=\"border: 1px solid "
               "#999999; padding: 6px;\">%1<br>%2</td></tr></table><br>")
        .arg(esc(tr("Customer")), customer.join(QStringLiteral("<br>")));
}

QString Parts::linesTable(const QList<InvoiceLine>& lines, bool vat)
{
    QString h = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"1\" "
                               "style=\"border-collapse: collapse; border-color: #999999;\">");
    h += QStringLiteral(
             "<tr style=\"background-color: #e8ecef;\"><th align=\"left\">%1</th><th align=\"right\">%2</th>"
             "<th align=\"left\">%3</th><th align=\"right\">%4</th>%5<th align=\"right\">%6</th></tr>")
             .arg(esc(tr("Description")), esc(tr("Qty")), esc(tr("Unit")), esc(tr("Unit price excl. VAT")),
                  vat ? QStringLiteral("<th align=\"right\">%1</th>").arg(esc(tr("VAT"))) : QString(),
                  esc(tr("Total excl. VAT")));
    for (const InvoiceLine& l : lines) {
        const QString label = vat && l.vatRateBp == 0 && !l.vatExemption.isEmpty()
                                  ? l.label + QLatin1Char('\n') + tr("VAT exemption: %1").arg(l.vatExemption)
                                  : l.label;
        h += QStringLiteral(
                 "<tr><td>%1</td><td align=\"right\">%2</td><td>%3</td><td align=\"right\">%4</td>%5"
                 "<td align=\"right\">%6</td></tr>")
                 .arg(esc(label), esc(Quantities::format(l.quantityThousandths)), esc(labelOf(l.unit)),
                      esc(l.unitPrice.format()),
                      vat ? QStringLiteral("<td align=\"right\">%1</td>").arg(esc(vatRate(l.vatRateBp)))
                          : QString(),
                      esc(l.total().format()));
    }
    h += QStringLiteral("</table><br>");
    return h;
}

QString Parts::totals(const InvoiceTotals& totals, bool vat, const QString& singleTotalLabel,
                      const QList<Row>& extra)
{
    QString h = QStringLiteral("<table width=\"100%\"><tr><td width=\"55%\"></td><td width=\"45%\">"
                               "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">");
    const auto row = [](const Row& r) {
        return QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>")
            .arg(r.bold ? QStringLiteral("<b>%1</b>").arg(esc(r.label)) : esc(r.label),
                 r.bold ? QStringLiteral("<b>%1</b>").arg(esc(r.amount.format())) : esc(r.amount.format()));
    };
    if (vat) {
        h += row({tr("Total excl. VAT"), totals.excl});
        for (const VatAmount& v : totals.vat)
            h += row({tr("VAT %1 on %2").arg(vatRate(v.rateBp), v.base.format()), v.vat});
        h += row({tr("Total incl. VAT"), totals.incl, true});
    } else {
        h += row({singleTotalLabel, totals.incl, true});
    }
    for (const Row& r : extra)
        h += row(r);
    h += QStringLiteral("</table></td></tr></table><br>");
    return h;
}

QString Parts::mentions(const QStringList& lines)
{
    return QStringLiteral("<p style=\"font-size: 8.5pt;\">%1</p>").arg(esc(lines.join(QLatin1Char('\n'))));
}

void Parts::addLogo(QTextDocument& document, const SchoolIdentity& school)
{
    if (school.logo.isEmpty())
        return;
    QImage logo;
    if (logo.loadFromData(school.logo))
        document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("logo")), logo);
}

} // namespace etabli::print::parts
