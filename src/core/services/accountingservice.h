#pragma once

#include "domain/accounting.h"
#include "domain/funding.h"
#include "domain/user.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QMap>

namespace etabli {

class Clock;
class Database;

// The accountant's file (FEC, art. A47 A-1 LPF) of a financial year, and the
// chart of accounts it books on (decision 70). Reading needs sales.read and
// funding.read; changing the chart, settings.edit (audited).
class AccountingService
{
    Q_DECLARE_TR_FUNCTIONS(AccountingService)

public:
    AccountingService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Result<QList<LedgerAccountSetting>> accounts() const;
    // A number of 2 to 20 digits starting with 1 to 8, a label.
    Status saveAccount(const LedgerAccountSetting& account);
    // The budget categories that take entries, with their account.
    Result<QList<CategoryAccount>> categoryAccounts() const;
    // Empty: booked as "other expenses" or "other income".
    Status saveCategoryAccount(const CategoryAccount& category);
    static Status validateNumber(const QString& what, const QString& number);

    struct Fec
    {
        FinancialYear year;
        QList<LedgerEntry> entries; // numbered from 1, by date
        QByteArray text;            // the file, ISO 8859-15
        QString fileName;           // SIREN + "FEC" + closing date + ".txt"
        // Per journal code ("VT") and per account number: debit − credit, cents.
        QMap<QString, qint64> balanceByAccount;
        int lineCount() const;
    };
    // The file of the financial year that ends in `endYear` (a calendar
    // year: "2025" is the year closed in 2025). Refused, naming the entry,
    // when an entry does not balance; nothing is written here.
    Result<Fec> fec(int endYear) const;

private:
    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor;
};

} // namespace etabli
