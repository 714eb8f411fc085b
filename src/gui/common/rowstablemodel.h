#pragma once

#include "gui/common/cellvalue.h"
#include "util/text.h"

#include <functional>
#include <optional>
#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace etabli {

// The table of an editor (an entry's trainees, a document's lines, a
// register…): the model holds typed rows, the view shows them, and what the
// user typed is read back from the rows — never from cells or item roles.
// A subclass says what each column shows (cell), what it takes (setCell)
// and which cells may be edited or ticked (cellFlags); columns are an enum
// of the subclass.
template <class Row> class RowsTableModel : public QAbstractTableModel
{
public:
    const QList<Row>& rows() const { return m_rows; }
    const Row& rowAt(int row) const { return m_rows.at(row); }

    void setRows(QList<Row> rows)
    {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    void clear() { setRows({}); }
    int append(Row row)
    {
        const int at = static_cast<int>(m_rows.size());
        beginInsertRows({}, at, at);
        m_rows.append(std::move(row));
        endInsertRows();
        return at;
    }
    void removeAt(int row)
    {
        if (row < 0 || row >= m_rows.size())
            return;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    // Changes a row in place; the view repaints it whole.
    void update(int row, const std::function<void(Row&)>& change)
    {
        if (row < 0 || row >= m_rows.size())
            return;
        change(m_rows[row]);
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
    void updateAll(const std::function<void(Row&)>& change)
    {
        for (Row& r : m_rows)
            change(r);
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    }
    // The model refuses every edit (a document shown as issued).
    void setReadOnly(bool readOnly)
    {
        if (m_readOnly == readOnly)
            return;
        m_readOnly = readOnly;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    }
    bool isReadOnly() const { return m_readOnly; }
    // A heading that depends on what is shown (the school year of a column).
    void setHeading(int column, const QString& heading)
    {
        if (column < 0 || column >= m_headers.size() || m_headers.at(column) == heading)
            return;
        m_headers[column] = heading;
        Q_EMIT headerDataChanged(Qt::Horizontal, column, column);
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_headers.size());
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override
    {
        if (orientation != Qt::Horizontal || section < 0 || section >= m_headers.size())
            return {};
        if (role == Qt::DisplayRole)
            return m_headers.at(section);
        if (role == Qt::TextAlignmentRole && m_rightAligned.contains(section))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override
    {
        if (!index.isValid() || index.row() >= m_rows.size())
            return {};
        if (role == Qt::TextAlignmentRole && m_rightAligned.contains(index.column()))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return cell(m_rows.at(index.row()), index.column(), role);
    }
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override
    {
        if (!index.isValid() || index.row() >= m_rows.size() || m_readOnly ||
            !(flags(index) & (role == Qt::CheckStateRole ? Qt::ItemIsUserCheckable : Qt::ItemIsEditable)))
            return false;
        if (!setCell(m_rows[index.row()], index.column(), value, role))
            return false;
        // A cell may change others of its row (ticking gives the default hours).
        Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), columnCount() - 1));
        return true;
    }
    Qt::ItemFlags flags(const QModelIndex& index) const override
    {
        if (!index.isValid() || index.row() >= m_rows.size())
            return Qt::NoItemFlags;
        Qt::ItemFlags extra = cellFlags(m_rows.at(index.row()), index.column());
        if (m_readOnly)
            extra &= ~(Qt::ItemIsEditable | Qt::ItemIsUserCheckable);
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | extra;
    }

protected:
    RowsTableModel(QStringList headers, QList<int> rightAligned, QObject* parent)
        : QAbstractTableModel(parent), m_headers(std::move(headers)), m_rightAligned(std::move(rightAligned))
    {
    }
    // By default: a text field's column shows it (setTextFields).
    virtual QVariant cell(const Row& row, int column, int role) const { return textCell(row, column, role); }
    // Takes a value the user gave; false when it is refused (the cell keeps its value).
    // By default: a text field's column takes what was typed (setTextFields).
    virtual bool setCell(Row& row, int column, const QVariant& value, int role)
    {
        QString Row::*field = textField(column);
        if (!field || role != Qt::EditRole)
            return false;
        row.*field = value.toString();
        return true;
    }
    // Columns that show a text field of the row as typed ("1,5", "15/12/2026"),
    // in column order; nullptr where a column is not one. cell() shows them
    // through textCell(); setCell() takes them.
    void setTextFields(QList<QString Row::*> fields) { m_textFields = std::move(fields); }
    QVariant textCell(const Row& row, int column, int role) const
    {
        QString Row::*field = textField(column);
        return field && (role == Qt::DisplayRole || role == Qt::EditRole) ? QVariant(row.*field) : QVariant();
    }
    // ItemIsEditable, ItemIsUserCheckable where the row allows it. By
    // default: a text field's column is editable.
    virtual Qt::ItemFlags cellFlags(const Row& row, int column) const
    {
        Q_UNUSED(row)
        return textField(column) ? Qt::ItemIsEditable : Qt::NoItemFlags;
    }

private:
    QString Row::*textField(int column) const
    {
        return column >= 0 && column < m_textFields.size() ? m_textFields.at(column) : nullptr;
    }

    QStringList m_headers;
    QList<int> m_rightAligned;
    QList<QString Row::*> m_textFields;
    QList<Row> m_rows;
    bool m_readOnly = false;
};

// A read-only table of typed rows (a list page's table): each column a
// heading and what it shows of a row. The page keeps no copy of the rows:
// the row under the cursor is `rowAt(view->currentIndex().row())`.
template <class Row> struct Column
{
    QString heading;
    std::function<QVariant(const Row&)> text;
    bool rightAligned = false;
    // Any other role (tooltip, colour…); empty: none.
    std::function<QVariant(const Row&, int role)> other = {};
    // A tick the user may change (cheques to deposit): read and written on the row.
    std::function<bool(const Row&)> checked = {};
    std::function<void(Row&, bool)> setChecked = {};
    // What a spreadsheet computes with (CellValueRole); empty: the text.
    std::function<QVariant(const Row&)> value = {};

    // A day, shown "05/03/2025", a date in a workbook.
    static Column day(QString heading, std::function<QDate(const Row&)> get,
                      std::function<QVariant(const Row&, int role)> other = {})
    {
        return {std::move(heading),
                [get](const Row& r) { return QVariant(text::frenchDate(get(r))); },
                false,
                std::move(other),
                {},
                {},
                [get](const Row& r) { return cellValue(get(r)); }};
    }
    // An amount, shown "1 234,56 €" on the right, a number in euros in a workbook.
    static Column amount(QString heading, std::function<Money(const Row&)> get,
                         std::function<QVariant(const Row&, int role)> other = {})
    {
        return amountOrBlank(
            std::move(heading), [get](const Row& r) { return std::optional<Money>(get(r)); },
            std::move(other));
    }
    // The same, the cell empty where there is none (nothing received yet).
    static Column amountOrBlank(QString heading, std::function<std::optional<Money>(const Row&)> get,
                                std::function<QVariant(const Row&, int role)> other = {})
    {
        return {std::move(heading),
                [get](const Row& r) {
                    const auto m = get(r);
                    return m ? QVariant(m->format()) : QVariant(QString());
                },
                true,
                std::move(other),
                {},
                {},
                [get](const Row& r) {
                    const auto m = get(r);
                    return m ? cellValue(*m) : QVariant();
                }};
    }
    // A duration, shown as `shown` writes its minutes ("2 h 30"), a number
    // of hours in a workbook (none when it is zero).
    static Column hours(QString heading, std::function<qint64(const Row&)> minutes,
                        std::function<QString(qint64)> shown,
                        std::function<QVariant(const Row&, int role)> other = {})
    {
        return {std::move(heading),
                [minutes, shown](const Row& r) { return QVariant(shown(minutes(r))); },
                true,
                std::move(other),
                {},
                {},
                [minutes](const Row& r) {
                    const qint64 m = minutes(r);
                    return m == 0 ? QVariant() : QVariant(static_cast<double>(m) / 60.0);
                }};
    }
    // A count, on the right, a number in a workbook.
    static Column count(QString heading, std::function<qint64(const Row&)> get,
                        std::function<QVariant(const Row&, int role)> other = {})
    {
        return {std::move(heading),
                [get](const Row& r) { return QVariant(QString::number(get(r))); },
                true,
                std::move(other),
                {},
                {},
                [get](const Row& r) { return QVariant(get(r)); }};
    }
};

template <class Row> class ColumnsModel final : public RowsTableModel<Row>
{
public:
    explicit ColumnsModel(QList<Column<Row>> columns, QObject* parent = nullptr)
        : RowsTableModel<Row>(headings(columns), rightAligned(columns), parent), m_columns(std::move(columns))
    {
    }

protected:
    QVariant cell(const Row& row, int column, int role) const override
    {
        if (column < 0 || column >= m_columns.size())
            return {};
        const Column<Row>& c = m_columns.at(column);
        if (role == Qt::DisplayRole)
            return c.text(row);
        if (role == Qt::CheckStateRole && c.checked)
            return c.checked(row) ? Qt::Checked : Qt::Unchecked;
        if (role == CellValueRole)
            return c.value ? c.value(row) : QVariant();
        return c.other ? c.other(row, role) : QVariant();
    }
    bool setCell(Row& row, int column, const QVariant& value, int role) override
    {
        if (role != Qt::CheckStateRole || column < 0 || column >= m_columns.size() ||
            !m_columns.at(column).setChecked)
            return false;
        m_columns.at(column).setChecked(row, value.toInt() == Qt::Checked);
        return true;
    }
    Qt::ItemFlags cellFlags(const Row& row, int column) const override
    {
        Q_UNUSED(row)
        return column >= 0 && column < m_columns.size() && m_columns.at(column).setChecked
                   ? Qt::ItemIsUserCheckable
                   : Qt::NoItemFlags;
    }

private:
    static QStringList headings(const QList<Column<Row>>& columns)
    {
        QStringList out;
        for (const Column<Row>& c : columns)
            out << c.heading;
        return out;
    }
    static QList<int> rightAligned(const QList<Column<Row>>& columns)
    {
        QList<int> out;
        for (int i = 0; i < columns.size(); ++i) {
            if (columns.at(i).rightAligned)
                out << i;
        }
        return out;
    }

    QList<Column<Row>> m_columns;
};

// Rows ticked in a list (the skills of an entry, the certifications a section
// prepares): an id, a label and a tick, in a QListView or a one-column table.
struct Choice
{
    qint64 id = 0;
    QString label;
    bool checked = false;
};

class ChoiceListModel final : public RowsTableModel<Choice>
{
public:
    explicit ChoiceListModel(QObject* parent = nullptr);
    QList<qint64> checkedIds() const;
    void setChecked(const QList<qint64>& ids);
    // Space on a row: ticks or unticks it.
    void toggle(int row);

protected:
    QVariant cell(const Choice& row, int column, int role) const override;
    bool setCell(Choice& row, int column, const QVariant& value, int role) override;
    Qt::ItemFlags cellFlags(const Choice& row, int column) const override;
};

} // namespace etabli
