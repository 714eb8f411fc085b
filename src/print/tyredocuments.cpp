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
    QString h = Parts::open(14);
    h += QStringLiteral("<table width=\"100%\" cellpadding=\"10\" style=\"border: 3px solid #000000;\"><tr><td>");
    h += QStringLiteral("<p style=\"font-size: 11pt;\">%1 — %2</p>")
             .arg(Parts::esc(school.name), Parts::esc(tr("Tyre hotel")));
    h += QStringLiteral("<p align=\"center\" style=\"font-size: 54pt; font-weight: bold;\">%1</p>").arg(Parts::esc(s.plate));
    h += QStringLiteral("<p align=\"center\" style=\"font-size: 22pt;\">%1</p>")
             .arg(Parts::esc(TyreHotelService::placeLabel(s)));
    h += QStringLiteral("<table width=\"100%\" cellpadding=\"4\" style=\"font-size: 14pt;\">");
    const auto row = [](const QString& label, const QString& value) {
        return QStringLiteral("<tr><td width=\"35%\">%1</td><td><b>%2</b></td></tr>").arg(Parts::esc(label), Parts::esc(value));
    };
    h += row(tr("Customer"), s.customerName + (s.customerPhone.isEmpty() ? QString() : QStringLiteral(" — ") + s.customerPhone));
    h += row(tr("Tyres"), tr("%n tyre(s) %1", nullptr, s.tyreCount).arg(s.tyreSize) +
                              (s.withRims ? tr(", with rims") : tr(", without rims")));
    if (!s.brand.isEmpty())
        h += row(tr("Brand"), s.brand);
    h += row(tr("Season"), TyreHotelService::seasonLabel(s.season));
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
    return p;
}

QString TyreDocuments::listHtml(const QList<TyreSet>& sets, const QString& season, const SchoolIdentity& school,
                                const QDate& today)
{
    QString h = Parts::open(9);
    h += QStringLiteral("<h1 style=\"font-size: 15pt;\">%1</h1>")
             .arg(Parts::esc(season.isEmpty() ? tr("Tyre hotel: sets in storage")
                                              : tr("Tyre hotel: %1 sets in storage")
                                                    .arg(TyreHotelService::seasonLabel(season).toLower())));
    h += QStringLiteral("<p>%1</p>")
             .arg(Parts::esc(tr("%1 — on %2 — %n set(s)", nullptr, static_cast<int>(sets.size()))
                                 .arg(school.name, Parts::date(today))));
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\" style=\"border-collapse: "
                        "collapse; border-color: #999999;\"><tr style=\"background-color: #e8ecef;\">");
    for (const QString& head : {tr("Place"), tr("Plate"), tr("Customer"), tr("Phone"), tr("Size"), tr("Tyres"),
                                tr("Season"), tr("Smallest tread"), tr("In since"), tr("Done")})
        h += QStringLiteral("<th align=\"left\">%1</th>").arg(Parts::esc(head));
    h += QStringLiteral("</tr>");
    for (const TyreSet& s : sets) {
        const bool worn = s.minTreadTenths() < 30; // under 3 mm: tell the customer
        h += QStringLiteral("<tr><td>%1 %2-%3</td><td><b>%4</b></td><td>%5</td><td>%6</td><td>%7</td><td>%8</td><td>%9</td>")
                 .arg(Parts::esc(s.rack))
                 .arg(s.row)
                 .arg(s.level)
                 .arg(Parts::esc(s.plate), Parts::esc(s.customerName), Parts::esc(s.customerPhone), Parts::esc(s.tyreSize),
                      Parts::esc(QString::number(s.tyreCount) + (s.withRims ? tr(" + rims") : QString())),
                      Parts::esc(TyreHotelService::seasonLabel(s.season)));
        h += QStringLiteral("<td>%1</td><td>%2</td><td>&#9744;</td></tr>")
                 .arg(worn ? QStringLiteral("<b>%1</b>").arg(Parts::esc(tr("%1 mm (worn)").arg(TyreHotelService::formatTread(s.minTreadTenths()))))
                           : Parts::esc(tr("%1 mm").arg(TyreHotelService::formatTread(s.minTreadTenths()))),
                      Parts::esc(Parts::date(s.dateIn)));
    }
    h += QStringLiteral("</table>");
    h += Parts::mentions({tr("Legal minimum tread: 1.6 mm; sets under 3 mm are shown in bold: advise the customer.")});
    h += Parts::close();
    return h;
}

std::unique_ptr<Printable> TyreDocuments::list(const QList<TyreSet>& sets, const QString& season,
                                               const SchoolIdentity& school, const QDate& today)
{
    auto p = std::make_unique<Printable>();
    p->document.setHtml(listHtml(sets, season, school, today));
    p->frame = PageFrame{tr("Tyre hotel"), school.name, Parts::date(today)};
    return p;
}

} // namespace etabli::print
