#pragma once

#include "util/error.h"

#include <algorithm>
#include <QList>
#include <QString>
#include <QVariant>

namespace etabli {

// Where a page of a list starts or ends: the sort key and the id of a row
// (keyset paging: the next page is read after the last row shown, through
// the index of the list's order, never by skipping rows with OFFSET).
struct PageCursor
{
    QVariant key;
    qint64 id = 0;

    bool isNull() const { return id == 0; }
    // "key|id", for `etabli-cli list --after` (keys hold no '|': dates, folded names, numbers).
    QString toString() const { return key.toString() + QLatin1Char('|') + QString::number(id); }
    static PageCursor fromString(const QString& text)
    {
        const qsizetype bar = text.lastIndexOf(QLatin1Char('|'));
        if (bar <= 0)
            return {};
        bool ok = false;
        const qint64 id = text.mid(bar + 1).toLongLong(&ok);
        return ok && id > 0 ? PageCursor{text.left(bar), id} : PageCursor{};
    }
};

// What page of a list to read.
struct PageRequest
{
    enum class From
    {
        Start,  // the first page, or the page `skip` rows down the list
        After,  // the rows after `cursor` (next page)
        At,     // the rows from `cursor` on, itself included (the same page read again)
        Before, // the rows before `cursor` (previous page)
    };
    From from = From::Start;
    PageCursor cursor;
    qint64 skip = 0; // From::Start only: "aller à la page", found through the index
    int limit = 100;
    // The rows counted from the page's first row on, up to this many
    // (a count costs at most `countCap` index entries); 0: not counted.
    int countCap = 10000;

    static PageRequest first(int limit = 100) { return {From::Start, {}, 0, limit}; }
    static PageRequest after(const PageCursor& cursor, int limit = 100)
    {
        return {From::After, cursor, 0, limit};
    }
};

// What a page read says beside its rows.
struct PageInfo
{
    PageCursor first; // the first and the last row shown
    PageCursor last;
    // Rows beyond the page in the direction read (after it; before it for From::Before).
    bool more = false;
    // Rows from the page's first row to the end of the list, at most the
    // request's cap: `following` == cap + 1 means "more than cap".
    qint64 following = -1;
    bool beyondEnd = false; // From::Start with a `skip` past the last row
};

template <class Row> struct Page
{
    QList<Row> rows;
    PageInfo info;
};

// Every row of a list, up to `max`, read a page after another (an export, a
// year's archive): `fetch(request)` returns a Result<Page<Row>>.
template <class Row, class Fetch> Result<QList<Row>> readAll(Fetch fetch, qsizetype max, int pageSize = 1000)
{
    QList<Row> rows;
    PageRequest request = PageRequest::first(pageSize);
    request.countCap = 0;
    while (rows.size() < max) {
        request.limit = static_cast<int>(std::min<qsizetype>(pageSize, max - rows.size()));
        Result<Page<Row>> page = fetch(request);
        if (!page)
            return std::unexpected(page.error());
        rows.append(page->rows);
        if (!page->info.more || page->rows.isEmpty())
            break;
        request.from = PageRequest::From::After;
        request.cursor = page->info.last;
    }
    return rows;
}

} // namespace etabli
