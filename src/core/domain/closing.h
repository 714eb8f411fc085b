#pragma once

#include "domain/codes.h"
#include "domain/money.h"

#include <optional>
#include <QByteArray>
#include <QDate>
#include <QMap>
#include <QString>

namespace etabli {

// A closing seals a period of the sales: a month, then the civil year once
// its twelve months are closed (../docs/decisions.md, 31).
enum class ClosingKind
{
    Month,
    Year,
};

template <> struct Codes<ClosingKind>
{
    static constexpr CodeEntry<ClosingKind> entries[] = {
        {ClosingKind::Month, "month", QT_TRANSLATE_NOOP("etabli::Codes", "Monthly closing")},
        {ClosingKind::Year, "year", QT_TRANSLATE_NOOP("etabli::Codes", "Yearly closing")},
    };
};

// Sales of one VAT rate in a period (incl. VAT is their sum).
struct RateTotal
{
    Money excl;
    Money vat;
    Money incl() const { return excl + vat; }
    bool operator==(const RateTotal&) const = default;
};

// What a closing adds up: the issued invoices and credit notes (negative) per
// VAT rate in basis points (0 when no VAT is charged), and the payments per
// method (reversals negative). Also the perpetual grand totals: the same
// figures summed since the first closing.
struct ClosingTotals
{
    QMap<int, RateTotal> sales;
    QMap<QString, Money> payments; // by method code
    qint64 invoices = 0;
    qint64 credits = 0;
    qint64 paymentCount = 0;

    Money excl() const;
    Money vat() const;
    Money incl() const;
    Money paid() const;
    void add(const ClosingTotals& other);
    // Compact JSON with its keys in a fixed order: what the hash covers.
    QByteArray toJson() const;
    static std::optional<ClosingTotals> fromJson(const QByteArray& json);
    bool operator==(const ClosingTotals&) const = default;
};

struct Closing
{
    qint64 id = 0;
    ClosingKind kind = ClosingKind::Month;
    QString period; // "2025-03" or "2025"
    QDate start;
    QDate end;
    int position = 0;    // in the chain of closings, from 1
    QString firstNumber; // the period's first and last issued document
    QString lastNumber;
    ClosingTotals totals;
    ClosingTotals grandTotals;
    QString closedAt; // ISO UTC
    QString closedBy;
    QString prevHash;
    QString hash;
};

// "2025-03" for a month, "2025" for a year.
QString closingPeriod(ClosingKind kind, const QDate& start);
// SHA-256 over every field of the closing and the previous closing's hash.
QString closingHash(const Closing& closing, const QString& prevHash);

} // namespace etabli
