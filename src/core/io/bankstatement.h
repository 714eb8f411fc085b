#pragma once

#include "domain/bank.h"
#include "util/error.h"

#include <optional>
#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

namespace etabli::bank {

// Which columns of a bank's CSV export say what, by their headings as the
// file writes them. French banks write the amount in one signed column
// ("Montant") or in two ("Débit", "Crédit"); the wording may be spread over
// several columns ("Libellé", "Détail"), joined in that order.
struct CsvLayout
{
    QStringList header; // the heading row it applies to, as in the file
    QString date;
    QStringList label;
    QString party; // optional
    QString amount;
    QString credit;
    QString debit;
    QString reference; // optional
    QString currency;  // optional: a line in another currency is refused

    // A date, some wording and an amount (one column, or credit and debit).
    bool isComplete() const;
    // The heading row, folded: what a layout is remembered by.
    QString signature() const;
    static QString signatureOf(const QStringList& header);
    QByteArray toJson() const;
    static std::optional<CsvLayout> fromJson(const QByteArray& json);
    // The layout the headings suggest (the wordings of the main French
    // banks: Date, Date opération, Libellé, Détail, Montant, Débit euros…).
    static CsvLayout guess(const QStringList& header);
};

// What a CSV file offers to be set up: its heading row (the first row of
// the first twenty that looks like one: a bank writes the account and the
// period above it) and the layout guessed from it.
struct CsvColumns
{
    QStringList header;
    int line = 0; // in the file
    CsvLayout guessed;
};

// Which of the three a file is, from its first bytes; none when it is none.
std::optional<StatementFormat> detect(const QByteArray& bytes);

// Reads a statement. A file in another currency than the euro, a
// statement of another kind (camt.052, camt.054), an unreadable amount or
// date is refused naming the line; nothing is half read. A CSV file is read
// with `layout` (its heading row found among the first twenty rows).
Result<StatementFile> readOfx(const QByteArray& bytes);
Result<StatementFile> readCamt053(const QByteArray& bytes);
Result<StatementFile> readCsv(const QByteArray& bytes, const CsvLayout& layout);
Result<CsvColumns> csvColumns(const QByteArray& bytes);

// An amount as banks write it: "1 234,56", "-45.00", "+240,00", "1.234,56".
std::optional<Money> parseAmount(const QString& text);

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(BankStatement)
};

} // namespace etabli::bank
