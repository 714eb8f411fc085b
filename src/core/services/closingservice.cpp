#include "services/closingservice.h"

#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "storage/database.h"
#include "storage/invoicerepository.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/text.h"

#include <QLocale>

namespace etabli {

QString ClosingService::monthLabel(const QDate& month)
{
    return QStringLiteral("%1 %2")
        .arg(QLocale().standaloneMonthName(month.month()).toLower())
        .arg(month.year());
}

QString ClosingService::periodLabel(const Closing& closing)
{
    if (closing.kind == ClosingKind::Year)
        return tr("year %1").arg(closing.start.year());
    return monthLabel(closing.start);
}

Result<QList<Closing>> ClosingService::closings(int year) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return ClosingRepository(m_db).list(year);
}

Result<QList<QDate>> ClosingService::pendingMonths() const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    ClosingRepository repo(m_db);
    auto last = repo.last(ClosingKind::Month);
    if (!last)
        return std::unexpected(last.error());
    QDate month;
    if (*last) {
        month = (*last)->start.addMonths(1);
    } else {
        auto first = repo.firstActivity();
        if (!first)
            return std::unexpected(first.error());
        if (!first->isValid())
            return QList<QDate>();
        month = QDate(first->year(), first->month(), 1);
    }
    const QDate today = m_clock.today();
    const QDate current(today.year(), today.month(), 1);
    QList<QDate> out;
    for (; month < current; month = month.addMonths(1))
        out << month;
    return out;
}

Result<QList<Closing>> ClosingService::closeUntil(const QDate& until)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesClose));
    return inTransaction(m_db, [&]() -> Result<QList<Closing>> {
        // The chain's counter serialises closings: two offices cannot close the same month.
        InvoiceRepository numbers(m_db);
        ClosingRepository repo(m_db);
        auto pending = pendingMonths();
        if (!pending)
            return std::unexpected(pending.error());
        const QDate today = m_clock.today();
        if (!until.isValid() ||
            QDate(until.year(), until.month(), 1) >= QDate(today.year(), today.month(), 1))
            return fail(Error::Code::InvalidInput,
                        tr("Only a month that is over can be closed: %1 is not over yet.")
                            .arg(monthLabel(until.isValid() ? until : today)));
        QList<QDate> months;
        for (const QDate& m : std::as_const(*pending))
            if (m <= until)
                months << m;
        if (months.isEmpty())
            return fail(
                Error::Code::InvalidInput,
                tr("%1 is already closed (or nothing was issued nor paid before it): nothing to close.")
                    .arg(monthLabel(until)));
        QList<Closing> made;
        auto add = [&](ClosingKind kind, const QDate& start, const QDate& end) -> Status {
            auto position = numbers.takeNumber(QStringLiteral("closing-chain"), 0);
            if (!position)
                return std::unexpected(position.error());
            auto tip = repo.tip();
            if (!tip)
                return std::unexpected(tip.error());
            if (tip->first != *position - 1)
                return fail(
                    Error::Code::Storage,
                    tr("The chain of closings is inconsistent: run a check of the database."),
                    QStringLiteral("closing tip %1, position taken %2").arg(tip->first).arg(*position));
            auto previous = repo.last(kind);
            if (!previous)
                return std::unexpected(previous.error());
            auto totals = repo.totals(start, end);
            if (!totals)
                return std::unexpected(totals.error());
            auto range = repo.numbers(start, end);
            if (!range)
                return std::unexpected(range.error());
            Closing c;
            c.kind = kind;
            c.start = start;
            c.end = end;
            c.period = closingPeriod(kind, start);
            c.position = *position;
            c.firstNumber = range->first;
            c.lastNumber = range->second;
            c.totals = *totals;
            if (*previous)
                c.grandTotals = (*previous)->grandTotals;
            c.grandTotals.add(c.totals);
            c.closedAt = m_clock.nowIso();
            c.closedBy = m_actor.login;
            c.prevHash = tip->second;
            c.hash = closingHash(c, c.prevHash);
            if (auto r = repo.insert(c); !r)
                return r;
            ChangeSet changes;
            changes.set(QStringLiteral("period"), c.period)
                .set(QStringLiteral("total_incl_cents"), c.totals.incl().cents())
                .set(QStringLiteral("paid_cents"), c.totals.paid().cents())
                .set(QStringLiteral("hash"), c.hash);
            if (auto r = AuditTrail(m_db, m_clock)
                             .record(m_actor, AuditEntity::Closing, c.period, AuditAction::Create, changes);
                !r)
                return r;
            made << c;
            return {};
        };
        for (const QDate& m : std::as_const(months)) {
            ETABLI_TRY(add(ClosingKind::Month, m, m.addMonths(1).addDays(-1)));
            if (m.month() == 12)
                ETABLI_TRY(add(ClosingKind::Year, QDate(m.year(), 1, 1), QDate(m.year(), 12, 31)));
        }
        return made;
    });
}

Result<ClosingRepository::ChainReport> ClosingService::verifyChain() const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return ClosingRepository(m_db).verifyChain();
}

Status ClosingService::requireOpen(Database& db, const QDate& day)
{
    auto closed = ClosingRepository(db).isClosed(day);
    if (!closed)
        return std::unexpected(closed.error());
    if (*closed)
        return fail(Error::Code::InvalidInput,
                    tr("%1 is closed (Sales → Closings): nothing can be issued nor paid on %2 any more. "
                       "Record it on a day of a month that is still open.")
                        .arg(monthLabel(QDate(day.year(), day.month(), 1)), text::frenchDate(day)));
    return {};
}

} // namespace etabli
