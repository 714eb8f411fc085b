#include "services/staffservice.h"

#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "storage/staffrepository.h"
#include "storage/transaction.h"
#include "util/clock.h"

namespace etabli {

Status StaffService::validate(const StaffMember& m) const
{
    if (m.lastName.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("The last name is required."));
    if (!allOf<StaffKind>().contains(m.kind))
        return fail(Error::Code::InvalidInput, tr("A team member is an employee or a volunteer."));
    if (m.job && !allOf<StaffJob>().contains(*m.job))
        return fail(Error::Code::InvalidInput, tr("Choose the team member's job."));
    const QString email = m.email.trimmed();
    if (!email.isEmpty() && (!email.contains(QLatin1Char('@')) || email.contains(QLatin1Char(' '))))
        return fail(Error::Code::InvalidInput, tr("“%1” is not an e-mail address.").arg(email));
    return {};
}

Result<QList<StaffMember>> StaffService::list(bool activeOnly, std::optional<StaffKind> kind) const
{
    return StaffRepository(m_db).list(activeOnly, kind);
}

Result<StaffMember> StaffService::me() const
{
    if (m_actor.userId == 0)
        return StaffMember{};
    return StaffRepository(m_db).forUser(m_actor.userId);
}

Result<qint64> StaffService::add(const StaffMember& m)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SettingsEdit));
    ETABLI_TRY(validate(m));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        auto id = StaffRepository(m_db).insert(m, m_clock.nowIso());
        if (!id)
            return id;
        ChangeSet c;
        c.set(QStringLiteral("name"), m.displayName())
            .set(QStringLiteral("kind"), codeOf(m.kind))
            .set(QStringLiteral("job"), codeOf(m.job));
        ETABLI_TRY(AuditTrail(m_db, m_clock)
                       .record(m_actor, AuditEntity::Staff, QString::number(*id), AuditAction::Create, c));
        return id;
    });
}

Status StaffService::update(const StaffMember& m)
{
    if (auto r = AccessControl::require(m_actor, permission::SettingsEdit); !r)
        return r;
    if (auto r = validate(m); !r)
        return r;
    auto saved = inTransaction(m_db, [&]() -> Status {
        StaffRepository repo(m_db);
        auto all = repo.list(false);
        if (!all)
            return std::unexpected(all.error());
        StaffMember before;
        for (const StaffMember& s : *all) {
            if (s.id == m.id)
                before = s;
        }
        if (before.id == 0)
            return fail(Error::Code::NotFound, tr("This team member no longer exists."));
        if (auto r = repo.update(m, m_clock.nowIso()); !r)
            return r;
        const auto ids = [](const QList<qint64>& l) {
            QStringList s;
            for (qint64 v : l)
                s << QString::number(v);
            return s.join(QLatin1Char(' '));
        };
        ChangeSet c;
        c.add(QStringLiteral("name"), before.displayName(), m.displayName())
            .add(QStringLiteral("kind"), codeOf(before.kind), codeOf(m.kind))
            .add(QStringLiteral("job"), codeOf(before.job), codeOf(m.job))
            .add(QStringLiteral("phone"), before.phone, m.phone.trimmed())
            .add(QStringLiteral("email"), before.email, m.email.trimmed())
            .add(QStringLiteral("user_id"), before.userId, m.userId)
            .add(QStringLiteral("active"), before.active, m.active)
            .add(QStringLiteral("sections"), ids(before.sectionIds), ids(m.sectionIds));
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Staff, QString::number(m.id), AuditAction::Update, c);
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::Staff, m.id);
}

Result<QList<VolunteerHours>> StaffService::hours(const QDate& from, const QDate& to, qint64 staffId) const
{
    return StaffRepository(m_db).hours(from, to, staffId);
}

Result<qint64> StaffService::addHours(const VolunteerHours& h)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingWrite));
    if (!h.day.isValid())
        return fail(Error::Code::InvalidInput, tr("Give the day."));
    if (h.day > m_clock.today())
        return fail(Error::Code::InvalidInput, tr("Hours are recorded once given, not in advance."));
    if (h.minutes <= 0 || h.minutes > 24 * 60)
        return fail(Error::Code::InvalidInput, tr("The hours must be more than 0 and at most 24 a day."));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        StaffRepository repo(m_db);
        auto team = repo.list(false, StaffKind::Volunteer);
        if (!team)
            return std::unexpected(team.error());
        bool volunteer = false;
        for (const StaffMember& s : *team)
            volunteer = volunteer || s.id == h.staffId;
        if (!volunteer)
            return fail(Error::Code::InvalidInput,
                        tr("Volunteer hours are given by a volunteer of the team."));
        auto id = repo.insertHours(h, m_clock.nowIso());
        if (!id)
            return id;
        ChangeSet c;
        c.set(QStringLiteral("staff_id"), h.staffId)
            .set(QStringLiteral("day"), h.day.toString(Qt::ISODate))
            .set(QStringLiteral("minutes"), h.minutes)
            .set(QStringLiteral("activity"), h.activity.trimmed());
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::VolunteerHours, QString::number(*id), AuditAction::Create, c));
        return id;
    });
}

Status StaffService::removeHours(const VolunteerHours& h)
{
    if (auto r = AccessControl::require(m_actor, permission::FundingWrite); !r)
        return r;
    return inTransaction(m_db, [&]() -> Status {
        if (auto r = StaffRepository(m_db).removeHours(h.id); !r)
            return r;
        ChangeSet c;
        c.set(QStringLiteral("staff_id"), h.staffId)
            .set(QStringLiteral("day"), h.day.toString(Qt::ISODate))
            .set(QStringLiteral("minutes"), h.minutes)
            .set(QStringLiteral("activity"), h.activity);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::VolunteerHours, QString::number(h.id), AuditAction::Delete, c);
    });
}

Result<StaffService::VolunteerSummary> StaffService::volunteerSummary(const QDate& from,
                                                                      const QDate& to) const
{
    StaffRepository repo(m_db);
    auto minutes = repo.totalMinutes(from, to);
    if (!minutes)
        return std::unexpected(minutes.error());
    auto value = repo.volunteerHourValue();
    if (!value)
        return std::unexpected(value.error());
    VolunteerSummary s;
    s.minutes = *minutes;
    s.hourValue = *value;
    s.value = Money::fromCents((s.minutes * value->cents() + 30) / 60);
    return s;
}

Status StaffService::setVolunteerHourValue(Money value)
{
    if (auto r = AccessControl::require(m_actor, permission::SettingsEdit); !r)
        return r;
    if (value.isNegative() || value.cents() > 100000)
        return fail(Error::Code::InvalidInput, tr("The value of an hour is between 0 and 1 000 €."));
    return inTransaction(m_db, [&]() -> Status {
        StaffRepository repo(m_db);
        auto before = repo.volunteerHourValue();
        if (!before)
            return std::unexpected(before.error());
        if (auto r = repo.setVolunteerHourValue(value); !r)
            return r;
        ChangeSet c;
        c.add(QStringLiteral("volunteer_hour_value_cents"), static_cast<qint64>(before->cents()),
              value.cents());
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::School, QStringLiteral("1"), AuditAction::Update, c);
    });
}

} // namespace etabli
