// The demo's gifts and tax receipts (see demogenerator.cpp): private donors
// and local companies over ten years, now and then a gift in kind; each
// donor's gifts of a year receipted in one annual receipt the next January,
// this year's larger gifts receipted one by one.
#include "services/demogenerator.h"
#include "services/demonames.h"

#include "domain/sales.h"
#include "services/contactservice.h"
#include "services/donationservice.h"
#include "util/clock.h"
#include "util/random.h"

#include <QMap>
#include <QSet>

namespace etabli {

Result<int> DemoGenerator::addGifts(DeterministicRandom& rng, const QDate& today)
{
    UserContext office = UserContext::system();
    office.audited = false; // invented history, not people's actions
    const auto at = [](const QDate& day) { return FixedClock(QDateTime(day, QTime(11, 0), Qt::UTC)); };
    const FixedClock now = at(today);
    ContactService contacts(m_db, now, office);
    QList<qint64> people;
    for (int i = 0; i < 60; ++i) {
        Contact c;
        c.person = true;
        c.name = rng.pick(demo::lastNames());
        c.firstName = rng.pick(rng.chance(50) ? demo::girlsNames() : demo::boysNames());
        const demo::Town& town = rng.pick(demo::towns());
        c.addressLine1 = QStringLiteral("%1 %2").arg(rng.between(1, 60)).arg(rng.pick(demo::streets()));
        c.postcode = town.postcode;
        c.city = town.name;
        c.donor = true;
        auto id = contacts.add(c, true);
        if (!id)
            return std::unexpected(id.error());
        people << *id;
    }
    const QStringList companies = {QStringLiteral("Crédit Mutuel de Dole"), QStringLiteral("Solvay Tavaux"),
                                   QStringLiteral("Fromagerie Marcel Petite"), QStringLiteral("Rotary Club de Dole"),
                                   QStringLiteral("Lions Club Dole Val d'Amour"), QStringLiteral("Groupe Jura Métal"),
                                   QStringLiteral("Pneumatiques du Revermont"), QStringLiteral("Fondation d'entreprise Jurassienne")};
    QList<qint64> firms;
    for (const QString& name : companies) {
        Contact c;
        c.name = name;
        c.kind = name.startsWith(QLatin1String("Rotary")) || name.startsWith(QLatin1String("Lions"))
                     ? QStringLiteral("association")
                     : QStringLiteral("company");
        const demo::Town& town = rng.pick(demo::towns());
        c.addressLine1 = QStringLiteral("%1 %2").arg(rng.between(1, 40)).arg(rng.pick(demo::streets()));
        c.postcode = town.postcode;
        c.city = town.name;
        c.donor = true;
        auto id = contacts.add(c, true);
        if (!id)
            return std::unexpected(id.error());
        firms << *id;
    }

    // The gifts, in date order.
    struct Gift
    {
        Donation donation;
        bool firm = false;
    };
    QList<Gift> gifts;
    for (int year = today.year() - 9; year <= today.year(); ++year) {
        const int persons = rng.between(30, 45);
        for (int k = 0; k < persons; ++k) {
            Donation d;
            d.contactId = rng.pick(people);
            d.day = QDate(year, rng.between(1, 12), rng.between(1, 28));
            // Gifts cluster in December (the tax year ends).
            if (rng.chance(35))
                d.day = QDate(year, 12, rng.between(1, 28));
            d.amount = Money::fromCents(100LL * rng.pick(QList<int>{20, 30, 50, 50, 80, 100, 100, 150, 200, 300}));
            d.method = rng.pick(QList<QString>{QStringLiteral("cheque"), QStringLiteral("cheque"),
                                               QStringLiteral("transfer"), QStringLiteral("card"), QStringLiteral("cash")});
            gifts << Gift{d, false};
        }
        for (qint64 firm : std::as_const(firms)) {
            if (!rng.chance(75))
                continue;
            Donation d;
            d.contactId = firm;
            d.day = QDate(year, rng.between(1, 12), rng.between(1, 28));
            d.amount = Money::fromCents(100LL * rng.between(20, 120) * 100);
            d.method = QStringLiteral("transfer");
            if (rng.chance(12)) {
                d.nature = QStringLiteral("in_kind");
                d.description = rng.pick(QList<QString>{QStringLiteral("Un poste à souder MIG"),
                                                        QStringLiteral("Une démonte-pneu d'occasion"),
                                                        QStringLiteral("Vingt jantes d'exercice"),
                                                        QStringLiteral("Des tubes d'acier (chutes de production)")});
            }
            if (rng.chance(20))
                d.purpose = QStringLiteral("Équipement de l'atelier");
            gifts << Gift{d, true};
        }
    }
    std::sort(gifts.begin(), gifts.end(),
              [](const Gift& a, const Gift& b) { return a.donation.day < b.donation.day; });
    // Receipts in date order: the annual receipts of last year's gifts each
    // 15 January, this year's larger gifts a few days after they came.
    QMap<QDate, QList<std::pair<qint64, int>>> annual; // day → (donor, year)
    QMap<QDate, QList<qint64>> single;                 // day → gift
    QSet<std::pair<qint64, int>> seen;
    int count = 0;
    for (const Gift& g : std::as_const(gifts)) {
        if (g.donation.day >= today)
            continue;
        auto id = DonationService(m_db, at(g.donation.day), office).record(g.donation);
        if (!id)
            return std::unexpected(id.error());
        ++count;
        const int year = g.donation.day.year();
        if (year < today.year()) {
            const std::pair<qint64, int> key{g.donation.contactId, year};
            if (!seen.contains(key)) {
                seen.insert(key);
                annual[QDate(year + 1, 1, 15)] << key;
            }
        } else if (g.donation.amount.cents() >= 10000) {
            const QDate day = std::min(g.donation.day.addDays(rng.between(2, 10)), today);
            single[day] << *id;
        }
    }
    QMap<QDate, int> days;
    for (auto it = annual.cbegin(); it != annual.cend(); ++it)
        days[it.key()] = 0;
    for (auto it = single.cbegin(); it != single.cend(); ++it)
        days[it.key()] = 0;
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        if (it.key() > today)
            continue;
        const FixedClock then = at(it.key()); // the service keeps a reference to its clock
        DonationService receipts(m_db, then, office);
        for (const auto& [donor, year] : annual.value(it.key()))
            if (auto r = receipts.issueAnnualReceipt(donor, year); !r)
                return std::unexpected(r.error());
        for (qint64 gift : single.value(it.key()))
            if (auto r = receipts.issueReceipt(gift); !r)
                return std::unexpected(r.error());
    }
    return count;
}

} // namespace etabli
