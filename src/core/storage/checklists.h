#pragma once

#include "util/error.h"

#include <functional>
#include <QString>

namespace etabli {

class Database;

// SQLite 3.40 checks `column IN ('a', 'b', 'c')` through a temporary table
// built at each statement that writes the row (two values or fewer are
// compared directly): 1.5 µs per insert, a tenth of an import's row. Step 28
// writes the schema's lists of three values or more as comparisons, which
// accept and refuse exactly the same rows (NULL included).

// A table's definition with its lists written as comparisons
// (`(kind = 'a' OR kind = 'b' OR kind = 'c')`); anything else unchanged.
QString checkListsAsComparisons(const QString& createTable);

// Rewrites every table's definition in the schema (SQLite; nothing on
// PostgreSQL), the documented way for a change that leaves the stored rows
// and indexes as they are: the schema's text edited, its version raised.
Status writeCheckListsAsComparisons(Database& db);

// Step 32: 'online' among the methods of gifts and dues. A list that grows
// accepts every row it accepted: the definitions of donation and
// membership_due are edited the same way.
Status allowOnlinePayments(Database& db);

// Each table's definition through `change(name, sql)`; those it changes are
// written back (SQLite; nothing on PostgreSQL). Only for changes every stored
// row and index still satisfies.
Status rewriteTableDefinitions(Database& db,
                               const std::function<QString(const QString& name, const QString& sql)>& change);

} // namespace etabli
