#include "print/depositslipdocument.h"

#include "print/documentprinter.h"

#include <QLocale>
#include <QTextDocument>

namespace etabli::print {

QString DepositSlipDocument::html(const SchoolIdentity& school, qint64 slipId,
                                  const QList<ChequeToDeposit>& cheques, const QDate& day)
{
    const QLocale fr(QLocale::French, QLocale::France);
    const auto esc = [](const QString& s) { return s.toHtmlEscaped(); };
    QString h = QStringLiteral("<html><body style=\"font-family: 'DejaVu Sans'; font-size: 10pt;\">");
    h += QStringLiteral("<h1 style=\"font-size: 16pt;\">%1</h1>")
             .arg(esc(tr("Cheque deposit slip no. %1").arg(slipId)));
    h += QStringLiteral("<p><b>%1</b><br>%2<br>%3</p>")
             .arg(esc(school.organisationName.isEmpty() ? school.name : school.organisationName),
                  esc(tr("Beneficiary: %1").arg(school.name)),
                  esc(tr("Deposited on %1").arg(fr.toString(day, QStringLiteral("dd/MM/yyyy")))));
    h +=
        QStringLiteral(
            "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"1\" style=\"border-collapse: "
            "collapse; border-color: #999999;\"><tr style=\"background-color: #e8ecef;\"><th "
            "align=\"left\">%1"
            "</th><th align=\"left\">%2</th><th align=\"left\">%3</th><th align=\"left\">%4</th><th "
            "align=\"right\">%5</th></tr>")
            .arg(esc(tr("Bank")), esc(tr("Cheque no.")), esc(tr("Drawer")), esc(tr("Invoice")),
                 esc(tr("Amount")));
    Money total;
    for (const ChequeToDeposit& c : cheques) {
        total += c.amount;
        h +=
            QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td align=\"right\">%5</td></tr>")
                .arg(esc(c.bank), esc(c.chequeNumber), esc(c.drawer), esc(c.invoiceNumber),
                     esc(c.amount.format()));
    }
    h += QStringLiteral("<tr><td colspan=\"4\"><b>%1</b></td><td align=\"right\"><b>%2</b></td></tr></table>")
             .arg(esc(tr("%n cheque(s), total", nullptr, static_cast<int>(cheques.size()))),
                  esc(total.format()));
    h += QStringLiteral("<p><br>%1</p>").arg(esc(tr("Signature:")));
    h += QStringLiteral("</body></html>");
    return h;
}

std::unique_ptr<Printable> DepositSlipDocument::make(const SchoolIdentity& school, qint64 slipId,
                                                     const QList<ChequeToDeposit>& cheques, const QDate& day)
{
    auto p = std::make_unique<Printable>();
    p->document.setHtml(html(school, slipId, cheques, day));
    const QLocale fr(QLocale::French, QLocale::France);
    p->frame = PageFrame{tr("Cheque deposit slip no. %1").arg(slipId), school.name,
                         fr.toString(day, QStringLiteral("dd/MM/yyyy"))};
    return p;
}

Status DepositSlipDocument::writePdf(const SchoolIdentity& school, qint64 slipId,
                                     const QList<ChequeToDeposit>& cheques, const QDate& day,
                                     const QString& path)
{
    return DocumentPrinter::writePdf(*make(school, slipId, cheques, day), path);
}

} // namespace etabli::print
