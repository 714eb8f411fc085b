#pragma once

#include "domain/career.h"
#include "domain/trainee.h"
#include "domain/user.h"
#include "io/xlsx.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace etabli {

class Clock;
class Database;

// Importing trainees from a spreadsheet (CSV) and exporting the list.
// Columns: nom, prénom, date de naissance, sexe, section, date d'entrée,
// année, date de sortie, motif de sortie, prescripteur, session, and one
// column per certification of the catalogue (CFG, CAP…). Headers and values
// are matched without regard to case or accents. All rows in one
// transaction, or none.
class TraineeImportService
{
    Q_DECLARE_TR_FUNCTIONS(TraineeImportService)

public:
    TraineeImportService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    struct Row
    {
        int line = 0;
        Trainee trainee;
        QString referralName; // to create when not in the list
        QList<TraineeCertification> certifications;
        QString problem; // empty: valid
    };

    struct Preview
    {
        QList<Row> rows;
        QStringList ignoredColumns;
        QStringList newReferrals;
        QString encoding;
        int validCount() const;
        int invalidCount() const { return static_cast<int>(rows.size()) - validCount(); }
    };

    // Reads and checks the file; writes nothing. A file-level problem (not
    // CSV, no "nom" column…) is an error; row problems are in the preview.
    Result<Preview> prepare(const QByteArray& bytes) const;
    // Imports the valid rows; with refused rows and !skipInvalid, imports
    // nothing. Returns the number imported.
    Result<int> apply(const Preview& preview, bool skipInvalid);

    // The list as the user filtered it, in the columns the import reads:
    // typed (days as dates, the year of study a number), then as CSV (';',
    // UTF-8 BOM) or as an Excel workbook, both read back by prepare().
    Result<xlsx::Sheet> exportSheet(const struct TraineeFilter& filter) const;
    Result<QByteArray> exportCsv(const struct TraineeFilter& filter) const;
    Result<QByteArray> exportXlsx(const struct TraineeFilter& filter) const;

    static Result<QDate> parseDate(const QString& text, const QDate& today);
    // The problems of a line in one sentence, joined by " ; ".
    static QString joinProblems(QStringList problems);
    static ExitReason matchExitReason(const QString& text);

private:
    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
