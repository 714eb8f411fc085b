#pragma once

#include "storage/traineelistquery.h"

#include <QAbstractTableModel>

namespace etabli {

class Session;

// The trainees' list: filtered, sorted and paged in SQL through
// TraineeService; rows arrive a page at a time as the view scrolls.
class TraineeListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraineeListModel)

public:
    enum Column
    {
        Name,
        BirthDate,
        Age,
        Section,
        Cohort,
        StudyYear,
        Status,
        EntryDate,
        ExitDate,
        ColumnCount
    };

    explicit TraineeListModel(Session& session, QObject* parent = nullptr);

    void setFilter(const TraineeFilter& filter);
    const TraineeFilter& filter() const { return m_filter; }
    void reload();
    qint64 totalCount() const { return m_total; }
    QString lastError() const { return m_error; }
    qint64 traineeId(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order) override;

    static constexpr int kPageSize = 100;

private:
    Session& m_session;
    TraineeFilter m_filter;
    QList<TraineeRow> m_rows;
    qint64 m_total = 0;
    QString m_error;
    bool m_resetting = false; // no fetchMore from inside a reset notification
};

} // namespace etabli
