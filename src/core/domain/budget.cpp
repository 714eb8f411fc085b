#include "domain/budget.h"

namespace etabli {

Money Subsidy::receivedTotal() const
{
    Money sum;
    for (const SubsidyInstalment& i : instalments)
        if (i.isReceived())
            sum = sum + i.received;
    return sum;
}

Money Subsidy::expectedTotal() const
{
    Money sum;
    for (const SubsidyInstalment& i : instalments)
        sum = sum + i.expected;
    return sum;
}

QString Subsidy::status() const
{
    if (decision == QLatin1String("refused"))
        return QStringLiteral("refused");
    if (decision != QLatin1String("granted"))
        return QStringLiteral("requested");
    if (accountedOn.isValid())
        return QStringLiteral("accounted");
    const Money received = receivedTotal();
    if (received.isZero())
        return QStringLiteral("granted");
    return received.cents() >= granted.cents() ? QStringLiteral("paid") : QStringLiteral("being_paid");
}

} // namespace etabli
