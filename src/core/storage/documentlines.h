#pragma once

#include "domain/sales.h"
#include "util/error.h"

#include <QList>
#include <QString>

namespace etabli {

class Database;
class SqlQuery;

// The lines of a quote, a work order or an invoice: the same columns in
// quote_line, work_order_line and invoice_line, keyed by their document.
namespace documentlines {

// Replaces the document's lines (position = order in the list).
Status write(Database& db, const QString& table, const QString& key, qint64 documentId,
             const QList<InvoiceLine>& lines);
Result<QList<InvoiceLine>> read(const Database& db, const QString& table, const QString& key,
                                qint64 documentId);

// For a query of many documents' lines: the columns read() reads (of the
// lines' table under `alias`), and a line out of them from column `first` on.
QString columns(const QString& alias);
InvoiceLine fromRow(const SqlQuery& q, int first);

} // namespace documentlines
} // namespace etabli
