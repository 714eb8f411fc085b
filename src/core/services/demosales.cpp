// The demo's customers, vehicles, invoices and payments (see demogenerator.cpp).
#include "services/demogenerator.h"
#include "services/demonames.h"

#include "domain/school.h"
#include "domain/schoolyear.h"
#include "domain/section.h"
#include "domain/trainee.h"
#include "storage/database.h"
#include "storage/metarepository.h"
#include "storage/schoolrepository.h"
#include "storage/sectionrepository.h"
#include "domain/career.h"
#include "storage/attendancerepository.h"
#include "storage/careerrepository.h"
#include "storage/cataloguerepository.h"
#include "storage/productionrepository.h"
#include "storage/staffrepository.h"
#include "services/contactservice.h"
#include "services/invoiceservice.h"
#include "storage/traineedetailrepository.h"
#include "storage/traineerepository.h"
#include "storage/userrepository.h"
#include "services/passwordhasher.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/random.h"
#include "util/text.h"

#include <QSet>

#include <tuple>

#include <QStringList>
#include <QTimeZone>

namespace etabli {

using demo::boysNames;
using demo::girlsNames;
using demo::lastNames;
using demo::streets;
using demo::Town;
using demo::towns;

Result<int> DemoGenerator::addSales(DeterministicRandom& rng, const QList<Section>& sections,
                                    const QList<QList<CatalogueItem>>& catalogue, QList<DemoOrder> orders,
                                    const QDate& today)
{
    Q_UNUSED(sections);
    UserContext office = UserContext::system();
    office.audited = false; // invented history, not people's actions
    const FixedClock now(QDateTime(today, QTime(12, 0), Qt::UTC));
    ContactService contacts(m_db, now, office);

    // Customers: private persons with their car, and organisations.
    const auto siret = [&rng]() {
        QString digits;
        for (int i = 0; i < 13; ++i)
            digits += QChar(u'0' + rng.between(i == 0 ? 1 : 0, 9));
        for (int key = 0; key < 10; ++key) {
            const QString candidate = digits + QChar(u'0' + key);
            if (SalesFormats::checkSiret(candidate))
                return candidate;
        }
        return QString();
    };
    QList<qint64> persons;
    QList<qint64> businesses;
    const QStringList sizes = {QStringLiteral("205/55 R16 91V"), QStringLiteral("195/65 R15 91H"),
                               QStringLiteral("185/65 R15 88T"), QStringLiteral("225/45 R17 94W"),
                               QStringLiteral("215/60 R16 99H"), QStringLiteral("175/65 R14 82T")};
    const QStringList makes = {QStringLiteral("Renault Clio"), QStringLiteral("Peugeot 208"), QStringLiteral("Citroën C3"),
                               QStringLiteral("Dacia Sandero"), QStringLiteral("Volkswagen Golf"),
                               QStringLiteral("Peugeot 3008"), QStringLiteral("Renault Kangoo")};
    const QString plateLetters = QStringLiteral("ABCDEFGHJKLMNPQRSTVWXYZ");
    QSet<QString> plates;
    for (int i = 0; i < 70; ++i) {
        Contact c;
        c.person = true;
        c.name = rng.pick(lastNames());
        c.firstName = rng.pick(rng.chance(50) ? girlsNames() : boysNames());
        const Town& town = rng.pick(towns());
        c.addressLine1 = QStringLiteral("%1 %2").arg(rng.between(1, 60)).arg(rng.pick(streets()));
        c.postcode = town.postcode;
        c.city = town.name;
        c.phone = QStringLiteral("06 %1 %2 %3 %4")
                      .arg(rng.between(10, 99))
                      .arg(rng.between(10, 99))
                      .arg(rng.between(10, 99))
                      .arg(rng.between(10, 99));
        c.customer = true;
        auto id = contacts.add(c, true);
        if (!id)
            return std::unexpected(id.error());
        persons << *id;
        QString plate;
        do {
            plate = QStringLiteral("%1%2-%3-%4%5")
                        .arg(plateLetters.at(rng.between(0, 22)))
                        .arg(plateLetters.at(rng.between(0, 22)))
                        .arg(rng.between(100, 999))
                        .arg(plateLetters.at(rng.between(0, 22)))
                        .arg(plateLetters.at(rng.between(0, 22)));
        } while (plates.contains(plate) || plate.startsWith(QLatin1String("SS")) || plate.endsWith(QLatin1String("SS")));
        plates.insert(plate);
        const QString makeModel = rng.pick(makes);
        Vehicle v{0, *id, plate, makeModel.section(QLatin1Char(' '), 0, 0), makeModel.section(QLatin1Char(' '), 1),
                  rng.pick(sizes), 0};
        if (auto r = contacts.saveVehicle(v); !r)
            return std::unexpected(r.error());
    }
    struct Org
    {
        const char* name;
        const char* kind;
        const char* city;
        const char* postcode;
    };
    const QList<Org> orgs = {
        {"Garage Moderne Jeanneret", "company", "Dole", "39100"},
        {"Transports Girod", "company", "Tavaux", "39500"},
        {"GAEC du Val d'Amour", "company", "Chissey-sur-Loue", "39380"},
        {"EARL de la Grange Rouge", "company", "Rochefort-sur-Nenon", "39700"},
        {"Mairie de Tavaux", "public", "Tavaux", "39500"},
        {"Mairie de Foucherans", "public", "Foucherans", "39100"},
        {"Communauté d'agglomération du Grand Dole", "public", "Dole", "39100"},
        {"Taxis Dolois", "company", "Dole", "39100"},
        {"Boulangerie Bourgeois", "company", "Damparis", "39500"},
        {"Association Les Amis du Doubs", "association", "Dole", "39100"},
        {"Menuiserie Prost", "company", "Authume", "39100"},
        {"Camping du Pasquier", "company", "Dole", "39100"},
    };
    for (const Org& o : orgs) {
        Contact c;
        c.name = QString::fromUtf8(o.name);
        c.kind = QString::fromLatin1(o.kind);
        c.city = QString::fromUtf8(o.city);
        c.postcode = QString::fromLatin1(o.postcode);
        c.addressLine1 = QStringLiteral("%1 %2").arg(rng.between(1, 40)).arg(rng.pick(streets()));
        c.siret = siret();
        c.phone = QStringLiteral("03 84 %1 %2 %3").arg(rng.between(10, 99)).arg(rng.between(10, 99)).arg(rng.between(10, 99));
        c.email = QStringLiteral("contact@%1.invalid").arg(text::fold(c.name).remove(QLatin1Char(' ')).remove(QLatin1Char('\'')).left(20));
        c.customer = true;
        auto id = contacts.add(c, true);
        if (!id)
            return std::unexpected(id.error());
        businesses << *id;
    }

    // One invoice per order, issued a few days after the work, in date order
    // (numbers follow the dates); most are paid, some late, a few credited.
    for (DemoOrder& order : orders)
        order.invoiceDay = order.lastDay.addDays(rng.between(0, 3));
    std::sort(orders.begin(), orders.end(), [](const DemoOrder& a, const DemoOrder& b) {
        return a.invoiceDay != b.invoiceDay ? a.invoiceDay < b.invoiceDay : a.reference < b.reference;
    });
    int issued = 0;
    for (const DemoOrder& order : std::as_const(orders)) {
        if (order.outputs.isEmpty() || order.invoiceDay > today)
            continue;
        const FixedClock then(QDateTime(order.invoiceDay, QTime(16, 0), Qt::UTC));
        InvoiceService sales(m_db, then, office);
        Invoice inv;
        const bool tyres = order.section % 2 == 0;
        inv.contactId = tyres ? (rng.chance(80) ? rng.pick(persons) : rng.pick(businesses))
                              : (rng.chance(70) ? rng.pick(businesses) : rng.pick(persons));
        inv.reference = order.reference;
        QHash<qint64, qint64> quantities;
        QList<qint64> itemsInOrder;
        for (const ProductionOutput& o : order.outputs) {
            if (!quantities.contains(o.catalogueItemId))
                itemsInOrder << o.catalogueItemId;
            quantities[o.catalogueItemId] += o.quantityThousandths;
        }
        for (qint64 itemId : std::as_const(itemsInOrder)) {
            for (const CatalogueItem& item : catalogue.at(order.section)) {
                if (item.id != itemId)
                    continue;
                InvoiceLine l;
                l.catalogueItemId = item.id;
                l.label = item.label;
                l.unit = item.unit;
                l.quantityThousandths = quantities.value(itemId);
                l.unitPrice = item.unitPrice;
                l.vatRateBp = item.vatRateBp;
                inv.lines << l;
            }
        }
        if (inv.lines.isEmpty())
            continue;
        auto id = sales.saveDraft(inv);
        if (!id)
            return std::unexpected(id.error());
        if (auto r = sales.issue(*id); !r)
            return std::unexpected(r.error());
        ++issued;
        auto stored = sales.get(*id);
        if (!stored)
            return std::unexpected(stored.error());
        // A small credit note now and then (a line taken back).
        if (rng.chance(3)) {
            InvoiceLine back = stored->lines.first();
            back.quantityThousandths = 1000;
            auto credit = sales.draftCreditNote(*id, {back});
            if (!credit)
                return std::unexpected(credit.error());
            if (auto r = sales.issue(*credit); !r)
                return std::unexpected(r.error());
        }
        const int roll = rng.between(1, 100);
        const QDate paidOn = order.invoiceDay.addDays(roll <= 60 ? 0 : rng.between(5, 50));
        if (roll > 92 || paidOn > today)
            continue; // unpaid, to be chased
        auto balance = sales.balance(*id);
        if (!balance)
            return std::unexpected(balance.error());
        Payment p;
        p.invoiceId = *id;
        p.day = paidOn;
        p.method = rng.pick(paymentMethods());
        if (p.method == QLatin1String("cheque")) {
            p.bank = rng.pick(QList<QString>{QStringLiteral("Crédit Agricole Franche-Comté"), QStringLiteral("Banque Populaire"),
                                             QStringLiteral("Caisse d'Épargne"), QStringLiteral("La Banque Postale")});
            p.chequeNumber = QString::number(rng.between(1000000, 9999999));
        }
        p.amount = roll > 85 ? Money::fromCents(balance->due().cents() / 2) : balance->due();
        if (p.amount.isZero() || p.amount.isNegative())
            continue;
        const FixedClock paidClock(QDateTime(paidOn, QTime(17, 0), Qt::UTC));
        if (auto r = InvoiceService(m_db, paidClock, office).recordPayment(p); !r)
            return std::unexpected(r.error());
    }
    return issued;
}

} // namespace etabli
