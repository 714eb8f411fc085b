#include "domain/sales.h"

#include <QCryptographicHash>
#include <QMap>
#include <QRegularExpression>

namespace etabli {

namespace {

// a × b / 1000, rounded half away from zero (both within ±1e9 · ±1e10 here).
std::int64_t thousandthsTimes(std::int64_t thousandths, std::int64_t cents)
{
    const std::int64_t product = thousandths * cents;
    return product >= 0 ? (product + 500) / 1000 : -((-product + 500) / 1000);
}

QString withoutSpaces(const QString& text)
{
    QString out;
    for (const QChar c : text) {
        if (!c.isSpace() && c != QLatin1Char('-') && c != QLatin1Char('.'))
            out += c;
    }
    return out;
}

} // namespace

QString Contact::postalAddress() const
{
    return etabli::postalAddress(addressLine1, addressLine2, postcode, city);
}

Status SalesFormats::checkSiret(const QString& input)
{
    const QString siret = withoutSpaces(input);
    static const QRegularExpression digits(QStringLiteral("^\\d{14}$"));
    if (!digits.match(siret).hasMatch())
        return fail(Error::Code::InvalidInput,
                    tr("A SIRET number has 14 digits (“%1”).").arg(input.trimmed()));
    int sum = 0;
    for (int i = 0; i < 14; ++i) {
        int d = siret.at(i).digitValue();
        if (i % 2 == 0) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    if (sum % 10 == 0)
        return {};
    // La Poste's establishments (SIREN 356 000 000) use another key.
    if (siret.startsWith(QLatin1String("356000000"))) {
        int plain = 0;
        for (const QChar c : siret)
            plain += c.digitValue();
        if (plain % 5 == 0)
            return {};
    }
    return fail(Error::Code::InvalidInput,
                tr("The SIRET number “%1” is not valid: check the digits (its control key does not match).")
                    .arg(input.trimmed()));
}

Result<QString> SalesFormats::normalisePlate(const QString& input)
{
    const QString plate = withoutSpaces(input).toUpper();
    static const QRegularExpression siv(QStringLiteral("^([A-HJ-NP-TV-Z]{2})(\\d{3})([A-HJ-NP-TV-Z]{2})$"));
    if (const auto m = siv.match(plate); m.hasMatch()) {
        if (m.captured(1) == QLatin1String("SS") || m.captured(3) == QLatin1String("SS") ||
            m.captured(2) == QLatin1String("000"))
            return fail(Error::Code::InvalidInput,
                        tr("“%1” is not a French registration plate.").arg(input.trimmed()));
        return QStringLiteral("%1-%2-%3").arg(m.captured(1), m.captured(2), m.captured(3));
    }
    // Before 2009 (FNI): number, letters, département.
    static const QRegularExpression fni(QStringLiteral("^(\\d{1,4})([A-Z]{1,3})(\\d{2}|2A|2B|97\\d)$"));
    if (const auto m = fni.match(plate); m.hasMatch())
        return QStringLiteral("%1 %2 %3").arg(m.captured(1), m.captured(2), m.captured(3));
    return fail(
        Error::Code::InvalidInput,
        tr("“%1” is not a French registration plate (examples: AB-123-CD, or 1234 AB 39 before 2009).")
            .arg(input.trimmed()));
}

Result<QString> SalesFormats::normaliseTyreSize(const QString& input)
{
    QString text = input.trimmed().toUpper();
    text.replace(QLatin1Char(','), QLatin1Char('.'));
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{3})\\s*/\\s*(\\d{2})\\s*(ZR|R|D|B)\\s*(\\d{2}(?:\\.5)?)(?:\\s*(\\d{2,3}(?:/"
                       "\\d{2,3})?)\\s*([A-Z]))?$"));
    const auto m = pattern.match(text);
    const auto invalid = [&input]() {
        return fail(Error::Code::InvalidInput,
                    tr("“%1” is not a tyre size (example: 205/55 R16 91V).").arg(input.trimmed()));
    };
    if (!m.hasMatch())
        return invalid();
    const int width = m.captured(1).toInt();
    const int aspect = m.captured(2).toInt();
    const double rim = m.captured(4).toDouble();
    if (width < 115 || width > 395 || width % 5 != 0 || aspect < 20 || aspect > 95 || aspect % 5 != 0 ||
        rim < 10 || rim > 24)
        return invalid();
    QString out =
        QStringLiteral("%1/%2 %3%4").arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4));
    if (!m.captured(5).isEmpty()) {
        static const QString speeds = QStringLiteral("JKLMNPQRSTUHVWYZ");
        if (!speeds.contains(m.captured(6)))
            return invalid();
        out += QLatin1Char(' ') + m.captured(5) + m.captured(6);
    }
    return out;
}

Money InvoiceLine::total() const
{
    return Money::fromCents(thousandthsTimes(quantityThousandths, unitPrice.cents()));
}

InvoiceTotals InvoiceTotals::compute(const QList<InvoiceLine>& lines, VatRegime regime)
{
    InvoiceTotals t;
    QMap<int, Money> bases;
    for (const InvoiceLine& l : lines) {
        const Money total = l.total();
        t.excl += total;
        bases[chargesVat(regime) ? l.vatRateBp : 0] += total;
    }
    for (auto it = bases.cbegin(); it != bases.cend(); ++it) {
        const Money vat = chargesVat(regime) ? it.value().percent(it.key()) : Money();
        t.vat << VatAmount{it.key(), it.value(), vat};
        t.vatTotal += vat;
    }
    t.incl = t.excl + t.vatTotal;
    return t;
}

QString documentLabel(InvoiceKind kind, InvoiceStatus status)
{
    const bool credit = kind == InvoiceKind::Credit;
    if (status == InvoiceStatus::Draft)
        return credit ? QCoreApplication::translate("etabli::Codes", "Draft credit note")
                      : QCoreApplication::translate("etabli::Codes", "Draft invoice");
    return credit ? labelOf(InvoiceKind::Credit) : labelOf(InvoiceKind::Invoice);
}

QString invoiceHash(const Invoice& i, const QString& prevHash)
{
    return invoiceHash(i, prevHash, i.hashVersion >= 2 ? i.seller.sellerJson() : QByteArray());
}

QString invoiceHash(const Invoice& i, const QString& prevHash, const QByteArray& sellerJson)
{
    QStringList parts = {i.number,
                         codeOf(i.kind),
                         i.issueDate.toString(Qt::ISODate),
                         i.dueDate.toString(Qt::ISODate),
                         QString::number(i.contactId),
                         QString::number(i.creditedInvoiceId),
                         i.customerName,
                         i.customerAddress,
                         i.customerSiret,
                         i.professional ? QStringLiteral("1") : QStringLiteral("0"),
                         codeOf(i.vatRegime),
                         i.vatMention,
                         i.paymentTerms,
                         i.reference,
                         QString::number(i.totals.excl.cents()),
                         QString::number(i.totals.vatTotal.cents()),
                         QString::number(i.totals.incl.cents())};
    for (const InvoiceLine& l : i.lines)
        parts << QStringLiteral("%1;%2;%3;%4;%5;%6")
                     .arg(l.label)
                     .arg(l.quantityThousandths)
                     .arg(codeOf(l.unit))
                     .arg(l.unitPrice.cents())
                     .arg(l.vatRateBp)
                     .arg(l.total().cents());
    if (i.hashVersion >= 2) {
        parts << QString::fromUtf8(sellerJson) << codeOf(i.customerKind) << i.buyerReference
              << i.deliveryAddress << operationsCode(i.operations) << i.serviceFrom.toString(Qt::ISODate)
              << i.serviceTo.toString(Qt::ISODate) << i.chorusEngagement << i.chorusService << i.notes
              << i.mentions.join(QLatin1Char('\n')) << i.issuedBy << i.issuedAt;
        for (const InvoiceLine& l : i.lines)
            parts << l.vatExemption;
    }
    parts << prevHash;
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QChar(0x1F)).toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString paymentHash(const Payment& p, const QString& prevHash)
{
    QStringList parts = {QString::number(p.invoiceId),
                         p.day.toString(Qt::ISODate),
                         codeOf(p.method),
                         QString::number(p.amount.cents()),
                         p.bank,
                         p.chequeNumber,
                         QString::number(p.reversesPaymentId),
                         p.reason,
                         p.recordedBy,
                         prevHash};
    if (p.hashVersion >= 2)
        parts.insert(parts.size() - 1, p.recordedAt);
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QChar(0x1F)).toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString operationsCode(Operations o)
{
    switch (o) {
    case Operations::Goods:
        return QStringLiteral("goods");
    case Operations::Mixed:
        return QStringLiteral("mixed");
    case Operations::Services:
        break;
    }
    return QStringLiteral("services");
}

Operations operationsFromCode(const QString& code)
{
    if (code == QLatin1String("goods"))
        return Operations::Goods;
    if (code == QLatin1String("mixed"))
        return Operations::Mixed;
    return Operations::Services;
}

} // namespace etabli
