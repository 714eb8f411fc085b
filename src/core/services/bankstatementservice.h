#pragma once

#include "domain/bank.h"
#include "domain/user.h"
#include "io/bankstatement.h"
#include "util/error.h"

#include <optional>
#include <QCoreApplication>

namespace etabli {

class Clock;
class Database;

// The bank's statements brought into Établi (issue 22, item 3): an OFX or
// CAMT.053 file, or the CSV (or spreadsheet) export of a French bank whose
// columns are recognised, or said once by the office and remembered for
// that bank. A file is recorded once; movements already recorded from an
// overlapping statement are left out. sales.read to list, sales.write to
// import.
class BankStatementService
{
    Q_DECLARE_TR_FUNCTIONS(BankStatementService)

public:
    BankStatementService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    struct Preview
    {
        QString fileName;
        StatementFile file;
        // A CSV file whose columns are not known yet: nothing else is filled
        // but `columns` (its headings and the layout guessed from them).
        bool needsLayout = false;
        bank::CsvColumns columns;
        bank::CsvLayout layout; // CSV: the layout it was read with
        QList<bool> known;      // per line: recorded already (an overlapping statement)
        QString accountWarning; // the account is not the school's, said in French; or empty

        int newLines() const;
        int newCredits() const;
        Money newCreditTotal() const;
    };
    // Reads a file. A CSV file is read with `layout` when given, else with
    // the layout set up for its heading row, else the one its headings
    // suggest; when none is complete, the preview says so (needsLayout).
    Result<Preview> prepare(const QByteArray& bytes, const QString& fileName,
                            const std::optional<bank::CsvLayout>& layout = std::nullopt) const;
    // Records the statement's new lines (and a CSV file's layout, for next
    // time); returns the statement's id. Refused when this file was imported
    // already, or when every movement in it was.
    Result<qint64> import(const Preview& preview);

    Result<QList<BankStatement>> statements() const;
    Result<QList<StatementLine>> lines(qint64 statementId) const;

    // What a line is recorded by: the bank's reference, else its day,
    // amount, wording and rank among identical ones in the file.
    static QStringList lineKeys(const QList<BankLine>& lines);

private:
    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor;
};

} // namespace etabli
