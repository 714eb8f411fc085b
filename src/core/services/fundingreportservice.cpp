#include "services/fundingreportservice.h"

#include "services/accesscontrol.h"
#include "services/budgetservice.h"
#include "services/financialyearservice.h"
#include "storage/budgetrepository.h"
#include "storage/fundingqueries.h"
#include "storage/staffrepository.h"

#include <QJsonArray>
#include <QLocale>
#include <QMap>

namespace etabli {

namespace {

double share(qint64 part, qint64 total)
{
    return total == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(total);
}

QList<qint64> twelveMonths(const QMap<QString, qint64>& byMonth, const QDate& start)
{
    QList<qint64> out;
    for (int m = 0; m < 12; ++m)
        out << byMonth.value(start.addMonths(m).toString(QStringLiteral("yyyy-MM")), 0);
    return out;
}

} // namespace

Result<FundingReport> FundingReportService::report(int startYear, Detail detail) const
{
    const bool full = detail == Detail::Full;
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    auto year = FinancialYearService(m_db, m_clock, m_actor).yearStartingIn(startYear);
    if (!year)
        return std::unexpected(year.error());
    FundingReport rep;
    rep.year = *year;
    rep.label = FinancialYearService::label(*year);
    const QDate from = year->start;
    const QDate to = year->end;
    FundingQueries q(m_db);
    BudgetRepository budget(m_db);

    auto production = q.productionExclVat(from, to);
    // The split alone (the home page) skips the scans of a whole year's invoices and payments it does not
    // show.
    auto months = full ? q.productionByMonth(from.addYears(-1), to)
                       : Result<QMap<QString, qint64>>(QMap<QString, qint64>{});
    auto gifts = q.gifts(from, to);
    auto tax = q.apprenticeshipTaxReceived(from, to);
    auto dues = q.duesPaid(from, to);
    auto entries = q.entriesByCategory(from, to);
    auto invoiced = full ? q.invoicedInclVat(from, to) : Result<qint64>(0);
    auto received = full ? q.paymentsReceived(from, to) : Result<qint64>(0);
    auto instalments = full ? q.subsidyInstalmentsReceived(from, to) : Result<qint64>(0);
    auto categories = budget.categories();
    auto members = budget.activeMembers(startYear);
    for (const Error* e :
         {production ? nullptr : &production.error(), months ? nullptr : &months.error(),
          gifts ? nullptr : &gifts.error(), tax ? nullptr : &tax.error(), dues ? nullptr : &dues.error(),
          entries ? nullptr : &entries.error(), invoiced ? nullptr : &invoiced.error(),
          received ? nullptr : &received.error(), instalments ? nullptr : &instalments.error(),
          categories ? nullptr : &categories.error(), members ? nullptr : &members.error()})
        if (e)
            return std::unexpected(*e);

    QList<BudgetForecast> forecasts;
    QList<FundingQueries::FunderAmount> funders;
    if (year->id != 0) {
        auto f = budget.forecasts(year->id);
        if (!f)
            return std::unexpected(f.error());
        forecasts = *f;
        auto s = q.subsidiesByFunder(year->id);
        if (!s)
            return std::unexpected(s.error());
        funders = *s;
    }
    auto forecastOf = [&](qint64 categoryId, qint64 funderId) {
        Money sum;
        for (const BudgetForecast& f : forecasts)
            if (f.categoryId == categoryId && f.funderId == funderId)
                sum += f.amount;
        return sum;
    };

    QMap<QString, qint64> groups;
    for (const BudgetCategory& c : *categories) {
        if (c.source == QLatin1String("subsidies")) {
            // One line per funder: those with a forecast and those granted something.
            QList<std::pair<qint64, QString>> lines;
            for (const BudgetForecast& f : forecasts)
                if (f.categoryId == c.id && f.funderId != 0)
                    lines.append({f.funderId, f.funderName});
            for (const FundingQueries::FunderAmount& a : funders) {
                bool known = false;
                for (const auto& l : lines)
                    known = known || l.first == a.funderId;
                if (!known)
                    lines.append({a.funderId, a.funderName});
            }
            if (lines.isEmpty())
                lines.append({0, QString()});
            for (const auto& [funderId, funderName] : lines) {
                FundingReport::Line line{
                    c.kind, c.code, BudgetService::categoryName(c.name), funderId, forecastOf(c.id, funderId),
                    Money()};
                if (funderId != 0)
                    line.name =
                        QStringLiteral("%1 — %2").arg(BudgetService::categoryName(c.name), funderName);
                for (const FundingQueries::FunderAmount& a : funders)
                    if (a.funderId == funderId)
                        line.actual = Money::fromCents(a.granted);
                rep.subsidiesGranted += line.actual;
                rep.categories << line;
                groups[c.splitGroup] += line.actual.cents();
            }
            continue;
        }
        qint64 actual = 0;
        if (c.source == QLatin1String("invoices"))
            actual = *production;
        else if (c.source == QLatin1String("donations"))
            actual = gifts->persons;
        else if (c.source == QLatin1String("sponsorship"))
            actual = gifts->organisations;
        else if (c.source == QLatin1String("apprenticeship_tax"))
            actual = *tax;
        else if (c.source == QLatin1String("dues"))
            actual = *dues;
        else
            actual = entries->value(c.id, 0);
        const Money forecast = forecastOf(c.id, 0);
        if (!c.active && actual == 0 && forecast.isZero())
            continue;
        rep.categories << FundingReport::Line{c.kind, c.code,   BudgetService::categoryName(c.name),
                                              0,      forecast, Money::fromCents(actual)};
        groups[c.splitGroup] += actual;
    }

    const qint64 total = groups.value(QStringLiteral("production")) + groups.value(QStringLiteral("gifts")) +
                         groups.value(QStringLiteral("subsidies")) + groups.value(QStringLiteral("other"));
    auto part = [&](const QString& group) {
        return FundingReport::Part{Money::fromCents(groups.value(group)), share(groups.value(group), total)};
    };
    rep.production = part(QStringLiteral("production"));
    rep.gifts = part(QStringLiteral("gifts"));
    rep.subsidies = part(QStringLiteral("subsidies"));
    rep.other = part(QStringLiteral("other"));
    rep.totalResources = Money::fromCents(total);
    rep.selfFinancingShare = rep.production.share;
    for (const FundingReport::Line& l : rep.categories) {
        if (l.kind == BudgetKind::Resource) {
            rep.forecastResources += l.forecast;
        } else {
            rep.forecastExpenses += l.forecast;
            rep.totalExpenses += l.actual;
        }
    }

    rep.monthlyProduction = twelveMonths(*months, from);
    rep.monthlyProductionPrevious = twelveMonths(*months, from.addYears(-1));
    rep.invoiced = Money::fromCents(*invoiced);
    rep.cashReceived = Money::fromCents(*received);
    rep.subsidiesReceived = Money::fromCents(*instalments);
    rep.giftsCount = gifts->count;
    rep.giftsInKind = Money::fromCents(gifts->inKind);
    rep.activeMembers = *members;

    StaffRepository staff(m_db);
    auto minutes = staff.totalMinutes(from, to);
    if (!minutes)
        return std::unexpected(minutes.error());
    auto hourValue = staff.volunteerHourValue();
    if (!hourValue)
        return std::unexpected(hourValue.error());
    rep.volunteerHours = static_cast<double>(*minutes) / 60.0;
    rep.volunteerValue = Money::fromCents((hourValue->cents() * *minutes + 30) / 60);
    return rep;
}

QJsonObject FundingReportService::toJson(const FundingReport& r)
{
    auto part = [](const FundingReport::Part& p) {
        return QJsonObject{{QStringLiteral("cents"), p.amount.cents()}, {QStringLiteral("share"), p.share}};
    };
    auto target = [](int bp) { return QJsonObject{{QStringLiteral("share"), bp / 10000.0}}; };
    const int otherBp = 10000 - r.year.targetProductionBp - r.year.targetGiftsBp - r.year.targetSubsidiesBp;
    QJsonArray categories;
    for (const FundingReport::Line& l : r.categories)
        categories.append(QJsonObject{{QStringLiteral("kind"), codeOf(l.kind)},
                                      {QStringLiteral("code"), l.code},
                                      {QStringLiteral("name"), l.name},
                                      {QStringLiteral("forecast_cents"), l.forecast.cents()},
                                      {QStringLiteral("actual_cents"), l.actual.cents()}});
    return QJsonObject{
        {QStringLiteral("year"), r.year.start.year()},
        {QStringLiteral("label"), r.label},
        {QStringLiteral("from"), r.year.start.toString(Qt::ISODate)},
        {QStringLiteral("to"), r.year.end.toString(Qt::ISODate)},
        {QStringLiteral("closed"), r.year.closed},
        {QStringLiteral("split"), QJsonObject{{QStringLiteral("production"), part(r.production)},
                                              {QStringLiteral("gifts"), part(r.gifts)},
                                              {QStringLiteral("subsidies"), part(r.subsidies)},
                                              {QStringLiteral("other"), part(r.other)}}},
        {QStringLiteral("total_resources_cents"), r.totalResources.cents()},
        {QStringLiteral("targets"),
         QJsonObject{{QStringLiteral("production"), target(r.year.targetProductionBp)},
                     {QStringLiteral("gifts"), target(r.year.targetGiftsBp)},
                     {QStringLiteral("subsidies"), target(r.year.targetSubsidiesBp)},
                     {QStringLiteral("other"), target(otherBp)}}},
        {QStringLiteral("self_financing_share"), r.selfFinancingShare},
        {QStringLiteral("total_expenses_cents"), r.totalExpenses.cents()},
        {QStringLiteral("categories"), categories},
        {QStringLiteral("contributions_in_kind"),
         QJsonObject{{QStringLiteral("gifts_in_kind_cents"), r.giftsInKind.cents()},
                     {QStringLiteral("volunteer_hours"), r.volunteerHours},
                     {QStringLiteral("volunteer_value_cents"), r.volunteerValue.cents()}}},
    };
}

QString FundingReportService::toCsv(const FundingReport& r)
{
    // No thousands separator: spreadsheets read "1234,56".
    auto amount = [](const Money& m) {
        const qint64 c = m.cents();
        const qint64 magnitude = c < 0 ? -c : c;
        return QStringLiteral("%1%2,%3")
            .arg(c < 0 ? QStringLiteral("-") : QString())
            .arg(magnitude / 100)
            .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    };
    auto percent = [&](double s) {
        return QString::number(s * 100.0, 'f', 1).replace(QLatin1Char('.'), QLatin1Char(','));
    };
    auto field = [](QString s) {
        if (s.contains(QLatin1Char(';')) || s.contains(QLatin1Char('"')))
            s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return s;
    };
    QStringList lines;
    lines << tr("Type;Category;Forecast (€);Actual (€);Gap (€)");
    for (const FundingReport::Line& l : r.categories)
        lines << QStringList{labelOf(l.kind), field(l.name), amount(l.forecast), amount(l.actual),
                             amount(l.gap())}
                     .join(QLatin1Char(';'));
    lines << QString();
    lines << tr("Part;Actual (€);Share (%);Target (%)");
    lines << QStringList{tr("Production"), amount(r.production.amount), percent(r.production.share),
                         percent(r.year.targetProductionBp / 10000.0)}
                 .join(QLatin1Char(';'));
    lines << QStringList{tr("Gifts"), amount(r.gifts.amount), percent(r.gifts.share),
                         percent(r.year.targetGiftsBp / 10000.0)}
                 .join(QLatin1Char(';'));
    lines << QStringList{tr("Subsidies"), amount(r.subsidies.amount), percent(r.subsidies.share),
                         percent(r.year.targetSubsidiesBp / 10000.0)}
                 .join(QLatin1Char(';'));
    lines << QStringList{tr("Other"), amount(r.other.amount), percent(r.other.share),
                         percent((10000 - r.year.targetProductionBp - r.year.targetGiftsBp -
                                  r.year.targetSubsidiesBp) /
                                 10000.0)}
                 .join(QLatin1Char(';'));
    lines << QStringList{tr("Total"), amount(r.totalResources),
                         percent(r.totalResources.isZero() ? 0.0 : 1.0), QString()}
                 .join(QLatin1Char(';'));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace etabli
