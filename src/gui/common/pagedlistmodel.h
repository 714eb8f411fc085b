#pragma once

#include "domain/paging.h"
#include "gui/common/cellvalue.h"
#include "print/listdocument.h"
#include "util/error.h"

#include <limits>
#include <QAbstractTableModel>

namespace etabli {

// The model of a list read a page at a time in SQL (keyset paging: each
// page after the last row of the one before, through the list's index). It
// holds the page shown and where it stands in the list; PagedRowsModel<Row>
// holds the typed rows, and each list says its columns and how it reads a
// page from its service.
class PagedListModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedListModel)

public:
    static constexpr int PageSize = 100;
    // Counted beside a page at most (beyond: "plus de …").
    static constexpr int CountCap = 10000;

    // Each reads a page; on failure the page shown stays as it was.
    Status first();
    Status next();
    Status previous();
    // 1 is the first page. A page past the list's end is refused with a message.
    Status goToPage(qint64 page);
    // The page shown, read again (data changed): the first page from its
    // top (rows added above show), any other from its first row on.
    Status refresh();
    // No rows (nobody logged in, not allowed).
    void clear();

    qint64 position() const { return m_position; } // rows before the page
    // The list's length as far as counted: `totalIsAtLeast` when there are more.
    qint64 total() const { return m_total; }
    bool totalIsAtLeast() const { return m_totalIsAtLeast; }
    bool hasPrevious() const { return m_hasPrevious; }
    bool hasNext() const { return m_hasNext; }

    virtual qint64 idAt(int row) const = 0;
    // The row showing `id` on this page, or -1.
    int rowOf(qint64 id) const;
    // Every row the list's filters choose, up to `max`, as displayed (print
    // and export); `truncatedFrom` is set when there were more.
    virtual Result<print::ListTable> table(qsizetype max, qint64* truncatedFrom) const = 0;

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // A scrolling list (the trainees, the log of changes): the next page is
    // added below as the view scrolls down, instead of replacing the page.
    void setScrolling(bool scrolling) { m_scrolling = scrolling; }
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    // The last read's error, for a scrolling view (empty after a good read).
    QString lastError() const { return m_error; }

Q_SIGNALS:
    // After a page was read (or cleared): the pager updates.
    void pageRead();

protected:
    explicit PagedListModel(QStringList headers, QObject* parent);
    // Reads the page `request` asks for into the model's rows, unless it is
    // past the end (PageInfo::beyondEnd) or empty backwards.
    virtual Result<PageInfo> load(const PageRequest& request) = 0;
    // Reads the page `request` asks for and adds its rows after those shown.
    virtual Result<PageInfo> append(const PageRequest& request) = 0;
    virtual void clearRows() = 0;

private:
    Status read(const PageRequest& request, qint64 position);

    QStringList m_headers;
    PageInfo m_info;
    qint64 m_position = 0;
    qint64 m_total = 0;
    bool m_totalIsAtLeast = false;
    bool m_hasPrevious = false;
    bool m_hasNext = false;
    bool m_scrolling = false;
    bool m_reading = false; // no fetchMore from inside a reset notification
    QString m_error;
};

// A paged list of `Row`s (each with an `id`): a subclass reads a page from
// its service (fetch) and says what each column shows of a row (cell).
template <class Row> class PagedRowsModel : public PagedListModel
{
public:
    const Row& rowAt(int row) const { return m_rows.at(row); }
    const QList<Row>& rows() const { return m_rows; }
    qint64 idAt(int row) const override { return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0; }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override
    {
        if (!index.isValid() || index.row() >= m_rows.size())
            return {};
        return cell(m_rows.at(index.row()), index.column(), role);
    }

    Result<print::ListTable> table(qsizetype max, qint64* truncatedFrom) const override
    {
        // One more than asked: whether the list goes on.
        auto all = readAll<Row>([this](const PageRequest& r) { return fetch(r); }, max + 1);
        if (!all)
            return std::unexpected(all.error());
        print::ListTable out;
        for (int c = 0; c < columnCount(); ++c) {
            out.headers << headerData(c, Qt::Horizontal).toString();
            if (headerData(c, Qt::Horizontal, Qt::TextAlignmentRole).toInt() & Qt::AlignRight)
                out.rightAligned << c;
        }
        if (all->size() > max) {
            all->resize(max);
            if (truncatedFrom) {
                // An export is rare: the exact count, however long the list.
                auto counted = fetch(
                    PageRequest{PageRequest::From::Start, {}, 0, 1, std::numeric_limits<int>::max() - 1});
                *truncatedFrom = counted ? counted->info.following : max + 1;
            }
        }
        for (const Row& row : std::as_const(*all)) {
            QStringList cells;
            QList<QVariant> values;
            for (int c = 0; c < columnCount(); ++c) {
                cells << cell(row, c, Qt::DisplayRole).toString();
                values << cell(row, c, CellValueRole);
            }
            out.rows << cells;
            out.values << values;
        }
        return out;
    }

protected:
    using PagedListModel::PagedListModel;
    virtual Result<Page<Row>> fetch(const PageRequest& request) const = 0;
    // What column `column` shows of `row` for `role` (display, alignment, colour…).
    virtual QVariant cell(const Row& row, int column, int role) const = 0;

    Result<PageInfo> load(const PageRequest& request) override
    {
        auto page = fetch(request);
        if (!page)
            return std::unexpected(page.error());
        const bool keep =
            page->info.beyondEnd || (request.from == PageRequest::From::Before && page->rows.isEmpty());
        if (!keep) {
            beginResetModel();
            m_rows = std::move(page->rows);
            endResetModel();
        }
        return page->info;
    }
    Result<PageInfo> append(const PageRequest& request) override
    {
        auto page = fetch(request);
        if (!page)
            return std::unexpected(page.error());
        if (!page->rows.isEmpty()) {
            beginInsertRows({}, static_cast<int>(m_rows.size()),
                            static_cast<int>(m_rows.size() + page->rows.size() - 1));
            m_rows.append(page->rows);
            endInsertRows();
        }
        return page->info;
    }
    void clearRows() override
    {
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }

private:
    QList<Row> m_rows;
};

} // namespace etabli
