#include "storage/databasecheck.h"

#include "storage/auditrepository.h"
#include "storage/chaincounters.h"
#include "storage/closingrepository.h"
#include "storage/fundingrepository.h"
#include "storage/invoicerepository.h"

#include <algorithm>

namespace etabli {

bool DatabaseCheck::Report::ok() const
{
    return integrity.ok() && std::all_of(chains.cbegin(), chains.cend(), [](const Line& l) { return l.ok; });
}

Result<DatabaseCheck::Report> DatabaseCheck::run(Database& db)
{
    auto integrity = db.checkIntegrity();
    if (!integrity)
        return std::unexpected(integrity.error());
    Report report;
    report.integrity = *integrity;
    // Nothing more is read from a damaged file, nor from an older schema.
    if (integrity->quickCheck != QStringList{QStringLiteral("ok")} ||
        integrity->schemaVersion < integrity->latestSchemaVersion)
        return report;
    report.chainsChecked = true;
    auto& lines = report.chains;

    auto chain = AuditRepository(db).verifyChain();
    if (!chain)
        return std::unexpected(chain.error());
    if (chain->ok())
        lines.append(
            {tr("Log of changes: intact (%n row(s))", nullptr, static_cast<int>(chain->rows)), true});
    else
        lines.append(
            {tr("Log of changes: ALTERED at row %1 (%2)").arg(chain->firstBadId).arg(chain->problem), false});

    auto sales = InvoiceRepository(db).verifyChains();
    if (!sales)
        return std::unexpected(sales.error());
    if (sales->ok())
        lines.append({tr("Invoices and payments: chains intact (%1 document(s), %2 payment(s))")
                          .arg(sales->documents)
                          .arg(sales->payments),
                      true});
    else
        lines.append({tr("Invoices and payments: ALTERED at %1").arg(sales->firstBad), false});

    auto balances = InvoiceRepository(db).verifyBalances();
    if (!balances)
        return std::unexpected(balances.error());
    if (balances->ok())
        lines.append({tr("Amounts due: in step with the payments and credit notes (%n invoice(s))", nullptr,
                         static_cast<int>(balances->invoices)),
                      true});
    else
        lines.append(
            {tr("Amounts due: DIFFERENT from the payments and credit notes at %1").arg(balances->firstBad),
             false});

    auto receipts = FundingRepository(db).verifyReceipts();
    if (!receipts)
        return std::unexpected(receipts.error());
    if (receipts->isEmpty())
        lines.append({tr("Tax receipts: chain intact"), true});
    else
        lines.append({tr("Tax receipts: ALTERED at %1").arg(*receipts), false});

    auto closings = ClosingRepository(db).verifyChain();
    if (!closings)
        return std::unexpected(closings.error());
    if (closings->ok())
        lines.append(
            {tr("Closings: chain intact (%n closing(s))", nullptr, static_cast<int>(closings->closings)),
             true});
    else
        lines.append({tr("Closings: ALTERED at %1").arg(closings->firstBad), false});

    auto missing = ChainCounters(db).missing();
    if (!missing)
        return std::unexpected(missing.error());
    if (missing->isEmpty())
        lines.append({tr("Counters: every chain is whole up to its last number"), true});
    for (const QString& m : std::as_const(*missing))
        lines.append({tr("MISSING: %1").arg(m), false});
    return report;
}

} // namespace etabli
