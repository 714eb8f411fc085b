#pragma once

#include "domain/codes.h"
#include "domain/money.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace etabli {

// The file a bank statement came in (issue 22, item 3).
enum class StatementFormat
{
    Ofx,     // OFX 1 (SGML) or 2 (XML), the "Money"/"Quicken" download
    Camt053, // ISO 20022 XML, camt.053 (BkToCstmrStmt)
    Csv,     // a bank's CSV (or spreadsheet) export, columns as set up
};

template <> struct Codes<StatementFormat>
{
    static constexpr CodeEntry<StatementFormat> entries[] = {
        {StatementFormat::Ofx, "ofx", QT_TRANSLATE_NOOP("etabli::Codes", "OFX")},
        {StatementFormat::Camt053, "camt053", QT_TRANSLATE_NOOP("etabli::Codes", "CAMT.053 (ISO 20022)")},
        {StatementFormat::Csv, "csv", QT_TRANSLATE_NOOP("etabli::Codes", "Bank CSV")},
    };
};

// One movement on the account as the bank tells it.
struct BankLine
{
    int position = 0;  // its order in the statement, from 1
    QDate day;         // booking day
    Money amount;      // positive: money in (a credit); negative: money out
    QString label;     // the bank's wording, remittance information included
    QString party;     // the payer (credits) or payee (debits) when the bank names it
    QString reference; // the bank's own reference of the movement (OFX FITID, CAMT AcctSvcrRef), or empty

    bool isCredit() const { return !amount.isNegative() && !amount.isZero(); }
};

// A statement as read from its file, before it is recorded.
struct StatementFile
{
    StatementFormat format = StatementFormat::Ofx;
    QString account; // the IBAN or account number the bank gives, or empty
    QDate from;      // the period it covers (the first and last days of its lines when not said)
    QDate to;
    QList<BankLine> lines;
    QByteArray digest; // SHA-256 (hex) of the file's bytes: the same file is never imported twice
};

// Where a recorded line of a statement stands in the reconciliation.
enum class BankLineState
{
    Open,    // nothing matched yet
    Matched, // a payment, a deposit slip or a gift accounts for it
    Ignored, // not Établi's (bank charges, a transfer between accounts…), said by the office
};

template <> struct Codes<BankLineState>
{
    static constexpr CodeEntry<BankLineState> entries[] = {
        {BankLineState::Open, "open", QT_TRANSLATE_NOOP("etabli::Codes", "To reconcile")},
        {BankLineState::Matched, "matched", QT_TRANSLATE_NOOP("etabli::Codes", "Reconciled")},
        {BankLineState::Ignored, "ignored", QT_TRANSLATE_NOOP("etabli::Codes", "Left aside")},
    };
};

// A statement as recorded.
struct BankStatement
{
    qint64 id = 0;
    StatementFormat format = StatementFormat::Ofx;
    QString account;
    QDate from;
    QDate to;
    QString fileName;
    QString importedBy;
    QString importedAt;
    int lines = 0;   // filled when listed
    int credits = 0; // credit lines
    int open = 0;    // credit lines still to reconcile
};

// A recorded line and what accounts for it.
struct StatementLine
{
    qint64 id = 0;
    qint64 statementId = 0;
    BankLine line;
    BankLineState state = BankLineState::Open;
    qint64 paymentId = 0;  // the payment recorded from it
    qint64 depositId = 0;  // the deposit slip it credits
    qint64 donationId = 0; // the gift it brought (recorded from it, or by hand before)
    QString matchedWith;   // filled when read: "F2026-0012", "Remise n° 4", "Don de …"
    QString matchedBy;
    QString matchedAt;
};

} // namespace etabli
