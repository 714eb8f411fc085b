#pragma once

#include "domain/budget.h"
#include "domain/career.h"
#include "domain/learning.h"
#include "domain/school.h"
#include "reports/fundingreport.h"
#include "reports/indicators.h"
#include "reports/narrative.h"

#include <optional>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace etabli {

// What each printed report is made of, gathered from the database (off the
// GUI thread when the application makes it) and laid out by etabli_print.

// The yearly declaration of art. 222 bis CGI for a civil or financial year:
// the gifts received in the period that gave rise to a tax receipt (whenever
// the receipt was issued, even the next year; cancelled receipts left out),
// and the receipts issued in the period, net of cancellations.
struct ReceiptsStatement
{
    QDate from;
    QDate to;
    bool financialYear = false;
    Money gifts; // the figure to declare
    qint64 giftsCount = 0;
    Money receiptedLater; // part of `gifts` whose receipt was issued after the period
    qint64 receipts = 0;  // issued in the period and not cancelled since
    qint64 cancelled = 0; // issued in the period and cancelled since
};

struct ReceiptsStatementData
{
    SchoolIdentity school;
    QDate printedOn;
    ReceiptsStatement statement;
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
    QList<Subsidy> subsidies;   // of the financial year
    ReceiptsStatement receipts; // the art. 222 bis figures of the financial year
};

struct GrantReportData
{
    SchoolIdentity school;
    QDate printedOn;
    Subsidy subsidy;
    FundingReport funding;                // the subsidy's financial year
    std::optional<Indicators> indicators; // the school year the subsidy names (or the one its year starts in)
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

// Livret de suivi des apprentissages of a trainee (issue 23, item 3): the
// framework of each certification their section prepares, with each
// competence's current level and the real jobs behind it.
struct BookletData
{
    SchoolIdentity school;
    QDate printedOn;
    QString trainee; // "Léa DUPONT"
    QString section;
    QDate entry;
    QDate exit;
    QStringList trainers; // the section's master trainers
    struct Competence
    {
        QString code;
        QString title;
        QStringList criteria;
        std::optional<CompetenceLevel> level; // none: not evaluated yet
        QDate day;
        QString evaluator;
        int jobs = 0;   // jobs of the log that practised it
        int orders = 0; // of which for customers
        int minutes = 0;
    };
    struct Block
    {
        QString code;
        QString title;
        QList<Competence> competences;
    };
    struct Framework
    {
        QString certification; // "CAP MV — CAP maintenance des véhicules"
        bool demo = false;
        QList<Block> blocks;
    };
    QList<Framework> frameworks;
    struct Stay
    {
        QString host;
        QDate start;
        QDate end;
    };
    QList<Stay> internships;
    struct Result
    {
        QString certification;
        int session = 0;
        CertificationResult result = CertificationResult::Registered;
    };
    QList<Result> certifications;
};

struct FunderPackData
{
    ActivityReportData activity;
    FinancialReportData financial;
    QList<GrantReportData> grants;
};

} // namespace etabli
