#pragma once

#include "util/error.h"

#include <memory>
#include <QCoreApplication>
#include <QList>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace etabli {

class Database;

// Rows of one table written many per statement. On PostgreSQL every
// statement is a round trip to the server: an import of 20 000 people wrote
// 60 000 rows one at a time (3 400 rows/s, docs/performance.md). Here each
// column goes as one array parameter that unnest() turns back into rows, a
// thousand rows per statement (faster than VALUES lists, which Qt's driver
// sends as text with every value quoted: measured, decision 63). On SQLite
// the database is in the process and one row per statement is as fast
// (several rows per statement were slower), so it stays one.
//
// add() takes the row's values in the order of `columns` — a NULL typed as
// its column (sql::idOrNull, sql::isoOrNull), since the first row's types
// choose the arrays' — and writes when a statement is full; flush() writes
// what is left and must be called before the rows are read back. Inside the
// caller's transaction.
class BatchInsert
{
    Q_DECLARE_TR_FUNCTIONS(BatchInsert)

public:
    BatchInsert(const Database& db, QString table, QStringList columns);
    ~BatchInsert();
    BatchInsert(const BatchInsert&) = delete;
    BatchInsert& operator=(const BatchInsert&) = delete;

    Status add(QVariantList values);
    Status flush();
    // Rows added and not yet written.
    qsizetype pending() const { return m_rows.size(); }
    // Rows a statement takes (1 on SQLite, 1 000 on PostgreSQL).
    qsizetype rowsPerStatement() const { return m_perStatement; }

private:
    Status prepare();
    Status writeRow();    // SQLite
    Status writeArrays(); // PostgreSQL

    const Database& m_db;
    QString m_table;
    QStringList m_columns;
    qsizetype m_perStatement;
    QList<QVariantList> m_rows;
    std::unique_ptr<QSqlQuery> m_statement; // prepared at the first write
};

} // namespace etabli
