#pragma once

#include "domain/funding.h"
#include "domain/sales.h"
#include "domain/user.h"

#include <stdexcept>

namespace etabli {
class Clock;
class Database;
} // namespace etabli

namespace etabli::test {

// The value of a step that must succeed; its error, thrown, fails the test.
template <typename T> T required(Result<T> r)
{
    if (!r)
        throw std::runtime_error((r.error().message + QLatin1Char(' ') + r.error().detail).toStdString());
    return *r;
}

// A school that sells: its identity complete for issuing (SIRET, address,
// the VAT number when subject to VAT), a business customer and a private one.
struct Shop
{
    UserContext director;
    qint64 garage = 0; // a business customer
    qint64 person = 0; // a private customer
};
Shop makeShop(Database& db, const Clock& clock, VatRegime regime);

InvoiceLine line(const char* label, qint64 quantityThousandths, qint64 priceCents, int vatBp = 2000);
Invoice draftFor(qint64 contact, QList<InvoiceLine> lines);
// A payment of `euros` received on `day` (a cheque gets a number).
Payment payment(qint64 invoice, const QDate& day, PaymentMethod method, qint64 euros);
// A gift by cheque of `cents` from `donor` on `day`.
Donation gift(qint64 donor, const QDate& day, qint64 cents);

} // namespace etabli::test
