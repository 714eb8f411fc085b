// etabli-cli export fec: the accountant's file of a financial year.

#include "cli/clicommands.h"
#include "cli/clisupport.h"
#include "io/files.h"
#include "services/accountingservice.h"
#include "util/clock.h"

#include <QCommandLineParser>
#include <QDir>

namespace etabli::cli {

int Commands::exportFec(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption user = actingUserOption();
    const QCommandLineOption outOption(QStringList{QStringLiteral("o"), QStringLiteral("out")},
                                       tr("File to write (the name the decree gives it when a folder)."),
                                       tr("FILE"));
    const QCommandLineOption yearOption(QStringLiteral("year"), tr("The year the financial year ends in."),
                                        tr("YEAR"));
    parser.addOption(user);
    parser.addOption(outOption);
    parser.addOption(yearOption);
    parser.addPositionalArgument(QStringLiteral("fec"), tr("The accountant's file."));
    if (int rc =
            parseCommand(parser, common, QStringLiteral("export fec"),
                         tr("Writes the fichier des écritures comptables (FEC, art. A47 A-1 of the LPF) of "
                            "a financial year: sales, payments, deposits, gifts, subsidies, dues and "
                            "entries, for the school's accountant."),
                         args, m_out, m_err, 1);
        rc >= 0)
        return rc;
    bool yearOk = false;
    const int year = parser.value(yearOption).toInt(&yearOk);
    if (parser.value(outOption).isEmpty() || parser.value(user).isEmpty() || !yearOk) {
        m_err << tr("Usage: etabli-cli export fec --year YEAR --out FILE --user LOGIN") << Qt::endl;
        return BadUsage;
    }
    SystemClock clock;
    auto acting = openAs(parser, common, parser.value(user), clock, m_err);
    if (!acting)
        return report(m_err, acting.error());
    auto fec = AccountingService(*acting->db, clock, acting->user).fec(year);
    if (!fec)
        return report(m_err, fec.error());
    QString path = parser.value(outOption);
    if (QFileInfo(path).isDir())
        path = QDir(path).filePath(fec->fileName);
    // Customers' names: the owner's only.
    if (auto written = files::write(path, fec->text, true); !written)
        return report(m_err, written.error());
    m_out << tr("%1 entries (%2 lines) of the financial year %3 – %4 written to %5.")
                 .arg(fec->entries.size())
                 .arg(fec->lineCount())
                 .arg(fec->year.start.toString(QStringLiteral("dd/MM/yyyy")),
                      fec->year.end.toString(QStringLiteral("dd/MM/yyyy")), QDir::toNativeSeparators(path))
          << Qt::endl;
    if (!fec->year.closed)
        m_out << tr("This financial year is not closed yet: the file may still change.") << Qt::endl;
    return Success;
}

} // namespace etabli::cli
