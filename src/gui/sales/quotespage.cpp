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
    const auto choice = [this](const QString& label, OrderFilter::Shown shown,
                               QuoteStatus status = QuoteStatus::Draft) {
        OrderFilter f;
        f.shown = shown;
        f.quoteStatus = status;
        m_statusChoices << f;
        m_status->addItem(label);
    };
    using Shown = OrderFilter::Shown;
    choice(tr("Open (drafts, sent and still valid)"), Shown::Open);
    choice(labelOf(QuoteStatus::Draft), Shown::One, QuoteStatus::Draft);
    choice(labelOf(QuoteStatus::Sent), Shown::One, QuoteStatus::Sent);
    choice(quoteStatusLabel(QuoteStatus::Sent, true), Shown::Expired);
    choice(labelOf(QuoteStatus::Accepted), Shown::One, QuoteStatus::Accepted);
    choice(labelOf(QuoteStatus::Refused), Shown::One, QuoteStatus::Refused);
    choice(tr("All"), Shown::All);
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
    OrderFilter f = m_statusChoices.value(m_status->currentIndex());
    f.text = m_search->text();
    m_list->setFilter(f);
}

void QuotesPage::openRecord(qint64 id)
{
    QuoteDialog dialog(m_session, id, this);
    dialog.exec();
    reload();
}

} // namespace etabli
