// Storage benchmarks on the federation demo: how long the operations a user
// waits for take. Prints a Markdown table for docs/performance.md.
#include "services/dashboardservice.h"
#include "storage/attendancerepository.h"
#include "storage/productionrepository.h"
#include "storage/sqlquery.h"
#include "storage/traineelistquery.h"
#include "services/demogenerator.h"
#include "storage/backup.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <functional>

using namespace etabli;

namespace {

double timeMs(const std::function<bool()>& work, int runs = 1)
{
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < runs; ++i) {
        if (!work())
            return -1;
    }
    return static_cast<double>(t.nsecsElapsed()) / 1e6 / runs;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("federation.sqlite"));
    const QDate today(2026, 11, 27);
    out << "| operation | time |\n|---|---|\n";

    const double create = timeMs([&]() {
        auto db = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::CreateNew);
        if (!db)
            return false;
        DemoGenerator::Options o;
        o.scale = DemoGenerator::Scale::Federation;
        o.referenceDate = today;
        return DemoGenerator(**db, o).run().has_value();
    });
    out << "| create the federation demo (" << QFileInfo(path).size() / 1024 << " KiB) | " << create << " ms |\n";

    const double open = timeMs(
        [&]() { return Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::OpenExisting).has_value(); },
        10);
    out << "| open with checks (quick_check, version, write probe) | " << open << " ms |\n";

    auto db = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::OpenExisting);
    if (!db)
        return 1;
    const double dashboard =
        timeMs([&]() { return DashboardService(**db).summary(today).has_value(); }, 50);
    out << "| dashboard counts | " << dashboard << " ms |\n";

    TraineeListQuery list(**db);
    TraineeFilter filter;
    const double firstPage = timeMs([&]() { return list.rows(filter, 100, 0).has_value(); }, 50);
    out << "| trainees' list: first page of 100, sorted by name | " << firstPage << " ms |\n";
    const double count = timeMs([&]() { return list.count(filter).has_value(); }, 50);
    out << "| trainees' list: count for the \"N trainees\" label | " << count << " ms |\n";
    filter.text = QStringLiteral("cedric");
    const double search = timeMs([&]() { return list.rows(filter, 100, 0).has_value(); }, 50);
    out << "| trainees' list: search \"cedric\" (accent-insensitive), first page | " << search << " ms |\n";
    filter = TraineeFilter{};
    filter.sort = TraineeFilter::Sort::EntryDate;
    filter.ascending = false;
    filter.status = QStringLiteral("left");
    const double sorted = timeMs([&]() { return list.rows(filter, 100, 2000).has_value(); }, 20);
    out << "| trainees' list: status filter, sorted by entry date, page at offset 2000 | " << sorted << " ms |\n";
    AttendanceRepository attendance(**db);
    const double rate = timeMs([&]() { return attendance.rate(0, 1, QDate(2026, 9, 1), today).has_value(); }, 20);
    out << "| attendance rate of a section over the school year | " << rate << " ms |\n";

    // The production log: ~1.2M rows at this scale.
    SqlQuery rows(**db);
    if (!rows.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM production_entry) + (SELECT COUNT(*) FROM "
                                  "production_trainee) + (SELECT COUNT(*) FROM production_output) + (SELECT COUNT(*) "
                                  "FROM production_material) + (SELECT COUNT(*) FROM production_skill)")) ||
        !rows.next())
        return 1;
    out << "| (production log rows in the federation demo: " << rows.value(0).toLongLong() << ") | |\n";
    rows.finish();
    ProductionRepository production(**db);
    ProductionFilter log;
    log.sectionId = 1;
    log.from = QDate(2026, 9, 1);
    log.to = today;
    const double logPage = timeMs([&]() { return production.list(log, {}, 100, 0).has_value(); }, 20);
    out << "| production log: first page of 100 of a workshop's school year | " << logPage << " ms |\n";
    ProductionFilter everything;
    const double logDeep = timeMs([&]() { return production.list(everything, {}, 100, 100000).has_value(); }, 5);
    out << "| production log: all workshops, page at offset 100 000 | " << logDeep << " ms |\n";
    const double logCount = timeMs([&]() { return production.count(everything, {}).has_value(); }, 5);
    out << "| production log: count of all entries | " << logCount << " ms |\n";
    const double figures = timeMs([&]() { return production.figures(log, {}).has_value(); }, 10);
    out << "| production figures of a workshop over the school year | " << figures << " ms |\n";
    ProductionFilter all = log;
    all.sectionId = 0;
    const double allFigures = timeMs([&]() { return production.figures(all, {}).has_value(); }, 3);
    out << "| production figures of all 40 workshops over the school year | " << allFigures << " ms |\n";
    ProductionFilter trainee;
    trainee.traineeId = 5000;
    const double traineeFigures = timeMs([&]() { return production.figures(trainee, {}).has_value(); }, 10);
    out << "| a trainee's production tab (whole course) | " << traineeFigures << " ms |\n";

    const QString copy = dir.filePath(QStringLiteral("copy.sqlite"));
    const double backup = timeMs([&]() { return Backup::hotCopy(**db, copy, true).has_value(); }, 5);
    out << "| verified hot copy | " << backup << " ms |\n";
    return 0;
}
