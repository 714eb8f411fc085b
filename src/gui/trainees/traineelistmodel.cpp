#include "gui/trainees/traineelistmodel.h"

#include "gui/common/session.h"
#include "services/traineeservice.h"

#include <QLocale>

namespace etabli {

TraineeListModel::TraineeListModel(Session& session, QObject* parent)
    : QAbstractTableModel(parent), m_session(session)
{
}

void TraineeListModel::setFilter(const TraineeFilter& filter)
{
    m_filter = filter;
    reload();
}

void TraineeListModel::reload()
{
    m_resetting = true;
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    m_error.clear();
    if (m_session.isOpen() && m_session.isLoggedIn()) {
        TraineeService service(m_session.database(), m_session.clock(), m_session.user());
        auto count = service.count(m_filter);
        auto rows = service.list(m_filter, kPageSize, 0);
        if (count && rows) {
            m_total = *count;
            m_rows = *rows;
        } else {
            m_error = count ? rows.error().message : count.error().message;
        }
    }
    endResetModel();
    m_resetting = false;
}

qint64 TraineeListModel::traineeId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int TraineeListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TraineeListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool TraineeListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_rows.size() < m_total;
}

void TraineeListModel::fetchMore(const QModelIndex& parent)
{
    if (m_resetting || !canFetchMore(parent))
        return;
    auto rows = TraineeService(m_session.database(), m_session.clock(), m_session.user())
                    .list(m_filter, kPageSize, static_cast<int>(m_rows.size()));
    if (!rows || rows->isEmpty()) {
        m_total = m_rows.size();
        return;
    }
    beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + rows->size() - 1));
    m_rows += *rows;
    endInsertRows();
}

void TraineeListModel::sort(int column, Qt::SortOrder order)
{
    using S = TraineeFilter::Sort;
    static const S map[ColumnCount] = {S::Name,      S::BirthDate, S::BirthDate, S::Section, S::Cohort,
                                       S::StudyYear, S::Status,    S::EntryDate, S::ExitDate};
    if (column < 0 || column >= ColumnCount)
        return;
    m_filter.sort = map[column];
    // Age sorts opposite to the birth date.
    m_filter.ascending = (order == Qt::AscendingOrder) != (column == Age);
    reload();
}

QVariant TraineeListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const TraineeRow& r = m_rows.at(index.row());
    const QLocale locale;
    const auto date = [&locale](const QDate& d) {
        return d.isValid() ? locale.toString(d, QStringLiteral("dd/MM/yyyy")) : QString();
    };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return QStringLiteral("%1 %2").arg(r.lastName.toUpper(), r.firstName);
        case BirthDate:
            return date(r.birthDate);
        case Age: {
            Trainee t;
            t.birthDate = r.birthDate;
            t.entryDate = r.entryDate;
            const int age = t.ageAtEntry();
            return age > 0 ? QVariant(age) : QVariant();
        }
        case Section:
            return r.section;
        case Cohort:
            return r.cohortYear ? QStringLiteral("%1-%2").arg(r.cohortYear).arg(r.cohortYear + 1) : QString();
        case StudyYear:
            return r.studyYear == 1 ? tr("1st") : r.studyYear == 2 ? tr("2nd") : QString();
        case Status:
            return r.archived ? tr("%1 (archived)").arg(TraineeService::statusLabel(r.status))
                              : TraineeService::statusLabel(r.status);
        case EntryDate:
            return date(r.entryDate);
        case ExitDate:
            return date(r.exitDate);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Age)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TraineeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case BirthDate:
        return tr("Born on");
    case Age:
        return tr("Age at entry");
    case Section:
        return tr("Section");
    case Cohort:
        return tr("Year of entry");
    case StudyYear:
        return tr("Year");
    case Status:
        return tr("Status");
    case EntryDate:
        return tr("Entry");
    case ExitDate:
        return tr("Exit");
    default:
        return {};
    }
}

} // namespace etabli
