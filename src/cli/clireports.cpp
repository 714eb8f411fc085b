#include "cli/clicommands.h"
#include "cli/clisupport.h"

#include "services/fundingreportservice.h"
#include "util/clock.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace etabli::cli {

int Commands::reportData(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption user = actingUserOption();
    const QCommandLineOption yearOption(QStringLiteral("year"),
                                        tr("Financial year, by the calendar year it starts in (2025)."), tr("YEAR"));
    const QCommandLineOption formatOption(QStringLiteral("format"), tr("Output format: json or csv."), tr("FORMAT"),
                                          QStringLiteral("json"));
    const QCommandLineOption outOption(QStringList{QStringLiteral("o"), QStringLiteral("out")},
                                       tr("File to write (default: the standard output)."), tr("FILE"));
    parser.addOption(user);
    parser.addOption(yearOption);
    parser.addOption(formatOption);
    parser.addOption(outOption);
    parser.addPositionalArgument(QStringLiteral("what"), tr("funding: the funding split of a financial year."));
    if (int rc = parseCommand(parser, common, QStringLiteral("report"),
                              tr("Writes a report on the school's data: the funding split of a financial year "
                                 "against its targets, the self-financing share and forecast against actual per "
                                 "category."),
                              args, m_out, m_err, 1);
        rc >= 0)
        return rc;
    const QStringList what = parser.positionalArguments();
    const QString format = parser.value(formatOption);
    bool yearOk = false;
    const int year = parser.value(yearOption).toInt(&yearOk);
    if (what != QStringList{QStringLiteral("funding")} || !yearOk ||
        (format != QLatin1String("json") && format != QLatin1String("csv")) || parser.value(user).isEmpty()) {
        m_err << tr("Usage: etabli-cli report funding --year YEAR [--format json|csv] [--out FILE] --user LOGIN")
              << Qt::endl;
        return BadUsage;
    }
    SystemClock clock;
    auto acting = openAs(parser, common, parser.value(user), clock, m_err);
    if (!acting)
        return report(m_err, acting.error());
    auto funding = FundingReportService(*acting->db, clock, acting->user).report(year);
    if (!funding)
        return report(m_err, funding.error());
    const QByteArray text = format == QLatin1String("json")
                                ? QJsonDocument(FundingReportService::toJson(*funding)).toJson(QJsonDocument::Indented)
                                : FundingReportService::toCsv(*funding).toUtf8();
    if (parser.value(outOption).isEmpty()) {
        m_out << QString::fromUtf8(text);
        m_out.flush();
        return Success;
    }
    QSaveFile file(parser.value(outOption));
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        m_err << tr("Cannot write “%1”: %2").arg(parser.value(outOption), file.errorString()) << Qt::endl;
        return Failure;
    }
    return Success;
}

} // namespace etabli::cli
