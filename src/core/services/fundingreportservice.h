#pragma once

#include "domain/user.h"
#include "reports/fundingreport.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace etabli {

class Clock;
class Database;

// The funding split, the self-financing share and forecast against actual
// for a financial year, every figure summed in SQL from what was entered:
// production from the issued invoices minus credit notes excluding VAT,
// gifts from the gifts (money only) and the apprenticeship tax received,
// subsidies from those granted for the year, other from dues and entries.
// Gifts in kind and volunteer time are given apart. funding.read.
class FundingReportService
{
    Q_DECLARE_TR_FUNCTIONS(FundingReportService)

public:
    FundingReportService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    // The financial year starting in `startYear`.
    // Detail::Split: the split, shares and categories only, without the
    // months, the invoicing and the cash (what the home page shows, on every change).
    enum class Detail
    {
        Full,
        Split
    };
    Result<FundingReport> report(int startYear, Detail detail = Detail::Full) const;

    // The stable keys of `etabli-cli report funding --format json`.
    static QJsonObject toJson(const FundingReport& report);
    // One line per category, then the split: for a spreadsheet (French decimal comma, ';').
    static QString toCsv(const FundingReport& report);

private:
    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
