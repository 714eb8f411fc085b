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
    : PagedListPage(session, DataKind::Quotes | DataKind::Contacts,
                    {tr("Number"), tr("Date"), tr("Customer"), tr("Subject"), tr("Total"), tr("Valid until"),
                     tr("Status")},
                    3, tr("Search a number or a customer…"), tr("&New quote…"), parent),
      m_status(new QComboBox(this))
{
    requireForNew(holding(permission::SalesWrite));
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

void QuotesPage::reload()
{
    if (!beginReload(m_session.isLoggedIn() && m_session.user().can(permission::SalesRead)))
        return;
    OrderFilter f;
    f.text = m_search->text();
    f.status = m_status->currentData().toString();
    OrderService service(m_session.database(), m_session.clock(), m_session.user());
    auto total = service.countQuotes(f);
    auto rows = service.quotes(f, PageSize, offset());
    if (!total || !rows)
        return showError((!total ? total.error() : rows.error()).message);
    const QLocale locale;
    const QDate today = m_session.clock().today();
    for (int r = 0; r < rows->size(); ++r) {
        const Quote& q = rows->at(r);
        const bool expired = q.isExpired(today);
        const auto items = setRow(
            r,
            {q.number, locale.toString(q.quoteDate, QStringLiteral("dd/MM/yyyy")), q.customerName,
             q.reference, q.totals.incl.format(), locale.toString(q.validUntil, QStringLiteral("dd/MM/yyyy")),
             OrderService::quoteStatusLabel(expired ? QStringLiteral("expired") : q.status)},
            q.id);
        items.at(4)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (expired) {
            items.at(5)->setForeground(QColor(180, 30, 30));
            items.at(6)->setForeground(QColor(180, 30, 30));
        }
    }
    endReload(rows->size(), *total);
}

void QuotesPage::openRecord(qint64 id)
{
    QuoteDialog dialog(m_session, id, this);
    dialog.exec();
    reload();
}

} // namespace etabli
