// The demo's gifts and tax receipts (see demogenerator.cpp): private donors
// and local companies over ten years, now and then a gift in kind; each
// donor's gifts of a year receipted in one annual receipt the next January,
// this year's larger gifts receipted one by one.
#include "domain/sales.h"
#include "services/contactservice.h"
#include "services/demogenerator.h"
#include "services/demonames.h"
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
    // The companies with their (fictitious, valid-keyed) SIRET and legal form;
    // two service clubs and a corporate foundation give too, but are not
    // companies: they get no tax receipt.
    struct Firm
    {
        QString name;
        CustomerKind kind;
        QString siret;
        QString legalForm;
    };
    const QList<Firm> companies = {
        {QStringLiteral("Crédit Mutuel de Dole"), CustomerKind::Company, QStringLiteral("48018451400010"),
         QStringLiteral("Société coopérative de crédit")},
        {QStringLiteral("Solvay Tavaux"), CustomerKind::Company, QStringLiteral("13267736000019"),
         QStringLiteral("SAS")},
        {QStringLiteral("Fromagerie Marcel Petite"), CustomerKind::Company, QStringLiteral("50097882000016"),
         QStringLiteral("SAS")},
        {QStringLiteral("Rotary Club de Dole"), CustomerKind::Association, {}, {}},
        {QStringLiteral("Lions Club Dole Val d'Amour"), CustomerKind::Association, {}, {}},
        {QStringLiteral("Groupe Jura Métal"), CustomerKind::Company, QStringLiteral("98543534600012"),
         QStringLiteral("SARL")},
        {QStringLiteral("Pneumatiques du Revermont"), CustomerKind::Company, QStringLiteral("77387214800012"),
         QStringLiteral("SARL")},
        {QStringLiteral("Fondation d'entreprise Jurassienne"), CustomerKind::Other, {}, {}}};
    QList<qint64> firms;
    QSet<qint64> receiptless; // not a person nor a company
    for (const Firm& firm : companies) {
        Contact c;
        c.name = firm.name;
        c.kind = firm.kind;
        c.siret = firm.siret;
        c.legalForm = firm.legalForm;
        const demo::Town& town = rng.pick(demo::towns());
        c.addressLine1 = QStringLiteral("%1 %2").arg(rng.between(1, 40)).arg(rng.pick(demo::streets()));
        c.postcode = town.postcode;
        c.city = town.name;
        c.donor = true;
        auto id = contacts.add(c, true);
        if (!id)
            return std::unexpected(id.error());
        firms << *id;
        if (firm.kind != CustomerKind::Company)
            receiptless.insert(*id);
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
            d.amount =
                Money::fromCents(100LL * rng.pick(QList<int>{20, 30, 50, 50, 80, 100, 100, 150, 200, 300}));
            d.method = rng.pick(QList<GiftMethod>{GiftMethod::Cheque, GiftMethod::Cheque,
                                                  GiftMethod::Transfer, GiftMethod::Card, GiftMethod::Cash});
            gifts << Gift{d, false};
        }
        for (qint64 firm : std::as_const(firms)) {
            if (!rng.chance(75))
                continue;
            Donation d;
            d.contactId = firm;
            d.day = QDate(year, rng.between(1, 12), rng.between(1, 28));
            d.amount = Money::fromCents(100LL * rng.between(20, 120) * 100);
            d.method = GiftMethod::Transfer;
            if (rng.chance(12)) {
                d.nature = GiftNature::InKind;
                d.description = rng.pick(QList<QString>{
                    QStringLiteral("Un poste à souder MIG"), QStringLiteral("Une démonte-pneu d'occasion"),
                    QStringLiteral("Vingt jantes d'exercice"),
                    QStringLiteral("Des tubes d'acier (chutes de production)")});
                d.valuation = QStringLiteral("Valeur nette comptable chez le donateur");
                d.proof = QStringLiteral("Attestation du donateur et bon de livraison");
            }
            if (rng.chance(20))
                d.purpose = QStringLiteral("Équipement de l'atelier");
            gifts << Gift{d, true};
        }
    }
    // Two volunteers drive trainees to their internships and waive the
    // mileage allowance each December (no draw: the rest of the demo keeps
    // its figures).
    for (int year = today.year() - 9; year <= today.year(); ++year) {
        for (int v = 0; v < 2; ++v) {
            Donation d;
            d.contactId = people.at(v * 7);
            d.day = QDate(year, 12, 10 + v);
            const int km = 600 + 340 * v + 20 * (year % 5);
            d.nature = GiftNature::ExpensesWaived;
            d.amount = Money::fromCents(km * 32); // 0,32 € per km
            d.description = QStringLiteral("Trajets de stage des jeunes avec mon véhicule (%1 km)").arg(km);
            d.valuation = QStringLiteral("%1 km × 0,32 €/km (barème des frais des bénévoles)").arg(km);
            d.proof = QStringLiteral("Relevé des trajets signé et renonciation écrite au remboursement");
            gifts << Gift{d, false};
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
        const bool receipted = !receiptless.contains(g.donation.contactId);
        if (year < today.year()) {
            const std::pair<qint64, int> key{g.donation.contactId, year};
            if (receipted && !seen.contains(key)) {
                seen.insert(key);
                annual[QDate(year + 1, 1, 15)] << key;
            }
        } else if (g.donation.amount.cents() >= 10000) {
            const QDate day = std::min(g.donation.day.addDays(rng.between(2, 10)), today);
            if (receipted)
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
            ETABLI_TRY(receipts.issueAnnualReceipt(donor, year));
        for (qint64 gift : single.value(it.key()))
            ETABLI_TRY(receipts.issueReceipt(gift));
    }
    return count;
}

} // namespace etabli
