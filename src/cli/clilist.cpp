// etabli-cli list: the lists of the GUI's pages, a page at a time, for
// scripts — through the same services and paged queries as the pages.
#include "cli/clisupport.h"
#include "io/csv.h"
#include "services/invoiceservice.h"
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

QString iso(const QDate& day)
{
    return day.isValid() ? day.toString(Qt::ISODate) : QString();
}

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
                        return QVariantList{r.id,       r.number,         r.kind,
                                            r.status,   iso(r.issueDate), iso(r.dueDate),
                                            r.customer, amount(r.total),  amount(r.due)};
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
    parser.addPositionalArgument(QStringLiteral("what"), tr("The list: invoices."));
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
    if (what != QLatin1String("invoices"))
        problem = tr("Unknown list “%1”: the lists are invoices.").arg(what);
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
              << tr("Usage: etabli-cli list invoices [--search TEXT] [--unpaid] [--after KEY] [--limit N] "
                    "[--format csv|json] --user LOGIN")
              << Qt::endl;
        return BadUsage;
    }
    SystemClock clock;
    auto acting = openAs(parser, common, parser.value(user), clock, m_err);
    if (!acting)
        return report(m_err, acting.error());
    const ListSource source =
        invoices(*acting->db, clock, acting->user, parser.value(searchOption), parser.isSet(unpaidOption));
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
