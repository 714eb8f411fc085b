#include "domain/funding.h"

#include <QCryptographicHash>

namespace etabli {

QString giftNatureCode(GiftNature nature)
{
    switch (nature) {
    case GiftNature::Cash:
        return QStringLiteral("cash");
    case GiftNature::Securities:
        return QStringLiteral("securities");
    case GiftNature::InKind:
        return QStringLiteral("in_kind");
    case GiftNature::ExpensesWaived:
        return QStringLiteral("expenses_waived");
    }
    return QStringLiteral("cash");
}

GiftNature giftNatureFromCode(const QString& code)
{
    for (GiftNature n : giftNatures())
        if (giftNatureCode(n) == code)
            return n;
    return GiftNature::Cash;
}

QString giftFormCode(GiftForm form)
{
    switch (form) {
    case GiftForm::AuthenticDeed:
        return QStringLiteral("authentic_deed");
    case GiftForm::PrivateDeed:
        return QStringLiteral("private_deed");
    case GiftForm::ManualDeclaration:
        return QStringLiteral("manual_declaration");
    case GiftForm::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

GiftForm giftFormFromCode(const QString& code)
{
    for (GiftForm f : giftForms())
        if (giftFormCode(f) == code)
            return f;
    return GiftForm::Other;
}

QString receiptHash(const TaxReceipt& r, const QString& prevHash)
{
    QStringList parts = {r.kind,
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
                           .arg(codeOf(l.method), giftNatureCode(l.nature), l.description);
        if (r.hashVersion >= 3)
            line += QStringLiteral(";%1;%2;%3")
                        .arg(l.form ? giftFormCode(*l.form) : QString(), l.valuation, l.proof);
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
