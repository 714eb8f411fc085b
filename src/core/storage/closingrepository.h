#pragma once

#include "domain/closing.h"
#include "util/error.h"

#include <optional>
#include <QCoreApplication>
#include <QList>

namespace etabli {

class Database;

// The closings (table closing), and the figures they add up, summed from the
// issued invoices and the payments. The rules (order, who may) live in
// ClosingService.
class ClosingRepository
{
    Q_DECLARE_TR_FUNCTIONS(ClosingRepository)

public:
    explicit ClosingRepository(Database& db) : m_db(db) {}

    // Every closing in the order of the chain; `year` > 0 keeps those of that civil year.
    Result<QList<Closing>> list(int year = 0) const;
    Result<std::optional<Closing>> last(ClosingKind kind) const;
    // The chain's last closing (position 0 and no hash when none).
    Result<std::pair<int, QString>> tip() const;
    Status insert(const Closing& closing);

    // The period's issued invoices and credit notes per VAT rate, and payments per method.
    Result<ClosingTotals> totals(const QDate& from, const QDate& to) const;
    // The numbers of the period's first and last issued documents (empty when none).
    Result<std::pair<QString, QString>> numbers(const QDate& from, const QDate& to) const;
    // The first day anything was issued or paid (invalid when nothing was).
    Result<QDate> firstActivity() const;
    // Whether the month of `day` is closed.
    Result<bool> isClosed(const QDate& day) const;

    struct ChainReport
    {
        qint64 closings = 0;
        QString firstBad; // the period of the first altered closing; empty when intact
        bool ok() const { return firstBad.isEmpty(); }
    };
    // Each closing's seal and its link to the previous one.
    Result<ChainReport> verifyChain() const;

private:
    Database& m_db;
};

} // namespace etabli
