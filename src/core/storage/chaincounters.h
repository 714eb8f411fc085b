#pragma once

#include "util/error.h"

#include <QCoreApplication>
#include <QStringList>

namespace etabli {

class Database;

// Compares each chain of legal records with its counter, which only grows:
// the invoices and credit notes of each year (F, A) and their chain, the tax
// receipts (R) and their chain, the payments, the log of changes. A counter
// above the last record means records were deleted from the end (after the
// triggers were dropped by hand), which the hash chains alone cannot see —
// unless a restore recorded those numbers in numbering_gap.
class ChainCounters
{
    Q_DECLARE_TR_FUNCTIONS(ChainCounters)

public:
    explicit ChainCounters(Database& db) : m_db(db) {}

    // What is missing, one French sentence each; empty when every chain is whole.
    Result<QStringList> missing() const;

private:
    Database& m_db;
};

} // namespace etabli
