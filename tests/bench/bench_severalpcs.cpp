// Issue 20's bounds, measured: the school demo moved to a PostgreSQL server
// and back, each list's first page on the server against the file (≤ 1.5×):
// read through its service, and the page opened as a user opens it (the
// widget built, its first page read and painted, offscreen); and how long a change committed on one PC takes
// to be heard on another (≤ 2 s). Prints a Markdown table for docs/performance.md. Timings only, never
// assertions.
//
//   ETABLI_BENCH_SCHOOL=/tmp/school.sqlite \
//   ETABLI_BENCH_PG=postgresql://etabli@127.0.0.1:55432/postgres \
//   build/bench/tests/bench/etabli-bench-severalpcs

#include "gui/common/session.h"
#include "gui/sales/contactspage.h"
#include "gui/sales/invoicespage.h"
#include "gui/sales/quotespage.h"
#include "gui/trainees/traineespage.h"
#include "gui/workshops/productionlogpage.h"
#include "services/authservice.h"
#include "services/contactservice.h"
#include "services/invoiceservice.h"
#include "services/orderservice.h"
#include "services/productionservice.h"
#include "services/traineeservice.h"
#include "storage/database.h"
#include "storage/databasecopy.h"
#include "util/clock.h"

#include <algorithm>
#include <functional>
#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <vector>

using namespace etabli;

namespace {

// The median of `runs` timings of `work`, in milliseconds; -1 when it fails.
double medianMs(const std::function<bool()>& work, int runs = 21)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        if (!work())
            return -1;
        times.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

bool adminExec(const DatabaseLocation& server, const QString& sql)
{
    QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-admin"));
    admin.setHostName(server.host);
    admin.setPort(server.port);
    admin.setUserName(server.user);
    admin.setPassword(server.password);
    admin.setDatabaseName(server.databaseName);
    const bool ok = admin.open() && QSqlQuery(admin).exec(sql);
    admin.close();
    return ok;
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString school = qEnvironmentVariable("ETABLI_BENCH_SCHOOL");
    auto server = DatabaseLocation::parse(qEnvironmentVariable("ETABLI_BENCH_PG"));
    if (school.isEmpty() || !server || server->isSqlite()) {
        err << "Set ETABLI_BENCH_SCHOOL (a school demo file) and ETABLI_BENCH_PG (postgresql://…/postgres)\n";
        return 2;
    }
    const QString name = QStringLiteral("etabli_bench_pcs");
    adminExec(*server, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    if (!adminExec(*server,
                   QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8'").arg(name))) {
        err << "cannot create the database " << name << "\n";
        return 1;
    }
    DatabaseLocation onServer = *server;
    onServer.databaseName = name;
    QTemporaryDir dir;
    const DatabaseLocation back = DatabaseLocation::sqlite(dir.filePath(QStringLiteral("retour.sqlite")));

    out << "| operation | SQLite | PostgreSQL | ratio |\n|---|---|---|---|\n";
    QElapsedTimer t;
    t.start();
    if (auto moved = DatabaseCopy::move(DatabaseLocation::sqlite(school), onServer); !moved) {
        err << moved.error().message << " " << moved.error().detail << "\n";
        return 1;
    }
    out << "| move the school demo, file → server (copy, compare, check) | | " << t.elapsed() << " ms | |\n";
    t.restart();
    if (auto moved = DatabaseCopy::move(onServer, back); !moved) {
        err << moved.error().message << "\n";
        return 1;
    }
    out << "| server → file (also a server's backup) | | " << t.elapsed() << " ms | |\n";

    // The file side is the copy made back: the same rows, and ours to log in to.
    auto file = Database::open(back, Database::OpenMode::OpenExisting);
    auto pg = Database::open(onServer, Database::OpenMode::OpenExisting);
    if (!file || !pg)
        return 1;
    SystemClock clock;
    const QString password = QStringLiteral("etabli-demo-2026");
    auto onFile = AuthService(**file, clock).login(QStringLiteral("direction"), password);
    auto onPg = AuthService(**pg, clock).login(QStringLiteral("direction"), password);
    if (!onFile || !onPg) {
        err << (!onFile ? onFile.error().message : onPg.error().message) << "\n";
        return 1;
    }
    const UserContext fileUser = *onFile;
    const auto page = PageRequest::first();
    const std::vector<std::pair<const char*, std::function<bool(Database&, const UserContext&)>>> lists = {
        {"trainees, first page",
         [&](Database& db, const UserContext& u) {
             return TraineeService(db, clock, u).page(TraineeFilter{}, page).has_value();
         }},
        {"contacts, first page",
         [&](Database& db, const UserContext& u) {
             return ContactService(db, clock, u).page(ContactFilter{}, page).has_value();
         }},
        {"invoices, first page",
         [&](Database& db, const UserContext& u) {
             return InvoiceService(db, clock, u).page(InvoiceFilter{}, page).has_value();
         }},
        {"quotes, first page",
         [&](Database& db, const UserContext& u) {
             return OrderService(db, clock, u).quotes(OrderFilter{}, page).has_value();
         }},
        {"production log, first page",
         [&](Database& db, const UserContext& u) {
             return ProductionService(db, clock, u).list(ProductionFilter{}, page).has_value();
         }},
    };
    for (const auto& [label, read] : lists) {
        const double a = medianMs([&]() { return read(**file, fileUser); });
        const double b = medianMs([&]() { return read(**pg, *onPg); });
        out << "| " << label << " | " << a << " ms | " << b << " ms | " << (a > 0 ? b / a : 0) << " |\n";
    }

    // The pages as a user opens them: built, shown (they read on show), painted.
    Session fileSession;
    fileSession.setDatabase(std::move(*file));
    fileSession.setUser(fileUser);
    Session pgSession;
    pgSession.setDatabase(std::move(*pg));
    pgSession.setUser(*onPg);
    const std::vector<std::pair<const char*, std::function<QWidget*(Session&)>>> pages = {
        {"trainees' page opened", [](Session& s) { return new TraineesPage(s); }},
        {"contacts' page opened", [](Session& s) { return new ContactsPage(s); }},
        {"invoices' page opened", [](Session& s) { return new InvoicesPage(s); }},
        {"quotes' page opened", [](Session& s) { return new QuotesPage(s); }},
        {"production log's page opened", [](Session& s) { return new ProductionLogPage(s); }},
    };
    for (const auto& [label, make] : pages) {
        const auto open = [&make](Session& s) {
            return medianMs([&]() {
                std::unique_ptr<QWidget> page(make(s));
                page->resize(1366, 700);
                page->show();
                QCoreApplication::processEvents();
                return !page->grab().isNull();
            });
        };
        const double a = open(fileSession);
        const double b = open(pgSession);
        out << "| " << label << " | " << a << " ms | " << b << " ms | " << (a > 0 ? b / a : 0) << " |\n";
    }
    auto& pgDb = pgSession.database();

    // A change on one PC heard on another: from the commit's start to the notice.
    auto other = Database::open(onServer, Database::OpenMode::OpenExisting);
    if (!other)
        return 1;
    bool heard = false;
    (void)(*other)->listenToOtherComputers(
        [&heard](DataKinds k) { heard = heard || k.testFlag(DataKind::Contacts); });
    int n = 0;
    const double refresh = medianMs([&]() {
        heard = false;
        Contact c;
        c.name = QStringLiteral("Banc d'essai %1").arg(++n);
        if (!ContactService(pgDb, clock, *onPg).add(c, true))
            return false;
        QElapsedTimer wait;
        wait.start();
        while (!heard && wait.elapsed() < 5000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            QThread::usleep(200);
        }
        return heard;
    });
    out << "| a contact saved on one PC, heard on another (commit + notice) | | " << refresh << " ms | |\n";

    pgSession.setDatabase(nullptr);
    fileSession.setDatabase(nullptr);
    other->reset();
    adminExec(*server, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
    return 0;
}
