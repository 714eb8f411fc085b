#include "print/dashboarddocument.h"

#include <QLocale>

namespace etabli::print {

QString DashboardDocument::title()
{
    return tr("Summary");
}

QString DashboardDocument::html(const DashboardSummary& s, const QDate& today)
{
    const QLocale locale;
    const auto row = [&locale](const QString& label, qint64 value) {
        return QStringLiteral("<tr><td>%1</td><td align=\"right\"><b>%2</b></td></tr>")
            .arg(label.toHtmlEscaped(), locale.toString(value));
    };
    QString html = QStringLiteral("<html><body style=\"font-family: 'DejaVu Sans'; font-size: 10pt;\">");
    html += QStringLiteral("<h1 style=\"font-size: 18pt;\">%1</h1>").arg(s.schoolName.toHtmlEscaped());
    html += QStringLiteral("<p>%1</p>")
                .arg(tr("School year %1 — situation on %2")
                         .arg(s.schoolYearLabel, locale.toString(today, QStringLiteral("dd/MM/yyyy")))
                         .toHtmlEscaped());
    html += QStringLiteral("<table cellpadding=\"4\" cellspacing=\"0\" border=\"1\" width=\"60%\">");
    html += row(tr("Trainees enrolled"), s.enrolled);
    html += row(tr("Applications pending"), s.candidates);
    html += row(tr("Entries this school year"), s.entrantsThisYear);
    html += row(tr("Exits this school year"), s.exitsThisYear);
    html += row(tr("Active sections"), s.activeSections);
    html += row(tr("Trainees trained since the start"), s.traineesEver);
    html += QStringLiteral("</table>");
    html += QStringLiteral("<h2 style=\"font-size: 13pt;\">%1</h2>").arg(tr("By section").toHtmlEscaped());
    html += QStringLiteral(
                "<table cellpadding=\"4\" cellspacing=\"0\" border=\"1\" width=\"80%\">"
                "<tr><th align=\"left\">%1</th><th align=\"right\">%2</th><th align=\"right\">%3</th></tr>")
                .arg(tr("Section").toHtmlEscaped(), tr("Enrolled").toHtmlEscaped(),
                     tr("Applications").toHtmlEscaped());
    for (const auto& section : s.sections) {
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td></tr>")
                    .arg(section.name.toHtmlEscaped(), locale.toString(section.enrolled),
                         locale.toString(section.candidates));
    }
    html += QStringLiteral("</table></body></html>");
    return html;
}

} // namespace etabli::print
