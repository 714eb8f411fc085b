#include "cli/clicommands.h"
#include "cli/clisupport.h"
#include "io/archivemanifest.h"
#include "print/yeararchive.h"
#include "services/closingservice.h"
#include "util/clock.h"

#include <QDir>

namespace etabli::cli {

int Commands::close(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption user = actingUserOption();
    const QCommandLineOption until(QStringLiteral("until"),
                                   tr("Last month to close, YYYY-MM (default: last month)."), tr("MONTH"));
    parser.addOption(user);
    parser.addOption(until);
    if (int rc =
            parseCommand(parser, common, QStringLiteral("close"),
                         tr("Closes the sales month by month up to --until (each December closes its year "
                            "too): the period's totals and the perpetual grand totals, sealed and chained."),
                         args, m_out, m_err);
        rc >= 0)
        return rc;
    if (parser.value(user).isEmpty()) {
        m_err << tr("Usage: etabli-cli close [--until YYYY-MM] --user LOGIN") << Qt::endl;
        return BadUsage;
    }
    SystemClock clock;
    QDate month = clock.today().addMonths(-1);
    if (parser.isSet(until)) {
        month = QDate::fromString(parser.value(until) + QStringLiteral("-01"), Qt::ISODate);
        if (!month.isValid()) {
            m_err << tr("“%1” is not a month: write it YYYY-MM, e.g. 2025-12.").arg(parser.value(until))
                  << Qt::endl;
            return BadUsage;
        }
    }
    auto acting = openAs(parser, common, parser.value(user), clock, m_err);
    if (!acting)
        return report(m_err, acting.error());
    auto made = ClosingService(*acting->db, clock, acting->user).closeUntil(month);
    if (!made) {
        if (made.error().code != Error::Code::InvalidInput)
            return report(m_err, made.error());
        m_err << made.error().message << Qt::endl;
        return Failure;
    }
    for (const Closing& c : std::as_const(*made))
        m_out << tr("Closed %1: %2 incl. VAT, %3 received (grand total %4)")
                     .arg(ClosingService::periodLabel(c), c.totals.incl().format(), c.totals.paid().format(),
                          c.grandTotals.incl().format())
              << Qt::endl;
    return Success;
}

int Commands::archive(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption user = actingUserOption();
    const QCommandLineOption year(QStringLiteral("year"), tr("The closed civil year to archive."),
                                  tr("YEAR"));
    const QCommandLineOption outOption(QStringList{QStringLiteral("o"), QStringLiteral("out")},
                                       tr("Folder of the archive (new or empty)."), tr("FOLDER"));
    const QCommandLineOption keyOption(
        QStringLiteral("key"),
        tr("The signing key's file (default: %1).").arg(QDir::toNativeSeparators(SigningKey::defaultPath())),
        tr("FILE"));
    parser.addOption(user);
    parser.addOption(year);
    parser.addOption(outOption);
    parser.addOption(keyOption);
    if (int rc = parseCommand(
            parser, common, QStringLiteral("archive"),
            tr("Writes the archive of a closed year: its invoices, credit notes and tax receipts "
               "as PDF, the lines, payments and closings as CSV, and a manifest of SHA-256 "
               "signed with the school's Ed25519 key."),
            args, m_out, m_err);
        rc >= 0)
        return rc;
    bool yearOk = false;
    const int y = parser.value(year).toInt(&yearOk);
    if (!yearOk || y < 1990 || y > 2200 || parser.value(outOption).isEmpty() ||
        parser.value(user).isEmpty()) {
        m_err << tr("Usage: etabli-cli archive --year YEAR --out FOLDER --user LOGIN [--key FILE]")
              << Qt::endl;
        return BadUsage;
    }
    SystemClock clock;
    auto acting = openAs(parser, common, parser.value(user), clock, m_err);
    if (!acting)
        return report(m_err, acting.error());
    const QString key = parser.isSet(keyOption) ? parser.value(keyOption) : SigningKey::defaultPath();
    auto written =
        print::YearArchive::write(*acting->db, clock, acting->user, y, parser.value(outOption), key);
    if (!written) {
        if (written.error().code != Error::Code::InvalidInput &&
            written.error().code != Error::Code::Conflict)
            return report(m_err, written.error());
        m_err << written.error().message << Qt::endl;
        return Failure;
    }
    m_out << tr("Archive of %1 written to %2: %3 invoice(s) and credit note(s), %4 tax receipt(s), %5 "
                "payment(s), %6 closing(s).")
                 .arg(y)
                 .arg(QDir::toNativeSeparators(written->dir))
                 .arg(written->documents)
                 .arg(written->receipts)
                 .arg(written->payments)
                 .arg(written->closings)
          << Qt::endl
          << tr("Signed with the key %1.").arg(written->publicKey) << Qt::endl;
    return Success;
}

int Commands::verifyArchive(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption keyOption(
        QStringLiteral("public-key"),
        tr("The school's public key (hex, as shown in the settings): the archive "
           "must be signed with it."),
        tr("HEX"));
    parser.addOption(keyOption);
    parser.addPositionalArgument(QStringLiteral("folder"), tr("The archive's folder."));
    if (int rc = parseCommand(parser, common, QStringLiteral("verify-archive"),
                              tr("Checks an archive written by etabli-cli archive: the manifest's signature, "
                                 "each file's SHA-256, no file added. Exit code 1 when anything differs."),
                              args, m_out, m_err, 1);
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1) {
        m_err << tr("Usage: etabli-cli verify-archive FOLDER [--public-key HEX]") << Qt::endl;
        return BadUsage;
    }
    const QString dir = parser.positionalArguments().constFirst();
    auto checked = ArchiveManifest::verify(dir, parser.value(keyOption));
    if (!checked) {
        m_err << checked.error().message << Qt::endl;
        return Failure;
    }
    m_out << tr("Archive: %1").arg(QDir::toNativeSeparators(dir)) << Qt::endl
          << tr("Signed by the key: %1").arg(checked->publicKey) << Qt::endl;
    if (!checked->ok()) {
        for (const QString& p : std::as_const(checked->problems))
            m_out << tr("PROBLEM: %1").arg(p) << Qt::endl;
        m_err << tr("The archive does not match its signed manifest.") << Qt::endl;
        return Failure;
    }
    m_out << tr("Intact: the signature and the %n file(s) match.", nullptr, checked->files) << Qt::endl;
    return Success;
}

} // namespace etabli::cli
