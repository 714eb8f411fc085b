#include "services/budgetservice.h"
#include "services/careerservice.h"
#include "services/contactservice.h"
#include "services/donationservice.h"
#include "services/financialyearservice.h"
#include "services/fundingreportservice.h"
#include "services/indicatorservice.h"
#include "services/invoiceservice.h"
#include "services/reportdataservice.h"
#include "services/schoolservice.h"
#include "services/subsidyservice.h"
#include "support/salesfixture.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QJsonArray>
#include <QJsonObject>

using namespace etabli;
using etabli::test::gift;
using etabli::test::line;
using etabli::test::TestDatabase;

namespace {

QDateTime at(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(10, 0), Qt::UTC);
}

struct Funders
{
    UserContext director;
    qint64 garage = 0; // a business customer, sponsor and tax payer
    qint64 person = 0; // a private donor
    qint64 region = 0; // funders
    qint64 department = 0;
    qint64 town = 0;
};

qint64 addContact(ContactService& contacts, const QString& name, bool person,
                  CustomerKind kind = CustomerKind::Company, const QString& siret = {})
{
    Contact c;
    c.person = person;
    c.kind = person ? CustomerKind::Other : kind;
    c.name = name;
    c.siret = siret;
    if (person)
        c.firstName = QStringLiteral("Monique");
    c.addressLine1 = QStringLiteral("1 place de l'Europe");
    c.postcode = QStringLiteral("39100");
    c.city = QStringLiteral("Dole");
    auto id = contacts.add(c);
    REQUIRE(id);
    return *id;
}

Funders makeFunders(Database& db, const Clock& clock)
{
    Funders f;
    f.director = test::createSchool(db);
    SchoolService school(db, clock, f.director);
    auto identity = school.identity();
    REQUIRE(identity);
    identity->vatRegime = VatRegime::Assujetti;
    identity->siret = QStringLiteral("75312468000012");
    identity->vatNumber = QStringLiteral("FR00753124680");
    identity->addressLine1 = QStringLiteral("8 rue Jacquard");
    identity->postcode = QStringLiteral("39100");
    identity->city = QStringLiteral("Dole");
    identity->fiscalYearStartMonth = 1;
    REQUIRE(school.saveIdentity(*identity));
    ContactService contacts(db, clock, f.director);
    f.garage = addContact(contacts, QStringLiteral("Garage du Doubs"), false, CustomerKind::Company,
                          QStringLiteral("44200123000014"));
    f.person = addContact(contacts, QStringLiteral("Faivre"), true);
    f.region = addContact(contacts, QStringLiteral("Région Bourgogne-Franche-Comté"), false,
                          CustomerKind::Public, QStringLiteral("20000000100012"));
    f.department = addContact(contacts, QStringLiteral("Département du Jura"), false, CustomerKind::Public,
                              QStringLiteral("23390000100014"));
    f.town = addContact(contacts, QStringLiteral("Ville de Dole"), false, CustomerKind::Public,
                        QStringLiteral("21390198000010"));
    return f;
}

qint64 issueInvoice(Database& db, FixedClock& clock, const UserContext& who, qint64 contact,
                    const QDateTime& when, QList<InvoiceLine> lines)
{
    clock.set(when);
    InvoiceService invoices(db, clock, who);
    Invoice draft;
    draft.contactId = contact;
    draft.lines = std::move(lines);
    auto id = invoices.saveDraft(draft);
    REQUIRE(id);
    REQUIRE(invoices.issue(*id));
    return *id;
}

qint64 categoryId(BudgetService& budget, const char* code)
{
    auto categories = budget.categories();
    REQUIRE(categories);
    for (const BudgetCategory& c : *categories)
        if (c.code == QLatin1String(code))
            return c.id;
    FAIL("no category " << code);
    return 0;
}

BudgetEntry entry(qint64 category, const QDate& day, const char* label, qint64 cents)
{
    BudgetEntry e;
    e.categoryId = category;
    e.day = day;
    e.label = QString::fromUtf8(label);
    e.amount = Money::fromCents(cents);
    return e;
}

Subsidy request(qint64 funder, qint64 yearId, qint64 cents, const QDate& on)
{
    Subsidy s;
    s.funderId = funder;
    s.programme = QStringLiteral("Fonctionnement de l'école");
    s.financialYearId = yearId;
    s.requested = Money::fromCents(cents);
    s.requestedOn = on;
    return s;
}

} // namespace

TEST_CASE("Funding split and self-financing share on an exact case", "[funding][budget]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(at(2024, 12, 31));
    const Funders f = makeFunders(t.db(), clock);

    // Production: issued invoices minus credit notes, VAT excluded, by issue date.
    issueInvoice(t.db(), clock, f.director, f.garage, at(2024, 12, 31),
                 {line("Portail", 1000, 70000)}); // 2024
    issueInvoice(t.db(), clock, f.director, f.garage, at(2025, 3, 10),
                 {line("Montage", 3000, 15000)}); // 450 €
    const qint64 gate = issueInvoice(t.db(), clock, f.director, f.garage, at(2025, 6, 5),
                                     {line("Portail", 2000, 50000)}); // 1 000 €
    clock.set(at(2025, 6, 20));
    InvoiceService invoices(t.db(), clock, f.director);
    auto credit = invoices.draftCreditNote(gate, {line("Portail", 1000, 50000)}); // −500 €
    REQUIRE(credit);
    REQUIRE(invoices.issue(*credit));
    Invoice draft;
    draft.contactId = f.garage;
    draft.lines = {line("Brouillon", 1000, 99900)};
    REQUIRE(invoices.saveDraft(draft)); // never issued: not production

    clock.set(at(2026, 1, 15));
    FinancialYearService years(t.db(), clock, f.director);
    auto y2025 = years.open(2025);
    REQUIRE(y2025);
    CHECK(y2025->start == QDate(2025, 1, 1));
    CHECK(y2025->end == QDate(2025, 12, 31));
    CHECK(FinancialYearService::label(*y2025) == QStringLiteral("2025"));

    // Gifts: money from persons and companies, the apprenticeship tax received.
    DonationService gifts(t.db(), clock, f.director);
    REQUIRE(gifts.record(gift(f.person, QDate(2024, 12, 15), 10000))); // 2024
    REQUIRE(gifts.record(gift(f.person, QDate(2025, 4, 1), 30000)));
    REQUIRE(gifts.record(gift(f.garage, QDate(2025, 5, 2), 120000)));
    Donation goods = gift(f.garage, QDate(2025, 5, 3), 50000);
    goods.nature = GiftNature::InKind;
    goods.description = QStringLiteral("Un lot de jantes");
    goods.valuation = QStringLiteral("Prix du catalogue");
    REQUIRE(gifts.record(goods)); // apart: a contribution in kind
    BudgetService budget(t.db(), clock, f.director);
    ApprenticeshipTax tax;
    tax.contactId = f.garage;
    tax.year = 2025;
    tax.expected = Money::fromCents(80000);
    tax.received = Money::fromCents(75000);
    tax.receivedOn = QDate(2025, 6, 30);
    REQUIRE(budget.saveApprenticeshipTax(tax));
    ApprenticeshipTax older = tax;
    older.year = 2024;
    older.received = Money::fromCents(40000);
    older.receivedOn = QDate(2024, 6, 30);
    REQUIRE(budget.saveApprenticeshipTax(older));
    CHECK_FALSE(budget.saveApprenticeshipTax(tax)); // one line per company and year

    // Subsidies: granted ones count for the year they cover.
    SubsidyService subsidies(t.db(), clock, f.director);
    Subsidy region = request(f.region, y2025->id, 200000, QDate(2025, 1, 20));
    region.decision = SubsidyDecision::Granted;
    region.granted = Money::fromCents(150000);
    region.decidedOn = QDate(2025, 4, 2);
    REQUIRE(subsidies.save(region));
    REQUIRE(subsidies.save(request(f.department, y2025->id, 100000, QDate(2025, 2, 1)))); // awaiting
    Subsidy town = request(f.town, y2025->id, 50000, QDate(2025, 2, 1));
    town.decision = SubsidyDecision::Refused;
    town.decidedOn = QDate(2025, 5, 1);
    REQUIRE(subsidies.save(town));

    // Other: dues and other income.
    Member m;
    m.contactId = f.person;
    m.joinedOn = QDate(2020, 9, 1);
    auto member = budget.saveMember(m);
    REQUIRE(member);
    MembershipDue due;
    due.memberId = *member;
    due.year = 2025;
    due.amount = Money::fromCents(5000);
    due.paidOn = QDate(2025, 2, 10);
    REQUIRE(budget.recordDue(due));
    CHECK_FALSE(budget.recordDue(due)); // once a year
    CHECK(*budget.activeMembers(2025) == 1);
    CHECK(*budget.activeMembers(2024) == 0);
    REQUIRE(budget.recordEntry(
        entry(categoryId(budget, "other_income"), QDate(2025, 9, 1), "Vente de ferraille", 25000)));

    // Expenses, one of them undone by a correction.
    const qint64 purchases = categoryId(budget, "purchases");
    auto wrong = budget.recordEntry(entry(purchases, QDate(2025, 2, 1), "Acier", 40000));
    REQUIRE(wrong);
    REQUIRE(budget.recordEntry(entry(purchases, QDate(2025, 2, 3), "Électrodes", 12000)));
    auto corrected = budget.correctEntry(*wrong, QDate(2025, 2, 4), QStringLiteral("saisie en double"));
    INFO((corrected ? QString() : corrected.error().message).toStdString());
    REQUIRE(corrected);
    CHECK_FALSE(budget.correctEntry(*wrong, QDate(2025, 2, 4), QStringLiteral("encore"))); // once

    // Forecasts.
    BudgetForecast fp;
    fp.financialYearId = y2025->id;
    fp.categoryId = categoryId(budget, "production");
    fp.amount = Money::fromCents(100000);
    REQUIRE(budget.setForecast(fp));
    fp.amount = Money::fromCents(110000); // replaced, not added
    REQUIRE(budget.setForecast(fp));
    BudgetForecast fr;
    fr.financialYearId = y2025->id;
    fr.categoryId = categoryId(budget, "subsidies");
    fr.funderId = f.region;
    fr.amount = Money::fromCents(200000);
    REQUIRE(budget.setForecast(fr));

    auto report = FundingReportService(t.db(), clock, f.director).report(2025);
    REQUIRE(report);
    CHECK(report->production.amount.cents() == 95000);
    CHECK(report->gifts.amount.cents() == 30000 + 120000 + 75000);
    CHECK(report->subsidies.amount.cents() == 150000);
    CHECK(report->other.amount.cents() == 5000 + 25000);
    CHECK(report->totalResources.cents() == 500000);
    CHECK(report->production.share == Approx(0.19));
    CHECK(report->gifts.share == Approx(0.45));
    CHECK(report->subsidies.share == Approx(0.30));
    CHECK(report->other.share == Approx(0.06));
    CHECK(report->selfFinancingShare == Approx(0.19));
    CHECK(report->giftsInKind.cents() == 50000);
    CHECK(report->invoiced.cents() == 54000 + 120000 - 60000);
    CHECK(report->totalExpenses.cents() == 12000);
    CHECK(report->monthlyProduction.at(2) == 45000);
    CHECK(report->monthlyProduction.at(5) == 50000);
    CHECK(report->monthlyProductionPrevious.at(11) == 70000);
    CHECK(report->forecastResources.cents() == 110000 + 200000);
    bool regionLine = false;
    for (const FundingReport::Line& l : report->categories) {
        if (l.code == QLatin1String("production")) {
            CHECK(l.forecast.cents() == 110000);
            CHECK(l.gap().cents() == 95000 - 110000);
        }
        if (l.funderId == f.region) {
            regionLine = true;
            CHECK(l.name.contains(QStringLiteral("Région")));
            CHECK(l.actual.cents() == 150000);
            CHECK(l.forecast.cents() == 200000);
        }
        if (l.code == QLatin1String("purchases"))
            CHECK(l.actual.cents() == 12000);
    }
    CHECK(regionLine);

    const QJsonObject json = FundingReportService::toJson(*report);
    CHECK(json.value(QStringLiteral("year")).toInt() == 2025);
    CHECK(json[QStringLiteral("split")][QStringLiteral("production")][QStringLiteral("cents")].toInteger() ==
          95000);
    CHECK(json[QStringLiteral("targets")][QStringLiteral("gifts")][QStringLiteral("share")].toDouble() ==
          Approx(0.2));
    CHECK(json.value(QStringLiteral("total_resources_cents")).toInteger() == 500000);
    CHECK(json.value(QStringLiteral("categories")).toArray().size() == report->categories.size());
    CHECK(FundingReportService::toCsv(*report).contains(
        QStringLiteral("Ventes de la production;1100,00;950,00;-150,00")));

    // The year before: only what is dated in it.
    auto before = FundingReportService(t.db(), clock, f.director).report(2024);
    REQUIRE(before);
    CHECK(before->year.id == 0);
    CHECK(before->production.amount.cents() == 70000);
    CHECK(before->gifts.amount.cents() == 10000 + 40000);
}

TEST_CASE("Financial years: closed years refuse entries, only the direction reopens", "[funding][budget]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(at(2025, 11, 27));
    const Funders f = makeFunders(t.db(), clock);
    SchoolService school(t.db(), clock, f.director);
    auto identity = school.identity();
    identity->fiscalYearStartMonth = 9; // September to August
    REQUIRE(school.saveIdentity(*identity));

    FinancialYearService years(t.db(), clock, f.director);
    auto current = years.openCurrent();
    REQUIRE(current);
    CHECK(current->start == QDate(2025, 9, 1));
    CHECK(current->end == QDate(2026, 8, 31));
    CHECK(FinancialYearService::label(*current) == QStringLiteral("2025-2026"));
    CHECK(years.openCurrent()->id == current->id); // opened once
    auto previous = years.open(2024);
    REQUIRE(previous);

    // Targets: per year, at most 100 % together.
    FinancialYear targets = *current;
    targets.targetProductionBp = 7000;
    targets.targetGiftsBp = 2000;
    targets.targetSubsidiesBp = 2000;
    CHECK_FALSE(years.setTargets(targets));
    targets.targetSubsidiesBp = 1000;
    REQUIRE(years.setTargets(targets));
    CHECK(years.year(current->id)->targetProductionBp == 7000);

    // A year is closed once it has ended.
    CHECK_FALSE(years.close(current->id, years.year(current->id)->version));
    auto closed = years.close(previous->id, previous->version);
    INFO((closed ? QString() : closed.error().message).toStdString());
    REQUIRE(closed);

    BudgetService budget(t.db(), clock, f.director);
    const qint64 purchases = categoryId(budget, "purchases");
    const qint64 before = *budget.countEntries({});
    auto refused = budget.recordEntry(entry(purchases, QDate(2025, 3, 1), "Acier", 40000));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("clos")));
    CHECK(*budget.countEntries({}) == before);
    REQUIRE(budget.recordEntry(entry(purchases, QDate(2025, 9, 2), "Acier", 40000)));
    CHECK_FALSE(budget.recordEntry(entry(categoryId(budget, "production"), QDate(2025, 9, 2), "Vente", 100)));
    CHECK_FALSE(budget.recordEntry(entry(purchases, QDate(2025, 12, 1), "Demain", 100))); // future

    BudgetForecast forecast;
    forecast.categoryId = purchases;
    forecast.amount = Money::fromCents(500000);
    auto noYear = budget.setForecast(forecast);
    REQUIRE_FALSE(noYear);
    CHECK(noYear.error().message.contains(QStringLiteral("exercice")));
    forecast.financialYearId = previous->id;
    CHECK_FALSE(budget.setForecast(forecast)); // closed
    forecast.financialYearId = current->id;
    REQUIRE(budget.setForecast(forecast));
    forecast.categoryId = categoryId(budget, "subsidies");
    CHECK_FALSE(budget.setForecast(forecast)); // subsidies: per funder

    // A subsidy of the closed year keeps its amounts; its account may still be sent.
    SubsidyService subsidies(t.db(), clock, f.director);
    CHECK_FALSE(subsidies.save(request(f.region, previous->id, 100000, QDate(2025, 1, 5))));

    // Only the direction reopens, with a reason.
    UserContext office = f.director;
    office.role = Role::Secretariat;
    const int version = years.year(previous->id)->version;
    CHECK(FinancialYearService(t.db(), clock, office)
              .reopen(previous->id, QStringLiteral("erreur"), version)
              .error()
              .code == Error::Code::AccessDenied);
    CHECK_FALSE(years.reopen(previous->id, QString(), version));
    REQUIRE(years.reopen(previous->id, QStringLiteral("facture fournisseur oubliée"), version));
    CHECK_FALSE(years.year(previous->id)->closed);
    CHECK(test::rawScalar(t.db(),
                          QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'financial_year' AND "
                                         "changes LIKE '%oubliée%'"))
              .toInt() == 1);
    REQUIRE(budget.recordEntry(entry(purchases, QDate(2025, 3, 1), "Acier", 40000)));
}

TEST_CASE("Subsidies: from request to final account, instalments within the grant", "[funding][budget]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(at(2026, 11, 27));
    const Funders f = makeFunders(t.db(), clock);
    auto year = FinancialYearService(t.db(), clock, f.director).open(2026);
    REQUIRE(year);
    SubsidyService subsidies(t.db(), clock, f.director);

    Subsidy s = request(f.region, year->id, 3000000, QDate(2026, 1, 10));
    CHECK_FALSE(subsidies.save(request(f.region, year->id, -5, QDate(2026, 1, 10))));
    CHECK_FALSE(subsidies.save(request(f.region, year->id, 100, QDate(2026, 12, 10)))); // future
    auto id = subsidies.save(s);
    REQUIRE(id);
    auto stored = subsidies.get(*id);
    REQUIRE(stored);
    CHECK(stored->status() == SubsidyStatus::Requested);
    CHECK(stored->reportDue == QDate(2027, 6, 30)); // six months after the year's end

    s = *stored;
    s.decision = SubsidyDecision::Granted;
    s.decidedOn = QDate(2026, 3, 15);
    CHECK_FALSE(subsidies.save(s)); // no amount granted
    s.granted = Money::fromCents(2500000);
    s.agreementRef = QStringLiteral("CR-2026-118");
    s.instalments = {SubsidyInstalment{0, QDate(2026, 4, 1), Money::fromCents(1500000), {}, {}},
                     SubsidyInstalment{0, QDate(2026, 12, 15), Money::fromCents(1000000), {}, {}}};
    REQUIRE(subsidies.save(s));
    s = *subsidies.get(*id);
    CHECK(s.status() == SubsidyStatus::Granted);

    // Never more than granted: expected or received.
    Subsidy over = s;
    over.instalments[1].expected = Money::fromCents(1000001);
    auto refused = subsidies.save(over);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("accordé")));
    over = s;
    over.instalments[0].receivedOn = QDate(2026, 4, 5);
    over.instalments[0].received = Money::fromCents(2500001);
    CHECK_FALSE(subsidies.save(over));
    CHECK(subsidies.get(*id)->receivedTotal().isZero()); // nothing written

    s.instalments[0].receivedOn = QDate(2026, 4, 5);
    s.instalments[0].received = Money::fromCents(1500000);
    REQUIRE(subsidies.save(s));
    s = *subsidies.get(*id);
    CHECK(s.status() == SubsidyStatus::BeingPaid);

    auto deadlines = subsidies.deadlines(QDate(2027, 12, 31));
    REQUIRE(deadlines);
    REQUIRE(deadlines->size() == 2);
    CHECK(deadlines->at(0).day == QDate(2026, 12, 15));
    CHECK(deadlines->at(1).day == QDate(2027, 6, 30));

    s.instalments[1].receivedOn = QDate(2026, 11, 20);
    s.instalments[1].received = Money::fromCents(1000000);
    REQUIRE(subsidies.save(s));
    s = *subsidies.get(*id);
    CHECK(s.status() == SubsidyStatus::Paid);
    s.accountedOn = QDate(2026, 11, 26);
    REQUIRE(subsidies.save(s));
    CHECK(subsidies.get(*id)->status() == SubsidyStatus::Accounted);
    CHECK(subsidies.deadlines(QDate(2027, 12, 31))->isEmpty());

    Subsidy town = request(f.town, year->id, 50000, QDate(2026, 2, 1));
    town.decision = SubsidyDecision::Refused;
    CHECK_FALSE(subsidies.save(town)); // a decision has a day
    town.decidedOn = QDate(2026, 5, 1);
    auto townId = subsidies.save(town);
    REQUIRE(townId);
    CHECK(subsidies.get(*townId)->status() == SubsidyStatus::Refused);
    town = *subsidies.get(*townId);
    town.instalments = {SubsidyInstalment{0, QDate(2026, 6, 1), Money::fromCents(100), {}, {}}};
    CHECK_FALSE(subsidies.save(town));

    UserContext reader;
    reader.permissions = {permission::FundingRead};
    CHECK(SubsidyService(t.db(), clock, reader)
              .save(request(f.region, year->id, 100, QDate(2026, 1, 1)))
              .error()
              .code == Error::Code::AccessDenied);
}

TEST_CASE(
    "A subsidy's final account: its texts kept, what is missing said, refused subsidies and readers kept out",
    "[funding][reports]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(at(2026, 11, 27));
    const Funders f = makeFunders(t.db(), clock);
    auto year = FinancialYearService(t.db(), clock, f.director).open(2026);
    REQUIRE(year);
    SubsidyService subsidies(t.db(), clock, f.director);
    Subsidy s = request(f.region, year->id, 3000000, QDate(2026, 1, 10));
    s.actionDescription = QStringLiteral("Former 24 jeunes par la production.");
    s.askedIndicators = {QStringLiteral("entrants"), QStringLiteral("insertion_rate")};
    auto id = subsidies.save(s);
    REQUIRE(id);
    auto stored = subsidies.get(*id);
    REQUIRE(stored);
    CHECK(stored->actionDescription == s.actionDescription);
    CHECK(stored->askedIndicators == s.askedIndicators);

    ReportDataService data(t.db(), clock, f.director);
    auto account = data.grant(*id);
    REQUIRE(account);
    // No action budget, no action dates, no decision, no explanation: each said, none hidden.
    REQUIRE(account->missing.size() == 4);
    CHECK(account->missing.join(QLatin1Char(' ')).contains(QStringLiteral("budget de l'action")));
    CHECK(account->missing.join(QLatin1Char(' ')).contains(QStringLiteral("bénéficiaires")));
    CHECK(account->subsidy.programme == s.programme);
    CHECK(account->indicators.has_value());

    // The funded action, with its own budget (Cerfa 15059): kept as typed.
    stored->actionStart = QDate(2025, 9, 1);
    stored->actionEnd = QDate(2026, 8, 31);
    stored->actionPlace = QStringLiteral("Dole");
    stored->beneficiaries = 24;
    stored->signedPlace = QStringLiteral("Dole");
    stored->signedOn = QDate(2026, 11, 20);
    stored->budget = cerfa15059Lines();
    for (ActionBudgetLine& l : stored->budget) {
        if (l.account == QStringLiteral("64")) {
            l.forecast = Money::fromCents(9000000);
            l.actual = Money::fromCents(9150000);
        } else if (l.label == QStringLiteral("Charges fixes de fonctionnement")) {
            l.forecast = Money::fromCents(1000000);
            l.actual = Money::fromCents(1100000);
        } else if (l.account == QStringLiteral("870")) {
            l.forecast = Money::fromCents(300000);
            l.actual = Money::fromCents(350000);
        }
    }
    // Indirect costs need their allocation rule; an action does not end before it starts.
    const int version = stored->version;
    auto noRule = subsidies.save(*stored);
    REQUIRE_FALSE(noRule);
    CHECK(noRule.error().message.contains(QStringLiteral("règle")));
    stored->indirectRule = QStringLiteral("Au prorata des heures de formation");
    Subsidy backwards = *stored;
    backwards.actionEnd = QDate(2025, 8, 31);
    CHECK(subsidies.save(backwards).error().message.contains(QStringLiteral("dates")));
    Subsidy negative = *stored;
    negative.budget.first().actual = Money::fromCents(-100);
    CHECK_FALSE(subsidies.save(negative));
    CHECK(subsidies.get(*id)->version == version);
    CHECK(subsidies.get(*id)->budget.isEmpty());
    stored->decision = SubsidyDecision::Granted;
    stored->granted = Money::fromCents(2500000);
    stored->decidedOn = QDate(2026, 3, 1);
    stored->deviationExplanation = QStringLiteral("Moins de jeunes accueillis que prévu.");
    REQUIRE(subsidies.save(*stored));
    auto complete = data.grant(*id);
    REQUIRE(complete);
    CHECK(complete->missing.isEmpty());
    const Subsidy& kept = complete->subsidy;
    CHECK(kept.actionStart == QDate(2025, 9, 1));
    CHECK(kept.actionEnd == QDate(2026, 8, 31));
    CHECK(kept.beneficiaries == 24);
    CHECK(kept.indirectRule == QStringLiteral("Au prorata des heures de formation"));
    CHECK(kept.signedOn == QDate(2026, 11, 20));
    REQUIRE(kept.budget.size() == cerfa15059Lines().size());
    Money costs;
    Money inKind;
    for (const ActionBudgetLine& l : kept.budget) {
        if (l.part == ActionBudgetPart::Expense || l.part == ActionBudgetPart::IndirectCost)
            costs += l.actual;
        if (l.part == ActionBudgetPart::ContributionResource)
            inKind += l.actual;
    }
    CHECK(costs == Money::fromCents(10250000));
    CHECK(inKind == Money::fromCents(350000));
    // A later save without the budget (not entered any more) removes its lines.
    Subsidy cleared = kept;
    cleared.budget.clear();
    REQUIRE(subsidies.save(cleared));
    CHECK(subsidies.get(*id)->budget.isEmpty());
    CHECK(test::rawScalar(t.db(), QStringLiteral("SELECT COUNT(*) FROM subsidy_budget_line")).toInt() == 0);

    Subsidy refused = request(f.town, year->id, 100000, QDate(2026, 2, 1));
    refused.decision = SubsidyDecision::Refused;
    refused.decidedOn = QDate(2026, 4, 1);
    auto refusedId = subsidies.save(refused);
    REQUIRE(refusedId);
    CHECK(data.grant(*refusedId).error().code == Error::Code::InvalidInput);
    CHECK(data.grant(99999).error().code == Error::Code::NotFound);

    // The financial report counts the year's receipts and lists its subsidies.
    auto financial = data.financial(2026);
    REQUIRE(financial);
    CHECK(financial->subsidies.size() == 2);
    CHECK(financial->receipts.receipts == 0);

    UserContext trainer;
    trainer.permissions = {permission::TraineesRead, permission::AttendanceWrite};
    CHECK(ReportDataService(t.db(), clock, trainer).grant(*id).error().code == Error::Code::AccessDenied);
    CHECK(ReportDataService(t.db(), clock, trainer).financial(2026).error().code ==
          Error::Code::AccessDenied);
}

namespace {

QStringList categoryNames(BudgetService& budget)
{
    QStringList names;
    const auto categories = budget.categories();
    REQUIRE(categories);
    for (const BudgetCategory& c : *categories)
        names << c.name;
    return names;
}

} // namespace

TEST_CASE("A new database's budget categories, reference values and certifications read in the interface's "
          "language, a typed name as typed (issue 18, item 14)",
          "[funding][budget][wording]")
{
    TestDatabase t;
    const UserContext director = test::createSchool(t.db());
    FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
    BudgetService budget(t.db(), clock, director);
    CHECK(categoryNames(budget).contains(QStringLiteral("Ventes de la production")));
    CHECK(categoryNames(budget).contains(QStringLiteral("Charges de personnel")));
    {
        test::InEnglish english;
        const QStringList names = categoryNames(budget);
        CHECK(names.contains(QStringLiteral("Sales of the production")));
        CHECK(names.contains(QStringLiteral("Staff costs")));
        CHECK_FALSE(names.contains(QStringLiteral("Charges de personnel")));
        // A name the school typed is its own.
        CHECK(BudgetService::categoryName(QStringLiteral("Atelier vélo")) == QStringLiteral("Atelier vélo"));
        // So are the reference values' labels and the certifications' titles a new database has.
        const auto references = IndicatorService(t.db(), clock, director).references();
        REQUIRE(references);
        QStringList labels;
        for (const ReferenceValue& v : *references)
            labels << v.label;
        CHECK(labels.contains(QStringLiteral("Employment rate of apprentices (InserJeunes, national)")));
        const auto catalogue = CareerService(t.db(), clock, director).certifications();
        REQUIRE(catalogue);
        QStringList titles;
        for (const Certification& c : *catalogue)
            titles << c.title;
        CHECK(titles.contains(QStringLiteral("General training certificate")));
        CHECK(titles.contains(QStringLiteral("CAP in metalwork")));
    }
    CHECK(BudgetService::categoryName(QStringLiteral("Subventions")) == QStringLiteral("Subventions"));
    CHECK(CareerService::certificationTitle(QStringLiteral("CAP métallier")) ==
          QStringLiteral("CAP métallier"));
}
