#include "services/attendanceservice.h"

#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "storage/traineerepository.h"
#include "storage/transaction.h"
#include "util/clock.h"

#include <QLocale>

namespace etabli {

QList<QDate> WeekRegister::days() const
{
    QList<QDate> out;
    for (int i = 0; i < 5; ++i)
        out << monday.addDays(i);
    return out;
}

QChar AttendanceService::codeKey(AttendanceCode code)
{
    // P présent, J absence justifiée, A absence (injustifiée), R retard,
    // S stage, X exclu.
    switch (code) {
    case AttendanceCode::Present:
        return QLatin1Char('P');
    case AttendanceCode::Excused:
        return QLatin1Char('J');
    case AttendanceCode::Unexcused:
        return QLatin1Char('A');
    case AttendanceCode::Late:
        return QLatin1Char('R');
    case AttendanceCode::Internship:
        return QLatin1Char('S');
    case AttendanceCode::Excluded:
        return QLatin1Char('X');
    }
    return {};
}

std::optional<AttendanceCode> AttendanceService::codeForKey(QChar key)
{
    for (AttendanceCode code : allOf<AttendanceCode>()) {
        if (codeKey(code) == key.toUpper())
            return code;
    }
    return std::nullopt;
}

Result<QList<AttendanceRepository::Enrolment>>
AttendanceService::enrolled(qint64 sectionId, const QDate& from, const QDate& to) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    if (!m_actor.coversSection(sectionId))
        return fail(Error::Code::AccessDenied, tr("Access denied: this section is not one of yours."));
    return AttendanceRepository(m_db).enrolledBetween(sectionId, from, to);
}

Result<WeekRegister> AttendanceService::week(qint64 sectionId, const QDate& anyDay) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    if (!m_actor.coversSection(sectionId))
        return fail(Error::Code::AccessDenied, tr("Access denied: this section is not one of yours."));
    WeekRegister w;
    w.monday = WeekRegister::mondayOf(anyDay);
    const QDate friday = w.monday.addDays(4);
    AttendanceRepository repo(m_db);
    auto trainees = repo.enrolledBetween(sectionId, w.monday, friday);
    if (!trainees)
        return std::unexpected(trainees.error());
    w.trainees = *trainees;
    QList<qint64> ids;
    for (const auto& t : w.trainees)
        ids << t.traineeId;
    auto cells = repo.cells(ids, w.monday, friday);
    if (!cells)
        return std::unexpected(cells.error());
    w.cells = *cells;
    auto timetable = repo.timetable(sectionId);
    if (!timetable)
        return std::unexpected(timetable.error());
    w.timetable = *timetable;
    auto periods = repo.internships(ids, w.monday, friday);
    if (!periods)
        return std::unexpected(periods.error());
    for (const auto& p : *periods) {
        for (const QDate& day : w.days()) {
            if (day < p.start || day > p.end)
                continue;
            for (Half half : {Half::Morning, Half::Afternoon}) {
                const bool recorded =
                    std::any_of(w.cells.begin(), w.cells.end(), [&](const AttendanceCell& c) {
                        return c.traineeId == p.traineeId && c.day == day && c.half == half;
                    });
                if (!recorded)
                    w.internshipSuggestions
                        << AttendanceCell{p.traineeId, day, half, AttendanceCode::Internship, {}};
            }
        }
    }
    return w;
}

Status AttendanceService::checkNotAhead(const AttendanceCell& cell) const
{
    // A half-day still to come: a later day, or this afternoon in the morning.
    const QDateTime now = m_clock.nowUtc().toLocalTime();
    const bool toCome = cell.day > now.date() ||
                        (cell.day == now.date() && cell.half == Half::Afternoon && now.time().hour() < 12);
    if (!toCome || !cell.code || !isSeenOnTheDay(*cell.code))
        return {};
    return fail(
        Error::Code::InvalidInput,
        tr("“%1” cannot be written for a half-day still to come (%2): only a planned absence (excused, "
           "internship, exclusion) can.")
            .arg(labelOf(*cell.code), QLocale().toString(cell.day, QStringLiteral("dd/MM/yyyy"))));
}

Status AttendanceService::record(qint64 sectionId, const QList<AttendanceCell>& cells)
{
    if (auto r = AccessControl::requireInSection(m_actor, permission::AttendanceWrite, sectionId); !r)
        return r;
    if (cells.isEmpty())
        return {};
    QDate from = cells.first().day;
    QDate to = from;
    for (const auto& c : cells) {
        from = std::min(from, c.day);
        to = std::max(to, c.day);
    }
    AttendanceRepository repo(m_db);
    auto enrolled = repo.enrolledBetween(sectionId, from, to);
    if (!enrolled)
        return std::unexpected(enrolled.error());
    QHash<qint64, AttendanceRepository::Enrolment> bySection;
    for (const auto& e : *enrolled)
        bySection.insert(e.traineeId, e);
    const QLocale locale;
    for (const auto& c : cells) {
        if (auto r = checkNotAhead(c); !r)
            return r;
        const auto it = bySection.constFind(c.traineeId);
        if (it == bySection.constEnd())
            return fail(Error::Code::InvalidInput,
                        tr("Trainee n°%1 is not enrolled in this section on %2.")
                            .arg(c.traineeId)
                            .arg(locale.toString(c.day, QStringLiteral("dd/MM/yyyy"))));
        if (c.day < it->entry || (it->exit.isValid() && c.day > it->exit))
            return fail(
                Error::Code::InvalidInput,
                tr("%1 %2 was not enrolled on %3: no attendance can be recorded that day.")
                    .arg(it->firstName, it->lastName, locale.toString(c.day, QStringLiteral("dd/MM/yyyy"))));
    }
    QList<qint64> ids = bySection.keys();
    auto before = repo.cells(ids, from, to);
    if (!before)
        return std::unexpected(before.error());
    // Each half-day is of the workshop or of class as the section's timetable says.
    auto timetable = repo.timetable(sectionId);
    if (!timetable)
        return std::unexpected(timetable.error());
    return inTransaction(m_db, [&]() -> Status {
        ChangeSet changes;
        for (const auto& c : cells) {
            QString old;
            for (const auto& b : *before) {
                if (b.traineeId == c.traineeId && b.day == c.day && b.half == c.half)
                    old = codeOf(b.code);
            }
            AttendanceCell cell = c;
            cell.activity = timetable->activityOn(c.day, c.half);
            if (auto r = repo.put(cell, m_actor.login, m_clock.nowIso()); !r)
                return r;
            changes.add(QStringLiteral("%1 %2 %3")
                            .arg(c.traineeId)
                            .arg(c.day.toString(Qt::ISODate), halfCode(c.half)),
                        old, codeOf(c.code));
        }
        if (changes.isEmpty())
            return {};
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Attendance, QString::number(sectionId), AuditAction::Update,
                    changes);
    });
}

Result<Timetable> AttendanceService::timetable(qint64 sectionId) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    return AttendanceRepository(m_db).timetable(sectionId);
}

Result<int> AttendanceService::setTimetable(qint64 sectionId, Timetable timetable, const QDate& from)
{
    ETABLI_TRY(AccessControl::requireInSection(m_actor, permission::AttendanceWrite, sectionId));
    std::sort(timetable.classSlots.begin(), timetable.classSlots.end());
    timetable.classSlots.erase(std::unique(timetable.classSlots.begin(), timetable.classSlots.end()),
                               timetable.classSlots.end());
    for (int slot : std::as_const(timetable.classSlots)) {
        if (slot < 0 || slot > 9)
            return fail(Error::Code::InvalidInput,
                        tr("A half-day of the timetable is Monday to Friday, morning or afternoon."));
    }
    if (!from.isValid())
        return fail(Error::Code::InvalidInput, tr("Give the day the timetable applies from."));
    AttendanceRepository repo(m_db);
    return inTransaction(m_db, [&]() -> Result<int> {
        ETABLI_TRY(repo.setTimetable(sectionId, timetable));
        auto changed = repo.applyTimetable(sectionId, timetable, from);
        if (!changed)
            return changed;
        QStringList halfDays;
        for (int slot : std::as_const(timetable.classSlots))
            halfDays << QString::number(slot);
        ChangeSet changes;
        changes.set(QStringLiteral("class_half_days"), halfDays.join(QLatin1Char(',')))
            .set(QStringLiteral("from"), from.toString(Qt::ISODate))
            .set(QStringLiteral("half_days_changed"), *changed);
        ETABLI_TRY(AuditTrail(m_db, m_clock)
                       .record(m_actor, AuditEntity::Section, QString::number(sectionId), AuditAction::Update,
                               changes));
        return changed;
    });
}

Result<AttendanceRate> AttendanceService::traineeRate(qint64 traineeId, const QDate& from,
                                                      const QDate& to) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    auto t = TraineeRepository(m_db).load(traineeId);
    if (!t)
        return std::unexpected(t.error());
    if (!m_actor.coversSection(t->sectionId))
        return fail(Error::Code::AccessDenied, tr("Access denied: this section is not one of yours."));
    return AttendanceRepository(m_db).rate(traineeId, 0, from, to);
}

Result<AttendanceRate> AttendanceService::sectionRate(qint64 sectionId, const QDate& from,
                                                      const QDate& to) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    if (sectionId != 0 && !m_actor.coversSection(sectionId))
        return fail(Error::Code::AccessDenied, tr("Access denied: this section is not one of yours."));
    if (sectionId == 0 && m_actor.role == Role::Formateur)
        return fail(Error::Code::AccessDenied, tr("Access denied: this section is not one of yours."));
    return AttendanceRepository(m_db).rate(0, sectionId, from, to);
}

Result<QList<AbsenceRun>> AttendanceService::unexcusedRuns(qint64 sectionId, const QDate& from,
                                                           const QDate& to, int minLength) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    if ((sectionId == 0 && m_actor.role == Role::Formateur) ||
        (sectionId != 0 && !m_actor.coversSection(sectionId)))
        return fail(Error::Code::AccessDenied, tr("Access denied: this section is not one of yours."));
    return AttendanceRepository(m_db).unexcusedRuns(sectionId, from, to, minLength);
}

} // namespace etabli
