#include "gui/trainees/traineelistmodel.h"

#include "gui/common/cellvalue.h"
#include "gui/common/session.h"
#include "services/traineeservice.h"

#include <QLocale>

namespace etabli {

TraineeListModel::TraineeListModel(Session& session, QObject* parent)
    : PagedRowsModel<TraineeRow>({tr("Name"), tr("Born on"), tr("Age at entry"), tr("Section"),
                                  tr("Year of entry"), tr("Year"), tr("Status"), tr("Entry"), tr("Exit")},
                                 parent),
      m_session(session)
{
    setScrolling(true);
}

void TraineeListModel::setFilter(const TraineeFilter& filter)
{
    m_filter = filter;
    reload();
}

void TraineeListModel::reload()
{
    if (!m_session.isOpen() || !m_session.isLoggedIn()) {
        clear();
        return;
    }
    (void)first(); // an error is kept for lastError()
}

Result<Page<TraineeRow>> TraineeListModel::fetch(const PageRequest& request) const
{
    return m_session.service<TraineeService>().page(m_filter, request);
}

QVariant TraineeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole && section == Age)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return PagedRowsModel<TraineeRow>::headerData(section, orientation, role);
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

QVariant TraineeListModel::cell(const TraineeRow& r, int column, int role) const
{
    const QLocale locale;
    const auto date = [&locale](const QDate& d) {
        return d.isValid() ? locale.toString(d, QStringLiteral("dd/MM/yyyy")) : QString();
    };
    if (role == CellValueRole) {
        switch (column) {
        case BirthDate:
            return cellValue(r.birthDate);
        case EntryDate:
            return cellValue(r.entryDate);
        case ExitDate:
            return cellValue(r.exitDate);
        case Age:
            return cell(r, column, Qt::DisplayRole); // a whole number already
        default:
            return {};
        }
    }
    if (role == Qt::DisplayRole) {
        switch (column) {
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
            return r.archived ? tr("%1 (archived)").arg(labelOf(r.status)) : labelOf(r.status);
        case EntryDate:
            return date(r.entryDate);
        case ExitDate:
            return date(r.exitDate);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && column == Age)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

} // namespace etabli
