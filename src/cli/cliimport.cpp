// etabli-cli import trainees|contacts|framework: a spreadsheet (.xlsx or
// CSV), all valid lines in one transaction or nothing.

#include "cli/clicommands.h"
#include "cli/clisupport.h"
#include "services/careerservice.h"
#include "services/contactimportservice.h"
#include "services/frameworkservice.h"
#include "services/traineeimportservice.h"
#include "storage/database.h"
#include "util/clock.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <unistd.h>

namespace etabli::cli {

int Commands::importData(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption user = actingUserOption();
    const QCommandLineOption skip(QStringLiteral("skip-invalid"),
                                  tr("Leave the refused lines out and import the others."));
    const QCommandLineOption duplicates(
        QStringLiteral("duplicates"),
        tr("contacts: what to do with a line that looks like a recorded contact: merge (fill its empty "
           "fields, add the roles), skip, or create (a second contact)."),
        QStringLiteral("merge|skip|create"));
    const QCommandLineOption role(
        QStringLiteral("role"),
        tr("contacts: the role of the lines that state none (customer, host, donor, funder, supplier)."),
        QStringLiteral("ROLE"));
    const QCommandLineOption certification(
        QStringLiteral("certification"),
        tr("framework: the diploma whose framework the file is (its code, e.g. \"CAP MV\")."),
        QStringLiteral("CODE"));
    parser.addOption(user);
    parser.addOption(certification);
    parser.addOption(skip);
    parser.addOption(duplicates);
    parser.addOption(role);
    parser.addPositionalArgument(QStringLiteral("what"),
                                 tr("What to import: trainees, contacts or framework (a diploma's skills)."));
    parser.addPositionalArgument(QStringLiteral("file"), tr("The CSV or .xlsx file."));
    if (int rc = parseCommand(
            parser, common, QStringLiteral("import"),
            tr("Imports trainees or contacts from a spreadsheet (.xlsx, or CSV in UTF-8 or Windows-1252, "
               "';' or ','; contacts also from Dolibarr's and Paheko's exports), all in one transaction: a "
               "refused line stops everything unless --skip-invalid."),
            args, m_out, m_err, 2);
        rc >= 0)
        return rc;
    const QStringList pos = parser.positionalArguments();
    const bool contacts = pos.value(0) == QLatin1String("contacts");
    const bool framework = pos.value(0) == QLatin1String("framework");
    if (pos.size() != 2 || (!contacts && !framework && pos.at(0) != QLatin1String("trainees"))) {
        m_err << tr("Usage: etabli-cli import trainees|contacts FILE --user LOGIN") << Qt::endl;
        m_err << tr("       etabli-cli import framework FILE --certification CODE --user LOGIN") << Qt::endl;
        return BadUsage;
    }
    if (framework != parser.isSet(certification)) {
        m_err << tr("A framework is the framework of a diploma: give --certification CODE (and only for a "
                    "framework).")
              << Qt::endl;
        return BadUsage;
    }
    if (parser.value(user).isEmpty()) {
        m_err << tr("Give the account to act as with --user LOGIN.") << Qt::endl;
        return BadUsage;
    }
    if (!contacts && (parser.isSet(duplicates) || parser.isSet(role))) {
        m_err << tr("--duplicates and --role are for contacts only.") << Qt::endl;
        return BadUsage;
    }
    QFile file(pos.at(1));
    if (!file.open(QIODevice::ReadOnly)) {
        m_err << tr("Cannot read “%1”.").arg(QDir::toNativeSeparators(pos.at(1))) << Qt::endl;
        return Failure;
    }
    const QByteArray bytes = file.read(21 * 1024 * 1024);
    SystemClock clock;
    auto acting = openAs(parser, common, parser.value(user), clock, m_err);
    if (!acting)
        return report(m_err, acting.error());
    if (framework)
        return importFramework(*acting->db, clock, acting->user, bytes, parser.value(certification));
    if (contacts)
        return importContacts(*acting->db, clock, acting->user, bytes, parser.isSet(skip),
                              parser.isSet(duplicates) ? parser.value(duplicates) : QString(),
                              parser.isSet(role) ? parser.value(role) : QString());
    TraineeImportService service(*acting->db, clock, acting->user);
    auto preview = service.prepare(bytes);
    if (!preview)
        return report(m_err, preview.error());
    m_out << tr("%1 line(s) read (%2): %3 valid, %4 refused.")
                 .arg(preview->rows.size())
                 .arg(preview->encoding)
                 .arg(preview->validCount())
                 .arg(preview->invalidCount())
          << Qt::endl;
    if (!preview->ignoredColumns.isEmpty())
        m_out << tr("Ignored columns: %1").arg(preview->ignoredColumns.join(QStringLiteral(", ")))
              << Qt::endl;
    for (const auto& row : preview->rows) {
        if (!row.problem.isEmpty())
            m_out << tr("line %1: %2").arg(row.line).arg(row.problem) << Qt::endl;
    }
    auto imported = service.apply(*preview, parser.isSet(skip));
    if (!imported) {
        m_err << (preview->invalidCount() > 0 && !parser.isSet(skip)
                      ? tr("Nothing was imported. Correct the file, or use --skip-invalid to import the "
                           "valid lines.")
                      : imported.error().message)
              << Qt::endl;
        return Failure;
    }
    m_out << tr("%n trainee(s) imported.", nullptr, *imported) << Qt::endl;
    return Success;
}

int Commands::importContacts(Database& db, const Clock& clock, const UserContext& user,
                             const QByteArray& bytes, bool skipInvalid, const QString& duplicates,
                             const QString& role)
{
    std::optional<ContactImportService::DuplicateChoice> choice;
    if (duplicates == QLatin1String("merge"))
        choice = ContactImportService::DuplicateChoice::Merge;
    else if (duplicates == QLatin1String("skip"))
        choice = ContactImportService::DuplicateChoice::Skip;
    else if (duplicates == QLatin1String("create"))
        choice = ContactImportService::DuplicateChoice::Create;
    else if (!duplicates.isEmpty()) {
        m_err << tr("--duplicates is merge, skip or create (“%1”).").arg(duplicates) << Qt::endl;
        return BadUsage;
    }
    std::optional<ContactImportService::Role> defaultRole;
    if (!role.isEmpty()) {
        defaultRole = ContactImportService::roleFromCode(role);
        if (!defaultRole) {
            m_err << tr("--role is one of %1 (“%2”).")
                         .arg(ContactImportService::roleCodes().join(QStringLiteral(", ")), role)
                  << Qt::endl;
            return BadUsage;
        }
    }
    ContactImportService service(db, clock, user);
    // How far it went, on a terminal only (a script's log keeps the summary).
    const bool terminal = isatty(STDERR_FILENO) != 0;
    int shown = -1;
    const auto progress = [&](qsizetype done, qsizetype total) {
        const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 100;
        if (terminal && percent != shown) {
            shown = percent;
            m_err << QStringLiteral("\r%1 %").arg(percent) << Qt::flush;
        }
        return true;
    };
    auto preview = service.prepare(bytes, defaultRole, progress);
    if (terminal)
        m_err << QStringLiteral("\r");
    if (!preview)
        return report(m_err, preview.error());
    m_out << tr("%1 line(s) read (%2, %3): %4 valid, %5 refused, %6 already in the directory.")
                 .arg(preview->rows.size())
                 .arg(ContactImportService::labelOf(preview->layout), preview->encoding)
                 .arg(preview->validCount())
                 .arg(preview->invalidCount())
                 .arg(preview->duplicateCount())
          << Qt::endl;
    if (!preview->ignoredColumns.isEmpty())
        m_out << tr("Ignored columns: %1").arg(preview->ignoredColumns.join(QStringLiteral(", ")))
              << Qt::endl;
    for (const auto& row : preview->rows) {
        if (!row.problem.isEmpty())
            m_out << tr("line %1: %2").arg(row.line).arg(row.problem) << Qt::endl;
        else if (row.isDuplicate())
            m_out << tr("line %1: looks like “%2” (%3); merging adds: %4")
                         .arg(row.line)
                         .arg(row.twinName, row.twinBySiret ? tr("same SIRET") : tr("same name and postcode"),
                              row.filled.isEmpty() ? tr("nothing") : row.filled.join(QStringLiteral(", ")))
                  << Qt::endl;
    }
    if (preview->invalidCount() > 0 && !skipInvalid) {
        m_err
            << tr("Nothing was imported. Correct the file, or use --skip-invalid to import the valid lines.")
            << Qt::endl;
        return Failure;
    }
    // Never doubled in silence: the office says what to do with the look-alikes.
    if (preview->duplicateCount() > 0 && !choice) {
        m_err << tr("%n line(s) look like contacts already recorded; nothing was imported. Choose with "
                    "--duplicates merge (fill their empty fields, add the roles), skip, or create.",
                    nullptr, preview->duplicateCount())
              << Qt::endl;
        return Failure;
    }
    if (choice)
        preview->chooseForDuplicates(*choice);
    auto done = service.apply(*preview, skipInvalid, progress);
    if (terminal)
        m_err << QStringLiteral("\r");
    if (!done)
        return report(m_err, done.error());
    m_out << tr("%1 contact(s) created, %2 merged, %3 left as they were.")
                 .arg(done->created)
                 .arg(done->merged)
                 .arg(done->skipped)
          << Qt::endl;
    return Success;
}

int Commands::importFramework(Database& db, const Clock& clock, const UserContext& user,
                              const QByteArray& bytes, const QString& certification)
{
    auto catalogue = CareerService(db, clock, user).certifications();
    if (!catalogue)
        return report(m_err, catalogue.error());
    qint64 certificationId = 0;
    QStringList codes;
    for (const Certification& c : std::as_const(*catalogue)) {
        codes << c.code;
        if (c.code.compare(certification.trimmed(), Qt::CaseInsensitive) == 0)
            certificationId = c.id;
    }
    if (certificationId == 0) {
        m_err << tr("“%1” is not a certification of the catalogue (%2).")
                     .arg(certification, codes.join(QStringLiteral(", ")))
              << Qt::endl;
        return Failure;
    }
    auto blocks = FrameworkService::read(bytes);
    if (!blocks) {
        m_err << tr("The file is refused, nothing was loaded: %1").arg(blocks.error().message) << Qt::endl;
        return Failure;
    }
    if (auto loaded = FrameworkService(db, clock, user).replace(certificationId, *blocks); !loaded)
        return report(m_err, loaded.error());
    int competences = 0;
    for (const CompetenceBlock& b : std::as_const(*blocks))
        competences += static_cast<int>(b.competences.size());
    m_out << tr("The framework of %1 is loaded: %2 block(s), %3 competence(s).")
                 .arg(certification)
                 .arg(blocks->size())
                 .arg(competences)
          << Qt::endl;
    return Success;
}

} // namespace etabli::cli
