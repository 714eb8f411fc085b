// etabli-cli list: the lists of the GUI's pages, a page at a time, for
// scripts — through the same services and paged queries as the pages.
#include "cli/clisupport.h"
#include "io/csv.h"
#include "services/contactservice.h"
#include "services/donationservice.h"
#include "services/invoiceservice.h"
#include "services/orderservice.h"
#include "services/productionservice.h"
#include "services/traineeservice.h"
#include "storage/sqlvalues.h"
#include "util/clock.h"

#include <functional>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace etabli::cli {

namespace {

// One list as the command prints it: its columns (stable names for
// scripts) and a page of rows, each a value per column.
struct ListSource
{
    QStringList columns;
    std::function<Result<Page<QVariantList>>(const PageRequest&)> page;
};

template <class Row>
Result<Page<QVariantList>> asValues(Result<Page<Row>> page,
                                    const std::function<QVariantList(const Row&)>& values)
{
    if (!page)
        return std::unexpected(page.error());
    Page<QVariantList> out;
    out.info = page->info;
    for (const Row& row : std::as_const(page->rows))
        out.rows << values(row);
    return out;
}

using sql::iso;

// Amounts as a decimal with a point: "1234.50".
QString amount(const Money& m)
{
    const qint64 cents = m.cents();
    return QStringLiteral("%1%2.%3")
        .arg(cents < 0 ? QStringLiteral("-") : QString())
        .arg(std::abs(cents) / 100)
        .arg(std::abs(cents) % 100, 2, 10, QLatin1Char('0'));
}

ListSource invoices(Database& db, const Clock& clock, const UserContext& user, const QString& search,
                    bool unpaid)
{
    InvoiceFilter filter;
    filter.text = search;
    filter.unpaidOnly = unpaid;
    return {{QStringLiteral("id"), QStringLiteral("number"), QStringLiteral("kind"), QStringLiteral("status"),
             QStringLiteral("issue_date"), QStringLiteral("due_date"), QStringLiteral("customer"),
             QStringLiteral("total"), QStringLiteral("due")},
            [&db, &clock, user, filter](const PageRequest& request) {
                return asValues<InvoiceRow>(
                    InvoiceService(db, clock, user).page(filter, request), [](const InvoiceRow& r) {
                        return QVariantList{
                            r.id,           r.number,   codeOf(r.kind),  codeOf(r.status), iso(r.issueDate),
                            iso(r.dueDate), r.customer, amount(r.total), amount(r.due)};
                    });
            }};
}

ListSource quotes(Database& db, const Clock& clock, const UserContext& user, const QString& search)
{
    OrderFilter filter;
    filter.text = search;
    return {{QStringLiteral("id"), QStringLiteral("number"), QStringLiteral("date"),
             QStringLiteral("customer"), QStringLiteral("subject"), QStringLiteral("total"),
             QStringLiteral("valid_until"), QStringLiteral("status")},
            [&db, &clock, user, filter](const PageRequest& request) {
                return asValues<Quote>(OrderService(db, clock, user).quotes(filter, request),
                                       [](const Quote& q) {
                                           return QVariantList{q.id,
                                                               q.number,
                                                               iso(q.quoteDate),
                                                               q.customerName,
                                                               q.reference,
                                                               amount(q.totals.incl),
                                                               iso(q.validUntil),
                                                               codeOf(q.status)};
                                       });
            }};
}

ListSource orders(Database& db, const Clock& clock, const UserContext& user, const QString& search)
{
    OrderFilter filter;
    filter.text = search;
    return {{QStringLiteral("id"), QStringLiteral("number"), QStringLiteral("date"),
             QStringLiteral("customer"), QStringLiteral("description"), QStringLiteral("due_date"),
             QStringLiteral("status"), QStringLiteral("invoice")},
            [&db, &clock, user, filter](const PageRequest& request) {
                return asValues<WorkOrder>(
                    OrderService(db, clock, user).orders(filter, request), [](const WorkOrder& o) {
                        return QVariantList{o.id,          o.number,       iso(o.orderDate), o.customerName,
                                            o.description, iso(o.dueDate), codeOf(o.status), o.invoiceNumber};
                    });
            }};
}

ListSource contacts(Database& db, const Clock& clock, const UserContext& user, const QString& search)
{
    ContactFilter filter;
    filter.text = search;
    return {{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("postcode"), QStringLiteral("city"),
             QStringLiteral("phone"), QStringLiteral("email")},
            [&db, &clock, user, filter](const PageRequest& request) {
                return asValues<Contact>(
                    ContactService(db, clock, user).page(filter, request), [](const Contact& c) {
                        return QVariantList{c.id, c.displayName(), c.postcode, c.city, c.phone, c.email};
                    });
            }};
}

ListSource gifts(Database& db, const Clock& clock, const UserContext& user, const QString& search)
{
    DonationFilter filter;
    filter.text = search;
    return {{QStringLiteral("id"), QStringLiteral("date"), QStringLiteral("donor"), QStringLiteral("amount"),
             QStringLiteral("method"), QStringLiteral("receipt")},
            [&db, &clock, user, filter](const PageRequest& request) {
                return asValues<Donation>(
                    DonationService(db, clock, user).donations(filter, request), [](const Donation& d) {
                        return QVariantList{
                            d.id,           iso(d.day), d.donorName, amount(d.amount), codeOf(d.method),
                            d.receiptNumber};
                    });
            }};
}

ListSource production(Database& db, const Clock& clock, const UserContext& user, const QString& search)
{
    ProductionFilter filter;
    filter.reference = search;
    return {{QStringLiteral("id"), QStringLiteral("day"), QStringLiteral("workshop"), QStringLiteral("kind"),
             QStringLiteral("reference"), QStringLiteral("trainees"), QStringLiteral("minutes"),
             QStringLiteral("made")},
            [&db, &clock, user, filter](const PageRequest& request) {
                return asValues<ProductionSummary>(
                    ProductionService(db, clock, user).list(filter, request), [](const ProductionSummary& e) {
                        return QVariantList{e.id,        iso(e.day), e.sectionName, codeOf(e.kind),
                                            e.reference, e.trainees, e.minutes,     e.outputs};
                    });
            }};
}

ListSource trainees(Database& db, const Clock& clock, const UserContext& user, const QString& search)
{
    TraineeFilter filter;
    filter.text = search;
    return {{QStringLiteral("id"), QStringLiteral("last_name"), QStringLiteral("first_name"),
             QStringLiteral("section"), QStringLiteral("status"), QStringLiteral("entry_date"),
             QStringLiteral("exit_date")},
            [&db, &clock, user, filter](const PageRequest& request) {
                return asValues<TraineeRow>(
                    TraineeService(db, clock, user).page(filter, request), [](const TraineeRow& t) {
                        return QVariantList{t.id,           t.lastName,       t.firstName,
                                            t.section,      codeOf(t.status), iso(t.entryDate),
                                            iso(t.exitDate)};
                    });
            }};
}

} // namespace

int Commands::list(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption user = actingUserOption();
    const QCommandLineOption searchOption(QStringLiteral("search"), tr("Rows whose text contains TEXT."),
                                          tr("TEXT"));
    const QCommandLineOption unpaidOption(QStringLiteral("unpaid"), tr("invoices: only those still due."));
    const QCommandLineOption afterOption(QStringLiteral("after"),
                                         tr("The rows after KEY (printed by the previous page)."), tr("KEY"));
    const QCommandLineOption limitOption(QStringLiteral("limit"), tr("Rows at most (1 to 10000; 100)."),
                                         tr("N"), QStringLiteral("100"));
    const QCommandLineOption formatOption(QStringLiteral("format"), tr("csv or json (csv)."), tr("FORMAT"),
                                          QStringLiteral("csv"));
    for (const QCommandLineOption& o :
         {user, searchOption, unpaidOption, afterOption, limitOption, formatOption})
        parser.addOption(o);
    parser.addPositionalArgument(
        QStringLiteral("what"),
        tr("The list: invoices, quotes, orders, trainees, contacts, gifts or production."));
    if (int rc = parseCommand(parser, common, QStringLiteral("list"),
                              tr("Prints a page of a list, as the application's page shows it (same filters, "
                                 "same order, same rights), and the key to continue after it."),
                              args, m_out, m_err, 1);
        rc >= 0)
        return rc;
    const QString what = parser.positionalArguments().value(0);
    const QString format = parser.value(formatOption);
    bool limitOk = false;
    const int limit = parser.value(limitOption).toInt(&limitOk);
    const PageCursor after = PageCursor::fromString(parser.value(afterOption));
    QString problem;
    static const QStringList lists = {QStringLiteral("invoices"),  QStringLiteral("quotes"),
                                      QStringLiteral("orders"),    QStringLiteral("trainees"),
                                      QStringLiteral("contacts"),  QStringLiteral("gifts"),
                                      QStringLiteral("production")};
    if (!lists.contains(what))
        problem = tr("Unknown list “%1”: the lists are %2.").arg(what, lists.join(QStringLiteral(", ")));
    else if (parser.isSet(unpaidOption) && what != QLatin1String("invoices"))
        problem = tr("--unpaid is for the invoices' list only.");
    else if (format != QLatin1String("csv") && format != QLatin1String("json"))
        problem = tr("The format is csv or json, not “%1”.").arg(format);
    else if (!limitOk || limit < 1 || limit > 10000)
        problem = tr("--limit takes a number from 1 to 10000.");
    else if (parser.isSet(afterOption) && after.isNull())
        problem = tr("“%1” is not a key printed by etabli-cli list.").arg(parser.value(afterOption));
    else if (parser.value(user).isEmpty())
        problem = tr("Give the account that reads the list with --user LOGIN.");
    if (!problem.isEmpty()) {
        m_err << problem << Qt::endl
              << tr("Usage: etabli-cli list invoices|quotes|orders|trainees|contacts|gifts|production "
                    "[--search TEXT] [--unpaid] [--after KEY] [--limit N] [--format csv|json] --user LOGIN")
              << Qt::endl;
        return BadUsage;
    }
    SystemClock clock;
    auto acting = openAs(parser, common, parser.value(user), clock, m_err);
    if (!acting)
        return report(m_err, acting.error());
    Database& db = *acting->db;
    const QString search = parser.value(searchOption);
    const ListSource source = what == QLatin1String("quotes")     ? quotes(db, clock, acting->user, search)
                              : what == QLatin1String("orders")   ? orders(db, clock, acting->user, search)
                              : what == QLatin1String("trainees") ? trainees(db, clock, acting->user, search)
                              : what == QLatin1String("contacts") ? contacts(db, clock, acting->user, search)
                              : what == QLatin1String("gifts")    ? gifts(db, clock, acting->user, search)
                              : what == QLatin1String("production")
                                  ? production(db, clock, acting->user, search)
                                  : invoices(db, clock, acting->user, search, parser.isSet(unpaidOption));
    PageRequest request = after.isNull() ? PageRequest::first(limit) : PageRequest::after(after, limit);
    request.countCap = 0;
    auto page = source.page(request);
    if (!page)
        return report(m_err, page.error());
    const QString next = page->info.more ? page->info.last.toString() : QString();
    if (format == QLatin1String("json")) {
        QJsonArray rows;
        for (const QVariantList& values : std::as_const(page->rows)) {
            QJsonObject row;
            for (qsizetype c = 0; c < source.columns.size(); ++c)
                row.insert(source.columns.at(c), QJsonValue::fromVariant(values.value(c)));
            rows.append(row);
        }
        QJsonObject out{{QStringLiteral("rows"), rows},
                        {QStringLiteral("next"), next.isEmpty() ? QJsonValue() : QJsonValue(next)}};
        m_out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
        m_out.flush();
        return Success;
    }
    QList<QStringList> rows;
    for (const QVariantList& values : std::as_const(page->rows)) {
        QStringList cells;
        for (const QVariant& v : values)
            cells << v.toString();
        rows << cells;
    }
    m_out << QString::fromUtf8(csv::write(source.columns, rows));
    m_out.flush();
    // The key on the error stream: the CSV stays a table.
    if (!next.isEmpty())
        m_err << tr("More rows: --after %1").arg(next) << Qt::endl;
    return Success;
}

} // namespace etabli::cli
