#pragma once

#include "domain/funding.h"
#include "domain/money.h"
#include "domain/sales.h"
#include "domain/user.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QStringList>

namespace etabli {

class Clock;
class Database;

// Gifts collected online through HelloAsso, from the payments' export of a
// campaign or a form (CSV or .xlsx; the columns in docs/guide-utilisateur.md,
// "Des dons HelloAsso"). Each paid gift becomes a gift of Établi paid
// "online", dated by its payment, with its donor — found in the directory by
// e-mail, or by name and postcode, or added as a donor — and the payment's
// reference, recorded once: the same file imported twice adds nothing.
// Refunded, refused or pending payments and what is not a gift (dues,
// tickets) are listed and left out. All in one transaction; receipts then
// follow the usual rules. funding.write, and the right to change contacts.
class HelloAssoImportService
{
    Q_DECLARE_TR_FUNCTIONS(HelloAssoImportService)

public:
    HelloAssoImportService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    enum class Fate
    {
        Gift,            // recorded as a gift
        AlreadyRecorded, // its reference is recorded already
        Refunded,        // paid back to the payer
        NotPaid,         // refused, cancelled or pending
        NotAGift,        // dues, a ticket, a sale
        Refused,         // a line Établi cannot read (its problem said)
    };

    struct Row
    {
        int line = 0;
        QString reference; // as recorded: "HelloAsso " + the payment's reference
        QDate day;
        Money amount;
        Contact donor;      // as the file gives it
        qint64 donorId = 0; // the directory's, when found
        QString donorName;  // as shown
        Fate fate = Fate::Gift;
        QString note; // why it is left out, or its problem
    };

    struct Preview
    {
        QList<Row> rows;
        QString encoding;
        int count(Fate fate) const;
        Money total() const; // of the gifts to record
    };

    Result<Preview> prepare(const QByteArray& bytes) const;
    // Records the gifts; with refused lines and !skipInvalid, nothing.
    // Returns the number of gifts recorded.
    Result<int> apply(const Preview& preview, bool skipInvalid);

    static QString labelOf(Fate fate);

private:
    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
