#include "print/reportdocuments.h"

#include "domain/production.h"
#include "services/careerservice.h"
#include "services/catalogueservice.h"
#include "services/indicatorservice.h"
#include "services/subsidyservice.h"
#include "services/traineeservice.h"

#include <cmath>
#include <QLocale>

namespace etabli::print {

namespace {

QString day(const QDate& d)
{
    return d.isValid() ? d.toString(QStringLiteral("dd/MM/yyyy")) : QStringLiteral("—");
}

QString share(double value)
{
    return QLocale(QLocale::French, QLocale::France).toString(value * 100.0, 'f', 1) + QStringLiteral(" %");
}

QString bp(int basisPoints)
{
    return QLocale(QLocale::French, QLocale::France).toString(basisPoints / 100.0, 'f', 1) +
           QStringLiteral(" %");
}

QString whom(const Indicators& i)
{
    return i.section.isEmpty() ? ReportDocuments::tr("the whole school") : i.section;
}

double euros(qint64 cents)
{
    return static_cast<double>(cents) / 100.0;
}

} // namespace

void ReportDocuments::writeActivity(ReportBuilder& b, const ActivityReportData& data, const QString& prefix)
{
    const Indicators& now = data.indicators;
    const Indicators before = now.previous ? *now.previous : Indicators();
    b.chapter(prefix + tr("Activity report %1").arg(now.schoolYear));
    b.paragraph(
        tr("School year %1, %2: %3 entrants, %4 trainees enrolled at some time in the year, %5 continuing "
           "into the next year, %6 exits; attendance rate %7; insertion rate %8.")
            .arg(now.schoolYear, whom(now))
            .arg(now.entrants)
            .arg(now.enrolled)
            .arg(now.continuing)
            .arg(now.exits)
            .arg(IndicatorService::percent(now.attendanceRate),
                 IndicatorService::percent(now.insertionRate)));
    if (now.enrolled == 0 && now.productionMinutes() == 0 && now.orders == 0)
        b.note(tr("Nothing was recorded for this school year: no trainee enrolled, no production logged, no "
                  "order."));

    const struct
    {
        QString title;
        const QString* body;
    } parts[] = {{tr("Highlights"), &data.narrative.highlights},
                 {tr("Difficulties"), &data.narrative.difficulties},
                 {tr("Outlook"), &data.narrative.outlook}};
    for (const auto& part : parts) {
        b.heading(part.title);
        if (part.body->trimmed().isEmpty())
            b.note(tr("Not written yet (Rapports › “Report texts…”)."));
        else
            b.richText(*part.body);
    }

    b.heading(tr("Trainees"));
    QStringList sections = now.entrantsBySection.keys();
    for (const QString& s : before.entrantsBySection.keys())
        if (!sections.contains(s))
            sections << s;
    if (!sections.isEmpty()) {
        ChartSpec entrants{
            ChartSpec::Kind::Bars, tr("Entrants by section"), sections, {}, tr("trainees"), 55};
        ChartSpec::Series a{now.schoolYear, {}};
        ChartSpec::Series p{before.schoolYear, {}};
        for (const QString& s : std::as_const(sections)) {
            a.values << now.entrantsBySection.value(s);
            p.values << before.entrantsBySection.value(s);
        }
        entrants.series = {p, a};
        b.chart(entrants);
    }
    QList<QStringList> profile;
    const QLocale fr(QLocale::French, QLocale::France);
    for (auto it = now.entrantsByAge.cbegin(); it != now.entrantsByAge.cend(); ++it)
        profile << QStringList{it.key() < 0 ? tr("Age unknown")
                                            : tr("%n year(s) old at entry", nullptr, it.key()),
                               fr.toString(it.value())};
    for (auto it = now.entrantsBySex.cbegin(); it != now.entrantsBySex.cend(); ++it)
        profile << QStringList{it.key() == QLatin1String("F")   ? tr("Girls")
                               : it.key() == QLatin1String("M") ? tr("Boys")
                                                                : tr("Sex not recorded"),
                               fr.toString(it.value())};
    for (auto it = now.entrantsByReferral.cbegin(); it != now.entrantsByReferral.cend(); ++it)
        profile << QStringList{tr("Referred by %1").arg(it.key().isEmpty() ? tr("(unknown)") : it.key()),
                               fr.toString(it.value())};
    if (!profile.isEmpty())
        b.table({tr("Entrants of %1").arg(now.schoolYear), tr("Number")}, profile, {1}, {}, {80, 20});

    const QStringList exitKeys = IndicatorService::exitKeys();
    ChartSpec exits{ChartSpec::Kind::HorizontalBars, tr("Exits by reason"), {}, {}, tr("trainees"), 70};
    ChartSpec::Series exitsNow{now.schoolYear, {}};
    ChartSpec::Series exitsBefore{before.schoolYear, {}};
    for (const QString& key : exitKeys) {
        const QString stored = key == QLatin1String("dropout") ? QStringLiteral("dropped_out") : key;
        exits.categories << labelOfCode<ExitReason>(stored);
        exitsNow.values << now.exitsByReason.value(key);
        exitsBefore.values << before.exitsByReason.value(key);
    }
    exits.series = {exitsBefore, exitsNow};
    if (now.exits + before.exits > 0)
        b.chart(exits);

    b.heading(tr("Attendance"));
    if (now.attendanceByMonth.isEmpty()) {
        b.note(tr("No attendance was recorded in the register this school year."));
    } else {
        ChartSpec months{ChartSpec::Kind::Lines, tr("Attendance rate by month"), {}, {}, tr("%"), 55};
        ChartSpec::Series rates{tr("Attendance rate"), {}};
        for (auto it = now.attendanceByMonth.cbegin(); it != now.attendanceByMonth.cend(); ++it) {
            const QDate first = QDate::fromString(it.key() + QStringLiteral("-01"), Qt::ISODate);
            months.categories << fr.monthName(first.month(), QLocale::ShortFormat);
            rates.values << (it.value() < 0 ? std::nan("") : it.value() * 100.0);
        }
        months.series = {rates};
        b.chart(months);
        QList<QStringList> bySection;
        for (auto it = now.attendanceBySection.cbegin(); it != now.attendanceBySection.cend(); ++it)
            bySection << QStringList{it.key(), IndicatorService::percent(it.value())};
        b.table({tr("Section"), tr("Attendance rate")}, bySection, {1}, {}, {80, 20});
    }

    b.heading(tr("What became of the leavers"));
    const QStringList milestones = {QStringLiteral("at_exit"), QStringLiteral("months_6"),
                                    QStringLiteral("months_12")};
    QStringList situations;
    for (const QString& m : milestones)
        for (const QString& s : now.outcomes.value(m).keys())
            if (!situations.contains(s))
                situations << s;
    if (situations.isEmpty()) {
        b.note(tr("No outcome is known yet for this year's leavers."));
    } else {
        QList<QStringList> rows;
        for (const QString& s : std::as_const(situations)) {
            QStringList r{labelOfCode<OutcomeSituation>(s)};
            for (const QString& m : milestones)
                r << fr.toString(now.outcomes.value(m).value(s));
            rows << r;
        }
        b.table({tr("Situation"), tr("At exit"), tr("After 6 months"), tr("After 12 months")}, rows,
                {1, 2, 3}, {}, {52, 16, 16, 16});
        b.paragraph(tr("Insertion rate (job, apprenticeship or training ÷ known outcomes, latest known): %1.")
                        .arg(IndicatorService::percent(now.insertionRate)));
    }

    b.heading(tr("Production"));
    ChartSpec hours{ChartSpec::Kind::Bars,
                    tr("Hours of production by kind"),
                    {tr("Customer orders"), tr("Exercises"), tr("Upkeep")},
                    {},
                    tr("hours"),
                    50};
    hours.series = {{before.schoolYear,
                     {before.productionMinutesOrders / 60.0, before.productionMinutesExercise / 60.0,
                      before.productionMinutesUpkeep / 60.0}},
                    {now.schoolYear,
                     {now.productionMinutesOrders / 60.0, now.productionMinutesExercise / 60.0,
                      now.productionMinutesUpkeep / 60.0}}};
    if (now.productionMinutes() + before.productionMinutes() > 0)
        b.chart(hours);
    QList<QStringList> outputs;
    for (const Indicators::Output& o : now.outputs)
        outputs << QStringList{o.label, Quantities::format(o.quantityThousandths) + QLatin1Char(' ') +
                                            labelOfCode<Unit>(o.unit)};
    if (!outputs.isEmpty())
        b.table({tr("Made in the workshops"), tr("Quantity")}, outputs, {1}, {}, {75, 25});
}

void ReportDocuments::writeIndicators(ReportBuilder& b, const Indicators& i, const QString& prefix)
{
    b.chapter(prefix + tr("Indicators %1").arg(i.schoolYear));
    b.paragraph(tr("For %1, beside the year before. Every figure is computed from the trainees' records, the "
                   "register, the workshops' log and the invoices.")
                    .arg(whom(i)));
    QList<QStringList> rows;
    QList<int> headings;
    for (const IndicatorRow& r : IndicatorService::rows(i)) {
        if (r.heading)
            headings << static_cast<int>(rows.size());
        rows << QStringList{QString(r.indent * 4, QChar(0x00A0)) + r.label, r.now, r.before};
    }
    b.table({tr("Indicator"), i.schoolYear, i.previous ? i.previous->schoolYear : tr("Year before")}, rows,
            {1, 2}, headings, {60, 20, 20});
}

void ReportDocuments::writeFundamentals(ReportBuilder& b, const Indicators& i, const QString& prefix)
{
    b.chapter(prefix + tr("The fundamentals of an école de production %1").arg(i.schoolYear));
    b.paragraph(
        tr("For %1. An école de production teaches by making real goods for real customers: about two "
           "thirds of the young people's time in the workshop, small groups around a master trainer, "
           "real orders. The register says which half-days were spent in the workshop and which in "
           "class; the workshops' log, what the production hours were spent on.")
            .arg(whom(i)));
    QList<QStringList> rows;
    for (const FundamentalRow& r : IndicatorService::fundamentals(i))
        rows << QStringList{r.label, r.now, r.target, r.before,
                            !r.met   ? QStringLiteral("—")
                            : *r.met ? tr("yes")
                                     : tr("no")};
    b.table({tr("Fundamental"), i.schoolYear, tr("School's target"),
             i.previous ? i.previous->schoolYear : tr("Year before"), tr("Target met")},
            rows, {1, 2, 3, 4}, {}, {36, 20, 16, 16, 12});
}

void ReportDocuments::writeFinancial(ReportBuilder& b, const FinancialReportData& data, const QString& prefix)
{
    const FundingReport& f = data.funding;
    b.chapter(prefix + tr("Financial report %1").arg(f.label));
    b.paragraph(
        tr("Financial year from %1 to %2%3. Resources %4; the school's own production brings %5 of them "
           "(self-financing).")
            .arg(day(f.year.start), day(f.year.end), f.year.closed ? tr(", closed") : QString(),
                 f.totalResources.format(), share(f.selfFinancingShare)));
    if (f.totalResources.isZero() && f.totalExpenses.isZero())
        b.note(tr("Nothing was recorded for this financial year."));

    b.heading(tr("Where the resources come from"));
    const FinancialYear& y = f.year;
    b.table(
        {tr("Source"), tr("Amount"), tr("Share"), tr("Target")},
        {{tr("Sales of the production"), f.production.amount.format(), share(f.production.share),
          bp(y.targetProductionBp)},
         {tr("Gifts, sponsorship, apprenticeship tax"), f.gifts.amount.format(), share(f.gifts.share),
          bp(y.targetGiftsBp)},
         {tr("Subsidies"), f.subsidies.amount.format(), share(f.subsidies.share), bp(y.targetSubsidiesBp)},
         {tr("Other (dues, other income)"), f.other.amount.format(), share(f.other.share), QString()},
         {tr("Total resources"), f.totalResources.format(), QStringLiteral("100,0 %"), QString()}},
        {1, 2, 3}, {4}, {46, 22, 16, 16});
    ChartSpec split{
        ChartSpec::Kind::Bars,
        tr("Share of the resources against the target"),
        {tr("Production"), tr("Gifts"), tr("Subsidies"), tr("Other")},
        {{tr("Target"),
          {y.targetProductionBp / 100.0, y.targetGiftsBp / 100.0, y.targetSubsidiesBp / 100.0, 0.0}},
         {tr("Actual"),
          {f.production.share * 100.0, f.gifts.share * 100.0, f.subsidies.share * 100.0,
           f.other.share * 100.0}}},
        tr("%"),
        55};
    b.chart(split);

    b.heading(tr("Forecast and actual by category"));
    QList<QStringList> rows;
    QList<int> bold;
    Money resources;
    Money expenses;
    for (const BudgetKind kind : {BudgetKind::Resource, BudgetKind::Expense}) {
        Money forecast;
        Money actual;
        for (const FundingReport::Line& l : f.categories) {
            if (l.kind != kind)
                continue;
            forecast += l.forecast;
            actual += l.actual;
            rows << QStringList{l.name, l.forecast.format(), l.actual.format(), l.gap().format()};
        }
        bold << static_cast<int>(rows.size());
        rows << QStringList{kind == BudgetKind::Resource ? tr("Total resources") : tr("Total expenses"),
                            forecast.format(), actual.format(), (actual - forecast).format()};
        (kind == BudgetKind::Resource ? resources : expenses) = actual;
    }
    bold << static_cast<int>(rows.size());
    rows << QStringList{tr("Result (resources − expenses)"),
                        (f.forecastResources - f.forecastExpenses).format(), (resources - expenses).format(),
                        QString()};
    b.table({tr("Category"), tr("Forecast"), tr("Actual"), tr("Gap")}, rows, {1, 2, 3}, bold,
            {46, 18, 18, 18});
    if (f.forecastResources.isZero() && f.forecastExpenses.isZero())
        b.note(tr("No forecast budget was entered for this financial year (Financements › Budget)."));

    b.heading(tr("Sales of the production by month"));
    const QLocale fr(QLocale::French, QLocale::France);
    ChartSpec months{ChartSpec::Kind::Bars, tr("Production sales excl. VAT by month"), {}, {}, tr("€"), 60};
    ChartSpec::Series current{f.label, {}};
    ChartSpec::Series previous{tr("Year before"), {}};
    for (qsizetype m = 0; m < f.monthlyProduction.size(); ++m) {
        months.categories << fr.monthName(f.year.start.addMonths(static_cast<int>(m)).month(),
                                          QLocale::ShortFormat);
        current.values << euros(f.monthlyProduction[m]);
        previous.values << (m < f.monthlyProductionPrevious.size() ? euros(f.monthlyProductionPrevious[m])
                                                                   : 0.0);
    }
    months.series = {previous, current};
    b.chart(months);
    b.table({tr("Invoicing and cash"), tr("Amount")},
            {{tr("Invoiced incl. VAT, net of credit notes"), f.invoiced.format()},
             {tr("Customers' payments received"), f.cashReceived.format()}},
            {1}, {}, {70, 30});

    b.heading(tr("Subsidies"));
    if (data.subsidies.isEmpty()) {
        b.note(tr("No subsidy was requested for this financial year."));
    } else {
        QList<QStringList> subsidyRows;
        Money granted;
        Money received;
        for (const Subsidy& s : data.subsidies) {
            const Money remaining =
                s.decision == SubsidyDecision::Granted ? s.granted - s.receivedTotal() : Money();
            subsidyRows << QStringList{
                s.funderName + QStringLiteral(" — ") + s.programme, labelOf(s.status()),
                s.decision == SubsidyDecision::Granted ? s.granted.format() : QStringLiteral("—"),
                s.receivedTotal().format(), remaining.format()};
            if (s.decision == SubsidyDecision::Granted)
                granted += s.granted;
            received += s.receivedTotal();
        }
        subsidyRows << QStringList{tr("Total"), QString(), granted.format(), received.format(),
                                   (granted - received).format()};
        b.table({tr("Funder and programme"), tr("Status"), tr("Granted"), tr("Received"), tr("Remaining")},
                subsidyRows, {2, 3, 4}, {static_cast<int>(subsidyRows.size() - 1)}, {40, 15, 15, 15, 15});
    }

    b.heading(tr("Gifts and tax receipts"));
    b.table({tr("Gifts"), tr("Amount")},
            {{tr("Gifts in money (%n gift(s))", nullptr, static_cast<int>(f.giftsCount)),
              f.gifts.amount.format()}},
            {1}, {}, {70, 30});
    writeReceiptsStatement(b, data.receipts);

    b.heading(tr("Contributions in kind"));
    b.paragraph(tr("Shown apart, never mixed with the resources above."));
    b.table({tr("Contribution"), tr("Value")},
            {{tr("Gifts in kind"), f.giftsInKind.format()},
             {tr("Volunteers' time (%1 h)").arg(fr.toString(f.volunteerHours, 'f', 0)),
              f.volunteerValue.format()},
             {tr("Members with their dues paid"), fr.toString(f.activeMembers)}},
            {1}, {}, {70, 30});
}

void ReportDocuments::writeGrant(ReportBuilder& b, const GrantReportData& data, const QString& prefix)
{
    const Subsidy& s = data.subsidy;
    const SchoolIdentity& school = data.school;
    b.chapter(prefix + tr("Final account of the subsidy: %1 — %2").arg(s.funderName, s.programme));
    b.paragraph(tr("Laid out like Cerfa form no. 15059 (compte rendu financier de subvention)."));
    for (const QString& m : data.missing)
        b.note(tr("Missing: %1").arg(m));

    b.heading(tr("1. Identification"));
    const QString address = ReportBuilder::addressLine(school);
    b.table({tr("Association"), QString()},
            {{tr("Name"), school.organisationName.isEmpty() ? school.name : school.organisationName},
             {tr("School"), school.name},
             {tr("Address"), address},
             {tr("SIRET"), school.siret.isEmpty() ? QStringLiteral("—") : school.siret},
             {tr("RNA number"), school.rna.isEmpty() ? QStringLiteral("—") : school.rna}},
            {}, {}, {35, 65});
    b.table(
        {tr("Subsidy"), QString()},
        {{tr("Funder"), s.funderName},
         {tr("Programme"), s.programme},
         {tr("Financial year"), data.funding.label},
         {tr("Agreement"), s.agreementRef.isEmpty() ? QStringLiteral("—")
                                                    : tr("%1 of %2").arg(s.agreementRef, day(s.agreementOn))},
         {tr("Amount requested"), s.requested.format()},
         {tr("Amount granted"),
          s.decision == SubsidyDecision::Granted ? s.granted.format() : QStringLiteral("—")},
         {tr("Amount received"), s.receivedTotal().format()},
         {tr("Conditions"), s.conditions.isEmpty() ? QStringLiteral("—") : s.conditions}},
        {}, {}, {35, 65});

    b.heading(tr("2. The action funded"));
    if (s.actionDescription.trimmed().isEmpty())
        b.note(tr("The action is not described yet (the subsidy's “Final account” tab)."));
    else
        b.paragraph(s.actionDescription);
    const QLocale fr(QLocale::French, QLocale::France);
    b.table({tr("The action"), QString()},
            {{tr("Dates"), s.actionStart.isValid() && s.actionEnd.isValid()
                               ? tr("from %1 to %2").arg(day(s.actionStart), day(s.actionEnd))
                               : QStringLiteral("—")},
             {tr("Place"), s.actionPlace.trimmed().isEmpty() ? QStringLiteral("—") : s.actionPlace},
             {tr("Beneficiaries"), s.beneficiaries > 0 ? fr.toString(s.beneficiaries) : QStringLiteral("—")}},
            {}, {}, {35, 65});

    b.heading(tr("3. Budget of the action: forecast and actual"));
    if (s.budget.isEmpty()) {
        b.note(tr("The action's budget is not entered yet (the subsidy's “Final account” tab). The account "
                  "reports on the funded action, not on the whole school: nothing is printed in its place."));
    } else {
        writeActionBudget(b, s);
    }

    b.heading(tr("4. Explanation of the deviations"));
    if (s.deviationExplanation.trimmed().isEmpty())
        b.note(tr("Not written yet."));
    else
        b.paragraph(s.deviationExplanation);

    b.heading(tr("5. Indicators"));
    if (!data.indicators) {
        b.note(tr("No school year is known for this subsidy: the indicators cannot be given."));
    } else {
        const QStringList asked =
            s.askedIndicators.isEmpty() ? IndicatorService::defaultAskedIndicators() : s.askedIndicators;
        QList<QStringList> indicatorRows;
        for (const auto& [key, label] : IndicatorService::askableIndicators())
            if (asked.contains(key))
                indicatorRows << QStringList{label, IndicatorService::valueOf(*data.indicators, key)};
        b.table({tr("Indicator, school year %1").arg(data.indicators->schoolYear), tr("Value")},
                indicatorRows, {1}, {}, {75, 25});
    }

    b.headingKeptTogether(tr("6. Certification"));
    b.paragraph(
        tr("I, the undersigned, legal representative of the association, certify that the information in "
           "this account is accurate and that the subsidy was used for the purpose it was granted for."));
    const QString signatory =
        school.receiptSignatoryName.trimmed().isEmpty()
            ? QString()
            : tr("%1, %2").arg(school.receiptSignatoryName, school.receiptSignatoryCapacity);
    b.paragraph(tr("Done at %1, on %2.")
                    .arg(s.signedPlace.trimmed().isEmpty() ? QStringLiteral("…………………") : s.signedPlace,
                         s.signedOn.isValid() ? day(s.signedOn) : QStringLiteral("…………………")));
    b.table({tr("Name and capacity"), tr("Signature")}, {{signatory + QStringLiteral("\n\n\n"), QString()}},
            {}, {}, {50, 50});
}

void ReportDocuments::writeActionBudget(ReportBuilder& b, const Subsidy& s)
{
    QList<QStringList> rows;
    QList<int> bold;
    const auto percentOf = [](const Money& actual, const Money& forecast) {
        return forecast.isZero()
                   ? QStringLiteral("—")
                   : share(static_cast<double>(actual.cents()) / static_cast<double>(forecast.cents()));
    };
    struct Sum
    {
        Money forecast;
        Money actual;
        void add(const Sum& o)
        {
            forecast += o.forecast;
            actual += o.actual;
        }
    };
    const auto heading = [&](const QString& text) {
        bold << static_cast<int>(rows.size());
        rows << QStringList{text, QString(), QString(), QString()};
    };
    const auto total = [&](const QString& text, const Sum& sum) {
        bold << static_cast<int>(rows.size());
        rows << QStringList{text, sum.forecast.format(), sum.actual.format(),
                            percentOf(sum.actual, sum.forecast)};
    };
    const auto part = [&](ActionBudgetPart p) {
        Sum sum;
        for (const ActionBudgetLine& l : s.budget) {
            // Lines with nothing forecast nor spent are left out: the totals hold.
            if (l.part != p || (l.forecast.isZero() && l.actual.isZero()))
                continue;
            sum.forecast += l.forecast;
            sum.actual += l.actual;
            const QString label = l.account.isEmpty() ? l.label : tr("%1 — %2").arg(l.account, l.label);
            rows << QStringList{label, l.forecast.format(), l.actual.format(),
                                percentOf(l.actual, l.forecast)};
        }
        return sum;
    };
    heading(tr("Direct costs of the action"));
    Sum costs = part(ActionBudgetPart::Expense);
    heading(tr("Indirect costs allocated to the action"));
    costs.add(part(ActionBudgetPart::IndirectCost));
    total(tr("Total costs"), costs);
    heading(tr("Resources of the action"));
    Sum resources = part(ActionBudgetPart::Resource);
    total(tr("Total resources"), resources);
    heading(tr("86 — Uses of voluntary contributions in kind"));
    const Sum uses = part(ActionBudgetPart::ContributionUse);
    total(tr("Total uses in kind"), uses);
    heading(tr("87 — Voluntary contributions in kind"));
    const Sum contributions = part(ActionBudgetPart::ContributionResource);
    total(tr("Total contributions in kind"), contributions);
    costs.add(uses);
    resources.add(contributions);
    total(tr("Total costs, contributions in kind included"), costs);
    total(tr("Total resources, contributions in kind included"), resources);
    b.table({tr("Budget line"), tr("Forecast"), tr("Actual"), tr("Done")}, rows, {1, 2, 3}, bold,
            {52, 18, 18, 12});
    b.paragraph(tr("Allocation rule of the indirect costs: %1")
                    .arg(s.indirectRule.trimmed().isEmpty() ? tr("none allocated") : s.indirectRule));
}

ReportBuilder ReportDocuments::activity(const ActivityReportData& data)
{
    ReportBuilder b(data.school, tr("Activity report"), data.printedOn);
    b.titlePage(tr("School year %1 — %2").arg(data.indicators.schoolYear, whom(data.indicators)), {});
    writeActivity(b, data, {});
    writeIndicators(b, data.indicators, {});
    return b;
}

ReportBuilder ReportDocuments::indicators(const ActivityReportData& data)
{
    ReportBuilder b(data.school, tr("Indicators"), data.printedOn);
    writeIndicators(b, data.indicators, {});
    return b;
}

ReportBuilder ReportDocuments::financial(const FinancialReportData& data)
{
    ReportBuilder b(data.school, tr("Financial report"), data.printedOn);
    b.titlePage(tr("Financial year %1").arg(data.funding.label), {});
    writeFinancial(b, data, {});
    return b;
}

void ReportDocuments::writeReceiptsStatement(ReportBuilder& b, const ReceiptsStatement& s)
{
    const QLocale fr(QLocale::French, QLocale::France);
    b.paragraph(
        tr("Yearly declaration of the gifts that gave rise to tax receipts (art. 222 bis of the French "
           "general tax code), %1 from %2 to %3:")
            .arg(s.financialYear ? tr("financial year") : tr("civil year"),
                 fr.toString(s.from, QStringLiteral("dd/MM/yyyy")),
                 fr.toString(s.to, QStringLiteral("dd/MM/yyyy"))));
    b.table({tr("To declare"), tr("Figure")},
            {{tr("Gifts received in the period that gave rise to a tax receipt (%n gift(s))", nullptr,
                 static_cast<int>(s.giftsCount)),
              s.gifts.format()},
             {tr("Tax receipts issued in the period, net of cancellations"), fr.toString(s.receipts)}},
            {1}, {}, {70, 30});
    QStringList notes;
    if (!s.receiptedLater.isZero())
        notes << tr("Of the gifts, %1 were receipted after the period: they count with the period they were "
                    "received in.")
                     .arg(s.receiptedLater.format());
    if (s.cancelled > 0)
        notes << tr("%n receipt(s) issued in the period and cancelled since are not counted.", nullptr,
                    static_cast<int>(s.cancelled));
    notes << tr("Gifts still without a receipt are not counted: issue the receipts before declaring.");
    b.note(notes.join(QLatin1Char(' ')));
}

ReportBuilder ReportDocuments::receipts(const ReceiptsStatementData& data)
{
    const ReceiptsStatement& s = data.statement;
    ReportBuilder b(data.school, tr("Gifts and tax receipts: yearly declaration"), data.printedOn);
    b.heading(s.financialYear ? tr("Financial year %1 – %2").arg(s.from.year()).arg(s.to.year())
                              : tr("Civil year %1").arg(s.from.year()));
    writeReceiptsStatement(b, s);
    return b;
}

ReportBuilder ReportDocuments::grant(const GrantReportData& data)
{
    ReportBuilder b(data.school, tr("Final account of a subsidy"), data.printedOn);
    writeGrant(b, data, {});
    return b;
}

ReportBuilder ReportDocuments::pack(const FunderPackData& data)
{
    ReportBuilder b(data.activity.school, tr("Funder pack"), data.activity.printedOn);
    b.titlePage(tr("School year %1 · financial year %2")
                    .arg(data.activity.indicators.schoolYear, data.financial.funding.label),
                {});
    b.tableOfContents();
    int n = 1;
    const auto prefix = [&n]() { return QStringLiteral("%1. ").arg(n++); };
    writeActivity(b, data.activity, prefix());
    writeIndicators(b, data.activity.indicators, prefix());
    writeFundamentals(b, data.activity.indicators, prefix());
    writeFinancial(b, data.financial, prefix());
    for (const GrantReportData& g : data.grants)
        writeGrant(b, g, prefix());
    return b;
}

namespace {

// One week's sheet: the days over their two half-days in the heading (which
// repeats on each page), the trainer's row first, then a row per trainee,
// each tall enough to sign in. Sixteen trainees and the trainer fit one
// landscape page; a row never breaks over two.
QString signInTable(const AttendanceSheetData::Week& w, const QString& emptyWeek)
{
    const QLocale fr(QLocale::French, QLocale::France);
    const auto esc = &ReportBuilder::esc;
    // The empty cells' height is the signature's room (a larger blank).
    const QString blank = QStringLiteral("<td><span style=\"font-size: 15pt;\">&nbsp;</span></td>");
    QString h =
        QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\" border=\"1\" "
                       "style=\"border-collapse: collapse; border-color: #777777; font-size: 8.5pt;\">"
                       "<thead><tr style=\"background-color: #e8ecef;\"><th rowspan=\"2\" width=\"22%\" "
                       "align=\"left\">%1</th>")
            .arg(esc(ReportDocuments::tr("Trainee")));
    QString halves;
    for (int d = 0; d < 5; ++d) {
        const QDate day = w.monday.addDays(d);
        h += QStringLiteral("<th colspan=\"2\">%1</th>")
                 .arg(esc(fr.dayName(d + 1, QLocale::ShortFormat) + QLatin1Char(' ') +
                          day.toString(QStringLiteral("dd/MM"))));
        halves += QStringLiteral("<th width=\"7.8%\">%1</th><th width=\"7.8%\">%2</th>")
                      .arg(esc(ReportDocuments::tr("morning")), esc(ReportDocuments::tr("afternoon")));
    }
    h += QStringLiteral("</tr><tr style=\"background-color: #e8ecef;\">") + halves +
         QStringLiteral("</tr></thead><tbody>");
    const auto row = [&](const QString& name, bool bold) {
        QString r = QStringLiteral("<tr><td valign=\"middle\">%1</td>")
                        .arg(bold ? QStringLiteral("<b>%1</b>").arg(esc(name)) : esc(name));
        for (int c = 0; c < 10; ++c)
            r += blank;
        return r + QStringLiteral("</tr>");
    };
    h += row(ReportDocuments::tr("Trainer (name and signature)"), true);
    for (const QString& t : w.trainees)
        h += row(t, false);
    if (w.trainees.isEmpty())
        h += QStringLiteral("<tr><td colspan=\"11\"><i>%1</i></td></tr>").arg(esc(emptyWeek));
    return h + QStringLiteral("</tbody></table>");
}

} // namespace

ReportBuilder ReportDocuments::attendance(const AttendanceSheetData& data)
{
    ReportBuilder b(data.school, tr("Sign-in sheets — %1").arg(data.section), data.printedOn);
    bool first = true;
    for (const AttendanceSheetData::Week& w : data.weeks) {
        if (!first)
            b.pageBreak();
        first = false;
        b.raw(QStringLiteral("<p style=\"font-size: 11pt;\"><b>%1</b> — %2</p>")
                  .arg(ReportBuilder::esc(tr("Sign-in sheet")),
                       ReportBuilder::esc(tr("%1, week of %2 to %3")
                                              .arg(data.section, day(w.monday), day(w.monday.addDays(4))))));
        b.raw(signInTable(w, tr("(no trainee enrolled this week)")));
        b.note(tr("Each trainee signs each half-day present; the trainer signs each half-day. The register "
                  "in Établi "
                  "remains the reference."));
    }
    if (data.weeks.isEmpty())
        b.note(tr("No week in the period."));
    return b;
}

ReportBuilder ReportDocuments::booklet(const BookletData& data)
{
    ReportBuilder b(data.school, tr("Learning booklet — %1").arg(data.trainee), data.printedOn);
    QString who =
        tr("%1, %2 workshop, at the school since %3").arg(data.trainee, data.section, day(data.entry));
    if (data.exit.isValid())
        who += tr(" (left on %1)").arg(day(data.exit));
    b.paragraph(who + QLatin1Char('.'));
    if (!data.trainers.isEmpty())
        b.paragraph(tr("Master trainer: %1.").arg(data.trainers.join(QStringLiteral(", "))));
    b.note(tr("Each competence shows its latest evaluation (non abordé, en cours d'acquisition, acquis, "
              "maîtrisé) and the real jobs of the workshop's log in which it was practised: their number, "
              "those for customers, and the hours."));
    for (const BookletData::Framework& f : data.frameworks) {
        b.heading(f.certification);
        if (f.demo)
            b.note(tr("Example framework of the demonstration, not the official text of the diploma."));
        for (const BookletData::Block& block : f.blocks) {
            b.headingKeptTogether(QStringLiteral("%1 — %2").arg(block.code, block.title));
            QList<QStringList> rows;
            for (const BookletData::Competence& c : block.competences) {
                const QString hours =
                    QLocale(QLocale::French, QLocale::France).toString(c.minutes / 60.0, 'f', 1);
                rows << QStringList{c.code,
                                    c.title,
                                    c.level ? labelOf(*c.level) : tr("not evaluated"),
                                    c.level ? day(c.day) : QString(),
                                    tr("%1 (%2 customers')").arg(c.jobs).arg(c.orders),
                                    hours};
            }
            b.table({tr("Code"), tr("Competence"), tr("Level"), tr("Date"), tr("Real jobs"), tr("Hours")},
                    rows, {4, 5}, {}, {7, 35, 17, 13, 17, 11});
        }
    }
    if (data.frameworks.isEmpty())
        b.note(tr("No skill framework is loaded for the certifications this workshop prepares."));
    b.heading(tr("Internships"));
    if (data.internships.isEmpty()) {
        b.note(tr("No internship recorded."));
    } else {
        QList<QStringList> rows;
        for (const BookletData::Stay& i : data.internships)
            rows << QStringList{i.host, day(i.start), day(i.end)};
        b.table({tr("Host"), tr("From"), tr("To")}, rows);
    }
    b.heading(tr("Certifications"));
    if (data.certifications.isEmpty()) {
        b.note(tr("No certification recorded."));
    } else {
        QList<QStringList> rows;
        for (const BookletData::Result& c : data.certifications)
            rows << QStringList{c.certification, QString::number(c.session), labelOf(c.result)};
        b.table({tr("Certification"), tr("Session"), tr("Result")}, rows);
    }
    b.headingKeptTogether(tr("Signatures"));
    const auto esc = &ReportBuilder::esc;
    b.raw(QStringLiteral(
              "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"6\" border=\"1\" "
              "style=\"border-collapse: collapse; border-color: #777777;\"><tr><th width=\"33%\">%1</th>"
              "<th width=\"33%\">%2</th><th width=\"34%\">%3</th></tr><tr>%4%4%4</tr></table>")
              .arg(esc(tr("The young person")), esc(tr("The master trainer")), esc(tr("The family")),
                   // The blank's size is the room to sign in.
                   QStringLiteral("<td><span style=\"font-size: 36pt;\">&nbsp;</span></td>")));
    return b;
}

} // namespace etabli::print
