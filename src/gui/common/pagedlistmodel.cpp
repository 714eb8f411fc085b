#include "gui/common/pagedlistmodel.h"

namespace etabli {

PagedListModel::PagedListModel(QStringList headers, QObject* parent)
    : QAbstractTableModel(parent), m_headers(std::move(headers))
{
}

int PagedListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_headers.size());
}

QVariant PagedListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_headers.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_headers.at(section);
    return {};
}

int PagedListModel::rowOf(qint64 id) const
{
    for (int r = 0; r < rowCount(); ++r)
        if (idAt(r) == id)
            return r;
    return -1;
}

Status PagedListModel::first()
{
    return read(PageRequest::first(PageSize), 0);
}

Status PagedListModel::next()
{
    if (m_info.last.isNull())
        return first();
    return read(PageRequest::after(m_info.last, PageSize), m_position + rowCount());
}

Status PagedListModel::previous()
{
    if (m_info.first.isNull() || m_position <= PageSize)
        return first();
    return read(PageRequest{PageRequest::From::Before, m_info.first, 0, PageSize, CountCap},
                m_position - PageSize);
}

Status PagedListModel::goToPage(qint64 page)
{
    if (page <= 1)
        return first();
    return read(PageRequest{PageRequest::From::Start, {}, (page - 1) * PageSize, PageSize, CountCap},
                (page - 1) * PageSize);
}

Status PagedListModel::refresh()
{
    // At the top, the top again: what was just added above shows.
    if (m_info.first.isNull() || m_position == 0)
        return first();
    return read(PageRequest{PageRequest::From::At, m_info.first, 0, PageSize, CountCap}, m_position);
}

void PagedListModel::clear()
{
    clearRows();
    m_info = {};
    m_position = 0;
    m_total = 0;
    m_totalIsAtLeast = false;
    m_hasPrevious = m_hasNext = false;
    Q_EMIT pageRead();
}

bool PagedListModel::canFetchMore(const QModelIndex& parent) const
{
    return m_scrolling && !parent.isValid() && !m_reading && m_hasNext && !m_info.last.isNull();
}

void PagedListModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    m_reading = true;
    PageRequest request = PageRequest::after(m_info.last, PageSize);
    request.countCap = 0; // the total was counted with the first page
    auto info = append(request);
    m_reading = false;
    if (!info) {
        m_error = info.error().message;
        m_hasNext = false;
        Q_EMIT pageRead();
        return;
    }
    if (!info->last.isNull())
        m_info.last = info->last;
    m_hasNext = info->more;
    Q_EMIT pageRead();
}

Status PagedListModel::read(const PageRequest& request, qint64 position)
{
    m_reading = true;
    auto info = load(request);
    m_reading = false;
    m_error = info ? QString() : info.error().message;
    if (!info)
        return std::unexpected(info.error());
    if (info->beyondEnd)
        return fail(Error::Code::NotFound,
                    tr("The list ends before page %L1.").arg(request.skip / PageSize + 1));
    if (request.from == PageRequest::From::Before && !info->more)
        return first(); // back at the top (rows were added above meanwhile)
    if (request.from == PageRequest::From::At && rowCount() == 0 && position > 0)
        return first(); // the rows of this page are gone
    m_info = *info;
    m_position =
        request.from == PageRequest::From::Start && request.skip == 0 ? 0 : std::max<qint64>(0, position);
    m_hasPrevious = m_position > 0;
    m_hasNext = request.from == PageRequest::From::Before ? true : info->more;
    if (info->following < 0) {
        m_total = m_position + rowCount() + (m_hasNext ? 1 : 0);
        m_totalIsAtLeast = m_hasNext;
    } else {
        m_totalIsAtLeast = info->following > request.countCap;
        m_total = m_position + std::min<qint64>(info->following, request.countCap);
    }
    Q_EMIT pageRead();
    return {};
}

} // namespace etabli
