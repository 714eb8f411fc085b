#pragma once

#include "domain/budget.h"
#include "domain/funding.h"
#include "domain/money.h"

#include <QList>
#include <QString>

namespace etabli {

// Where a financial year stands: plain data, built by FundingReportService.
struct FundingReport
{
    struct Part
    {
        Money amount;
        double share = 0; // of the total resources, 0..1
    };

    struct Line
    {
        BudgetKind kind = BudgetKind::Resource;
        QString code; // the category's code
        QString name; // French, with the funder for subsidies
        qint64 funderId = 0;
        Money forecast;
        Money actual;
        Money gap() const { return actual - forecast; }
        // Short of a resource's forecast, or over an expense's (nothing forecast: neither).
        bool shortfall() const
        {
            return !forecast.isZero() &&
                   (kind == BudgetKind::Expense ? gap().cents() > 0 : gap().cents() < 0);
        }
    };

    FinancialYear year; // id 0 when not opened yet
    QString label;      // "2025" or "2025-2026"

    Part production;
    Part gifts; // donations + sponsorship + apprenticeship tax
    Part subsidies;
    Part other;
    Money totalResources;
    double selfFinancingShare = 0; // production ÷ total resources

    QList<Line> categories; // resources then expenses
    Money forecastResources;
    Money forecastExpenses;
    Money totalExpenses;

    // Production excl. VAT per month of the year, and of the year before.
    QList<qint64> monthlyProduction;
    QList<qint64> monthlyProductionPrevious;
    Money invoiced;     // incl. VAT, net of credit notes
    Money cashReceived; // customers' payments received in the year
    Money subsidiesGranted;
    Money subsidiesReceived; // instalments received in the year

    qint64 giftsCount = 0;
    // Contributions in kind, never mixed with the cash above.
    Money giftsInKind;
    double volunteerHours = 0;
    Money volunteerValue;
    int activeMembers = 0;
};

} // namespace etabli
