#include "services/traineeservice.h"

#include "domain/schoolyear.h"
#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "storage/database.h"
#include "storage/traineedetailrepository.h"
#include "storage/traineerepository.h"
#include "storage/transaction.h"
#include "util/clock.h"

#include <algorithm>
#include <limits>
#include <QRegularExpression>

namespace etabli {

namespace {

ChangeSet diff(const Trainee& b, const Trainee& a)
{
    ChangeSet c;
    const auto date = [](const QDate& d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); };
    const Privacy personal = Privacy::Personal;
    c.add(QStringLiteral("last_name"), b.lastName, a.lastName.trimmed(), personal)
        .add(QStringLiteral("first_name"), b.firstName, a.firstName.trimmed(), personal)
        .add(QStringLiteral("birth_date"), date(b.birthDate), date(a.birthDate), personal)
        .add(QStringLiteral("sex"), b.sex, a.sex)
        .add(QStringLiteral("address_line1"), b.addressLine1, a.addressLine1.trimmed(), personal)
        .add(QStringLiteral("postcode"), b.postcode, a.postcode.trimmed(), personal)
        .add(QStringLiteral("city"), b.city, a.city.trimmed(), personal)
        .add(QStringLiteral("phone"), b.phone, a.phone.trimmed(), personal)
        .add(QStringLiteral("email"), b.email, a.email.trimmed(), personal)
        .add(QStringLiteral("section_id"), b.sectionId, a.sectionId)
        .add(QStringLiteral("cohort_year"), b.cohortYear, a.cohortYear)
        .add(QStringLiteral("study_year"), b.studyYear, a.studyYear)
        .add(QStringLiteral("status"), codeOf(b.status), codeOf(a.status))
        .add(QStringLiteral("entry_date"), date(b.entryDate), date(a.entryDate))
        .add(QStringLiteral("exit_date"), date(b.exitDate), date(a.exitDate))
        // Sensitive data (decision 38): said to have changed, never to what.
        .add(QStringLiteral("referral_id"), b.referralId == 0 ? QVariant() : QVariant(b.referralId),
             a.referralId == 0 ? QVariant() : QVariant(a.referralId), personal)
        .add(QStringLiteral("exit_reason"), codeOf(b.exitReason), codeOf(a.exitReason), personal);
    return c;
}

} // namespace

Result<Page<TraineeRow>> TraineeService::page(TraineeFilter filter, const PageRequest& request) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    if (m_actor.role == Role::Formateur) {
        filter.sectionIds = m_actor.sectionIds.isEmpty() ? QList<qint64>{-1} : m_actor.sectionIds;
    }
    auto page = TraineeListQuery(m_db).page(filter, request);
    if (!page)
        return page;
    if (!m_actor.can(permission::TraineesWrite)) {
        // Trainers and readers see names, section and course, not birth dates.
        for (TraineeRow& row : page->rows)
            row.birthDate = QDate();
    }
    return page;
}

Result<qint64> TraineeService::count(TraineeFilter filter, int cap) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    if (m_actor.role == Role::Formateur)
        filter.sectionIds = m_actor.sectionIds.isEmpty() ? QList<qint64>{-1} : m_actor.sectionIds;
    return TraineeListQuery(m_db).count(filter, cap);
}

Result<QList<int>> TraineeService::cohorts() const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    return TraineeListQuery(m_db).cohorts();
}

Result<QList<TraineeRepository::Stay>> TraineeService::stays(qint64 id) const
{
    auto trainee = get(id); // the same rights as the record
    if (!trainee)
        return std::unexpected(trainee.error());
    auto stays = TraineeRepository(m_db).stays(id);
    if (stays && !m_actor.can(permission::TraineesSensitive))
        for (TraineeRepository::Stay& s : *stays)
            s.exitReason = ExitReason::None; // sensitive, like the record's
    return stays;
}

Result<Trainee> TraineeService::get(qint64 id) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    auto t = TraineeRepository(m_db).load(id);
    if (!t)
        return t;
    if (!m_actor.coversSection(t->sectionId))
        return fail(Error::Code::AccessDenied,
                    tr("Access denied: this trainee is not in one of your sections."));
    if (!m_actor.can(permission::TraineesWrite)) {
        // Contact details are for the office and the direction.
        t->birthDate = QDate();
        t->addressLine1.clear();
        t->postcode.clear();
        t->city.clear();
        t->phone.clear();
        t->email.clear();
    }
    if (!m_actor.can(permission::TraineesSensitive)) {
        // Who referred the young person (ASE, PJJ…) and why they left are sensitive data.
        t->referralId = 0;
        t->exitReason = ExitReason::None;
    }
    return t;
}

Status TraineeService::validate(const Trainee& t, bool confirmedAge) const
{
    return validate(t, confirmedAge, m_clock.today());
}

Status TraineeService::validate(const Trainee& t, bool confirmedAge, const QDate& today) const
{
    if (t.lastName.trimmed().isEmpty() || t.firstName.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("The last name and the first name are required."));
    for (const QString& name : {t.lastName, t.firstName}) {
        if (name.size() > 200)
            return fail(
                Error::Code::InvalidInput,
                tr("A name has more than 200 characters (“%1…”): check the column.").arg(name.left(30)));
        if (std::any_of(name.cbegin(), name.cend(),
                        [](QChar c) { return c.category() == QChar::Other_Control; }))
            return fail(Error::Code::InvalidInput,
                        tr("The name “%1” contains a tab, a line break or another invisible character.")
                            .arg(name.simplified()));
    }
    if (!t.sex.isEmpty() && t.sex != QLatin1String("F") && t.sex != QLatin1String("M"))
        return fail(Error::Code::InvalidInput, tr("The sex is F or M."));
    if (t.entryDate.isValid() && t.exitDate.isValid() && t.exitDate < t.entryDate)
        return fail(Error::Code::InvalidInput, tr("The exit date is before the entry date."));
    if (t.status == TraineeStatus::Enrolled && !t.entryDate.isValid())
        return fail(Error::Code::InvalidInput, tr("An enrolled trainee needs an entry date."));
    if (t.status == TraineeStatus::Left && (!t.exitDate.isValid() || t.exitReason == ExitReason::None))
        return fail(Error::Code::InvalidInput,
                    tr("A trainee who left needs an exit date and an exit reason."));
    if (t.studyYear != 0 && t.studyYear != 1 && t.studyYear != 2)
        return fail(Error::Code::InvalidInput, tr("The year of study is 1 or 2."));
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!t.email.trimmed().isEmpty() && !email.match(t.email.trimmed()).hasMatch())
        return fail(Error::Code::InvalidInput,
                    tr("The e-mail address “%1” is not valid.").arg(t.email.trimmed()));
    const QDate reference = t.entryDate.isValid() ? t.entryDate : today;
    if (t.birthDate.isValid() && t.birthDate > today)
        return fail(Error::Code::InvalidInput, tr("The birth date %1 is in the future.")
                                                   .arg(t.birthDate.toString(QStringLiteral("dd/MM/yyyy"))));
    if (t.birthDate.isValid()) {
        if (t.birthDate >= reference)
            return fail(Error::Code::InvalidInput, tr("The birth date is after the entry date."));
        Trainee probe = t;
        probe.entryDate = reference;
        const int age = probe.ageAtEntry();
        if ((age < 14 || age > 25) && !confirmedAge)
            return fail(Error::Code::NeedsConfirmation,
                        tr("%1 %2 would be %3 years old at entry: is the birth date right?")
                            .arg(t.firstName.trimmed(), t.lastName.trimmed())
                            .arg(age));
    }
    return {};
}

Result<qint64> TraineeService::create(const Trainee& input, bool confirmedAge)
{
    Trainee t = input;
    // A refusal's day is the candidate's exit date: retention counts from it.
    if (t.status == TraineeStatus::Refused && !t.exitDate.isValid())
        t.exitDate = m_clock.today();
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesWrite));
    ETABLI_TRY(validate(t, confirmedAge));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        TraineeRepository repo(m_db);
        auto twin = repo.findIdentity(t.lastName, t.firstName, t.birthDate, 0);
        if (!twin)
            return std::unexpected(twin.error());
        if (*twin != 0)
            return fail(Error::Code::Conflict, tr("%1 %2, born on %3, already has a record (n°%4): open it "
                                                  "instead of creating a second one.")
                                                   .arg(t.firstName.trimmed(), t.lastName.trimmed(),
                                                        t.birthDate.toString(QStringLiteral("dd/MM/yyyy")))
                                                   .arg(*twin));
        auto id = repo.insert(t, m_clock.nowIso());
        if (!id)
            return id;
        if (auto r = AuditTrail(m_db, m_clock)
                         .record(m_actor, AuditEntity::Trainee, QString::number(*id), AuditAction::Create,
                                 diff(Trainee{}, t));
            !r)
            return std::unexpected(r.error());
        return id;
    });
}

Status TraineeService::update(const Trainee& input, bool confirmedAge)
{
    Trainee t = input;
    // A refusal's day is the candidate's exit date: retention counts from it.
    if (t.status == TraineeStatus::Refused && !t.exitDate.isValid())
        t.exitDate = m_clock.today();
    if (auto r = AccessControl::require(m_actor, permission::TraineesWrite); !r)
        return r;
    if (auto r = validate(t, confirmedAge); !r)
        return r;
    auto saved = inTransaction(m_db, [&]() -> Status {
        TraineeRepository repo(m_db);
        auto before = repo.load(t.id);
        if (!before)
            return std::unexpected(before.error());
        if (before->anonymised)
            return fail(Error::Code::Conflict,
                        tr("This record was anonymised: it can no longer be changed."));
        auto twin = repo.findIdentity(t.lastName, t.firstName, t.birthDate, t.id);
        if (!twin)
            return std::unexpected(twin.error());
        if (*twin != 0)
            return fail(Error::Code::Conflict,
                        tr("Another record (n°%1) has the same name and birth date.").arg(*twin));
        if (auto r = repo.update(t, m_clock.nowIso()); !r)
            return r;
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Trainee, QString::number(t.id), AuditAction::Update,
                    diff(*before, t));
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::Trainee, t.id);
}

Result<QList<TraineeRow>> TraineeService::secondYearCandidates() const
{
    TraineeFilter f;
    f.status = TraineeStatus::Enrolled;
    auto rows = readAll<TraineeRow>([&](const PageRequest& r) { return page(f, r); },
                                    std::numeric_limits<qsizetype>::max());
    if (!rows)
        return rows;
    const int thisYear = SchoolYear::containing(m_clock.today()).startYear();
    QList<TraineeRow> out;
    for (const TraineeRow& row : *rows)
        if (row.studyYear == 1 && row.cohortYear < thisYear)
            out << row;
    return out;
}

Status TraineeService::moveToSecondYear(const QList<qint64>& ids)
{
    if (auto r = AccessControl::require(m_actor, permission::TraineesWrite); !r)
        return r;
    if (ids.isEmpty())
        return fail(Error::Code::InvalidInput, tr("Tick the trainees who go on to the second year."));
    return inTransaction(m_db, [&]() -> Status {
        TraineeRepository repo(m_db);
        for (qint64 id : ids) {
            auto before = repo.load(id);
            if (!before)
                return std::unexpected(before.error());
            if (before->status != TraineeStatus::Enrolled || before->studyYear != 1 || before->anonymised)
                return fail(
                    Error::Code::Conflict,
                    tr("%1 %2 is no longer an enrolled first-year: nobody was moved, open the list again.")
                        .arg(before->firstName, before->lastName));
            Trainee after = *before;
            after.studyYear = 2;
            if (auto r = repo.update(after, m_clock.nowIso()); !r)
                return r;
            if (auto r = AuditTrail(m_db, m_clock)
                             .record(m_actor, AuditEntity::Trainee, QString::number(id), AuditAction::Update,
                                     diff(*before, after));
                !r)
                return r;
        }
        return {};
    });
}

Status TraineeService::setArchived(qint64 id, bool archived)
{
    if (auto r = AccessControl::require(m_actor, permission::TraineesWrite); !r)
        return r;
    return inTransaction(m_db, [&]() -> Status {
        if (auto r = TraineeRepository(m_db).setArchived(id, archived, m_clock.nowIso()); !r)
            return r;
        ChangeSet c;
        c.add(QStringLiteral("archived"), !archived, archived);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Trainee, QString::number(id), AuditAction::Update, c);
    });
}

Status TraineeService::remove(qint64 id)
{
    if (auto r = AccessControl::require(m_actor, permission::TraineesWrite); !r)
        return r;
    return inTransaction(m_db, [&]() -> Status {
        if (auto r = TraineeRepository(m_db).remove(id); !r)
            return r;
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Trainee, QString::number(id), AuditAction::Delete);
    });
}

Status TraineeService::requireTrainee(qint64 id, const QString& permission) const
{
    if (auto r = AccessControl::require(m_actor, permission); !r)
        return r;
    auto t = TraineeRepository(m_db).load(id);
    if (!t)
        return std::unexpected(t.error());
    if (!m_actor.coversSection(t->sectionId))
        return fail(Error::Code::AccessDenied,
                    tr("Access denied: this trainee is not in one of your sections."));
    return {};
}

Result<QList<Guardian>> TraineeService::guardians(qint64 traineeId) const
{
    ETABLI_TRY(requireTrainee(traineeId, permission::TraineesSensitive));
    ETABLI_TRY(recordRead(traineeId, QStringLiteral("guardians")));
    return TraineeDetailRepository(m_db).guardians(traineeId);
}

Result<qint64> TraineeService::addGuardian(const Guardian& g)
{
    ETABLI_TRY(requireTrainee(g.traineeId, permission::TraineesSensitive));
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesWrite));
    if (g.lastName.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("The guardian's last name is required."));
    if (!allOf<GuardianRelation>().contains(g.relation))
        return fail(Error::Code::InvalidInput, tr("Choose the guardian's relation to the young person."));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        auto id = TraineeDetailRepository(m_db).insertGuardian(g, m_clock.nowIso());
        if (!id)
            return id;
        ChangeSet c;
        c.set(QStringLiteral("guardian"), QString(), Privacy::Secret);
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::Trainee, QString::number(g.traineeId), AuditAction::Update, c));
        return id;
    });
}

Status TraineeService::updateGuardian(const Guardian& g)
{
    if (auto r = requireTrainee(g.traineeId, permission::TraineesSensitive); !r)
        return r;
    if (auto r = AccessControl::require(m_actor, permission::TraineesWrite); !r)
        return r;
    if (g.lastName.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("The guardian's last name is required."));
    if (!allOf<GuardianRelation>().contains(g.relation))
        return fail(Error::Code::InvalidInput, tr("Choose the guardian's relation to the young person."));
    auto saved = inTransaction(m_db, [&]() -> Status {
        if (auto r = TraineeDetailRepository(m_db).updateGuardian(g, m_clock.nowIso()); !r)
            return r;
        ChangeSet c;
        c.add(QStringLiteral("guardian"), QString(), QStringLiteral("x"), Privacy::Secret);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Trainee, QString::number(g.traineeId), AuditAction::Update, c);
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::Trainee, g.traineeId);
}

Status TraineeService::removeGuardian(const Guardian& g)
{
    if (auto r = requireTrainee(g.traineeId, permission::TraineesSensitive); !r)
        return r;
    if (auto r = AccessControl::require(m_actor, permission::TraineesWrite); !r)
        return r;
    return inTransaction(m_db, [&]() -> Status {
        if (auto r = TraineeDetailRepository(m_db).removeGuardian(g.id, g.traineeId); !r)
            return r;
        ChangeSet c;
        c.add(QStringLiteral("guardian"), QStringLiteral("x"), QString(), Privacy::Secret);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Trainee, QString::number(g.traineeId), AuditAction::Update, c);
    });
}

Result<QList<FollowUpNote>> TraineeService::notes(qint64 traineeId) const
{
    ETABLI_TRY(requireTrainee(traineeId, permission::TraineesSensitive));
    ETABLI_TRY(recordRead(traineeId, QStringLiteral("notes")));
    return TraineeDetailRepository(m_db).notes(traineeId);
}

Status TraineeService::recordRead(qint64 traineeId, const QString& part) const
{
    // Who read a minor's notes or guardians, and when, is on the trail.
    return inTransaction(m_db, [&]() {
        ChangeSet c;
        c.set(QStringLiteral("read"), part);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Trainee, QString::number(traineeId), AuditAction::Read, c);
    });
}

Result<qint64> TraineeService::addNote(qint64 traineeId, const QString& body)
{
    ETABLI_TRY(requireTrainee(traineeId, permission::TraineesSensitive));
    if (body.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("The note is empty."));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        FollowUpNote n;
        n.traineeId = traineeId;
        n.writtenAt = m_clock.nowIso();
        n.author = m_actor.login;
        n.body = body;
        auto id = TraineeDetailRepository(m_db).insertNote(n);
        if (!id)
            return id;
        ChangeSet c;
        c.set(QStringLiteral("note"), QString(), Privacy::Secret);
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::Trainee, QString::number(traineeId), AuditAction::Update, c));
        return id;
    });
}

Result<QList<Referral>> TraineeService::referrals() const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    return TraineeDetailRepository(m_db).referrals();
}

Result<qint64> TraineeService::addReferral(const QString& name)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesWrite));
    if (name.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("The name is required."));
    return inTransaction(m_db, [&]() { return TraineeDetailRepository(m_db).insertReferral(name); });
}

} // namespace etabli
