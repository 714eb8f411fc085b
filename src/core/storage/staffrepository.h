#pragma once

#include "domain/money.h"
#include "domain/staff.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Database;

// The team (staff, staff_section) and the volunteers' hours.
class StaffRepository
{
    Q_DECLARE_TR_FUNCTIONS(StaffRepository)

public:
    explicit StaffRepository(Database& db) : m_db(db) {}

    // By name; `kind` empty: everyone.
    Result<QList<StaffMember>> list(bool activeOnly, std::optional<StaffKind> kind = {}) const;
    Result<qint64> insert(const StaffMember& member, const QString& nowIso);
    Status update(const StaffMember& member, const QString& nowIso);
    // The team member linked to an account (id 0 when none).
    Result<StaffMember> forUser(qint64 userId) const;

    Result<QList<VolunteerHours>> hours(const QDate& from, const QDate& to, qint64 staffId = 0) const;
    Result<qint64> insertHours(const VolunteerHours& hours, const QString& nowIso);
    Status removeHours(qint64 id);
    Result<qint64> totalMinutes(const QDate& from, const QDate& to) const;

    Result<Money> volunteerHourValue() const;
    Status setVolunteerHourValue(Money value);

private:
    Status writeSections(qint64 staffId, const QList<qint64>& sectionIds);

    Database& m_db;
};

} // namespace etabli
