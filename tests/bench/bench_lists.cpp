// The lists, the open, the check and the trainee and contact imports on the federation
// demo (issue 19's table in docs/performance.md). Each list read goes through
// its service, as a page does; the statements it ran are caught with
// SqlQuery's trace and run again raw (QSqlQuery, no service, no row
// conversion) in the same run, so each figure comes with its ratio.
//
//   ETABLI_BENCH_FEDERATION=/tmp/fed.sqlite build/bench/tests/bench/etabli-bench-lists
//   ETABLI_BENCH_FEDERATION=postgresql://… (a federation demo on PostgreSQL)
// The import writes into a copy, never into the demo itself: a copy of the
// SQLite file in /tmp, or on PostgreSQL a database made with the demo's as
// its template (CREATE DATABASE … TEMPLATE: the demo must have no other
// session open), dropped after.
//   ETABLI_BENCH_ONLY=lists|check|import runs one part; =contacts the first
//   contacts import alone (to profile it).
#include "services/audittrail.h"
#include "services/budgetservice.h"
#include "services/contactimportservice.h"
#include "services/contactservice.h"
#include "services/donationservice.h"
#include "services/invoiceservice.h"
#include "services/orderservice.h"
#include "services/productionservice.h"
#include "services/traineeimportservice.h"
#include "services/traineeservice.h"
#include "services/tyrehotelservice.h"
#include "storage/auditrepository.h"
#include "storage/database.h"
#include "storage/invoicerepository.h"
#include "storage/sectionrepository.h"
#include "storage/sqlquery.h"
#include "util/clock.h"

#include <algorithm>
#include <functional>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QUrl>
#include <string_view>
#include <unistd.h>

using namespace etabli;

namespace {

constexpr int PageSize = 100; // as PagedListModel
constexpr int Runs = 5;

struct Statement
{
    QString sql;
    QVariantMap values;
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values.at(values.size() / 2);
}

// The same statements run raw: prepared, bound, every row fetched.
double rawMs(const Database& db, const QList<Statement>& statements)
{
    QElapsedTimer t;
    t.start();
    for (const Statement& s : statements) {
        QSqlQuery q(db.connection());
        q.setForwardOnly(true);
        if (!q.prepare(s.sql))
            return -1;
        for (auto it = s.values.cbegin(); it != s.values.cend(); ++it)
            q.bindValue(QLatin1Char(':') + it.key(), it.value());
        if (!q.exec())
            return -1;
        while (q.next()) {
        }
    }
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

struct Measure
{
    double service = -1;
    double raw = -1;
    int statements = 0;
    qint64 rows = -1; // shown by the read
};

// What a list read returns, as the rows it shows (-1: it failed).
template <class R> qint64 shown(const R& page)
{
    return page ? static_cast<qint64>(page->rows.size()) : -1;
}

// Runs `read` once to warm the cache, then Runs times; the median of each.
Measure measure(const Database& db, const std::function<qint64()>& read)
{
    QList<Statement> seen;
    SqlQuery::setTrace([&seen](const QString& sql, const QVariantMap& values) {
        seen << Statement{sql, values};
    });
    const qint64 rows = read();
    SqlQuery::setTrace({});
    if (rows < 0)
        return {};
    QList<double> service;
    QList<double> raw;
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer t;
        t.start();
        if (read() < 0)
            return {};
        service << static_cast<double>(t.nsecsElapsed()) / 1e6;
        raw << rawMs(db, seen);
    }
    return {median(service), median(raw), static_cast<int>(seen.size()), rows};
}

QString ms(double value)
{
    return value < 0 ? QStringLiteral("échec") : QString::number(value, 'f', value < 10 ? 2 : 1);
}

// A page request as the pager makes it: the first page, or "aller à la page n".
PageRequest pageNumber(qint64 page)
{
    PageRequest r = PageRequest::first(PageSize);
    r.skip = (page - 1) * PageSize;
    return r;
}

// Some letters out of a name the list shows, for a search that finds rows.
QString probe(const QString& text)
{
    const QString word = text.section(QLatin1Char(' '), 0, 0);
    return word.mid(1, std::min<qsizetype>(4, word.size() - 1));
}

QByteArray traineeCsv(const QStringList& sections, int rows)
{
    QByteArray out = "nom;prénom;date de naissance;sexe;section;date d'entrée;année\n";
    for (int i = 0; i < rows; ++i) {
        out += QStringLiteral("Import%1;Prénom%2;%3;%4;%5;01/09/2026;1\n")
                   .arg(i)
                   .arg(i % 997)
                   .arg(QDate(2008, 1, 1).addDays(i % 1000).toString(QStringLiteral("dd/MM/yyyy")))
                   .arg(i % 2 ? QStringLiteral("F") : QStringLiteral("M"))
                   .arg(sections.at(i % sections.size()))
                   .toUtf8();
    }
    return out;
}

// A SIRET whose Luhn key is right: 13 digits from `n`, then the key.
QString validSiret(qint64 n)
{
    QString digits = QStringLiteral("%1").arg(n, 13, 10, QLatin1Char('0'));
    for (int key = 0; key < 10; ++key) {
        const QString candidate = digits + QString::number(key);
        int sum = 0;
        for (int i = 0; i < 14; ++i) {
            int d = candidate.at(13 - i).digitValue();
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9)
                    d -= 9;
            }
            sum += d;
        }
        if (sum % 10 == 0)
            return candidate;
    }
    return {};
}

// A directory as a school's spreadsheet holds it: persons and firms, one
// in five with a SIRET, all with a town, a phone and an e-mail.
QByteArray contactCsv(int rows)
{
    QByteArray out = "Type;Nom;Prénom;SIRET;Adresse;Code postal;Ville;Téléphone;Courriel;Rôles\n";
    for (int i = 0; i < rows; ++i) {
        const bool firm = i % 3 == 0;
        out +=
            QStringLiteral("%1;%2;%3;%4;%5 rue des Tanneurs;%6;Ville%7;03 84 %8;contact%9@example.org;%10\n")
                .arg(firm ? QStringLiteral("Entreprise") : QStringLiteral("Particulier"),
                     firm ? QStringLiteral("Établissements Import%1").arg(i)
                          : QStringLiteral("Import%1").arg(i),
                     firm ? QString() : QStringLiteral("Prénom%1").arg(i % 997),
                     firm && i % 5 == 0 ? validSiret(7000000000000 + i) : QString())
                .arg(i % 200 + 1)
                .arg(39000 + i % 900)
                .arg(i % 900)
                .arg(i % 1000000, 6, 10, QLatin1Char('0'))
                .arg(i)
                .arg(firm ? QStringLiteral("client") : QStringLiteral("donateur"))
                .toUtf8();
    }
    return out;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QString where = qEnvironmentVariable("ETABLI_BENCH_FEDERATION");
    if (where.isEmpty()) {
        out << "ETABLI_BENCH_FEDERATION: a federation demo (a SQLite file or a postgresql:// address)\n";
        return 2;
    }
    auto location = DatabaseLocation::parse(where);
    if (!location) {
        out << location.error().message << '\n';
        return 2;
    }
    const bool sqlite = !where.startsWith(QLatin1String("postgres"));
    const QString only = qEnvironmentVariable("ETABLI_BENCH_ONLY");
    const auto runs = [&only](const char* part) { return only.isEmpty() || only == QLatin1String(part); };
    const FixedClock clock(QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC));
    const UserContext user = UserContext::system();

    QList<double> opens;
    for (int i = 0; i < Runs; ++i) {
        QElapsedTimer t;
        t.start();
        if (!Database::open(*location, Database::OpenMode::OpenExisting)) {
            out << "cannot open " << where << '\n';
            return 1;
        }
        opens << static_cast<double>(t.nsecsElapsed()) / 1e6;
    }
    auto opened = Database::open(*location, Database::OpenMode::OpenExisting);
    if (!opened)
        return 1;
    Database& db = **opened;
    out << "backend: " << (sqlite ? "SQLite" : "PostgreSQL") << "\n\n";
    if (runs("lists"))
        out << "| list | read | rows | service (ms) | raw (ms) | ratio | statements |\n"
               "|---|---|---|---|---|---|---|\n";
    const auto row = [&](const QString& list, const QString& what, const std::function<qint64()>& read) {
        const Measure m = measure(db, read);
        out << "| " << list << " | " << what << " | " << m.rows << " | " << ms(m.service) << " | "
            << ms(m.raw) << " | "
            << (m.raw > 0 ? QString::number(m.service / m.raw, 'f', 2) : QStringLiteral("–")) << " | "
            << m.statements << " |\n";
        out.flush();
    };
    // Each list: its first page, page 5 000 (or the last tenth of a shorter
    // list) by "aller à la page", the page after a row that deep (keyset),
    // a search, and each filter.
    const auto pages = [&](const QString& list, auto read, auto filter, qint64 rows) {
        row(list, QStringLiteral("first page"),
            [&] { return shown(read(filter, PageRequest::first(PageSize))); });
        const qint64 deep = std::min<qint64>(5000, std::max<qint64>(1, rows * 9 / 10 / PageSize));
        row(list, QStringLiteral("page %1 (aller à la page)").arg(deep),
            [&] { return shown(read(filter, pageNumber(deep))); });
        auto at = read(filter, pageNumber(deep));
        if (at && !at->rows.isEmpty())
            row(list, QStringLiteral("next page after page %1 (keyset)").arg(deep),
                [&] { return shown(read(filter, PageRequest::after(at->info.last, PageSize))); });
    };
    const auto total = [&](const QString& table) {
        SqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM ") + table) || !q.next())
            return qint64(0);
        return q.value(0).toLongLong();
    };

    if (runs("lists")) {
        InvoiceService s(db, clock, user);
        const auto read = [&](const InvoiceFilter& f, const PageRequest& r) { return s.page(f, r); };
        pages(QStringLiteral("invoices"), read, InvoiceFilter{}, total(QStringLiteral("invoice")));
        auto first = s.page({}, PageRequest::first(PageSize));
        InvoiceFilter search;
        search.text =
            first && !first->rows.isEmpty() ? probe(first->rows.first().customer) : QStringLiteral("mar");
        row(QStringLiteral("invoices"), QStringLiteral("search “%1”").arg(search.text),
            [&] { return shown(s.page(search, PageRequest::first(PageSize))); });
        InvoiceFilter fullName;
        fullName.text =
            first && !first->rows.isEmpty() ? first->rows.first().customer : QStringLiteral("mar");
        row(QStringLiteral("invoices"), QStringLiteral("search a whole name “%1”").arg(fullName.text),
            [&] { return shown(s.page(fullName, PageRequest::first(PageSize))); });
        InvoiceFilter shortText;
        shortText.text = QStringLiteral("er");
        row(QStringLiteral("invoices"), QStringLiteral("search two letters “er”"),
            [&] { return shown(s.page(shortText, PageRequest::first(PageSize))); });
        InvoiceFilter nothing;
        nothing.text = QStringLiteral("zzqx");
        row(QStringLiteral("invoices"), QStringLiteral("search that finds nothing “zzqx”"),
            [&] { return shown(s.page(nothing, PageRequest::first(PageSize))); });
        InvoiceFilter number;
        number.text =
            first && first->rows.size() > 50 ? first->rows.at(50).number : QStringLiteral("F2024-00012");
        row(QStringLiteral("invoices"), QStringLiteral("search a number “%1”").arg(number.text),
            [&] { return shown(s.page(number, PageRequest::first(PageSize))); });
        InvoiceFilter unpaid;
        unpaid.unpaidOnly = true;
        row(QStringLiteral("invoices"), QStringLiteral("unpaid"),
            [&] { return shown(s.page(unpaid, PageRequest::first(PageSize))); });
        InvoiceFilter credit;
        credit.kind = InvoiceKind::Credit;
        row(QStringLiteral("invoices"), QStringLiteral("credit notes"),
            [&] { return shown(s.page(credit, PageRequest::first(PageSize))); });
        InvoiceFilter drafts;
        drafts.status = InvoiceStatus::Draft;
        row(QStringLiteral("invoices"), QStringLiteral("drafts"),
            [&] { return shown(s.page(drafts, PageRequest::first(PageSize))); });
        InvoiceFilter month;
        month.from = QDate(2022, 3, 1);
        month.to = QDate(2022, 3, 31);
        row(QStringLiteral("invoices"), QStringLiteral("a month (March 2022)"),
            [&] { return shown(s.page(month, PageRequest::first(PageSize))); });
        InvoiceFilter customer;
        {
            SqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT contact_id FROM invoice ORDER BY id DESC LIMIT 1")) && q.next())
                customer.contactId = q.value(0).toLongLong();
        }
        row(QStringLiteral("invoices"), QStringLiteral("a customer"),
            [&] { return shown(s.page(customer, PageRequest::first(PageSize))); });
    }
    if (runs("lists")) {
        OrderService s(db, clock, user);
        const auto quotes = [&](const OrderFilter& f, const PageRequest& r) { return s.quotes(f, r); };
        pages(QStringLiteral("quotes"), quotes, OrderFilter{}, total(QStringLiteral("quote")));
        OrderFilter open;
        open.shown = OrderFilter::Shown::Open;
        open.today = clock.today();
        row(QStringLiteral("quotes"), QStringLiteral("open"),
            [&] { return shown(s.quotes(open, PageRequest::first(PageSize))); });
        const auto orders = [&](const OrderFilter& f, const PageRequest& r) { return s.orders(f, r); };
        pages(QStringLiteral("work orders"), orders, OrderFilter{}, total(QStringLiteral("work_order")));
        row(QStringLiteral("work orders"), QStringLiteral("open"),
            [&] { return shown(s.orders(open, PageRequest::first(PageSize))); });
        OrderFilter search;
        search.text = QStringLiteral("garage");
        row(QStringLiteral("work orders"), QStringLiteral("search “garage”"),
            [&] { return shown(s.orders(search, PageRequest::first(PageSize))); });
    }
    if (runs("lists")) {
        ContactService s(db, clock, user);
        const auto read = [&](const ContactFilter& f, const PageRequest& r) { return s.page(f, r); };
        pages(QStringLiteral("contacts"), read, ContactFilter{}, total(QStringLiteral("contact")));
        ContactFilter search;
        auto firstContacts = s.page({}, PageRequest::first(PageSize));
        search.text = firstContacts && !firstContacts->rows.isEmpty() ? probe(firstContacts->rows.last().name)
                                                                      : QStringLiteral("mart");
        row(QStringLiteral("contacts"), QStringLiteral("search “%1”").arg(search.text),
            [&] { return shown(s.page(search, PageRequest::first(PageSize))); });
        ContactFilter donors;
        donors.role = QStringLiteral("donor");
        row(QStringLiteral("contacts"), QStringLiteral("donors"),
            [&] { return shown(s.page(donors, PageRequest::first(PageSize))); });
    }
    if (runs("lists")) {
        TraineeService s(db, clock, user);
        const auto read = [&](const TraineeFilter& f, const PageRequest& r) { return s.page(f, r); };
        pages(QStringLiteral("trainees"), read, TraineeFilter{}, total(QStringLiteral("trainee")));
        TraineeFilter search;
        search.text = QStringLiteral("mar");
        row(QStringLiteral("trainees"), QStringLiteral("search “mar”"),
            [&] { return shown(s.page(search, PageRequest::first(PageSize))); });
        TraineeFilter section;
        section.sectionId = 3;
        row(QStringLiteral("trainees"), QStringLiteral("a section"),
            [&] { return shown(s.page(section, PageRequest::first(PageSize))); });
        TraineeFilter enrolled;
        enrolled.status = TraineeStatus::Enrolled;
        row(QStringLiteral("trainees"), QStringLiteral("enrolled"),
            [&] { return shown(s.page(enrolled, PageRequest::first(PageSize))); });
    }
    if (runs("lists")) {
        DonationService s(db, clock, user);
        const auto read = [&](const DonationFilter& f, const PageRequest& r) { return s.donations(f, r); };
        pages(QStringLiteral("gifts"), read, DonationFilter{}, total(QStringLiteral("donation")));
        DonationFilter search;
        search.text = QStringLiteral("mart");
        row(QStringLiteral("gifts"), QStringLiteral("search “mart”"),
            [&] { return shown(s.donations(search, PageRequest::first(PageSize))); });
        DonationFilter unreceipted;
        unreceipted.unreceiptedOnly = true;
        row(QStringLiteral("gifts"), QStringLiteral("without receipt"),
            [&] { return shown(s.donations(unreceipted, PageRequest::first(PageSize))); });
    }
    if (runs("lists")) {
        ProductionService s(db, clock, user);
        const auto read = [&](const ProductionFilter& f, const PageRequest& r) { return s.list(f, r); };
        pages(QStringLiteral("production log"), read, ProductionFilter{},
              total(QStringLiteral("production_entry")));
        ProductionFilter reference;
        reference.reference = QStringLiteral("2017-01");
        row(QStringLiteral("production log"), QStringLiteral("search a reference “2017-01”"),
            [&] { return shown(s.list(reference, PageRequest::first(PageSize))); });
        ProductionFilter section;
        section.sectionId = 3;
        row(QStringLiteral("production log"), QStringLiteral("a section"),
            [&] { return shown(s.list(section, PageRequest::first(PageSize))); });
    }
    if (runs("lists")) {
        BudgetService s(db, clock, user);
        const auto read = [&](const BudgetEntryFilter& f, const PageRequest& r) { return s.entries(f, r); };
        pages(QStringLiteral("budget entries"), read, BudgetEntryFilter{},
              total(QStringLiteral("budget_entry")));
        BudgetEntryFilter search;
        search.search = QStringLiteral("loyer");
        row(QStringLiteral("budget entries"), QStringLiteral("search “loyer”"),
            [&] { return shown(s.entries(search, PageRequest::first(PageSize))); });
    }
    if (runs("lists")) {
        TyreHotelService s(db, clock, user);
        const auto read = [&](const TyreSetFilter& f, const PageRequest& r) { return s.list(f, r); };
        TyreSetFilter all;
        all.state.reset();
        pages(QStringLiteral("tyre hotel"), read, all, total(QStringLiteral("tyre_set")));
        TyreSetFilter search = all;
        search.text = QStringLiteral("AB");
        row(QStringLiteral("tyre hotel"), QStringLiteral("search “AB”"),
            [&] { return shown(s.list(search, PageRequest::first(PageSize))); });
    }
    if (runs("lists")) {
        AuditTrail s(db, clock);
        const auto read = [&](const AuditFilter& f, const PageRequest& r) { return s.page(user, f, r); };
        pages(QStringLiteral("log of changes"), read, AuditFilter{}, total(QStringLiteral("audit_log")));
        AuditFilter invoices;
        invoices.entity = AuditEntity::Invoice;
        row(QStringLiteral("log of changes"), QStringLiteral("invoices"),
            [&] { return shown(s.page(user, invoices, PageRequest::first(PageSize))); });
    }

    out << "\n| operation | time |\n|---|---|\n";
    out << "| open (" << Runs << " runs, median) | " << ms(median(opens)) << " ms |\n";
    out.flush();
    if (runs("check")) {
        QElapsedTimer t;
        t.start();
        auto chains = InvoiceRepository(db).verifyChains();
        out << "| check the chains of invoices and payments (" << (chains ? chains->documents : 0)
            << " invoices, " << (chains ? chains->payments : 0) << " payments"
            << (chains && chains->firstBad.isEmpty() ? QString() : QStringLiteral(", NOT INTACT")) << ") | "
            << ms(static_cast<double>(t.nsecsElapsed()) / 1e6) << " ms |\n";
        out.flush();
    }
    const bool contactsOnly = only == QLatin1String("contacts");
    if (runs("import") || contactsOnly) {
        // The import writes into a copy, never into the demo: on SQLite a copy
        // of the file, on PostgreSQL a database made from the demo's as a template.
        opened->reset();
        QString target;
        QString scratch; // PostgreSQL: the copy's name, dropped after
        const auto admin = [&](const QString& statement) {
            const QUrl url(where);
            QSqlDatabase server =
                QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-admin"));
            server.setHostName(url.host());
            server.setPort(url.port(5432));
            server.setUserName(url.userName());
            server.setPassword(url.password());
            server.setDatabaseName(QStringLiteral("postgres"));
            bool ok = server.open();
            if (ok) {
                QSqlQuery q(server);
                ok = q.exec(statement);
                if (!ok)
                    out << "| import: " << q.lastError().text() << " | – |\n";
            }
            server.close();
            server = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("bench-admin"));
            return ok;
        };
        if (sqlite) {
            target = QStringLiteral("/tmp/etabli-bench-import.sqlite");
            QFile::remove(target);
            if (!QFile::copy(where, target))
                return 1;
            // The copy on disk before timing: its writeback would otherwise run during the import.
            QFile written(target);
            if (!written.open(QIODevice::ReadOnly) || ::fsync(written.handle()) != 0)
                return 1;
        } else {
            QUrl url(where);
            const QString source = url.path().mid(1);
            scratch = source + QStringLiteral("_bench_import");
            admin(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(scratch));
            if (!admin(QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(scratch, source)))
                return 1;
            url.setPath(QLatin1Char('/') + scratch);
            target = url.toString();
        }
        auto copy = DatabaseLocation::parse(target);
        auto into = copy ? Database::open(*copy, Database::OpenMode::OpenExisting)
                         : Result<std::unique_ptr<Database>>(std::unexpected(copy.error()));
        if (!into)
            return 1;
        QStringList sections;
        if (auto list = SectionRepository(**into).list()) {
            for (const Section& s : *list)
                sections << s.name;
        }
        constexpr int Rows = 20000;
        QElapsedTimer t;
        if (!contactsOnly) {
            const QByteArray csv = traineeCsv(sections, Rows);
            t.start();
            TraineeImportService import(**into, clock, user);
            auto preview = import.prepare(csv);
            const double prepared = static_cast<double>(t.nsecsElapsed()) / 1e6;
            auto imported =
                preview ? import.apply(*preview, false) : Result<int>(std::unexpected(preview.error()));
            const double seconds = static_cast<double>(t.nsecsElapsed()) / 1e9;
            if (!imported)
                out << "| import: " << imported.error().message << " | – |\n";
            else
                out << "| import " << *imported << " trainees (check " << ms(prepared)
                    << " ms, then write) | " << ms(seconds * 1000) << " ms: **" << qRound(*imported / seconds)
                    << " rows/s** |\n";
        }
        // The directory of a school that arrives with 100 000 contacts
        // (issue 22): read and checked, then written; then the same file
        // again, every line found already there.
        constexpr int Contacts = 100000;
        const QByteArray directory = contactCsv(Contacts);
        for (const char* pass : {"import", "re-import (all already there)"}) {
            if (contactsOnly && std::string_view(pass) != "import")
                break;
            t.restart();
            ContactImportService contacts(**into, clock, user);
            auto read = contacts.prepare(directory);
            const double checked = static_cast<double>(t.nsecsElapsed()) / 1e6;
            if (read)
                read->chooseForDuplicates(ContactImportService::DuplicateChoice::Merge);
            auto written = read ? contacts.apply(*read, false)
                                : Result<ContactImportService::Outcome>(std::unexpected(read.error()));
            const double took = static_cast<double>(t.nsecsElapsed()) / 1e9;
            if (!written)
                out << "| contacts " << pass << ": " << written.error().message << " | – |\n";
            else
                out << "| contacts " << pass << ", " << Contacts << " lines (" << written->created
                    << " created, " << written->skipped << " already there; check " << ms(checked)
                    << " ms, then write) | " << ms(took * 1000) << " ms: **" << qRound(Contacts / took)
                    << " rows/s** |\n";
            out.flush();
        }
        into->reset();
        if (sqlite)
            QFile::remove(target);
        else
            admin(QStringLiteral("DROP DATABASE %1").arg(scratch));
    }
    return 0;
}
