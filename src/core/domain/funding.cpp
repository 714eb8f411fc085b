#include "domain/funding.h"

#include <QCryptographicHash>

namespace etabli {

QString receiptHash(const TaxReceipt& r, const QString& prevHash)
{
    QStringList parts = {codeOf(r.kind),
                         r.number,
                         r.issueDate.toString(Qt::ISODate),
                         QString::number(r.contactId),
                         QString::number(r.cancelsReceiptId),
                         r.donorName,
                         r.donorAddress,
                         r.donorCompany ? QStringLiteral("1") : QStringLiteral("0"),
                         r.donorSiren,
                         QString::number(r.total.cents()),
                         r.reason,
                         r.issuedBy};
    for (const ReceiptLine& l : r.lines) {
        QString line = QStringLiteral("%1;%2;%3;%4;%5;%6")
                           .arg(l.donationId)
                           .arg(l.day.toString(Qt::ISODate))
                           .arg(l.amount.cents())
                           .arg(codeOf(l.method), codeOf(l.nature), l.description);
        if (r.hashVersion >= 3)
            line +=
                QStringLiteral(";%1;%2;%3").arg(l.form ? codeOf(*l.form) : QString(), l.valuation, l.proof);
        parts << line;
    }
    if (r.hashVersion >= 2)
        parts << r.beneficiary << r.signatoryName << r.signatoryCapacity;
    if (r.hashVersion >= 3)
        parts << r.donorLegalForm;
    parts << prevHash;
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QChar(0x1F)).toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace etabli
