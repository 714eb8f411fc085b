#include "storage/chaincounters.h"

#include "storage/database.h"
#include "storage/sqlquery.h"

namespace etabli {

namespace {

struct Check
{
    QString series; // document_counter.series
    QString last;   // SQL: the last record's number in the chain (year bound as :year)
};

} // namespace

Result<QStringList> ChainCounters::missing() const
{
    const QList<Check> checks = {
        {QStringLiteral("F"),
         QStringLiteral("SELECT MAX(sequence) FROM invoice WHERE status = 'issued' AND kind = "
                        "'invoice' AND series_year = :year")},
        {QStringLiteral("A"),
         QStringLiteral("SELECT MAX(sequence) FROM invoice WHERE status = 'issued' AND kind = "
                        "'credit' AND series_year = :year")},
        {QStringLiteral("chain"), QStringLiteral("SELECT MAX(chain_position) FROM invoice")},
        {QStringLiteral("R"), QStringLiteral("SELECT MAX(sequence) FROM tax_receipt WHERE year = :year")},
        {QStringLiteral("receipt-chain"), QStringLiteral("SELECT MAX(chain_position) FROM tax_receipt")},
        {QStringLiteral("payment-chain"), QStringLiteral("SELECT COUNT(*) FROM payment")},
        {QStringLiteral("audit"), QStringLiteral("SELECT MAX(id) FROM audit_log")},
        {QStringLiteral("closing-chain"), QStringLiteral("SELECT MAX(chain_position) FROM closing")},
    };
    QStringList out;
    for (const Check& c : checks) {
        SqlQuery counters(m_db);
        ETABLI_TRY(counters.prepare(QStringLiteral(
            "SELECT year, last_number FROM document_counter WHERE series = :series ORDER BY year")));
        counters.bind(QStringLiteral("series"), c.series);
        ETABLI_TRY(counters.exec());
        QList<std::pair<int, qint64>> rows;
        while (counters.next())
            rows.append({counters.value(0).toInt(), counters.value(1).toLongLong()});
        for (const auto& [year, counter] : std::as_const(rows)) {
            SqlQuery last(m_db);
            ETABLI_TRY(last.prepare(c.last));
            if (c.last.contains(QLatin1String(":year")))
                last.bind(QStringLiteral("year"), year);
            auto value = last.execScalar();
            if (!value)
                return std::unexpected(value.error());
            qint64 present = value->isNull() ? 0 : value->toLongLong();
            // Numbers a restore left without their document are explained, not missing.
            SqlQuery gap(m_db);
            ETABLI_TRY(gap.prepare(QStringLiteral(
                "SELECT MAX(last_number) FROM numbering_gap WHERE series = :series AND year = :year")));
            gap.bind(QStringLiteral("series"), c.series).bind(QStringLiteral("year"), year);
            auto explained = gap.execScalar();
            if (!explained)
                return std::unexpected(explained.error());
            if (!explained->isNull())
                present = std::max(present, explained->toLongLong());
            if (present >= counter)
                continue;
            const qint64 gone = counter - present;
            if (c.series == QLatin1String("F"))
                out << tr("Invoices %1: %n missing at the end (F%1-%2 was issued, the last present is number "
                          "%3).",
                          nullptr, static_cast<int>(gone))
                           .arg(year)
                           .arg(counter, 4, 10, QLatin1Char('0'))
                           .arg(present);
            else if (c.series == QLatin1String("A"))
                out << tr("Credit notes %1: %n missing at the end (A%1-%2 was issued, the last present is "
                          "number %3).",
                          nullptr, static_cast<int>(gone))
                           .arg(year)
                           .arg(counter, 4, 10, QLatin1Char('0'))
                           .arg(present);
            else if (c.series == QLatin1String("R"))
                out << tr("Tax receipts %1: %n missing at the end (R%1-%2 was issued, the last present is "
                          "number %3).",
                          nullptr, static_cast<int>(gone))
                           .arg(year)
                           .arg(counter, 4, 10, QLatin1Char('0'))
                           .arg(present);
            else if (c.series == QLatin1String("chain"))
                out << tr("Chain of invoices: %n document(s) missing at the end (%1 issued, %2 present).",
                          nullptr, static_cast<int>(gone))
                           .arg(counter)
                           .arg(present);
            else if (c.series == QLatin1String("receipt-chain"))
                out << tr("Chain of tax receipts: %n missing at the end (%1 issued, %2 present).", nullptr,
                          static_cast<int>(gone))
                           .arg(counter)
                           .arg(present);
            else if (c.series == QLatin1String("payment-chain"))
                out << tr("Payments: %n missing (%1 recorded, %2 present).", nullptr, static_cast<int>(gone))
                           .arg(counter)
                           .arg(present);
            else if (c.series == QLatin1String("closing-chain"))
                out << tr("Closings: %n missing at the end (%1 made, %2 present).", nullptr,
                          static_cast<int>(gone))
                           .arg(counter)
                           .arg(present);
            else
                out << tr("Log of changes: %n row(s) missing at the end (rows up to %1 were written, the "
                          "last present "
                          "is %2).",
                          nullptr, static_cast<int>(gone))
                           .arg(counter)
                           .arg(present);
        }
    }
    return out;
}

} // namespace etabli
