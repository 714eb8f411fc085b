#pragma once

#include "domain/funding.h"
#include "domain/user.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Clock;
class Database;

// Financial years (exercices). A year starts on the first day of the month
// the settings name and lasts twelve months; it is named by the calendar
// year it starts in ("2025", or "2025-2026" when it does not start in
// January). The current year is opened when first needed. Once closed,
// nothing dated in it may be added or changed; only the direction may
// reopen it, giving a reason the log of changes keeps.
class FinancialYearService
{
    Q_DECLARE_TR_FUNCTIONS(FinancialYearService)

public:
    FinancialYearService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    // Newest first.
    Result<QList<FinancialYear>> years() const;
    Result<FinancialYear> year(qint64 id) const;
    // The year starting in `startYear`: as stored, or as it will be once
    // opened (id 0, default targets).
    Result<FinancialYear> yearStartingIn(int startYear) const;
    // The year holding a day, stored or not.
    Result<FinancialYear> yearHolding(const QDate& day) const;

    // Stores the year starting in `startYear` (returns it as it is if it already is).
    Result<FinancialYear> open(int startYear);
    // Opens the year holding today if needed.
    Result<FinancialYear> openCurrent();
    Status setTargets(const FinancialYear& year);
    Status close(qint64 id, int version);
    Status reopen(qint64 id, const QString& reason, int version);

    static QString label(const FinancialYear& year);
    // Refuses a day inside a closed year (nothing may be dated in it).
    static Status requireOpen(Database& db, const QDate& day);

private:
    Result<int> startMonth() const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
