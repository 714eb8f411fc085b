#include "print/tyredocuments.h"

#include "print/businessparts.h"
#include "print/documentprinter.h"
#include "services/tyrehotelservice.h"

#include <QTextDocument>

namespace etabli::print {

using parts::Parts;

namespace {
QString treads(const TyreSet& s)
{
    QStringList mm;
    for (int t : s.treadTenths)
        mm << TyreHotelService::formatTread(t);
    return mm.join(QStringLiteral(" / ")) + QStringLiteral(" mm");
}
} // namespace

QString TyreDocuments::labelHtml(const TyreSet& s, const SchoolIdentity& school)
{
    QString h = Parts::open(11);
    h += QStringLiteral("<table width=\"100%\" height=\"100%\" cellpadding=\"6\" cellspacing=\"0\" "
                        "border=\"2\" style=\"border-style: solid; border-color: #000000;\"><tr><td>");
    h += QStringLiteral("<p style=\"font-size: 9pt; margin: 0;\">%1 — %2</p>")
             .arg(Parts::esc(school.name), Parts::esc(tr("Tyre hotel")));
    h += QStringLiteral("<p align=\"center\" style=\"font-size: 44pt; font-weight: bold; margin: 0;\">%1</p>")
             .arg(Parts::esc(s.plate));
    h += QStringLiteral("<p align=\"center\" style=\"font-size: 17pt; margin: 0;\">%1</p>")
             .arg(Parts::esc(TyreHotelService::placeLabel(s)));
    h += QStringLiteral("<table width=\"100%\" cellpadding=\"1\" style=\"font-size: 11pt;\">");
    const auto row = [](const QString& label, const QString& value) {
        return QStringLiteral("<tr><td width=\"35%\">%1</td><td><b>%2</b></td></tr>")
            .arg(Parts::esc(label), Parts::esc(value));
    };
    h += row(tr("Customer"), s.customerName); // no phone number on the customer's goods
    h += row(tr("Tyres"), tr("%n tyre(s) %1", nullptr, s.tyreCount).arg(s.tyreSize) +
                              (s.withRims ? tr(", with rims") : tr(", without rims")));
    if (!s.brand.isEmpty())
        h += row(tr("Brand"), s.brand);
    h += row(tr("Season"), labelOf(s.season));
    h += row(tr("Tread"), treads(s));
    h += row(tr("In since"), Parts::date(s.dateIn));
    if (!s.notes.isEmpty())
        h += row(tr("Notes"), s.notes);
    h += QStringLiteral("</table></td></tr></table>");
    h += Parts::close();
    return h;
}

std::unique_ptr<Printable> TyreDocuments::label(const TyreSet& set, const SchoolIdentity& school)
{
    auto p = std::make_unique<Printable>();
    p->document.setHtml(labelHtml(set, school));
    p->frame = PageFrame{tr("Tyre hotel label %1").arg(set.plate), school.name, Parts::date(set.dateIn)};
    // The size of the labels of a label printer (150 × 100 mm, 6 × 4 in).
    p->frame.labelMm = QSizeF(150, 100);
    return p;
}

QString TyreDocuments::depositHtml(const TyreSet& s, const SchoolIdentity& school,
                                   const std::optional<CatalogueItem>& fee)
{
    QString h = Parts::open(10);
    h += Parts::letterhead(
        school,
        {QStringLiteral("<b style=\"font-size: 14pt;\">%1</b>").arg(Parts::esc(tr("TYRE DEPOSIT RECEIPT"))),
         Parts::esc(tr("Date: %1").arg(Parts::date(s.dateIn)))});
    const auto row = [](const QString& label, const QString& value) {
        return QStringLiteral("<tr><td width=\"32%\">%1</td><td>%2</td></tr>")
            .arg(Parts::esc(label), Parts::esc(value));
    };
    const QString table =
        QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"1\" "
                       "style=\"border-collapse: collapse; border-color: #999999;\">");
    h += QStringLiteral("<p>%1</p>")
             .arg(Parts::esc(
                 tr("%1 receives in storage, for a fee, the tyres described below from the customer "
                    "named here.")
                     .arg(school.organisationName.isEmpty() ? school.name : school.organisationName)));
    h += QStringLiteral("<h3>%1</h3>").arg(Parts::esc(tr("The customer and the vehicle")));
    h += table + row(tr("Customer"), s.customerName) + row(tr("Vehicle"), s.plate) +
         QStringLiteral("</table>");
    h += QStringLiteral("<h3>%1</h3>").arg(Parts::esc(tr("The tyres and their condition on entry")));
    h += table + row(tr("Tyres"), tr("%n tyre(s) %1", nullptr, s.tyreCount).arg(s.tyreSize)) +
         row(tr("Brand"), s.brand.isEmpty() ? QStringLiteral("—") : s.brand) +
         row(tr("Rims"), s.withRims ? tr("with rims") : tr("without rims")) +
         row(tr("Season"), labelOf(s.season)) + row(tr("Tread depth measured on entry"), treads(s)) +
         row(tr("Remarks on the condition"), s.notes.isEmpty() ? tr("none") : s.notes) +
         row(tr("Place in the store"), TyreHotelService::placeLabel(s)) + QStringLiteral("</table>");
    h += QStringLiteral("<h3>%1</h3>").arg(Parts::esc(tr("Storage: fee and period")));
    const QString price = fee ? tr("%1: %2 excl. VAT (%3 incl. VAT)")
                                    .arg(fee->label, fee->unitPrice.format(),
                                         (fee->unitPrice + fee->unitPrice.percent(fee->vatRateBp)).format())
                              : tr("as the price list in force");
    h += table + row(tr("Fee"), price) +
         row(tr("Period covered"),
             tr("from %1 to %2").arg(Parts::date(s.dateIn), Parts::date(TyreHotelService::storageEnd(s)))) +
         QStringLiteral("</table>");
    h += QStringLiteral("<h3>%1</h3>").arg(Parts::esc(tr("Giving back, and sets not collected")));
    h += QStringLiteral("<p>%1</p>")
             .arg(Parts::esc(
                 tr("The tyres are given back on presentation of this receipt, by appointment, at the "
                    "latest at the end of the period above. A set not collected by then stays in "
                    "storage for a new period at the fee in force; the school tells the customer in "
                    "writing before any other decision about it, and never before one month after "
                    "that letter.")));
    h +=
        QStringLiteral("<table width=\"100%\" cellpadding=\"6\"><tr><td width=\"50%\">%1<br><br><br><br></td>"
                       "<td width=\"50%\">%2<br><br><br><br></td></tr></table>")
            .arg(Parts::esc(tr("The customer (signature)")), Parts::esc(tr("For the school (signature)")));
    h += Parts::close();
    return h;
}

std::unique_ptr<Printable> TyreDocuments::deposit(const TyreSet& set, const SchoolIdentity& school,
                                                  const std::optional<CatalogueItem>& fee)
{
    auto p = std::make_unique<Printable>();
    Parts::addLogo(p->document, school);
    p->document.setHtml(depositHtml(set, school, fee));
    p->frame = PageFrame{tr("Tyre deposit receipt %1").arg(set.plate), school.name, Parts::date(set.dateIn)};
    return p;
}

QString TyreDocuments::listHtml(const QList<TyreSet>& sets, std::optional<TyreSeason> season,
                                const SchoolIdentity& school, const QDate& today)
{
    QString h = Parts::open(8.5);
    h += QStringLiteral("<h1 style=\"font-size: 15pt;\">%1</h1>")
             .arg(Parts::esc(!season ? tr("Tyre hotel: sets in storage")
                                     : tr("Tyre hotel: %1 sets in storage").arg(labelOf(*season).toLower())));
    h += QStringLiteral("<p>%1</p>")
             .arg(Parts::esc(tr("%1 — on %2 — %n set(s)", nullptr, static_cast<int>(sets.size()))
                                 .arg(school.name, Parts::date(today))));
    h += QStringLiteral(
        "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\" style=\"border-collapse: "
        "collapse; border-color: #999999;\"><tr style=\"background-color: #e8ecef;\">");
    // Widths in % of the page, so that short values keep to one line.
    QList<std::pair<QString, int>> heads = {{tr("Place"), 9},
                                            {tr("Plate"), 11},
                                            {tr("Customer"), !season ? 20 : 27},
                                            {tr("Phone"), 11},
                                            {tr("Tyres"), 19}};
    if (!season)
        heads.append({tr("Season"), 7});
    heads.append({tr("Smallest tread"), 10});
    heads.append({tr("In since"), 8});
    heads.append({tr("Done"), 4});
    for (const auto& [head, width] : std::as_const(heads))
        h += QStringLiteral("<th align=\"left\" width=\"%1%\">%2</th>").arg(width).arg(Parts::esc(head));
    h += QStringLiteral("</tr>");
    // Qt's layout ignores "nowrap": unbreakable spaces keep short values on one line.
    const auto unbroken = [](const QString& html) {
        return QString(html).replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
    };
    const auto cell = [&unbroken](const QString& html, bool nowrap = true) {
        return QStringLiteral("<td>%1</td>").arg(nowrap ? unbroken(html) : html);
    };
    for (const TyreSet& s : sets) {
        const bool worn = s.minTreadTenths() < 30; // under 3 mm: tell the customer
        const QString tread = tr("%1 mm").arg(TyreHotelService::formatTread(s.minTreadTenths()));
        h += QStringLiteral("<tr>");
        h += cell(Parts::esc(QStringLiteral("%1 %2-%3").arg(s.rack).arg(s.row).arg(s.level)));
        h += cell(QStringLiteral("<b>%1</b>").arg(Parts::esc(s.plate)));
        h += cell(Parts::esc(s.customerName), false);
        h += cell(Parts::esc(s.customerPhone));
        h += cell(unbroken(Parts::esc(tr("%1 × %2").arg(s.tyreCount).arg(s.tyreSize))) +
                      Parts::esc(s.withRims ? tr(" + rims") : QString()),
                  false);
        if (!season)
            h += cell(Parts::esc(labelOf(s.season)));
        h += cell(worn ? QStringLiteral("<b>%1</b>").arg(Parts::esc(tr("%1 (worn)").arg(tread)))
                       : Parts::esc(tread));
        h += cell(Parts::esc(Parts::date(s.dateIn)));
        h += cell(QStringLiteral("&#9744;"));
        h += QStringLiteral("</tr>");
    }
    h += QStringLiteral("</table>");
    h += Parts::mentions(
        {tr("Legal minimum tread: 1.6 mm; sets under 3 mm are shown in bold: advise the customer.")});
    h += Parts::close();
    return h;
}

std::unique_ptr<Printable> TyreDocuments::list(const QList<TyreSet>& sets, std::optional<TyreSeason> season,
                                               const SchoolIdentity& school, const QDate& today)
{
    auto p = std::make_unique<Printable>();
    p->document.setHtml(listHtml(sets, season, school, today));
    p->frame = PageFrame{tr("Tyre hotel"), school.name, Parts::date(today), true};
    return p;
}

} // namespace etabli::print
