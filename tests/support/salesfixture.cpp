#include "support/salesfixture.h"

#include "services/contactservice.h"
#include "services/schoolservice.h"
#include "support/testdatabase.h"

#include <stdexcept>

namespace etabli::test {

Shop makeShop(Database& db, const Clock& clock, VatRegime regime)
{
    Shop s;
    s.director = createSchool(db);
    SchoolService school(db, clock, s.director);
    SchoolIdentity identity = required(school.identity());
    identity.vatRegime = regime;
    identity.siret = QStringLiteral("75312468000012");
    identity.addressLine1 = QStringLiteral("8 rue Jacquard");
    identity.postcode = QStringLiteral("39100");
    identity.city = QStringLiteral("Dole");
    if (regime == VatRegime::Assujetti)
        identity.vatNumber = QStringLiteral("FR00753124680");
    required(school.saveIdentity(identity));
    ContactService contacts(db, clock, s.director);
    Contact garage;
    garage.name = QStringLiteral("Garage du Doubs");
    garage.siret = QStringLiteral("44200123000014");
    garage.addressLine1 = QStringLiteral("3 route de Besançon");
    garage.postcode = QStringLiteral("39100");
    garage.city = QStringLiteral("Dole");
    garage.customer = true;
    s.garage = required(contacts.add(garage));
    Contact person;
    person.person = true;
    person.name = QStringLiteral("Faivre");
    person.firstName = QStringLiteral("Monique");
    person.addressLine1 = QStringLiteral("12 rue des Arènes");
    person.postcode = QStringLiteral("39100");
    person.city = QStringLiteral("Dole");
    person.customer = true;
    s.person = required(contacts.add(person));
    return s;
}

InvoiceLine line(const char* label, qint64 quantityThousandths, qint64 priceCents, int vatBp)
{
    InvoiceLine l;
    l.label = QString::fromUtf8(label);
    l.quantityThousandths = quantityThousandths;
    l.unitPrice = Money::fromCents(priceCents);
    l.vatRateBp = vatBp;
    return l;
}

Payment payment(qint64 invoice, const QDate& day, PaymentMethod method, qint64 euros)
{
    Payment p;
    p.invoiceId = invoice;
    p.day = day;
    p.method = method;
    p.amount = Money::fromEuros(euros);
    if (p.method == PaymentMethod::Cheque) {
        p.bank = QStringLiteral("Crédit Agricole");
        p.chequeNumber = QStringLiteral("1234567");
    }
    return p;
}

Invoice draftFor(qint64 contact, QList<InvoiceLine> lines)
{
    Invoice i;
    i.contactId = contact;
    i.lines = std::move(lines);
    return i;
}

Donation gift(qint64 donor, const QDate& day, qint64 cents)
{
    Donation g;
    g.contactId = donor;
    g.day = day;
    g.amount = Money::fromCents(cents);
    g.method = GiftMethod::Cheque;
    return g;
}

} // namespace etabli::test
