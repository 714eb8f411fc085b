#include "gui/common/pagedlistpage.h"

#include "gui/common/allowed.h"
#include "gui/common/listoutput.h"
#include "gui/common/messagebanner.h"
#include "gui/common/pagedlistmodel.h"
#include "gui/common/pager.h"
#include "gui/common/reloadwhenshown.h"
#include "gui/common/searchfield.h"
#include "gui/common/session.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace etabli {

PagedListPage::PagedListPage(Session& session, DataKinds shows, const QString& title, int stretchColumn,
                             const QString& searchHint, const QString& newLabel, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_search(new QLineEdit(this)),
      m_table(new QTableView(this)), m_pager(new Pager(this)), m_title(title),
      m_output(new ListOutput(
          session, m_banner, [this]() { return exported(); }, this)),
      m_top(new QHBoxLayout), m_bottom(new QHBoxLayout), m_add(new QPushButton(newLabel, this)),
      m_typing(new QTimer(this)), m_stretchColumn(stretchColumn)
{
    m_banner->hide();
    m_search->setPlaceholderText(searchHint);
    markAsSearchField(m_search, m_table);
    m_search->setClearButtonEnabled(true);
    m_top->addWidget(m_search, 2);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    auto* open = new QPushButton(tr("&Open"), this);
    // The pager on its own line: the page's buttons get the whole width (a
    // list with many actions still fits a laptop's screen).
    m_bottom->addWidget(m_output);
    m_bottom->addStretch(1);
    m_bottom->addWidget(m_add);
    m_bottom->addWidget(open);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(m_top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_pager);
    layout->addLayout(m_bottom);

    m_typing->setSingleShot(true);
    m_typing->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, &PagedListPage::restart);
    connect(m_pager, &Pager::failed, this, &PagedListPage::showError);
    connect(m_add, &QPushButton::clicked, this, [this]() { openRecord(0); });
    const auto openCurrent = [this]() {
        if (const qint64 id = currentId(); id != 0)
            openRecord(id);
    };
    connect(open, &QPushButton::clicked, this, openCurrent);
    connect(m_table, &QTableView::activated, this, openCurrent);
    if (newLabel.isEmpty()) // records made elsewhere (the log's day entry)
        requireForNew([](const UserContext&) { return false; });
    reloadOnDataChangeWhenShown(this, m_session, shows, [this]() { reload(); });
}

void PagedListPage::setModel(PagedListModel* model)
{
    m_model = model;
    m_table->setModel(model);
    m_pager->setModel(model);
    connect(model, &PagedListModel::pageRead, this, [this]() {
        m_table->resizeColumnsToContents();
        m_table->horizontalHeader()->setSectionResizeMode(m_stretchColumn, QHeaderView::Stretch);
    });
}

qint64 PagedListPage::totalCount() const
{
    return m_model ? m_model->total() : 0;
}

QString PagedListPage::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

void PagedListPage::addFilter(QComboBox* filter, int stretch)
{
    m_top->addWidget(filter, stretch);
    m_filters << filter;
    connect(filter, &QComboBox::currentIndexChanged, this, &PagedListPage::restart);
}

void PagedListPage::requireForNew(const std::function<bool(const UserContext&)>& allowed)
{
    showWhenAllowed(m_add, m_session, allowed);
}

void PagedListPage::addTopWidget(QWidget* widget)
{
    m_top->addWidget(widget);
}

qint64 PagedListPage::currentId() const
{
    const QModelIndex current = m_table->currentIndex();
    return m_model && current.isValid() ? m_model->idAt(current.row()) : 0;
}

bool PagedListPage::selectRecord(qint64 id)
{
    const int row = m_model ? m_model->rowOf(id) : -1;
    if (row < 0)
        return false;
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_table->selectRow(row);
    return true;
}

void PagedListPage::searchFor(const QString& text)
{
    m_search->setText(text);
    m_typing->stop();
    restart();
}

void PagedListPage::addButton(QPushButton* button)
{
    m_bottom->insertWidget(m_bottom->indexOf(m_add), button);
}

bool PagedListPage::mayShow()
{
    if (!m_model)
        return false;
    if (!m_session.isOpen() || !m_session.isLoggedIn()) {
        m_model->clear();
        return false;
    }
    const QString refused = tr("Your account may not see this list.");
    if (!mayRead()) {
        m_model->clear();
        m_banner->showMessage(MessageBanner::Kind::Warning, refused);
        return false;
    }
    if (m_banner->text() == refused) // another account logged in since
        m_banner->hide();
    applyFilters();
    return true;
}

void PagedListPage::afterRead(const Status& status)
{
    if (!status)
        showError(status.error().message);
}

void PagedListPage::restart()
{
    if (mayShow())
        afterRead(m_model->first());
}

void PagedListPage::reload()
{
    if (mayShow())
        afterRead(m_model->refresh());
}

Result<print::ListContent> PagedListPage::exported()
{
    if (!m_session.isOpen() || !m_session.isLoggedIn() || !mayRead() || !m_model)
        return fail(Error::Code::AccessDenied, tr("Your account may not see this list."));
    applyFilters();
    qint64 truncatedFrom = 0;
    auto table = m_model->table(ExportLimit, &truncatedFrom);
    if (!table)
        return std::unexpected(table.error());
    print::ListContent list;
    list.title = m_title;
    list.filters = ListOutput::filtersOf(m_search, {m_filters.cbegin(), m_filters.cend()}) + otherFilters();
    list.tables << *table;
    if (truncatedFrom > 0)
        list.truncatedFrom = truncatedFrom;
    return list;
}

void PagedListPage::showError(const QString& message)
{
    m_banner->showMessage(MessageBanner::Kind::Error, message);
}

} // namespace etabli
