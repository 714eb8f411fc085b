#pragma once

#include "domain/datakind.h"

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

class MessageBanner;
class Pager;
class Session;
struct UserContext;

// The frame of the lists read a page at a time in SQL: a search field
// (searched 200 ms after the last key), filters beside it, the table, the
// pager and "New…"/"Open" buttons; Enter or a double click opens a row.
// Subclasses read their page in reload() and open a record in openRecord().
class PagedListPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedListPage)

public:
    static constexpr int PageSize = 100;

    QTableWidget* table() const { return m_table; }
    qint64 totalCount() const { return m_total; }
    QLineEdit* searchField() const { return m_search; }
    QString bannerText() const;
    virtual void reload() = 0;
    virtual void openRecord(qint64 id) = 0;

protected:
    // `stretchColumn` takes the remaining width.
    // `shows`: the kinds of data whose changes reload the list.
    PagedListPage(Session& session, DataKinds shows, const QStringList& columns, int stretchColumn,
                  const QString& searchHint, const QString& newLabel, QWidget* parent);
    // A filter beside the search field; changing it reads the first page again.
    void addFilter(QComboBox* filter, int stretch = 0);
    // "New…" is shown only to those `allowed` to create.
    void requireForNew(const std::function<bool(const UserContext&)>& allowed);
    // An extra button before "New…".
    void addButton(QPushButton* button);
    // Starts a page: clears the table; false when the user may not read.
    bool beginReload(bool allowed);
    // Fills a row; column 0 carries the record's id.
    QList<QTableWidgetItem*> setRow(int row, const QStringList& cells, qint64 id);
    void endReload(qsizetype rows, qint64 total);
    void showError(const QString& message);
    int offset() const;

    Session& m_session;
    MessageBanner* m_banner;
    QLineEdit* m_search;
    QTableWidget* m_table;
    Pager* m_pager;

private:
    void restart();

    QHBoxLayout* m_top;
    QHBoxLayout* m_bottom;
    QPushButton* m_add;
    QTimer* m_typing;
    int m_stretchColumn;
    qint64 m_total = 0;
};

} // namespace etabli
