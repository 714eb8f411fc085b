#include "gui/trainees/registermodel.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace etabli {

namespace {

QColor colourOf(std::optional<AttendanceCode> code)
{
    if (!code)
        return QColor(Qt::white);
    switch (*code) {
    case AttendanceCode::Present:
        return QColor(0xdf, 0xf2, 0xe1);
    case AttendanceCode::Late:
        return QColor(0xfd, 0xf0, 0xc8);
    case AttendanceCode::Excused:
        return QColor(0xdd, 0xe8, 0xf7);
    case AttendanceCode::Unexcused:
        return QColor(0xf8, 0xd7, 0xd7);
    case AttendanceCode::Internship:
        return QColor(0xe8, 0xe0, 0xf5);
    case AttendanceCode::Excluded:
        return QColor(0xd0, 0xd0, 0xd0);
    }
    return QColor(Qt::white);
}

} // namespace

RegisterModel::RegisterModel(QObject* parent) : QAbstractTableModel(parent) {}

void RegisterModel::setWeek(const WeekRegister& week)
{
    beginResetModel();
    m_week = week;
    m_recorded.clear();
    m_pending.clear();
    QHash<qint64, int> rowOf;
    for (int r = 0; r < m_week.trainees.size(); ++r)
        rowOf.insert(m_week.trainees.at(r).traineeId, r);
    const auto column = [this](const AttendanceCell& c) {
        return static_cast<int>(m_week.monday.daysTo(c.day)) * 2 + (c.half == Half::Afternoon ? 1 : 0);
    };
    for (const AttendanceCell& c : std::as_const(m_week.cells)) {
        if (c.code && rowOf.contains(c.traineeId) && column(c) >= 0 && column(c) < HalfDays)
            m_recorded.insert(slot(rowOf.value(c.traineeId), column(c)), *c.code);
    }
    for (const AttendanceCell& s : std::as_const(m_week.internshipSuggestions)) {
        const int row = rowOf.value(s.traineeId, -1);
        if (row >= 0 && column(s) >= 0 && column(s) < HalfDays && isEnrolled(row, column(s)) &&
            recordedAt(slot(row, column(s))) != s.code)
            m_pending.insert(slot(row, column(s)), s.code);
    }
    endResetModel();
}

void RegisterModel::clear()
{
    setWeek(WeekRegister{m_week.monday, {}, {}, {}, m_week.timetable});
}

bool RegisterModel::isEnrolled(int row, int column) const
{
    if (row < 0 || row >= m_week.trainees.size() || column < 0 || column >= HalfDays)
        return false;
    const auto& t = m_week.trainees.at(row);
    const QDate day = dayOf(column);
    return day >= t.entry && (!t.exit.isValid() || day <= t.exit);
}

std::optional<AttendanceCode> RegisterModel::recordedAt(int key) const
{
    const auto it = m_recorded.constFind(key);
    return it == m_recorded.cend() ? std::nullopt : std::optional(*it);
}

std::optional<AttendanceCode> RegisterModel::codeAt(int row, int column) const
{
    const int key = slot(row, column);
    return m_pending.contains(key) ? m_pending.value(key) : recordedAt(key);
}

AttendanceCell RegisterModel::cell(int row, int column, std::optional<AttendanceCode> code) const
{
    return AttendanceCell{m_week.trainees.at(row).traineeId, dayOf(column), halfOf(column), code, {}};
}

void RegisterModel::mark(int row, int column, std::optional<AttendanceCode> code)
{
    if (!isEnrolled(row, column))
        return;
    const int key = slot(row, column);
    if (recordedAt(key) == code)
        m_pending.remove(key);
    else
        m_pending.insert(key, code);
    Q_EMIT dataChanged(index(row, column), index(row, column));
}

QList<AttendanceCell> RegisterModel::pending() const
{
    QList<AttendanceCell> cells;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        cells << cell(it.key() / HalfDays, it.key() % HalfDays, it.value());
    return cells;
}

int RegisterModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_week.trainees.size());
}

int RegisterModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : HalfDays;
}

QVariant RegisterModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = index.row();
    const int column = index.column();
    if (role == Qt::TextAlignmentRole)
        return Qt::AlignCenter;
    if (!isEnrolled(row, column)) {
        if (role == Qt::BackgroundRole)
            return QColor(0xee, 0xee, 0xee);
        if (role == Qt::ToolTipRole)
            return tr("Not enrolled that day");
        return {};
    }
    const std::optional<AttendanceCode> code = codeAt(row, column);
    switch (role) {
    case Qt::DisplayRole:
        return code ? QString(AttendanceService::codeKey(*code)) : QString();
    case Qt::BackgroundRole:
        return colourOf(code);
    case Qt::ToolTipRole:
        return code ? labelOf(*code) : QString();
    case Qt::FontRole: {
        QFont f;
        f.setItalic(m_pending.contains(slot(row, column))); // typed, not saved yet
        return f;
    }
    default:
        return {};
    }
}

QVariant RegisterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_week.trainees.size())
            return {};
        const auto& t = m_week.trainees.at(section);
        return QStringLiteral("%1 %2").arg(t.lastName.toUpper(), t.firstName);
    }
    if (section < 0 || section >= HalfDays || !m_week.monday.isValid())
        return {};
    const QString day = QLocale().toString(dayOf(section), QStringLiteral("ddd dd/MM"));
    const QString half =
        halfOf(section) == Half::Morning ? tr("%1\nmorning").arg(day) : tr("%1\nafternoon").arg(day);
    // A half-day of class says so (the timetable); the others are the workshop's.
    return m_week.timetable.activityOn(dayOf(section), halfOf(section)) == Activity::Class
               ? tr("%1\nclass").arg(half)
               : half;
}

Qt::ItemFlags RegisterModel::flags(const QModelIndex& index) const
{
    return index.isValid() && isEnrolled(index.row(), index.column())
               ? Qt::ItemIsEnabled | Qt::ItemIsSelectable
               : Qt::NoItemFlags;
}

} // namespace etabli
