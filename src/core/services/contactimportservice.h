#pragma once

#include "domain/sales.h"
#include "domain/user.h"
#include "util/error.h"

#include <functional>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace etabli {

class Clock;
class Database;

// Importing the directory a school kept elsewhere — a spreadsheet, or the
// contacts exported from Dolibarr or Paheko — from a CSV or .xlsx file
// (issue 22). The rules of the trainee import: headers matched without case
// or accents, every line checked before anything is written, all in one
// transaction or nothing, refused lines listed (and left out on request).
// A line that looks like a contact already recorded (same SIRET, or same
// name and postcode, the rule of the contact form) is never added twice in
// silence: it is proposed for merging — the record's empty fields filled
// from the file, its roles widened, nothing it holds overwritten — and the
// office may skip it or create it all the same instead.
class ContactImportService
{
    Q_DECLARE_TR_FUNCTIONS(ContactImportService)

public:
    ContactImportService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    // The program the file came from, told by its column names.
    enum class Layout
    {
        Etabli,   // the columns of the user guide ("nom", "prénom", "code postal", "rôles"…)
        Dolibarr, // Tiers or Contacts export ("Nom", "Client", "Fournisseur", "Id. prof. 2"…)
        Paheko,   // members' export ("Nom & prénom", "Numéro de membre"…)
    };
    static QString labelOf(Layout layout);

    // Who the contacts are when the file does not say (no role column, or
    // an empty one).
    enum class Role
    {
        Customer,
        Host,
        Donor,
        Funder,
        Supplier,
    };

    enum class DuplicateChoice
    {
        Merge,  // fill the recorded contact's empty fields, add the roles
        Skip,   // leave the line out
        Create, // record a second contact all the same
    };

    struct Row
    {
        int line = 0;
        Contact contact;
        QString directoryKey; // ContactDirectory::nameKey(contact), folded once
        QString problem;      // empty: valid
        // A recorded contact this line looks like, and why.
        qint64 twinId = 0;
        QString twinName;
        bool twinBySiret = false;
        QStringList filled; // what merging adds to the recorded contact (field names, roles)
        QStringList kept;   // what the record holds that differs from the file (kept as recorded)
        DuplicateChoice choice = DuplicateChoice::Merge;
        bool isDuplicate() const { return twinId != 0; }
    };

    struct Preview
    {
        QList<Row> rows;
        Layout layout = Layout::Etabli;
        QStringList ignoredColumns;
        QString encoding; // "UTF-8", "Windows-1252", "XLSX"…
        int validCount() const;
        int invalidCount() const { return static_cast<int>(rows.size()) - validCount(); }
        int duplicateCount() const;
        void chooseForDuplicates(DuplicateChoice choice);
    };

    struct Outcome
    {
        int created = 0;
        int merged = 0;
        int skipped = 0; // duplicates left out, or with nothing to add
    };

    // Told how far it went (lines done, lines in all); false: stop, nothing written.
    using Progress = std::function<bool(qsizetype done, qsizetype total)>;

    // Reads and checks the file (CSV or .xlsx); writes nothing. A file-level
    // problem (not a table, no name column…) is an error; a line's problem
    // is in its row.
    Result<Preview> prepare(const QByteArray& bytes, std::optional<Role> defaultRole = std::nullopt,
                            const Progress& progress = {}) const;
    // Records the valid lines as each one's choice says; with refused lines
    // and !skipInvalid, records nothing.
    Result<Outcome> apply(const Preview& preview, bool skipInvalid, const Progress& progress = {});

    static std::optional<Role> roleFromCode(const QString& code);
    static QStringList roleCodes();

private:
    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
