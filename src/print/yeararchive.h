#pragma once

#include "domain/user.h"
#include "util/error.h"

#include <functional>
#include <QCoreApplication>
#include <QString>

namespace etabli {
class Clock;
class Database;
} // namespace etabli

namespace etabli::print {

// The archive of a closed civil year (../docs/decisions.md, 31): every
// invoice, credit note and tax receipt issued that year as PDF (as issued),
// the documents, their lines and the payments as CSV, the closings, a
// LISEZMOI.txt, and a manifest of every file's SHA-256 signed with the
// school's Ed25519 key (ArchiveManifest). The folder is written aside and
// renamed when complete: an archive is whole or absent.
class YearArchive
{
    Q_DECLARE_TR_FUNCTIONS(YearArchive)

public:
    struct Written
    {
        QString dir;
        int documents = 0; // invoices and credit notes
        int receipts = 0;
        int payments = 0;
        int closings = 0;
        int files = 0;
        QString publicKey; // hex
    };
    // (done, total) as the PDFs are written.
    using Progress = std::function<void(int, int)>;

    // Needs sales.close. `dir` must not exist or be empty; `keyPath` is the
    // signing key's file (made on first use; the database registers its
    // public key and refuses another one afterwards).
    static Result<Written> write(Database& db, const Clock& clock, const UserContext& actor, int year,
                                 const QString& dir, const QString& keyPath, const Progress& progress = {});
    // The public key registered in the database (hex; empty before the first archive).
    static Result<QString> registeredKey(Database& db);
};

} // namespace etabli::print
