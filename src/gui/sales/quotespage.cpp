#include "gui/sales/quotespage.h"

#include "gui/common/allowed.h"
#include "gui/common/session.h"
#include "gui/sales/orderlistmodels.h"
#include "gui/sales/quotedialog.h"
#include "services/orderservice.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTableView>

namespace etabli {

QuotesPage::QuotesPage(Session& session, QWidget* parent)
    : PagedListPage(session, DataKind::Quotes | DataKind::Contacts, tr("Quotes"), QuoteListModel::Subject,
                    tr("Search a number or a customer…"), tr("&New quote…"), parent),
      m_status(new QComboBox(this)), m_list(new QuoteListModel(session, this))
{
    setModel(m_list);
    requireForNew(holding(permission::SalesWrite));
    m_table->setObjectName(QStringLiteral("quotesTable"));
    m_status->setObjectName(QStringLiteral("quoteStatus"));
    m_status->addItem(tr("Open (drafts, sent and still valid)"), QStringLiteral("open"));
    for (const char* s : {"draft", "sent", "expired", "accepted", "refused"})
        m_status->addItem(OrderService::quoteStatusLabel(QString::fromLatin1(s)), QString::fromLatin1(s));
    m_status->addItem(tr("All"), QString());
    addFilter(m_status);
    connect(&m_session, &Session::databaseChanged, this, &QuotesPage::restart);
    connect(&m_session, &Session::userChanged, this, &QuotesPage::restart);
    restart();
}

bool QuotesPage::mayRead() const
{
    return m_session.user().can(permission::SalesRead);
}

void QuotesPage::applyFilters()
{
    OrderFilter f;
    f.text = m_search->text();
    f.status = m_status->currentData().toString();
    m_list->setFilter(f);
}

void QuotesPage::openRecord(qint64 id)
{
    QuoteDialog dialog(m_session, id, this);
    dialog.exec();
    reload();
}

} // namespace etabli
