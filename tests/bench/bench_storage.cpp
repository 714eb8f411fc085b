// Storage benchmarks on the federation demo: how long the operations a user
// waits for take. Prints a Markdown table for docs/performance.md.
#include "services/dashboardservice.h"
#include "services/demogenerator.h"
#include "services/fundingreportservice.h"
#include "storage/attendancerepository.h"
#include "storage/backup.h"
#include "storage/contactrepository.h"
#include "storage/database.h"
#include "storage/invoicerepository.h"
#include "storage/orderrepository.h"
#include "storage/productionrepository.h"
#include "storage/sqlquery.h"
#include "storage/traineelistquery.h"
#include "util/clock.h"

#include <functional>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

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
    out << "| create the federation demo (" << QFileInfo(path).size() / 1024 << " KiB) | " << create
        << " ms |\n";

    const double open = timeMs(
        [&]() {
            return Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::OpenExisting)
                .has_value();
        },
        3);
    out << "| open with checks (quick_check, version, write probe) | " << open << " ms |\n";

    auto db = Database::open(DatabaseLocation::sqlite(path), Database::OpenMode::OpenExisting);
    if (!db)
        return 1;
    const double dashboard = timeMs([&]() { return DashboardService(**db).summary(today).has_value(); }, 50);
    out << "| dashboard counts | " << dashboard << " ms |\n";

    TraineeListQuery list(**db);
    TraineeFilter filter;
    const double firstPage =
        timeMs([&]() { return list.page(filter, PageRequest::first(100)).has_value(); }, 50);
    out << "| trainees' list: first page of 100, sorted by name | " << firstPage << " ms |\n";
    const double count = timeMs([&]() { return list.count(filter).has_value(); }, 50);
    out << "| trainees' list: count for the \"N trainees\" label | " << count << " ms |\n";
    filter.text = QStringLiteral("cedric");
    const double search =
        timeMs([&]() { return list.page(filter, PageRequest::first(100)).has_value(); }, 50);
    out << "| trainees' list: search \"cedric\" (accent-insensitive), first page | " << search << " ms |\n";
    filter = TraineeFilter{};
    filter.sort = TraineeFilter::Sort::EntryDate;
    filter.ascending = false;
    filter.status = TraineeStatus::Left;
    const double sorted = timeMs(
        [&]() {
            return list.page(filter, PageRequest{PageRequest::From::Start, {}, 2000, 100}).has_value();
        },
        20);
    out << "| trainees' list: status filter, sorted by entry date, page 21 (2 000 rows down) | " << sorted
        << " ms |\n";
    AttendanceRepository attendance(**db);
    const double rate =
        timeMs([&]() { return attendance.rate(0, 1, QDate(2026, 9, 1), today).has_value(); }, 20);
    out << "| attendance rate of a section over the school year | " << rate << " ms |\n";

    // The production log: ~1.2M rows at this scale.
    SqlQuery rows(**db);
    if (!rows.exec(QStringLiteral(
            "SELECT (SELECT COUNT(*) FROM production_entry) + (SELECT COUNT(*) FROM "
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
    const double logPage =
        timeMs([&]() { return production.list(log, {}, PageRequest::first()).has_value(); }, 20);
    out << "| production log: first page of 100 of a workshop's school year | " << logPage << " ms |\n";
    ProductionFilter everything;
    const double logDeep = timeMs(
        [&]() {
            return production.list(everything, {}, PageRequest{PageRequest::From::Start, {}, 100000, 100})
                .has_value();
        },
        5);
    out << "| production log: all workshops, \"aller à la page\" 1 001 | " << logDeep << " ms |\n";
    const double logCount = timeMs([&]() { return production.count(everything, {}, 10000).has_value(); }, 5);
    out << "| production log: count of the entries, up to 10 000 | " << logCount << " ms |\n";
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

    // Sales: about a million work orders, as many invoices and payments.
    SqlQuery sales(**db);
    if (!sales.exec(QStringLiteral(
            "SELECT (SELECT COUNT(*) FROM work_order), (SELECT COUNT(*) FROM invoice), (SELECT "
            "COUNT(*) FROM payment), (SELECT COUNT(*) FROM contact)")) ||
        !sales.next())
        return 1;
    out << "| (sales in the federation demo: " << sales.value(0).toLongLong() << " work orders, "
        << sales.value(1).toLongLong() << " invoices, " << sales.value(2).toLongLong() << " payments, "
        << sales.value(3).toLongLong() << " contacts) | |\n";
    sales.finish();
    InvoiceRepository invoices(**db);
    InvoiceFilter allInvoices;
    out << "| invoices' list: first page of 100, newest first, with the capped count | "
        << timeMs([&]() { return invoices.page(allInvoices, PageRequest::first()).has_value(); }, 20)
        << " ms |\n";
    PageCursor deep;
    out << "| invoices' list: \"aller à la page\" 5 000 (the index walked to row 500 000) | "
        << timeMs(
               [&]() {
                   auto p =
                       invoices.page(allInvoices, PageRequest{PageRequest::From::Start, {}, 500000, 100});
                   deep = p ? p->info.last : PageCursor{};
                   return p.has_value();
               },
               3)
        << " ms |\n";
    out << "| invoices' list: the page after page 5 000 | "
        << timeMs([&]() { return invoices.page(allInvoices, PageRequest::after(deep)).has_value(); }, 10)
        << " ms |\n";
    InvoiceFilter byCustomer;
    byCustomer.text = QStringLiteral("mairie");
    out << "| invoices' list: search \"mairie\", first page and count | "
        << timeMs([&]() { return invoices.page(byCustomer, PageRequest::first()).has_value(); }, 5)
        << " ms |\n";
    InvoiceFilter unpaid;
    unpaid.unpaidOnly = true;
    out << "| invoices' list: unpaid only, first page and count | "
        << timeMs([&]() { return invoices.page(unpaid, PageRequest::first()).has_value(); }, 5) << " ms |\n";
    out << "| unpaid invoices: totals by age, summed in SQL (the Unpaid tab's summary) | "
        << timeMs([&]() { return invoices.receivableTotals(today).has_value(); }, 3) << " ms |\n";
    out << "| unpaid invoices: the 500 oldest (the Unpaid tab's table) | "
        << timeMs([&]() { return invoices.receivables(today, 0, 500).has_value(); }, 3) << " ms |\n";
    out << "| cheques waiting for the bank | " << timeMs([&]() { return invoices.cheques(0).has_value(); }, 3)
        << " ms |\n";
    OrderRepository orders(**db);
    OrderFilter openOrders;
    openOrders.shown = OrderFilter::Shown::Open;
    out << "| work orders: open ones, first page and count | "
        << timeMs([&]() { return orders.orders(openOrders, PageRequest::first()).has_value(); }, 10)
        << " ms |\n";
    OrderFilter workshop;
    workshop.sectionId = 1;
    out << "| work orders: one workshop, all statuses, first page and count | "
        << timeMs([&]() { return orders.orders(workshop, PageRequest::first()).has_value(); }, 10)
        << " ms |\n";
    ContactRepository contacts(**db);
    ContactFilter customers;
    customers.text = QStringLiteral("garage");
    out << "| directory: search \"garage\", first page and count | "
        << timeMs([&]() { return contacts.page(customers, PageRequest::first()).has_value(); }, 10)
        << " ms |\n";
    // Funding: the report sums a financial year of the federation's invoices in SQL.
    const SystemClock clock;
    const FundingReportService funding(**db, clock, UserContext::system());
    out << "| funding report of a financial year (split, categories, twelve months against the year before) "
           "| "
        << timeMs([&]() { return funding.report(2025).has_value(); }, 5) << " ms |\n";
    out << "| chains of invoices and payments verified (etabli-cli check) | "
        << timeMs([&]() { return invoices.verifyChains().has_value(); }, 1) << " ms |\n";

    const QString copy = dir.filePath(QStringLiteral("copy.sqlite"));
    const double backup = timeMs([&]() { return Backup::hotCopy(**db, copy, true).has_value(); }, 5);
    out << "| verified hot copy | " << backup << " ms |\n";
    return 0;
}
