#pragma once

#include "services/attendanceservice.h"

#include <QAbstractTableModel>
#include <QHash>

namespace etabli {

// The weekly register as a model: a row per trainee of the section, a
// column per half-day (Monday morning … Friday afternoon). It holds what is
// recorded and what was typed since (pending, shown in italics); pending()
// is what save writes. A half-day outside the trainee's stay is disabled.
class RegisterModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegisterModel)

public:
    static constexpr int HalfDays = 10;

    explicit RegisterModel(QObject* parent = nullptr);

    // A new week: what it records, nothing pending; a half-day inside an
    // internship and still empty is proposed as "internship" (pending).
    void setWeek(const WeekRegister& week);
    void clear();
    const WeekRegister& week() const { return m_week; }

    QDate dayOf(int column) const { return m_week.monday.addDays(column / 2); }
    static Half halfOf(int column) { return column % 2 == 0 ? Half::Morning : Half::Afternoon; }
    bool isEnrolled(int row, int column) const;
    std::optional<AttendanceCode> codeAt(int row, int column) const;
    // The half-day as a cell to record with `code` (to check it before marking).
    AttendanceCell cell(int row, int column, std::optional<AttendanceCode> code) const;
    // Marks a half-day (none clears it); nothing on a half-day outside the stay.
    void mark(int row, int column, std::optional<AttendanceCode> code);

    bool hasPending() const { return !m_pending.isEmpty(); }
    QList<AttendanceCell> pending() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    static int slot(int row, int column) { return row * HalfDays + column; }

    WeekRegister m_week;
    std::optional<AttendanceCode> recordedAt(int slot) const;

    QHash<int, AttendanceCode> m_recorded;               // slot → code as stored
    QHash<int, std::optional<AttendanceCode>> m_pending; // slot → code to write (none clears)
};

} // namespace etabli
