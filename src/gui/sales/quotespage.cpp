#include "gui/sales/quotespage.h"

#include "gui/common/allowed.h"
#include "gui/common/session.h"
#include "gui/sales/quotedialog.h"
#include "services/orderservice.h"

#include <QComboBox>
#include <QLineEdit>
#include <QLocale>
#include <QTableWidget>

namespace etabli {

QuotesPage::QuotesPage(Session& session, QWidget* parent)
    : PagedListPage(session, DataKind::Quotes | DataKind::Contacts, tr("Quotes"),
                    {tr("Number"), tr("Date"), tr("Customer"), tr("Subject"), tr("Total"), tr("Valid until"),
                     tr("Status")},
                    3, tr("Search a number or a customer…"), tr("&New quote…"), parent),
      m_status(new QComboBox(this))
{
    requireForNew(holding(permission::SalesWrite));
    setRightAligned({4});
    m_table->setObjectName(QStringLiteral("quotesTable"));
    m_status->setObjectName(QStringLiteral("quoteStatus"));
    m_status->addItem(tr("Open (drafts, sent and still valid)"), QStringLiteral("open"));
    for (const char* s : {"draft", "sent", "expired", "accepted", "refused"})
        m_status->addItem(OrderService::quoteStatusLabel(QString::fromLatin1(s)), QString::fromLatin1(s));
    m_status->addItem(tr("All"), QString());
    addFilter(m_status);
    connect(&m_session, &Session::databaseChanged, this, &QuotesPage::reload);
    connect(&m_session, &Session::userChanged, this, &QuotesPage::reload);
    reload();
}

bool QuotesPage::mayRead() const
{
    return m_session.user().can(permission::SalesRead);
}

Result<PagedListPage::Rows> QuotesPage::fetch(int limit, int offset)
{
    OrderFilter f;
    f.text = m_search->text();
    f.status = m_status->currentData().toString();
    OrderService service(m_session.database(), m_session.clock(), m_session.user());
    auto total = service.countQuotes(f);
    auto rows = service.quotes(f, limit, offset);
    if (!total || !rows)
        return std::unexpected(!total ? total.error() : rows.error());
    const QLocale locale;
    const QDate today = m_session.clock().today();
    Rows page{{}, *total};
    for (const Quote& q : *rows) {
        const bool expired = q.isExpired(today);
        page.rows << Row{q.id,
                         {q.number, locale.toString(q.quoteDate, QStringLiteral("dd/MM/yyyy")),
                          q.customerName, q.reference, q.totals.incl.format(),
                          locale.toString(q.validUntil, QStringLiteral("dd/MM/yyyy")),
                          OrderService::quoteStatusLabel(expired ? QStringLiteral("expired") : q.status)},
                         expired ? QList<int>{5, 6} : QList<int>{},
                         false};
    }
    return page;
}

void QuotesPage::openRecord(qint64 id)
{
    QuoteDialog dialog(m_session, id, this);
    dialog.exec();
    reload();
}

} // namespace etabli
