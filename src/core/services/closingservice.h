#pragma once

#include "domain/closing.h"
#include "domain/user.h"
#include "storage/closingrepository.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Clock;
class Database;

// Monthly and yearly closings of the sales (../docs/decisions.md, 31). Months
// are closed in order, from the first month anything was issued or paid, once
// they are over; closing December closes its civil year too. Each closing
// holds the period's sales per VAT rate and payments per method, and the
// perpetual grand totals; it is sealed by its hash and chained to the one
// before. Nothing can be issued nor paid on a day of a closed month.
class ClosingService
{
    Q_DECLARE_TR_FUNCTIONS(ClosingService)

public:
    ClosingService(Database& db, const Clock& clock, UserContext actor)
        : m_db(db), m_clock(clock), m_actor(std::move(actor))
    {
    }

    // Every closing, in the order of the chain; `year` > 0 keeps that civil year's.
    Result<QList<Closing>> closings(int year = 0) const;
    // The first day of each month that is over and not closed yet, oldest first.
    Result<QList<QDate>> pendingMonths() const;
    // Closes every pending month up to the month of `until`, in order, and
    // each civil year whose December is among them. Returns the closings made.
    Result<QList<Closing>> closeUntil(const QDate& until);
    Result<ClosingRepository::ChainReport> verifyChain() const;

    // Refuses a day in a closed month, in French.
    static Status requireOpen(Database& db, const QDate& day);
    // "mars 2025", "année 2025".
    static QString periodLabel(const Closing& closing);
    static QString monthLabel(const QDate& month);

private:
    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor;
};

} // namespace etabli
