#pragma once

#include "domain/money.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace etabli {

inline QStringList donationMethods()
{
    return {QStringLiteral("cash"), QStringLiteral("cheque"), QStringLiteral("transfer"),
            QStringLiteral("card"), QStringLiteral("other")};
}

// A gift to the school: money, or goods and services given in kind (then
// described and valued).
struct Donation
{
    qint64 id = 0;
    qint64 contactId = 0;
    QString donorName; // filled when read
    QDate day;
    Money amount; // the valuation of a gift in kind
    QString method = QStringLiteral("cheque");
    QString nature = QStringLiteral("cash"); // cash, in_kind
    QString description;                     // what was given in kind
    QString purpose;                         // restricted gift: what it is for
    qint64 receiptId = 0;
    QString receiptNumber; // filled when read
    int version = 0;

    bool inKind() const { return nature == QLatin1String("in_kind"); }
};

// What a tax receipt covers, as it was when issued.
struct ReceiptLine
{
    qint64 donationId = 0;
    QDate day;
    Money amount;
    QString method;
    QString nature;
    QString description;
};

// A tax receipt (reçu fiscal, content of Cerfa n°11580 for persons and
// n°16216 for businesses), or the record cancelling one.
struct TaxReceipt
{
    qint64 id = 0;
    QString kind = QStringLiteral("receipt"); // receipt, cancellation
    QString number;                           // "R2026-0001"
    int year = 0;
    int sequence = 0;
    qint64 contactId = 0;
    qint64 cancelsReceiptId = 0;
    QString cancelsNumber; // filled when read
    QDate issueDate;
    QString donorName;
    QString donorAddress;
    bool donorCompany = false; // article 238 bis CGI; else article 200
    QString donorSiren;
    Money total;
    QString reason; // of a cancellation
    QList<ReceiptLine> lines;
    int chainPosition = 0;
    QString prevHash;
    QString hash;
    QString issuedBy;
    qint64 cancelledById = 0; // filled when read: the record cancelling it
    QString cancelledByNumber;
    // Frozen at issue (schema 18): the beneficiary block as printed
    // (SchoolIdentity::beneficiaryJson) and who signed, as what.
    QString beneficiary;
    QString signatoryName;
    QString signatoryCapacity;
    int hashVersion = 2; // 1: issued before schema 18 (the three above not covered)

    bool isCancellation() const { return kind == QLatin1String("cancellation"); }
};

// SHA-256 (hex) of what a receipt says, chained to the previous one.
QString receiptHash(const TaxReceipt& receipt, const QString& prevHash);

// A financial year (exercice) and its targets (basis points of resources).
struct FinancialYear
{
    qint64 id = 0;
    QDate start;
    QDate end;
    bool closed = false;
    int targetProductionBp = 6000;
    int targetGiftsBp = 2000;
    int targetSubsidiesBp = 2000;
    int version = 0;

    bool contains(const QDate& day) const { return day >= start && day <= end; }
};

} // namespace etabli
