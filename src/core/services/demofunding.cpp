// The demo's funding (see demogenerator.cpp): ten financial years, the
// subsidies of the Région, the Département, the agglomeration and the town
// through their whole lifecycle, the apprenticeship tax of local companies,
// the members' dues, other income, and — from the first month the workshops
// invoiced — the expenses and the forecasts. The amounts are plausible for
// a school of about 350 000 € a year whose resources split about 60/20/20;
// the reports compute every share from these rows.
#include "domain/sales.h"
#include "domain/schoolyear.h"
#include "services/budgetservice.h"
#include "services/contactservice.h"
#include "services/demogenerator.h"
#include "services/demonames.h"
#include "services/financialyearservice.h"
#include "services/indicatorservice.h"
#include "services/subsidyservice.h"
#include "storage/fundingqueries.h"
#include "util/clock.h"
#include "util/random.h"

#include <QMap>

namespace etabli {

namespace {

Money roundedEuros(double euros, int step)
{
    const qint64 rounded = static_cast<qint64>(euros / step + 0.5) * step;
    return Money::fromCents(rounded * 100);
}

} // namespace

Result<int> DemoGenerator::addFunding(DeterministicRandom& rng, const QDate& today)
{
    UserContext office = UserContext::system();
    office.audited = false; // invented history, not people's actions
    const FixedClock now(QDateTime(today, QTime(11, 0), Qt::UTC));
    ContactService contacts(m_db, now, office);
    FinancialYearService years(m_db, now, office);
    BudgetService budget(m_db, now, office);
    SubsidyService subsidies(m_db, now, office);

    struct Funder
    {
        const char* name;
        const char* programme;
        double euros; // a year's grant, ten years ago
        bool twoInstalments;
        qint64 id = 0;
    };
    QList<Funder> funders = {
        {"Région Bourgogne-Franche-Comté", "Fonctionnement des écoles de production", 32000, true},
        {"Département du Jura", "Insertion professionnelle des jeunes", 17000, false},
        {"Communauté d'agglomération du Grand Dole", "Soutien à l'école de production", 8000, false},
        {"Ville de Dole", "Animation et insertion des jeunes Dolois", 4000, false},
    };
    for (Funder& f : funders) {
        Contact c;
        c.name = QString::fromUtf8(f.name);
        c.kind = CustomerKind::Public;
        c.city = QStringLiteral("Dole");
        c.postcode = QStringLiteral("39100");
        c.funder = true;
        auto id = contacts.add(c, true);
        if (!id)
            return std::unexpected(id.error());
        f.id = *id;
    }
    const QStringList taxPayers = {
        QStringLiteral("Scierie du Val d'Amour"),
        QStringLiteral("Transports Jeannin"),
        QStringLiteral("Carrosserie Doloise"),
        QStringLiteral("Laiterie de Chaussin"),
        QStringLiteral("Imprimerie Jurassienne"),
        QStringLiteral("Chaudronnerie du Finage"),
        QStringLiteral("Agri-Services Tavaux"),
        QStringLiteral("Électricité Guyon"),
        QStringLiteral("Plasturgie du Jura"),
        QStringLiteral("Boulangerie industrielle Arbez"),
        QStringLiteral("Travaux publics Marmier"),
        QStringLiteral("Coopérative agricole de Dole"),
        QStringLiteral("Mécanique de précision Vuillemin"),
        QStringLiteral("Logistique Saône-Doubs"),
        QStringLiteral("Menuiseries Bourgeois"),
        QStringLiteral("Clinique du Jura"),
    };
    QList<qint64> payers;
    for (const QString& name : taxPayers) {
        Contact c;
        c.name = name;
        c.kind = CustomerKind::Company;
        const demo::Town& town = rng.pick(demo::towns());
        c.postcode = town.postcode;
        c.city = town.name;
        c.donor = true;
        auto id = contacts.add(c, true);
        if (!id)
            return std::unexpected(id.error());
        payers << *id;
    }
    // The association's members.
    QList<std::pair<qint64, int>> members; // id, year joined
    for (int i = 0; i < 38; ++i) {
        Contact c;
        c.person = true;
        c.name = rng.pick(demo::lastNames());
        c.firstName = rng.pick(rng.chance(50) ? demo::girlsNames() : demo::boysNames());
        const demo::Town& town = rng.pick(demo::towns());
        c.addressLine1 = QStringLiteral("%1 %2").arg(rng.between(1, 60)).arg(rng.pick(demo::streets()));
        c.postcode = town.postcode;
        c.city = town.name;
        auto contact = contacts.add(c, true);
        if (!contact)
            return std::unexpected(contact.error());
        Member m;
        m.contactId = *contact;
        m.joinedOn =
            QDate(rng.between(today.year() - 12, today.year()), rng.between(1, 12), rng.between(1, 28));
        if (m.joinedOn > today)
            m.joinedOn = today.addDays(-rng.between(1, 200));
        auto id = budget.saveMember(m);
        if (!id)
            return std::unexpected(id.error());
        members.append({*id, m.joinedOn.year()});
    }

    // The workshops' first month of sales: expenses and forecasts start there.
    auto months = FundingQueries(m_db).productionByMonth(QDate(2000, 1, 1), today);
    if (!months)
        return std::unexpected(months.error());
    const QDate firstSales = months->isEmpty()
                                 ? today
                                 : QDate::fromString(months->firstKey() + QStringLiteral("-01"), Qt::ISODate);
    auto categories = budget.categories();
    if (!categories)
        return std::unexpected(categories.error());
    auto category = [&](const QString& code) {
        for (const BudgetCategory& c : *categories)
            if (c.code == code)
                return c.id;
        return qint64(0);
    };
    auto record = [&](const QString& code, const QDate& day, const QString& label, Money amount) -> Status {
        if (day > today || day < firstSales)
            return {};
        BudgetEntry e;
        e.categoryId = category(code);
        e.day = day;
        e.label = label;
        e.amount = amount;
        ETABLI_TRY(budget.recordEntry(e));
        return {};
    };

    int rows = 0;
    const int first = today.year() - 9;
    QList<FinancialYear> opened;
    for (int year = first; year <= today.year(); ++year) {
        auto fy = years.open(year);
        if (!fy)
            return std::unexpected(fy.error());
        opened << *fy;
        const double growth = 1.0 + 0.025 * (year - first);

        // Subsidies: asked for in the autumn before, decided in spring.
        for (const Funder& f : funders) {
            Subsidy s;
            s.funderId = f.id;
            s.programme = QString::fromUtf8(f.programme);
            s.financialYearId = fy->id;
            s.schoolYear = QStringLiteral("%1-%2").arg(year).arg(year + 1);
            const Money granted = roundedEuros(f.euros * growth * rng.between(94, 106) / 100.0, 100);
            s.requested = roundedEuros(granted.cents() / 100.0 * rng.between(100, 115) / 100.0, 100);
            s.requestedOn = QDate(year - 1, rng.between(10, 12), rng.between(1, 28));
            if (s.requestedOn > today)
                continue;
            const QDate decision = QDate(year, rng.between(3, 6), rng.between(1, 28));
            if (decision <= today) {
                // Now and then the town says no.
                const bool refused =
                    QString::fromUtf8(f.name).startsWith(QLatin1String("Ville")) && rng.chance(15);
                s.decision = refused ? SubsidyDecision::Refused : SubsidyDecision::Granted;
                s.decidedOn = decision;
                if (!refused) {
                    s.granted = granted;
                    s.agreementRef = QStringLiteral("CONV-%1-%2").arg(year).arg(rng.between(100, 999));
                    s.agreementOn = decision.addDays(rng.between(10, 30));
                    if (s.agreementOn > today)
                        s.agreementOn = today;
                    const Money firstPart =
                        f.twoInstalments ? roundedEuros(granted.cents() * 0.006, 1) : granted;
                    QList<std::pair<QDate, Money>> parts = {
                        {decision.addDays(rng.between(30, 60)), firstPart}};
                    if (f.twoInstalments)
                        parts.append({QDate(year, 12, 15), granted - firstPart});
                    for (const auto& [expected, amount] : parts) {
                        SubsidyInstalment i;
                        i.expectedOn = expected;
                        i.expected = amount;
                        const QDate came = expected.addDays(rng.between(0, 20));
                        if (came < today) {
                            i.receivedOn = came;
                            i.received = amount;
                        }
                        s.instalments << i;
                    }
                    const QDate account = QDate(year + 1, rng.between(4, 6), rng.between(1, 28));
                    if (account < today && s.receivedTotal() == granted)
                        s.accountedOn = account;
                }
            }
            ETABLI_TRY(subsidies.save(s));
            ++rows;
        }

        // The apprenticeship tax's balance, paid through the national platform in spring.
        for (qint64 payer : std::as_const(payers)) {
            if (!rng.chance(80))
                continue;
            ApprenticeshipTax t;
            t.contactId = payer;
            t.year = year;
            t.expected = Money::fromCents(100LL * 100 * rng.between(10, 50));
            const QDate paid(year, rng.between(5, 7), rng.between(1, 28));
            if (paid < today) {
                t.received = rng.chance(90) ? t.expected : roundedEuros(t.expected.cents() / 100.0 * 0.8, 10);
                t.receivedOn = paid;
            }
            ETABLI_TRY(budget.saveApprenticeshipTax(t));
            ++rows;
        }

        // Dues: 30 € in the first quarter, most members every year.
        for (const auto& [member, joined] : std::as_const(members)) {
            if (joined > year || !rng.chance(85))
                continue;
            MembershipDue d;
            d.memberId = member;
            d.year = year;
            d.amount = Money::fromCents(3000);
            d.paidOn = QDate(year, rng.between(1, 3), rng.between(1, 28));
            d.method = rng.chance(70) ? GiftMethod::Cheque : GiftMethod::Transfer;
            if (d.paidOn > today)
                continue;
            ETABLI_TRY(budget.recordDue(d));
            ++rows;
        }
    }

    // A request of this year still awaiting its answer.
    if (!opened.isEmpty() && QDate(today.year(), 9, 15) < today) {
        Subsidy s;
        s.funderId = funders.at(1).id;
        s.programme = QStringLiteral("Équipement de l'atelier de métallerie (poste de soudage, cisaille)");
        s.financialYearId = opened.last().id;
        s.requested = Money::fromCents(1200000);
        s.requestedOn = QDate(today.year(), 9, 15);
        ETABLI_TRY(subsidies.save(s));
        ++rows;
    }

    // From the first sales on: other income, the expenses and the forecasts.
    for (QDate month(firstSales.year(), firstSales.month(), 1); month <= today; month = month.addMonths(1)) {
        const QDate end = month.addMonths(1).addDays(-1);
        const QList<std::tuple<const char*, QDate, QString, Money>> entries = {
            {"staff", end, QStringLiteral("Salaires et charges sociales"),
             roundedEuros(rng.between(19200, 20600), 1)},
            {"purchases", month.addDays(rng.between(3, 20)),
             QStringLiteral("Acier, pneus et fournitures d'atelier"),
             roundedEuros(rng.between(2600, 4400), 1)},
            {"external_services", month.addDays(4), QStringLiteral("Loyer et charges de l'atelier"),
             Money::fromCents(150000)},
            {"external_services", month.addDays(rng.between(8, 25)),
             QStringLiteral("Énergie, assurances et entretien"), roundedEuros(rng.between(700, 1300), 1)},
            {"other_expenses", end, QStringLiteral("Frais bancaires et divers"),
             roundedEuros(rng.between(120, 320), 1)},
        };
        for (const auto& [code, day, label, amount] : entries) {
            ETABLI_TRY(record(QString::fromLatin1(code), day, label, amount));
            ++rows;
        }
        if (month.month() % 3 == 0)
            ETABLI_TRY(record(QStringLiteral("taxes"), end, QStringLiteral("Taxe sur les salaires"),
                              roundedEuros(rng.between(1100, 1400), 1)));
        if (month.month() == 12)
            ETABLI_TRY(record(QStringLiteral("depreciation"), end,
                              QStringLiteral("Amortissement des machines"), Money::fromCents(1400000)));
        if (month.month() == 3)
            ETABLI_TRY(record(QStringLiteral("other_income"), month.addDays(14),
                              QStringLiteral("Prise en charge de formations (OPCO)"),
                              roundedEuros(rng.between(2500, 4500), 10)));
        if (month.month() == 10)
            ETABLI_TRY(record(QStringLiteral("other_income"), month.addDays(9),
                              QStringLiteral("Vente de ferraille et de pneus de récupération"),
                              roundedEuros(rng.between(300, 900), 10)));
    }
    for (const FinancialYear& fy : std::as_const(opened)) {
        if (fy.end < firstSales)
            continue;
        const QList<std::pair<const char*, qint64>> plan = {
            {"production", 21500000},
            {"donations", 400000},
            {"sponsorship", 3500000},
            {"apprenticeship_tax", 2800000},
            {"dues", 110000},
            {"other_income", 400000},
            {"staff", 24000000},
            {"purchases", 4200000},
            {"external_services", 3000000},
            {"taxes", 500000},
            {"depreciation", 1400000},
            {"other_expenses", 250000},
        };
        for (const auto& [code, cents] : plan) {
            BudgetForecast f;
            f.financialYearId = fy.id;
            f.categoryId = category(QString::fromLatin1(code));
            f.amount = Money::fromCents(cents);
            ETABLI_TRY(budget.setForecast(f));
        }
        SubsidyFilter ofYear;
        ofYear.financialYearId = fy.id;
        auto requested = subsidies.list(ofYear);
        if (!requested)
            return std::unexpected(requested.error());
        QMap<qint64, Money> perFunder;
        for (const Subsidy& s : *requested)
            perFunder[s.funderId] += s.requested;
        for (auto it = perFunder.cbegin(); it != perFunder.cend(); ++it) {
            BudgetForecast f;
            f.financialYearId = fy.id;
            f.categoryId = category(QStringLiteral("subsidies"));
            f.funderId = it.key();
            f.amount = it.value();
            ETABLI_TRY(budget.setForecast(f));
        }
    }

    // The years whose accounts were approved (by the end of April after) are closed.
    for (const FinancialYear& fy : std::as_const(opened)) {
        const QDate approved = fy.end.addMonths(4);
        if (approved > today)
            continue;
        const FixedClock then(QDateTime(approved, QTime(18, 0), Qt::UTC));
        ETABLI_TRY(FinancialYearService(m_db, then, office).close(fy.id, fy.version));
    }
    return rows;
}

Status DemoGenerator::addReportTexts(const QDate& today)
{
    UserContext office = UserContext::system();
    office.audited = false;
    const FixedClock now(QDateTime(today, QTime(12, 30), Qt::UTC));
    ReportNarrative n;
    n.schoolYear = SchoolYear::containing(today).previous().label();
    n.highlights = QStringLiteral(
        "<p>Une année pleine dans les deux ateliers&nbsp;: le <b>garage solidaire</b> du samedi a ouvert en "
        "mars, et trois jeunes de la métallerie ont fabriqué le garde-corps de la passerelle du canal.</p>"
        "<ul><li>Deux nouveaux garages partenaires pour les stages.</li><li>Portes ouvertes en "
        "février&nbsp;: "
        "40 familles.</li></ul><p><i>(Texte de démonstration.)</i></p>");
    n.difficulties = QStringLiteral("<p>Deux départs en cours d'année, l'un pour déménagement&nbsp;; "
                                    "l'absentéisme de l'hiver a demandé un "
                                    "suivi serré avec les familles et les éducateurs.</p>");
    n.outlook = QStringLiteral(
        "<p>Ouvrir une troisième section (menuiserie) à la rentrée suivante, si le financement de la Région "
        "est confirmé.</p>");
    if (auto r = IndicatorService(m_db, now, office).saveNarrative(n); !r)
        return r;
    SubsidyService subsidies(m_db, now, office);
    auto year = FinancialYearService(m_db, now, office).yearStartingIn(today.year() - 1);
    if (!year)
        return std::unexpected(year.error());
    SubsidyFilter filter;
    filter.financialYearId = year->id;
    auto list = subsidies.list(filter);
    if (!list)
        return std::unexpected(list.error());
    for (const Subsidy& listed : *list) {
        if (listed.decision != SubsidyDecision::Granted ||
            !listed.funderName.startsWith(QStringLiteral("Région")))
            continue;
        auto loaded = subsidies.get(listed.id); // with its action's budget
        if (!loaded)
            return std::unexpected(loaded.error());
        Subsidy s = *loaded;
        // The action: the school year the subsidy names, in Dole, its trainees
        // counted from the data; its budget (the Région's share from the
        // grant, the other subsidies balancing it).
        const SchoolYear schoolYear = s.schoolYear.size() == 9 ? SchoolYear(s.schoolYear.left(4).toInt())
                                                               : SchoolYear::containing(year->start);
        auto indicators = IndicatorService(m_db, now, office).indicators(schoolYear.label());
        if (!indicators)
            return std::unexpected(indicators.error());
        s.actionStart = schoolYear.firstDay();
        s.actionEnd = schoolYear.lastDay();
        s.actionPlace = QStringLiteral("Dole, ateliers de l'école (pneus et services, métallerie)");
        s.beneficiaries = indicators->enrolled;
        s.indirectRule =
            QStringLiteral("Charges fixes de l'association au prorata des heures de formation de "
                           "l'action (75 %)");
        s.signedPlace = QStringLiteral("Dole");
        s.signedOn = std::min(today, s.actionEnd.addMonths(3));
        const auto euros = [](qint64 e) { return Money::fromCents(e * 100); };
        const QMap<QString, std::pair<qint64, qint64>> amounts = {
            {QStringLiteral("Achats"), {18000, 19250}},
            {QStringLiteral("Services extérieurs"), {6000, 5400}},
            {QStringLiteral("Autres services extérieurs"), {3500, 3900}},
            {QStringLiteral("Charges de personnel"), {96000, 94800}},
            {QStringLiteral("Dotation aux amortissements"), {4000, 4000}},
            {QStringLiteral("Charges fixes de fonctionnement"), {12000, 12600}},
            {QStringLiteral("Personnel bénévole"), {4800, 5200}},
            {QStringLiteral("Vente de produits finis, de marchandises, prestations de services"),
             {70000, 74300}},
            {QStringLiteral("Autres produits de gestion courante (dons, mécénat, cotisations)"),
             {20000, 19000}},
            {QStringLiteral("Bénévolat"), {4800, 5200}}};
        s.budget = cerfa15059Lines();
        Money costsForecast;
        Money costsActual;
        Money otherForecast;
        Money otherActual;
        for (ActionBudgetLine& l : s.budget) {
            if (amounts.contains(l.label)) {
                l.forecast = euros(amounts.value(l.label).first);
                l.actual = euros(amounts.value(l.label).second);
            } else if (l.label.startsWith(QStringLiteral("Subvention demandée"))) {
                l.forecast = s.requested;
                l.actual = s.granted;
            }
            if (l.part == ActionBudgetPart::Expense || l.part == ActionBudgetPart::IndirectCost) {
                costsForecast += l.forecast;
                costsActual += l.actual;
            } else if (l.part == ActionBudgetPart::Resource) {
                otherForecast += l.forecast;
                otherActual += l.actual;
            }
        }
        for (ActionBudgetLine& l : s.budget)
            if (l.label == QLatin1String("Autres subventions d'exploitation")) {
                l.forecast = std::max(Money(), costsForecast - otherForecast);
                l.actual = std::max(Money(), costsActual - otherActual);
            }
        s.actionDescription =
            QStringLiteral("Former par la production une vingtaine de jeunes de 15 à 18 ans sortis du "
                           "système scolaire, dans les "
                           "ateliers pneus et services et métallerie, à Dole, toute l'année scolaire.");
        s.deviationExplanation = QStringLiteral(
            "Les ventes de la production ont dépassé la prévision grâce au garage solidaire ; les charges de "
            "personnel sont restées dans le budget. (Texte de démonstration.)");
        s.askedIndicators = {QStringLiteral("entrants"), QStringLiteral("exits"),
                             QStringLiteral("certifications"), QStringLiteral("insertion_rate"),
                             QStringLiteral("production_hours")};
        ETABLI_TRY(subsidies.save(s));
    }
    return {};
}

} // namespace etabli
