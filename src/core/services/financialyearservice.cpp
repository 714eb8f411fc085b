#include "services/financialyearservice.h"

#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "storage/fundingrepository.h"
#include "storage/schoolrepository.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/text.h"

#include <QLocale>

namespace etabli {

QString FinancialYearService::label(const FinancialYear& y)
{
    if (y.start.month() == 1)
        return QString::number(y.start.year());
    return QStringLiteral("%1-%2").arg(y.start.year()).arg(y.start.year() + 1);
}

Status FinancialYearService::requireOpen(Database& db, const QDate& day)
{
    auto year = FundingRepository(db).yearContaining(day);
    if (!year)
        return std::unexpected(year.error());
    if (*year && (*year)->closed)
        return fail(
            Error::Code::InvalidInput,
            tr("The financial year from %1 to %2 is closed: nothing dated in it can be added or changed.")
                .arg(text::frenchDate((*year)->start), text::frenchDate((*year)->end)));
    return {};
}

Result<int> FinancialYearService::startMonth() const
{
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    return school->fiscalYearStartMonth;
}

Result<QList<FinancialYear>> FinancialYearService::years() const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return FundingRepository(m_db).years();
}

Result<FinancialYear> FinancialYearService::year(qint64 id) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return FundingRepository(m_db).year(id);
}

Result<FinancialYear> FinancialYearService::yearStartingIn(int startYear) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    if (startYear < 2000 || startYear > 2100)
        return fail(Error::Code::InvalidInput, tr("Give a year between 2000 and 2100."));
    auto month = startMonth();
    if (!month)
        return std::unexpected(month.error());
    FundingRepository repo(m_db);
    // A year already stored that starts in that calendar year wins (the
    // settings' month may have changed since).
    auto years = repo.years();
    if (!years)
        return std::unexpected(years.error());
    for (const FinancialYear& y : *years)
        if (y.start.year() == startYear)
            return y;
    FinancialYear y;
    y.start = QDate(startYear, *month, 1);
    y.end = y.start.addYears(1).addDays(-1);
    return y;
}

Result<FinancialYear> FinancialYearService::yearHolding(const QDate& day) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    auto stored = FundingRepository(m_db).yearContaining(day);
    if (!stored)
        return std::unexpected(stored.error());
    if (*stored)
        return **stored;
    auto month = startMonth();
    if (!month)
        return std::unexpected(month.error());
    return yearStartingIn(day.month() >= *month ? day.year() : day.year() - 1);
}

Result<FinancialYear> FinancialYearService::open(int startYear)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingWrite));
    return inTransaction(m_db, [&]() -> Result<FinancialYear> {
        auto y = yearStartingIn(startYear);
        if (!y)
            return y;
        if (y->id != 0)
            return y;
        FundingRepository repo(m_db);
        auto years = repo.years();
        if (!years)
            return std::unexpected(years.error());
        for (const FinancialYear& other : *years) {
            if (other.start <= y->end && other.end >= y->start)
                return fail(Error::Code::InvalidInput,
                            tr("The financial year from %1 to %2 would overlap the one from %3 to %4.")
                                .arg(text::frenchDate(y->start), text::frenchDate(y->end),
                                     text::frenchDate(other.start), text::frenchDate(other.end)));
        }
        // The targets of the latest year before it carry over.
        for (const FinancialYear& other : *years) {
            if (other.start < y->start) {
                y->targetProductionBp = other.targetProductionBp;
                y->targetGiftsBp = other.targetGiftsBp;
                y->targetSubsidiesBp = other.targetSubsidiesBp;
                break;
            }
        }
        auto id = repo.insertYear(*y, m_clock.nowIso());
        if (!id)
            return std::unexpected(id.error());
        ChangeSet c;
        c.set(QStringLiteral("start_date"), y->start.toString(Qt::ISODate))
            .set(QStringLiteral("end_date"), y->end.toString(Qt::ISODate));
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::FinancialYear, QString::number(*id), AuditAction::Create, c));
        return repo.year(*id);
    });
}

Result<FinancialYear> FinancialYearService::openCurrent()
{
    auto current = yearHolding(m_clock.today());
    if (!current)
        return current;
    if (current->id != 0)
        return current;
    return open(current->start.year());
}

Status FinancialYearService::setTargets(const FinancialYear& input)
{
    if (auto r = AccessControl::require(m_actor, permission::FundingWrite); !r)
        return r;
    for (int bp : {input.targetProductionBp, input.targetGiftsBp, input.targetSubsidiesBp})
        if (bp < 0 || bp > 10000)
            return fail(Error::Code::InvalidInput, tr("A target is a share between 0 and 100 %."));
    if (input.targetProductionBp + input.targetGiftsBp + input.targetSubsidiesBp > 10000)
        return fail(Error::Code::InvalidInput, tr("The targets add up to more than 100 %."));
    auto saved = inTransaction(m_db, [&]() -> Status {
        FundingRepository repo(m_db);
        auto stored = repo.year(input.id);
        if (!stored)
            return std::unexpected(stored.error());
        if (stored->closed)
            return fail(Error::Code::InvalidInput,
                        tr("This financial year is closed: its targets stay as they were."));
        FinancialYear y = *stored;
        y.targetProductionBp = input.targetProductionBp;
        y.targetGiftsBp = input.targetGiftsBp;
        y.targetSubsidiesBp = input.targetSubsidiesBp;
        y.version = input.version;
        if (auto r = repo.setTargets(y, m_clock.nowIso()); !r)
            return r;
        ChangeSet c;
        c.add(QStringLiteral("target_production_bp"), stored->targetProductionBp, y.targetProductionBp)
            .add(QStringLiteral("target_gifts_bp"), stored->targetGiftsBp, y.targetGiftsBp)
            .add(QStringLiteral("target_subsidies_bp"), stored->targetSubsidiesBp, y.targetSubsidiesBp);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::FinancialYear, QString::number(y.id), AuditAction::Update, c);
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::FinancialYear, input.id);
}

Status FinancialYearService::close(qint64 id, int version)
{
    if (auto r = AccessControl::require(m_actor, permission::FundingWrite); !r)
        return r;
    auto saved = inTransaction(m_db, [&]() -> Status {
        FundingRepository repo(m_db);
        auto y = repo.year(id);
        if (!y)
            return std::unexpected(y.error());
        if (y->closed)
            return fail(Error::Code::InvalidInput, tr("This financial year is already closed."));
        if (m_clock.today() <= y->end)
            return fail(Error::Code::InvalidInput,
                        tr("The financial year ends on %1: it can be closed only after that day.")
                            .arg(text::frenchDate(y->end)));
        if (auto r = repo.setClosed(id, true, version, m_clock.nowIso()); !r)
            return r;
        ChangeSet c;
        c.add(QStringLiteral("closed"), 0, 1);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::FinancialYear, QString::number(id), AuditAction::Update, c);
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::FinancialYear, id);
}

Status FinancialYearService::reopen(qint64 id, const QString& reason, int version)
{
    if (auto r = AccessControl::require(m_actor, permission::FundingWrite); !r)
        return r;
    if (m_actor.role != Role::Direction)
        return fail(Error::Code::AccessDenied, tr("Only the direction may reopen a closed financial year."));
    if (reason.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput,
                    tr("Say why the financial year is reopened: the log of changes keeps it."));
    auto saved = inTransaction(m_db, [&]() -> Status {
        FundingRepository repo(m_db);
        auto y = repo.year(id);
        if (!y)
            return std::unexpected(y.error());
        if (!y->closed)
            return fail(Error::Code::InvalidInput, tr("This financial year is not closed."));
        if (auto r = repo.setClosed(id, false, version, m_clock.nowIso()); !r)
            return r;
        ChangeSet c;
        c.add(QStringLiteral("closed"), 1, 0).set(QStringLiteral("reason"), reason.trimmed());
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::FinancialYear, QString::number(id), AuditAction::Update, c);
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::FinancialYear, id);
}

} // namespace etabli
