#pragma once

#include "domain/money.h"
#include "domain/staff.h"
#include "domain/user.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Clock;
class Database;

// The team (équipe): employees and volunteers, and the volunteers' hours,
// valued for the funders as contributions volontaires en nature. Everyone
// reads the team; settings.edit changes it; funding.write records hours.
class StaffService
{
    Q_DECLARE_TR_FUNCTIONS(StaffService)

public:
    StaffService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Result<QList<StaffMember>> list(bool activeOnly = true, std::optional<StaffKind> kind = {}) const;
    Result<qint64> add(const StaffMember& member);
    Status update(const StaffMember& member);
    // The acting user's own team record (id 0 when none is linked).
    Result<StaffMember> me() const;

    Result<QList<VolunteerHours>> hours(const QDate& from, const QDate& to, qint64 staffId = 0) const;
    Result<qint64> addHours(const VolunteerHours& hours);
    Status removeHours(const VolunteerHours& hours);

    struct VolunteerSummary
    {
        qint64 minutes = 0;
        Money hourValue;
        Money value; // minutes × hour value, rounded to the cent
    };
    Result<VolunteerSummary> volunteerSummary(const QDate& from, const QDate& to) const;
    Status setVolunteerHourValue(Money value);

private:
    Status validate(const StaffMember& member) const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
