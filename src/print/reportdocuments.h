#pragma once

#include "print/reportbuilder.h"
#include "reports/reportdata.h"

#include <QCoreApplication>

namespace etabli::print {

// The reports funders ask for, written from the data ReportDataService
// gathers: each a ReportBuilder, printed as PDF, on paper or as HTML.
class ReportDocuments
{
    Q_DECLARE_TR_FUNCTIONS(ReportDocuments)

public:
    // Rapport d'activité of a school year: narrative, charts, indicators.
    static ReportBuilder activity(const ActivityReportData& data);
    // The indicators' table alone, beside the year before.
    static ReportBuilder indicators(const ActivityReportData& data);
    // Rapport financier of a financial year.
    static ReportBuilder financial(const FinancialReportData& data);
    // Compte rendu financier de subvention, laid out like Cerfa n°15059.
    static ReportBuilder grant(const GrantReportData& data);
    // The art. 222 bis declaration of a civil or financial year.
    static ReportBuilder receipts(const ReceiptsStatementData& data);
    // Feuilles d'émargement: one page per week (print in landscape).
    static ReportBuilder attendance(const AttendanceSheetData& data);
    // Livret de suivi of a trainee: each framework with the levels and the
    // jobs behind them, the internships, the certifications, signatures.
    static ReportBuilder booklet(const BookletData& data);
    // Pack financeur: all of the above but the sheets, with a table of contents.
    static ReportBuilder pack(const FunderPackData& data);

private:
    static void writeActivity(ReportBuilder& b, const ActivityReportData& data, const QString& prefix);
    static void writeIndicators(ReportBuilder& b, const Indicators& indicators, const QString& prefix);
    static void writeFundamentals(ReportBuilder& b, const Indicators& indicators, const QString& prefix);
    static void writeFinancial(ReportBuilder& b, const FinancialReportData& data, const QString& prefix);
    static void writeGrant(ReportBuilder& b, const GrantReportData& data, const QString& prefix);
    static void writeActionBudget(ReportBuilder& b, const Subsidy& subsidy);
    static void writeReceiptsStatement(ReportBuilder& b, const ReceiptsStatement& statement);
};

} // namespace etabli::print
