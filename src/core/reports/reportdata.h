#pragma once

#include "domain/budget.h"
#include "domain/school.h"
#include "reports/fundingreport.h"
#include "reports/indicators.h"
#include "reports/narrative.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace etabli {

// What each printed report is made of, gathered from the database (off the
// GUI thread when the application makes it) and laid out by etabli_print.

// Tax receipts issued in a period (those cancelled since left out).
struct ReceiptsSummary
{
    qint64 issued = 0;
    Money total;
    qint64 cancelled = 0;
};

struct ActivityReportData
{
    SchoolIdentity school;
    QDate printedOn;
    Indicators indicators; // with the year before
    ReportNarrative narrative;
};

struct FinancialReportData
{
    SchoolIdentity school;
    QDate printedOn;
    FundingReport funding;
    QList<Subsidy> subsidies; // of the financial year
    ReceiptsSummary receipts;
};

struct GrantReportData
{
    SchoolIdentity school;
    QDate printedOn;
    Subsidy subsidy;
    FundingReport funding;                 // the subsidy's financial year
    std::optional<Indicators> indicators;  // the school year the subsidy names (or the one its year starts in)
    // What the account cannot show, in French ("no forecast for 2025"): said
    // on the page and by the CLI.
    QStringList missing;
};

// Sign-in sheets: one page per week, trainees × half-days.
struct AttendanceSheetData
{
    SchoolIdentity school;
    QDate printedOn;
    QString section;
    struct Week
    {
        QDate monday;
        QStringList trainees; // "NOM Prénom", enrolled some day of the week
    };
    QList<Week> weeks;
};

struct FunderPackData
{
    ActivityReportData activity;
    FinancialReportData financial;
    QList<GrantReportData> grants;
};

} // namespace etabli
