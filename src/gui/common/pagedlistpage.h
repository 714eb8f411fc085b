#pragma once

#include "domain/datakind.h"
#include "util/error.h"

#include <functional>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;
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
// click opens a row. Subclasses say whether the user may read the list
// (mayRead), read rows from their service (fetch) and open a record.
class PagedListPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedListPage)

public:
    static constexpr int PageSize = 100;
    // Printed or exported at most (a federation's invoices are a million).
    static constexpr int ExportLimit = 20000;

    // A row as the list shows it.
    struct Row
    {
        qint64 id = 0;
        QStringList cells;
        QList<int> warnings; // columns shown in red (late, worn)
        bool greyed = false; // an entry corrected or cancelled
    };
    struct Rows
    {
        QList<Row> rows;
        qint64 total = 0; // all the rows the filters match
    };

    QTableWidget* table() const { return m_table; }
    qint64 totalCount() const { return m_total; }
    QLineEdit* searchField() const { return m_search; }
    ListOutput* output() const { return m_output; }
    QString bannerText() const;
    // Reads the current page again.
    virtual void reload();
    virtual void openRecord(qint64 id) = 0;

protected:
    // `title`: the list's name on paper ("Factures"); `stretchColumn` takes
    // the remaining width; `shows`: the kinds of data whose changes reload it.
    PagedListPage(Session& session, DataKinds shows, const QString& title, const QStringList& columns,
                  int stretchColumn, const QString& searchHint, const QString& newLabel, QWidget* parent);
    virtual bool mayRead() const = 0;
    virtual Result<Rows> fetch(int limit, int offset) = 0;
    // What else chose the rows, for the list's title on paper (a period).
    virtual QStringList otherFilters() const { return {}; }
    void setRightAligned(const QList<int>& columns) { m_right = columns; }
    void setBoldColumns(const QList<int>& columns) { m_bold = columns; }
    // A filter beside the search field; changing it reads the first page again.
    void addFilter(QComboBox* filter, int stretch = 0);
    // "New…" is shown only to those `allowed` to create.
    void requireForNew(const std::function<bool(const UserContext&)>& allowed);
    // A field beside the filters (the contacts' plate).
    void addTopWidget(QWidget* widget);
    // An extra button before "New…".
    void addButton(QPushButton* button);
    // Selects the record's row if the page shown holds it.
    bool selectRecord(qint64 id);
    // Shows the first page of what `text` finds (a record just created).
    void searchFor(const QString& text);
    void showError(const QString& message);
    int offset() const;
    // Reads the first page again (a filter changed).
    void restart();

    Session& m_session;
    MessageBanner* m_banner;
    QLineEdit* m_search;
    QTableWidget* m_table;
    Pager* m_pager;

private:
    // Starts a page: clears the table; false when the user may not read.
    bool beginReload(bool allowed);
    // Fills a row; column 0 carries the record's id.
    void setRow(int row, const Row& cells);
    void endReload(qsizetype rows, qint64 total);
    Result<print::ListContent> exported();

    QString m_title;
    QList<QComboBox*> m_filters;
    QList<int> m_right;
    QList<int> m_bold;
    ListOutput* m_output;
    QHBoxLayout* m_top;
    QHBoxLayout* m_bottom;
    QPushButton* m_add;
    QTimer* m_typing;
    int m_stretchColumn;
    qint64 m_total = 0;
};

} // namespace etabli
