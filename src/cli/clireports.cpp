#include "cli/clicommands.h"
#include "cli/clisupport.h"
#include "io/csv.h"
#include "io/files.h"
#include "print/documentprinter.h"
#include "print/reportdocuments.h"
#include "services/fundingreportservice.h"
#include "services/indicatorservice.h"
#include "services/reportdataservice.h"
#include "util/clock.h"

#include <optional>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace etabli::cli {

namespace {

// Which formats each kind of report is written in.
bool formatFits(const QString& what, const QString& format)
{
    if (what == QLatin1String("funding"))
        return format == QLatin1String("json") || format == QLatin1String("csv");
    if (what == QLatin1String("indicators"))
        return format == QLatin1String("json") || format == QLatin1String("csv") ||
               format == QLatin1String("pdf") || format == QLatin1String("html");
    if (what == QLatin1String("financial"))
        return format == QLatin1String("json") || format == QLatin1String("csv") ||
               format == QLatin1String("pdf") || format == QLatin1String("html");
    if (what == QLatin1String("receipts"))
        return format == QLatin1String("json") || format == QLatin1String("csv") ||
               format == QLatin1String("pdf") || format == QLatin1String("html");
    if (what == QLatin1String("activity"))
        return format == QLatin1String("json") || format == QLatin1String("pdf") ||
               format == QLatin1String("html");
    if (what == QLatin1String("pack")) // its tables also as a workbook, a sheet each
        return format == QLatin1String("pdf") || format == QLatin1String("html") ||
               format == QLatin1String("xlsx");
    if (what == QLatin1String("grant") || what == QLatin1String("attendance") ||
        what == QLatin1String("booklet"))
        return format == QLatin1String("pdf") || format == QLatin1String("html");
    return false;
}

QString indicatorsCsv(const Indicators& i)
{
    const auto cell = [](QString s) {
        s = s.trimmed();
        return s.contains(QLatin1Char(';')) || s.contains(QLatin1Char('"'))
                   ? QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"')
                   : s;
    };
    QString out =
        QStringLiteral("%1;%2;%3\n")
            .arg(Commands::tr("Indicator"), i.schoolYear, i.previous ? i.previous->schoolYear : QString());
    for (const IndicatorRow& r : IndicatorService::rows(i))
        if (!r.heading)
            out += QStringLiteral("%1;%2;%3\n").arg(cell(r.label), cell(r.now), cell(r.before));
    return out;
}

// The art. 222 bis figures, amounts in cents.
QJsonObject statementJson(const ReceiptsStatement& s)
{
    return QJsonObject{
        {QStringLiteral("period"),
         s.financialYear ? QStringLiteral("financial_year") : QStringLiteral("civil_year")},
        {QStringLiteral("from"), s.from.toString(Qt::ISODate)},
        {QStringLiteral("to"), s.to.toString(Qt::ISODate)},
        {QStringLiteral("gifts_cents"), static_cast<double>(s.gifts.cents())},
        {QStringLiteral("gifts_count"), static_cast<double>(s.giftsCount)},
        {QStringLiteral("receipted_later_cents"), static_cast<double>(s.receiptedLater.cents())},
        {QStringLiteral("receipts"), static_cast<double>(s.receipts)},
        {QStringLiteral("cancelled_receipts"), static_cast<double>(s.cancelled)}};
}

QByteArray statementCsv(const ReceiptsStatement& s)
{
    QLocale french(QLocale::French, QLocale::France);
    french.setNumberOptions(QLocale::OmitGroupSeparator);
    return csv::write({Commands::tr("From"), Commands::tr("To"), Commands::tr("Gifts received and receipted"),
                       Commands::tr("Number of gifts"), Commands::tr("Of which receipted after the period"),
                       Commands::tr("Receipts issued, net of cancellations"),
                       Commands::tr("Receipts cancelled")},
                      {{s.from.toString(Qt::ISODate), s.to.toString(Qt::ISODate), s.gifts.formatPlain(french),
                        QString::number(s.giftsCount), s.receiptedLater.formatPlain(french),
                        QString::number(s.receipts), QString::number(s.cancelled)}});
}

} // namespace

int Commands::reportData(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption user = actingUserOption();
    const QCommandLineOption yearOption(
        QStringLiteral("year"), tr("Financial year, by the calendar year it starts in (2025)."), tr("YEAR"));
    const QCommandLineOption schoolYearOption(QStringLiteral("school-year"), tr("School year (2013-2014)."),
                                              tr("SCHOOL_YEAR"));
    const QCommandLineOption sectionOption(QStringLiteral("section"),
                                           tr("One section, by its name (default: all)."), tr("NAME"));
    const QCommandLineOption grantOption(
        QStringLiteral("grant"), tr("A subsidy, by its number (repeat it in a pack for several)."), tr("ID"));
    const QCommandLineOption traineeOption(QStringLiteral("trainee"), tr("booklet: the trainee, by number."),
                                           tr("ID"));
    const QCommandLineOption fromOption(QStringLiteral("from"),
                                        tr("First day of the sign-in sheets (2026-11-23)."), tr("DATE"));
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      tr("Last day of the sign-in sheets (default: the first's "
                                         "week)."),
                                      tr("DATE"));
    const QCommandLineOption financialOption(
        QStringLiteral("financial-year"),
        tr("receipts: the financial year starting in --year, not the civil year."));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          tr("Output format: pdf, html, json or csv (default: json, or pdf "
                                             "for a report that has no json)."),
                                          tr("FORMAT"));
    const QCommandLineOption outOption(QStringList{QStringLiteral("o"), QStringLiteral("out")},
                                       tr("File to write (default: the standard output)."), tr("FILE"));
    for (const QCommandLineOption& o :
         {user, yearOption, schoolYearOption, sectionOption, grantOption, traineeOption, fromOption, toOption,
          financialOption, formatOption, outOption})
        parser.addOption(o);
    parser.addPositionalArgument(
        QStringLiteral("what"),
        tr("indicators, activity, financial, grant, attendance, pack, funding, receipts or booklet."));
    if (int rc = parseCommand(
            parser, common, QStringLiteral("report"),
            tr("Writes a report on the school's data: a school year's indicators, the activity "
               "report, the financial report of a financial year, a subsidy's final account, the "
               "sign-in sheets of a section, the funder pack that gathers them, the funding "
               "split, or a trainee's learning booklet."),
            args, m_out, m_err, 1);
        rc >= 0)
        return rc;
    const QStringList positional = parser.positionalArguments();
    const QString what = positional.value(0);
    // The sign-in sheets, a subsidy's account and the pack are documents only.
    const QString format = parser.isSet(formatOption)                 ? parser.value(formatOption)
                           : formatFits(what, QStringLiteral("json")) ? QStringLiteral("json")
                                                                      : QStringLiteral("pdf");
    bool yearOk = false;
    const int year = parser.value(yearOption).toInt(&yearOk);
    QList<qint64> grants;
    bool grantsOk = true;
    for (const QString& g : parser.values(grantOption)) {
        bool ok = false;
        grants << g.toLongLong(&ok);
        grantsOk = grantsOk && ok;
    }
    const QDate from = QDate::fromString(parser.value(fromOption), Qt::ISODate);
    const QDate to = parser.isSet(toOption) ? QDate::fromString(parser.value(toOption), Qt::ISODate)
                                            : from.addDays(7 - from.dayOfWeek());
    const bool needsYear = what == QLatin1String("funding") || what == QLatin1String("financial") ||
                           what == QLatin1String("pack") || what == QLatin1String("receipts");
    const bool needsSchoolYear = what == QLatin1String("indicators") || what == QLatin1String("activity") ||
                                 what == QLatin1String("pack");
    const bool usable = positional.size() == 1 && formatFits(what, format) && (!needsYear || yearOk) &&
                        (!needsSchoolYear || parser.isSet(schoolYearOption)) && grantsOk &&
                        (what != QLatin1String("grant") || grants.size() == 1) &&
                        (what != QLatin1String("booklet") || parser.value(traineeOption).toLongLong() > 0) &&
                        (what != QLatin1String("attendance") ||
                         (from.isValid() && to.isValid() && parser.isSet(sectionOption)));
    if (!usable || parser.value(user).isEmpty()) {
        for (const QString& line :
             {tr("Usage: etabli-cli report indicators --school-year 2013-2014 [--section NAME] "
                 "[--format json|csv|pdf|html] --user LOGIN"),
              tr("       etabli-cli report activity --school-year 2013-2014 [--section NAME] [--format "
                 "pdf|html|json]"),
              tr("       etabli-cli report financial --year 2025 [--format pdf|html|json|csv]"),
              tr("       etabli-cli report grant --grant ID [--format pdf|html]"),
              tr("       etabli-cli report attendance --section NAME --from 2026-11-23 [--to 2026-12-18] "
                 "[--format pdf|html]"),
              tr("       etabli-cli report pack --school-year 2025-2026 --year 2025 [--grant ID]… [--format "
                 "pdf|html|xlsx]"),
              tr("       etabli-cli report funding --year 2025 [--format json|csv]"),
              tr("       etabli-cli report booklet --trainee ID [--format pdf|html]"),
              tr("       etabli-cli report receipts --year 2025 [--financial-year] [--format "
                 "json|csv|pdf|html]"),
              tr("       (each with --user LOGIN and --out FILE; a PDF needs --out)")})
            m_err << line << Qt::endl;
        return BadUsage;
    }
    if (format == QLatin1String("pdf") && parser.value(outOption).isEmpty()) {
        m_err << tr("A PDF is written to a file: give --out FILE.") << Qt::endl;
        return BadUsage;
    }
    SystemClock clock;
    auto acting = openAs(parser, common, parser.value(user), clock, m_err);
    if (!acting)
        return report(m_err, acting.error());
    ReportDataService data(*acting->db, clock, acting->user);
    const QString schoolYear = parser.value(schoolYearOption);
    const QString section = parser.value(sectionOption);

    QByteArray text;
    std::optional<print::ReportBuilder> document;
    bool landscape = false;
    if (what == QLatin1String("funding")) {
        auto result = FundingReportService(*acting->db, clock, acting->user).report(year);
        if (!result)
            return report(m_err, result.error());
        text = format == QLatin1String("json")
                   ? QJsonDocument(FundingReportService::toJson(*result)).toJson(QJsonDocument::Indented)
                   : FundingReportService::toCsv(*result).toUtf8();
    } else if (what == QLatin1String("indicators") || what == QLatin1String("activity")) {
        auto result = data.activity(schoolYear, section);
        if (!result)
            return report(m_err, result.error());
        if (format == QLatin1String("json")) {
            QJsonObject json = IndicatorService::toJson(result->indicators);
            if (what == QLatin1String("activity"))
                json.insert(QStringLiteral("narrative"),
                            QJsonObject{{QStringLiteral("highlights"), result->narrative.highlights},
                                        {QStringLiteral("difficulties"), result->narrative.difficulties},
                                        {QStringLiteral("outlook"), result->narrative.outlook}});
            text = QJsonDocument(json).toJson(QJsonDocument::Indented);
        } else if (format == QLatin1String("csv")) {
            text = indicatorsCsv(result->indicators).toUtf8();
        } else if (what == QLatin1String("activity")) {
            document = print::ReportDocuments::activity(*result);
        } else {
            document = print::ReportDocuments::indicators(*result);
        }
    } else if (what == QLatin1String("financial")) {
        auto result = data.financial(year);
        if (!result)
            return report(m_err, result.error());
        if (format == QLatin1String("json"))
            text =
                QJsonDocument(FundingReportService::toJson(result->funding)).toJson(QJsonDocument::Indented);
        else if (format == QLatin1String("csv"))
            text = FundingReportService::toCsv(result->funding).toUtf8();
        else
            document = print::ReportDocuments::financial(*result);
    } else if (what == QLatin1String("receipts")) {
        auto result = data.receipts(year, parser.isSet(financialOption));
        if (!result)
            return report(m_err, result.error());
        if (format == QLatin1String("json"))
            text = QJsonDocument(statementJson(result->statement)).toJson(QJsonDocument::Indented);
        else if (format == QLatin1String("csv"))
            text = statementCsv(result->statement);
        else
            document = print::ReportDocuments::receipts(*result);
    } else if (what == QLatin1String("grant")) {
        auto result = data.grant(grants.value(0));
        if (!result)
            return report(m_err, result.error());
        for (const QString& missing : result->missing)
            m_err << tr("Warning: %1").arg(missing) << Qt::endl;
        document = print::ReportDocuments::grant(*result);
    } else if (what == QLatin1String("attendance")) {
        auto result = data.attendance(section, from, to);
        if (!result)
            return report(m_err, result.error());
        document = print::ReportDocuments::attendance(*result);
        landscape = true;
    } else if (what == QLatin1String("booklet")) {
        auto result = data.booklet(parser.value(traineeOption).toLongLong());
        if (!result)
            return report(m_err, result.error());
        document = print::ReportDocuments::booklet(*result);
    } else {
        auto result = data.pack(schoolYear, year, grants);
        if (!result)
            return report(m_err, result.error());
        for (const GrantReportData& g : result->grants)
            for (const QString& missing : g.missing)
                m_err << tr("Warning: %1 — %2").arg(g.subsidy.funderName, missing) << Qt::endl;
        document = print::ReportDocuments::pack(*result);
    }

    if (document && format == QLatin1String("xlsx")) {
        if (parser.value(outOption).isEmpty()) {
            m_err << tr("A workbook is written to a file: give --out FILE.xlsx.") << Qt::endl;
            return BadUsage;
        }
        auto bytes = document->workbook();
        if (!bytes)
            return report(m_err, bytes.error());
        if (auto written = files::write(parser.value(outOption), *bytes, true); !written)
            return report(m_err, written.error());
        m_out << tr("Written: %1").arg(parser.value(outOption)) << Qt::endl;
        return Success;
    }
    if (document && format == QLatin1String("pdf")) {
        auto printable = document->printable(landscape);
        if (auto r = print::DocumentPrinter::writePdf(*printable, parser.value(outOption)); !r)
            return report(m_err, r.error());
        m_out << tr("Written: %1").arg(parser.value(outOption)) << Qt::endl;
        return Success;
    }
    if (document)
        text = document->html().toUtf8();
    if (parser.value(outOption).isEmpty()) {
        m_out << QString::fromUtf8(text);
        m_out.flush();
        return Success;
    }
    if (auto written = files::write(parser.value(outOption), text); !written)
        return report(m_err, written.error());
    return Success;
}

} // namespace etabli::cli
