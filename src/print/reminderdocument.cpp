#include "print/reminderdocument.h"

#include "print/documentprinter.h"
#include "services/invoiceservice.h"

#include <QLocale>
#include <QTextDocument>

namespace etabli::print {

namespace {
QString esc(const QString& s)
{
    return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}
} // namespace

QString ReminderDocument::html(const SchoolIdentity& school, const Contact& customer,
                               const QList<Receivable>& invoices, const QDate& today)
{
    const QLocale fr(QLocale::French, QLocale::France);
    const auto date = [&fr](const QDate& d) { return fr.toString(d, QStringLiteral("dd/MM/yyyy")); };
    QString h = QStringLiteral("<html><body style=\"font-family: 'DejaVu Sans'; font-size: 10pt;\">");
    QStringList from = {QStringLiteral("<b>%1</b>").arg(esc(school.name))};
    for (const QString& l :
         {school.organisationName, school.addressLine1, school.addressLine2,
          (school.postcode + QLatin1Char(' ') + school.city).trimmed(), school.phone, school.email})
        if (!l.trimmed().isEmpty())
            from << esc(l);
    h += QStringLiteral("<table width=\"100%\"><tr><td width=\"50%\" valign=\"top\">%1</td><td width=\"50%\" "
                        "valign=\"top\"><br><br><b>%2</b><br>%3</td></tr></table><br>")
             .arg(from.join(QStringLiteral("<br>")), esc(customer.displayName()),
                  esc(customer.postalAddress()));
    h += QStringLiteral("<p align=\"right\">%1</p>").arg(esc(tr("%1, %2").arg(school.city, date(today))));
    h += QStringLiteral("<p><b>%1</b></p>").arg(esc(tr("Subject: reminder — unpaid invoices")));
    h += QStringLiteral("<p>%1</p>").arg(esc(tr("Dear Sir or Madam,")));
    h += QStringLiteral("<p>%1</p>")
             .arg(esc(tr("Unless we are mistaken, the following invoices remain unpaid to this day:")));
    h +=
        QStringLiteral(
            "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"1\" style=\"border-collapse: "
            "collapse; border-color: #999999;\"><tr style=\"background-color: #e8ecef;\"><th "
            "align=\"left\">%1"
            "</th><th align=\"left\">%2</th><th align=\"left\">%3</th><th align=\"right\">%4</th><th "
            "align=\"right\">%5</th></tr>")
            .arg(esc(tr("Invoice")), esc(tr("Date")), esc(tr("Due date")), esc(tr("Amount")),
                 esc(tr("Remaining due")));
    Money total;
    for (const Receivable& r : invoices) {
        total += r.due;
        h += QStringLiteral(
                 "<tr><td>%1</td><td>%2</td><td>%3</td><td align=\"right\">%4</td><td align=\"right\">%5</td>"
                 "</tr>")
                 .arg(esc(r.number), date(r.issueDate), date(r.dueDate), esc(r.total.format()),
                      esc(r.due.format()));
    }
    h += QStringLiteral("<tr><td colspan=\"4\"><b>%1</b></td><td align=\"right\"><b>%2</b></td></tr></table>")
             .arg(esc(tr("Total due")), esc(total.format()));
    h += QStringLiteral("<p>%1</p>")
             .arg(esc(tr("We would be grateful if you could settle them as soon as possible, by cheque to "
                         "the order of "
                         "%1, by transfer, by card or in cash at the school. If your payment has crossed "
                         "this letter, "
                         "please disregard it.")
                          .arg(school.organisationName.isEmpty() ? school.name : school.organisationName)));
    if (customer.professional())
        h += QStringLiteral("<p style=\"font-size: 8.5pt;\">%1</p>")
                 .arg(esc(InvoiceService::latePaymentMention()));
    h += QStringLiteral("<p>%1</p>").arg(esc(tr("Yours faithfully,")));
    h += QStringLiteral("<p align=\"right\">%1</p>").arg(esc(tr("The management of %1").arg(school.name)));
    h += QStringLiteral("</body></html>");
    return h;
}

std::unique_ptr<Printable> ReminderDocument::make(const SchoolIdentity& school, const Contact& customer,
                                                  const QList<Receivable>& invoices, const QDate& today)
{
    auto p = std::make_unique<Printable>();
    p->document.setHtml(html(school, customer, invoices, today));
    const QLocale fr(QLocale::French, QLocale::France);
    p->frame = PageFrame{tr("Reminder"), school.name,
                         tr("Reminder of %1").arg(fr.toString(today, QStringLiteral("dd/MM/yyyy")))};
    return p;
}

Status ReminderDocument::writePdf(const SchoolIdentity& school, const Contact& customer,
                                  const QList<Receivable>& invoices, const QDate& today, const QString& path)
{
    return DocumentPrinter::writePdf(*make(school, customer, invoices, today), path);
}

} // namespace etabli::print
