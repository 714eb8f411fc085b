#include "gui/common/pagedlistpage.h"

#include "gui/common/allowed.h"
#include "gui/common/listoutput.h"
#include "gui/common/messagebanner.h"
#include "gui/common/pager.h"
#include "gui/common/reloadwhenshown.h"
#include "gui/common/searchfield.h"
#include "gui/common/session.h"

#include <QColor>
#include <QComboBox>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace etabli {

PagedListPage::PagedListPage(Session& session, DataKinds shows, const QString& title,
                             const QStringList& columns, int stretchColumn, const QString& searchHint,
                             const QString& newLabel, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_search(new QLineEdit(this)),
      m_table(new QTableWidget(this)), m_pager(new Pager(PageSize, this)), m_title(title),
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
    m_table->setColumnCount(static_cast<int>(columns.size()));
    m_table->setHorizontalHeaderLabels(columns);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
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
    connect(m_pager, &Pager::moved, this, [this]() { reload(); });
    connect(m_add, &QPushButton::clicked, this, [this]() { openRecord(0); });
    const auto openCurrent = [this]() {
        if (m_table->currentRow() >= 0 && m_table->item(m_table->currentRow(), 0))
            openRecord(m_table->item(m_table->currentRow(), 0)->data(Qt::UserRole).toLongLong());
    };
    connect(open, &QPushButton::clicked, this, openCurrent);
    connect(m_table, &QTableWidget::cellActivated, this, openCurrent);
    if (newLabel.isEmpty()) // records made elsewhere (the log's day entry)
        requireForNew([](const UserContext&) { return false; });
    reloadOnDataChangeWhenShown(this, m_session, shows, [this]() { reload(); });
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

bool PagedListPage::selectRecord(qint64 id)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, 0) && m_table->item(row, 0)->data(Qt::UserRole).toLongLong() == id) {
            m_table->setCurrentCell(row, 0);
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
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

void PagedListPage::restart()
{
    m_pager->restart();
    reload();
}

int PagedListPage::offset() const
{
    return m_pager->offset();
}

void PagedListPage::reload()
{
    if (!beginReload(mayRead()))
        return;
    auto page = fetch(PageSize, offset());
    if (!page)
        return showError(page.error().message);
    for (int r = 0; r < page->rows.size(); ++r)
        setRow(r, page->rows.at(r));
    endReload(page->rows.size(), page->total);
}

Result<print::ListContent> PagedListPage::exported()
{
    if (!m_session.isOpen() || !m_session.isLoggedIn() || !mayRead())
        return fail(Error::Code::AccessDenied, tr("Your account may not see this list."));
    auto all = fetch(ExportLimit, 0);
    if (!all)
        return std::unexpected(all.error());
    print::ListContent list;
    list.title = m_title;
    list.filters = ListOutput::filtersOf(m_search, {m_filters.cbegin(), m_filters.cend()}) + otherFilters();
    print::ListTable table;
    for (int c = 0; c < m_table->columnCount(); ++c)
        table.headers << m_table->horizontalHeaderItem(c)->text();
    for (const Row& row : all->rows)
        table.rows << row.cells;
    table.rightAligned = m_right;
    list.tables << table;
    if (all->total > all->rows.size())
        list.truncatedFrom = all->total;
    return list;
}

bool PagedListPage::beginReload(bool allowed)
{
    m_table->setRowCount(0);
    m_total = 0;
    if (!m_session.isOpen() || !m_session.isLoggedIn())
        return false;
    const QString refused = tr("Your account may not see this list.");
    if (!allowed) {
        m_banner->showMessage(MessageBanner::Kind::Warning, refused);
        m_pager->showPage(0, 0);
        return false;
    }
    if (m_banner->text() == refused) // another account logged in since
        m_banner->hide();
    return true;
}

void PagedListPage::setRow(int row, const Row& cells)
{
    if (m_table->rowCount() <= row)
        m_table->setRowCount(row + 1);
    for (int c = 0; c < cells.cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells.cells.at(c));
        if (c == 0)
            item->setData(Qt::UserRole, cells.id);
        if (m_right.contains(c))
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (m_bold.contains(c)) {
            QFont bold = item->font();
            bold.setBold(true);
            item->setFont(bold);
        }
        if (cells.warnings.contains(c))
            item->setForeground(QColor(180, 30, 30));
        else if (cells.greyed)
            item->setForeground(QColor(120, 120, 120));
        m_table->setItem(row, c, item);
    }
}

void PagedListPage::endReload(qsizetype rows, qint64 total)
{
    m_total = total;
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(m_stretchColumn, QHeaderView::Stretch);
    m_pager->showPage(rows, total);
}

void PagedListPage::showError(const QString& message)
{
    m_banner->showMessage(MessageBanner::Kind::Error, message);
}

} // namespace etabli
