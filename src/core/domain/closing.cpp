#include "domain/closing.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace etabli {

Money ClosingTotals::excl() const
{
    Money m;
    for (const RateTotal& t : sales)
        m += t.excl;
    return m;
}

Money ClosingTotals::vat() const
{
    Money m;
    for (const RateTotal& t : sales)
        m += t.vat;
    return m;
}

Money ClosingTotals::incl() const
{
    return excl() + vat();
}

Money ClosingTotals::paid() const
{
    Money m;
    for (const Money& p : payments)
        m += p;
    return m;
}

void ClosingTotals::add(const ClosingTotals& other)
{
    for (auto it = other.sales.cbegin(); it != other.sales.cend(); ++it) {
        RateTotal& t = sales[it.key()];
        t.excl += it->excl;
        t.vat += it->vat;
    }
    for (auto it = other.payments.cbegin(); it != other.payments.cend(); ++it)
        payments[it.key()] += it.value();
    invoices += other.invoices;
    credits += other.credits;
    paymentCount += other.paymentCount;
}

QByteArray ClosingTotals::toJson() const
{
    // QJsonObject keeps its keys sorted: the text is the same for the same figures.
    QJsonObject rates;
    for (auto it = sales.cbegin(); it != sales.cend(); ++it)
        rates.insert(QString::number(it.key()),
                     QJsonObject{{QStringLiteral("excl"), static_cast<double>(it->excl.cents())},
                                 {QStringLiteral("vat"), static_cast<double>(it->vat.cents())}});
    QJsonObject methods;
    for (auto it = payments.cbegin(); it != payments.cend(); ++it)
        methods.insert(it.key(), static_cast<double>(it->cents()));
    const QJsonObject root{{QStringLiteral("sales"), rates},
                           {QStringLiteral("payments"), methods},
                           {QStringLiteral("invoices"), static_cast<double>(invoices)},
                           {QStringLiteral("credits"), static_cast<double>(credits)},
                           {QStringLiteral("payment_count"), static_cast<double>(paymentCount)}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<ClosingTotals> ClosingTotals::fromJson(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject root = doc.object();
    ClosingTotals t;
    const QJsonObject rates = root.value(QStringLiteral("sales")).toObject();
    for (auto it = rates.constBegin(); it != rates.constEnd(); ++it) {
        bool ok = false;
        const int rate = it.key().toInt(&ok);
        if (!ok)
            return std::nullopt;
        const QJsonObject r = it.value().toObject();
        t.sales.insert(rate, RateTotal{Money::fromCents(r.value(QStringLiteral("excl")).toInteger()),
                                       Money::fromCents(r.value(QStringLiteral("vat")).toInteger())});
    }
    const QJsonObject methods = root.value(QStringLiteral("payments")).toObject();
    for (auto it = methods.constBegin(); it != methods.constEnd(); ++it)
        t.payments.insert(it.key(), Money::fromCents(it.value().toInteger()));
    t.invoices = root.value(QStringLiteral("invoices")).toInteger();
    t.credits = root.value(QStringLiteral("credits")).toInteger();
    t.paymentCount = root.value(QStringLiteral("payment_count")).toInteger();
    return t;
}

QString closingPeriod(ClosingKind kind, const QDate& start)
{
    return kind == ClosingKind::Year ? QString::number(start.year())
                                     : start.toString(QStringLiteral("yyyy-MM"));
}

QString closingHash(const Closing& c, const QString& prevHash)
{
    const QStringList parts = {codeOf(c.kind),
                               c.period,
                               c.start.toString(Qt::ISODate),
                               c.end.toString(Qt::ISODate),
                               QString::number(c.position),
                               c.firstNumber,
                               c.lastNumber,
                               QString::fromUtf8(c.totals.toJson()),
                               QString::fromUtf8(c.grandTotals.toJson()),
                               c.closedAt,
                               c.closedBy,
                               prevHash};
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QChar(0x1F)).toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace etabli
