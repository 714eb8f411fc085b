#include "cli/clicommands.h"
#include "cli/clisupport.h"

#include "services/fundingreportservice.h"
#include "services/indicatorservice.h"
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
    const QCommandLineOption schoolYearOption(QStringLiteral("school-year"), tr("School year (2013-2014)."),
                                              tr("SCHOOL_YEAR"));
    const QCommandLineOption sectionOption(QStringLiteral("section"), tr("One section, by its name (default: all)."),
                                           tr("NAME"));
    const QCommandLineOption formatOption(QStringLiteral("format"), tr("Output format: json or csv."), tr("FORMAT"),
                                          QStringLiteral("json"));
    const QCommandLineOption outOption(QStringList{QStringLiteral("o"), QStringLiteral("out")},
                                       tr("File to write (default: the standard output)."), tr("FILE"));
    for (const QCommandLineOption& o : {user, yearOption, schoolYearOption, sectionOption, formatOption, outOption})
        parser.addOption(o);
    parser.addPositionalArgument(QStringLiteral("what"),
                                 tr("funding: the funding split of a financial year; indicators: a school year's "
                                    "indicators."));
    if (int rc = parseCommand(parser, common, QStringLiteral("report"),
                              tr("Writes a report on the school's data: the funding split of a financial year "
                                 "against its targets, the self-financing share and forecast against actual per "
                                 "category; or the indicators of a school year with the year before."),
                              args, m_out, m_err, 1);
        rc >= 0)
        return rc;
    const QStringList what = parser.positionalArguments();
    const QString format = parser.value(formatOption);
    bool yearOk = false;
    const int year = parser.value(yearOption).toInt(&yearOk);
    const bool funding = what == QStringList{QStringLiteral("funding")} && yearOk &&
                         (format == QLatin1String("json") || format == QLatin1String("csv"));
    const bool indicators = what == QStringList{QStringLiteral("indicators")} && parser.isSet(schoolYearOption) &&
                            format == QLatin1String("json");
    if ((!funding && !indicators) || parser.value(user).isEmpty()) {
        m_err << tr("Usage: etabli-cli report funding --year YEAR [--format json|csv] [--out FILE] --user LOGIN")
              << Qt::endl
              << tr("       etabli-cli report indicators --school-year 2013-2014 [--section NAME] [--format json] "
                    "[--out FILE] --user LOGIN")
              << Qt::endl;
        return BadUsage;
    }
    SystemClock clock;
    auto acting = openAs(parser, common, parser.value(user), clock, m_err);
    if (!acting)
        return report(m_err, acting.error());
    QByteArray text;
    if (funding) {
        auto result = FundingReportService(*acting->db, clock, acting->user).report(year);
        if (!result)
            return report(m_err, result.error());
        text = format == QLatin1String("json")
                   ? QJsonDocument(FundingReportService::toJson(*result)).toJson(QJsonDocument::Indented)
                   : FundingReportService::toCsv(*result).toUtf8();
    } else {
        auto result = IndicatorService(*acting->db, clock, acting->user)
                          .indicators(parser.value(schoolYearOption), parser.value(sectionOption));
        if (!result)
            return report(m_err, result.error());
        text = QJsonDocument(IndicatorService::toJson(*result)).toJson(QJsonDocument::Indented);
    }
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
