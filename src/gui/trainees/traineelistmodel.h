#pragma once

#include "gui/common/pagedlistmodel.h"
#include "storage/traineelistquery.h"

namespace etabli {

class Session;

// The trainees' list: filtered and sorted in SQL through TraineeService,
// read a page at a time by keyset as the view scrolls down.
class TraineeListModel final : public PagedRowsModel<TraineeRow>
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

    // Reads the first page of what the filter chooses.
    void setFilter(const TraineeFilter& filter);
    const TraineeFilter& filter() const { return m_filter; }
    void reload();
    qint64 totalCount() const { return total(); }
    qint64 traineeId(int row) const { return idAt(row); }

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;

protected:
    Result<Page<TraineeRow>> fetch(const PageRequest& request) const override;
    QVariant cell(const TraineeRow& row, int column, int role) const override;

private:
    Session& m_session;
    TraineeFilter m_filter;
};

} // namespace etabli
