// Report benchmarks: the indicators of a school year and each printed report
// (data gathered in SQL, then laid out and written as PDF), on the school
// demo and on the federation demo, beside the raw time of the SQL alone.
// Prints a Markdown table for docs/performance.md.
#include "print/documentprinter.h"
#include "print/reportdocuments.h"
#include "services/demogenerator.h"
#include "services/indicatorservice.h"
#include "services/reportdataservice.h"
#include "storage/database.h"
#include "storage/sectionrepository.h"
#include "util/clock.h"

#include <functional>
#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

using namespace etabli;

namespace {

double timeMs(const std::function<bool()>& work, int runs = 1)
{
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < runs; ++i)
        if (!work())
            return -1;
    return static_cast<double>(t.nsecsElapsed()) / 1e6 / runs;
}

void measure(QTextStream& out, const QString& label, Database& db, const QString& dir)
{
    const FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC));
    const UserContext system = UserContext::system();
    ReportDataService data(db, clock, system);
    const QString year = QStringLiteral("2025-2026");
    const auto row = [&](const QString& what, double ms) {
        out << "| " << label << " | " << what << " | " << QString::number(ms, 'f', ms < 10 ? 1 : 0)
            << " ms |\n";
        out.flush();
    };
    row(QStringLiteral("indicators of a school year with the year before (SQL only)"),
        timeMs([&]() { return IndicatorService(db, clock, system).indicators(year).has_value(); }, 5));
    const auto pdf = [&](const char* name, const std::function<std::optional<print::ReportBuilder>()>& make,
                         bool landscape = false) {
        return [&, name, make, landscape]() {
            auto report = make();
            if (!report)
                return false;
            auto printable = report->printable(landscape);
            return print::DocumentPrinter::writePdf(*printable,
                                                    dir + QLatin1Char('/') + QString::fromLatin1(name))
                .has_value();
        };
    };
    row(QStringLiteral("activity report: data (SQL)"),
        timeMs([&]() { return data.activity(year).has_value(); }, 3));
    row(QStringLiteral("activity report: data, layout, charts, PDF"),
        timeMs(pdf("activity.pdf",
                   [&]() -> std::optional<print::ReportBuilder> {
                       auto d = data.activity(year);
                       return d ? std::optional(print::ReportDocuments::activity(*d)) : std::nullopt;
                   }),
               3));
    row(QStringLiteral("financial report: data (SQL)"),
        timeMs([&]() { return data.financial(2025).has_value(); }, 3));
    row(QStringLiteral("financial report: data, layout, charts, PDF"),
        timeMs(pdf("financial.pdf",
                   [&]() -> std::optional<print::ReportBuilder> {
                       auto d = data.financial(2025);
                       return d ? std::optional(print::ReportDocuments::financial(*d)) : std::nullopt;
                   }),
               3));
    auto sections = SectionRepository(db).list();
    if (sections && !sections->isEmpty()) {
        const QString section = sections->first().name;
        row(QStringLiteral("sign-in sheets of a section, four weeks, PDF"),
            timeMs(pdf(
                       "sheets.pdf",
                       [&]() -> std::optional<print::ReportBuilder> {
                           auto d = data.attendance(section, QDate(2026, 11, 2), QDate(2026, 11, 27));
                           return d ? std::optional(print::ReportDocuments::attendance(*d)) : std::nullopt;
                       },
                       true),
                   3));
    }
    row(QStringLiteral("funder pack (activity, indicators, financial), PDF"),
        timeMs(pdf("pack.pdf",
                   [&]() -> std::optional<print::ReportBuilder> {
                       auto d = data.pack(year, 2025, {});
                       return d ? std::optional(print::ReportDocuments::pack(*d)) : std::nullopt;
                   }),
               3));
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    out << "| demo | operation | time |\n|---|---|---|\n";
    for (const auto scale : {DemoGenerator::Scale::School, DemoGenerator::Scale::Federation}) {
        const bool school = scale == DemoGenerator::Scale::School;
        // ETABLI_BENCH_FEDERATION: an existing federation demo (made by
        // `etabli-cli demo --scale federation`), migrated, instead of a new one.
        const QString existing = school ? QString() : qEnvironmentVariable("ETABLI_BENCH_FEDERATION");
        const QString path = !existing.isEmpty() ? existing
                                                 : dir.filePath(school ? QStringLiteral("school.sqlite")
                                                                       : QStringLiteral("federation.sqlite"));
        if (!existing.isEmpty()) {
            if (!Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::OpenExisting))
                return 1;
        } else {
            auto db = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::CreateNew);
            if (!db)
                return 1;
            DemoGenerator::Options o;
            o.scale = scale;
            o.referenceDate = QDate(2026, 11, 27);
            if (!DemoGenerator(**db, o).run())
                return 1;
        }
        // The application's worker connection: read-only, already checked.
        auto db = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::ReadOnlyChecked);
        if (!db)
            return 1;
        measure(out, school ? QStringLiteral("school") : QStringLiteral("federation"), **db, dir.path());
    }
    return 0;
}
