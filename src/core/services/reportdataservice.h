#pragma once

#include "domain/user.h"
#include "reports/reportdata.h"
#include "util/error.h"

#include <QCoreApplication>

namespace etabli {

class Clock;
class Database;

// Gathers what each printed report shows (indicators, funding report,
// subsidies, narratives, registers), checking that the account may see it.
// Runs on any connection: the application calls it from a worker thread.
class ReportDataService
{
    Q_DECLARE_TR_FUNCTIONS(ReportDataService)

public:
    ReportDataService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    // reports.read; `section` by name, empty for the whole school.
    Result<ActivityReportData> activity(const QString& schoolYear, const QString& section = {}) const;
    // reports.read and funding.read; the financial year starting in `startYear`.
    Result<FinancialReportData> financial(int startYear) const;
    // reports.read and funding.read.
    Result<GrantReportData> grant(qint64 subsidyId) const;
    // funding.read: the art. 222 bis declaration of the civil year `year`,
    // or of the financial year starting in it.
    Result<ReceiptsStatementData> receipts(int year, bool financialYear = false) const;
    // trainees.read in the section; one sheet per week from the week of
    // `from` to the week of `to` (at most 26 weeks).
    Result<AttendanceSheetData> attendance(const QString& section, const QDate& from, const QDate& to) const;
    // The learning booklet of a trainee: direction and office, and the
    // trainers of the trainee's section.
    Result<BookletData> booklet(qint64 traineeId) const;
    // The activity of the school year, the financial year and each subsidy's account.
    Result<FunderPackData> pack(const QString& schoolYear, int startYear,
                                const QList<qint64>& subsidyIds) const;

private:
    Result<ReceiptsStatement> statement(const QDate& from, const QDate& to, bool financialYear) const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor;
};

} // namespace etabli
