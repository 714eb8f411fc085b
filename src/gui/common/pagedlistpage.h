#pragma once

#include "domain/datakind.h"
#include "gui/common/pagedlistmodel.h"
#include "util/error.h"

#include <functional>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace etabli {

namespace print {
struct ListContent;
}

class ListOutput;
class MessageBanner;
class Pager;
class Session;
struct UserContext;

// The frame of the lists read a page at a time in SQL: a search field
// (searched 200 ms after the last key), filters beside it, the table, the
// pager, "Print / export", "New…" and "Open" buttons; Enter or a double
// click opens a row. A list gives its PagedListModel (setModel), says
// whether the user may read it (mayRead), hands its filters to the model
// (applyFilters) and opens a record.
class PagedListPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedListPage)

public:
    static constexpr int PageSize = PagedListModel::PageSize;
    // Printed or exported at most (a federation's invoices are a million).
    static constexpr int ExportLimit = 20000;

    QTableView* table() const { return m_table; }
    PagedListModel* model() const { return m_model; }
    Pager* pager() const { return m_pager; }
    qint64 totalCount() const;
    QLineEdit* searchField() const { return m_search; }
    ListOutput* output() const { return m_output; }
    QString bannerText() const;
    // Reads the current page again.
    virtual void reload();
    virtual void openRecord(qint64 id) = 0;

protected:
    // `title`: the list's name on paper ("Factures"); `stretchColumn` takes
    // the remaining width; `shows`: the kinds of data whose changes reload it.
    PagedListPage(Session& session, DataKinds shows, const QString& title, int stretchColumn,
                  const QString& searchHint, const QString& newLabel, QWidget* parent);
    // The list's model (once, in the subclass's constructor).
    void setModel(PagedListModel* model);
    virtual bool mayRead() const = 0;
    // Hands the search text and the filters to the model before a read.
    virtual void applyFilters() = 0;
    // What else chose the rows, for the list's title on paper (a period).
    virtual QStringList otherFilters() const { return {}; }
    // A filter beside the search field; changing it reads the first page again.
    void addFilter(QComboBox* filter, int stretch = 0);
    // "New…" is shown only to those `allowed` to create.
    void requireForNew(const std::function<bool(const UserContext&)>& allowed);
    // A field beside the filters (the contacts' plate).
    void addTopWidget(QWidget* widget);
    // An extra button before "New…".
    void addButton(QPushButton* button);
    // The record of the current row, or 0.
    qint64 currentId() const;
    // Selects the record's row if the page shown holds it.
    bool selectRecord(qint64 id);
    // Shows the first page of what `text` finds (a record just created).
    void searchFor(const QString& text);
    void showError(const QString& message);
    // Reads the first page again (a filter changed).
    void restart();

    Session& m_session;
    MessageBanner* m_banner;
    QLineEdit* m_search;
    QTableView* m_table;
    Pager* m_pager;
    PagedListModel* m_model = nullptr;

private:
    // False (and the list emptied) when the user may not read.
    bool mayShow();
    void afterRead(const Status& status);
    Result<print::ListContent> exported();

    QString m_title;
    QList<QComboBox*> m_filters;
    ListOutput* m_output;
    QHBoxLayout* m_top;
    QHBoxLayout* m_bottom;
    QPushButton* m_add;
    QTimer* m_typing;
    int m_stretchColumn;
};

} // namespace etabli
