#include "services/subsidyservice.h"

#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "services/financialyearservice.h"
#include "storage/contactrepository.h"
#include "storage/fundingrepository.h"
#include "storage/transaction.h"
#include "util/clock.h"

#include <algorithm>

namespace etabli {

namespace {

// What changes the money of the year: refused once the year is closed.
bool moneyChanged(const Subsidy& a, const Subsidy& b)
{
    if (a.requested != b.requested || a.decision != b.decision || a.granted != b.granted ||
        a.financialYearId != b.financialYearId || a.instalments.size() != b.instalments.size())
        return true;
    for (qsizetype i = 0; i < a.instalments.size(); ++i) {
        const SubsidyInstalment& x = a.instalments[i];
        const SubsidyInstalment& y = b.instalments[i];
        if (x.expected != y.expected || x.received != y.received || x.receivedOn != y.receivedOn)
            return true;
    }
    return false;
}

} // namespace

Result<QList<Subsidy>> SubsidyService::list(const SubsidyFilter& filter) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return SubsidyRepository(m_db).list(filter);
}

Result<Subsidy> SubsidyService::get(qint64 id) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return SubsidyRepository(m_db).get(id);
}

Status SubsidyService::validate(Subsidy& s) const
{
    const QDate today = m_clock.today();
    if (s.funderId == 0)
        return fail(Error::Code::InvalidInput, tr("Choose the funder."));
    if (s.programme.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("Say what the subsidy is for (programme or purpose)."));
    if (s.financialYearId == 0)
        return fail(Error::Code::InvalidInput, tr("Choose the financial year the subsidy covers."));
    if (s.requested.isNegative() || s.requested.isZero())
        return fail(Error::Code::InvalidInput, tr("The amount requested is greater than zero."));
    if (!s.requestedOn.isValid() || s.requestedOn > today)
        return fail(Error::Code::InvalidInput, tr("Give the day of the request (not in the future)."));
    if (s.decision == SubsidyDecision::Pending) {
        if (!s.instalments.isEmpty())
            return fail(Error::Code::InvalidInput, tr("Instalments come once the subsidy is granted."));
        if (s.accountedOn.isValid())
            return fail(Error::Code::InvalidInput, tr("A final account is sent for a granted subsidy."));
        s.granted = Money();
        s.decidedOn = QDate();
    } else {
        if (!s.decidedOn.isValid() || s.decidedOn > today || s.decidedOn < s.requestedOn)
            return fail(Error::Code::InvalidInput,
                        tr("Give the day of the decision (after the request, not in the future)."));
        if (s.decision == SubsidyDecision::Refused) {
            if (!s.instalments.isEmpty() || s.accountedOn.isValid())
                return fail(Error::Code::InvalidInput,
                            tr("A refused subsidy has no instalment and no final account."));
            s.granted = Money();
        } else if (s.granted.isNegative() || s.granted.isZero()) {
            return fail(Error::Code::InvalidInput, tr("Give the amount granted."));
        }
    }
    Money expected;
    Money received;
    for (const SubsidyInstalment& i : s.instalments) {
        if (i.expected.isNegative() || i.expected.isZero())
            return fail(Error::Code::InvalidInput,
                        tr("Each instalment expects an amount greater than zero."));
        expected += i.expected;
        if (i.isReceived()) {
            if (i.receivedOn > today)
                return fail(Error::Code::InvalidInput, tr("An instalment cannot be received in the future."));
            if (i.received.isNegative() || i.received.isZero())
                return fail(Error::Code::InvalidInput,
                            tr("Give the amount received for each instalment received."));
            received += i.received;
        }
    }
    if (expected > s.granted)
        return fail(Error::Code::InvalidInput,
                    tr("The instalments (%1) add up to more than the amount granted (%2).")
                        .arg(expected.format(), s.granted.format()));
    if (received > s.granted)
        return fail(Error::Code::InvalidInput,
                    tr("The money received (%1) is more than the amount granted (%2).")
                        .arg(received.format(), s.granted.format()));
    if (s.accountedOn.isValid() && s.accountedOn > today)
        return fail(Error::Code::InvalidInput, tr("The final account cannot be sent in the future."));
    return validateAction(s);
}

// The funded action as the final account (Cerfa 15059) reports it.
Status SubsidyService::validateAction(Subsidy& s) const
{
    if (s.actionStart.isValid() && s.actionEnd.isValid() && s.actionEnd < s.actionStart)
        return fail(Error::Code::InvalidInput, tr("The action ends before it starts: check its dates."));
    if (s.beneficiaries < 0)
        return fail(Error::Code::InvalidInput, tr("The number of beneficiaries cannot be negative."));
    if (s.signedOn.isValid() && s.signedOn > m_clock.today())
        return fail(Error::Code::InvalidInput, tr("The account cannot be signed in the future."));
    bool indirect = false;
    for (ActionBudgetLine& l : s.budget) {
        l.label = l.label.trimmed();
        if (l.label.isEmpty())
            return fail(Error::Code::InvalidInput, tr("Each line of the action's budget has a label."));
        if (l.forecast.isNegative() || l.actual.isNegative())
            return fail(Error::Code::InvalidInput,
                        tr("“%1”: the amounts of the action's budget are zero or more.").arg(l.label));
        if (l.part == ActionBudgetPart::IndirectCost && !(l.forecast.isZero() && l.actual.isZero()))
            indirect = true;
    }
    if (indirect && s.indirectRule.trimmed().isEmpty())
        return fail(
            Error::Code::InvalidInput,
            tr("Indirect costs are allocated to the action: say by which rule (share of the hours, of "
               "the trainees, of the floor area…), as the account asks."));
    return {};
}

Result<qint64> SubsidyService::save(const Subsidy& input)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingWrite));
    Subsidy s = input;
    ETABLI_TRY(validate(s));
    auto saved = inTransaction(m_db, [&]() -> Result<qint64> {
        SubsidyRepository repo(m_db);
        FundingRepository years(m_db);
        auto year = years.year(s.financialYearId);
        if (!year)
            return std::unexpected(year.error());
        if (!s.reportDue.isValid())
            s.reportDue = year->end.addMonths(6);
        ETABLI_TRY(ContactRepository(m_db).get(s.funderId));
        Subsidy before;
        if (s.id != 0) {
            auto stored = repo.get(s.id);
            if (!stored)
                return std::unexpected(stored.error());
            before = *stored;
            if (moneyChanged(before, s)) {
                auto previousYear = years.year(before.financialYearId);
                if (!previousYear)
                    return std::unexpected(previousYear.error());
                if (previousYear->closed || year->closed)
                    return fail(
                        Error::Code::InvalidInput,
                        tr("The financial year of this subsidy is closed: its amounts stay as they were."));
            }
        } else if (year->closed) {
            return fail(Error::Code::InvalidInput,
                        tr("This financial year is closed: no subsidy can be added to it."));
        }
        for (const SubsidyInstalment& i : s.instalments) {
            bool known = false;
            for (const SubsidyInstalment& old : before.instalments)
                known = known || (old.receivedOn == i.receivedOn && old.received == i.received);
            if (i.isReceived() && !known)
                ETABLI_TRY(FinancialYearService::requireOpen(m_db, i.receivedOn));
        }
        qint64 id = s.id;
        if (id == 0) {
            auto inserted = repo.insert(s, m_clock.nowIso());
            if (!inserted)
                return inserted;
            id = *inserted;
        } else if (auto r = repo.update(s, m_clock.nowIso()); !r) {
            return std::unexpected(r.error());
        }
        ChangeSet c;
        c.add(QStringLiteral("funder_id"), before.funderId, s.funderId)
            .add(QStringLiteral("programme"), before.programme, s.programme.trimmed())
            .add(QStringLiteral("requested_cents"), before.requested.cents(), s.requested.cents())
            .add(QStringLiteral("decision"), codeOf(before.decision), codeOf(s.decision))
            .add(QStringLiteral("granted_cents"), before.granted.cents(), s.granted.cents())
            .add(QStringLiteral("received_cents"), before.receivedTotal().cents(), s.receivedTotal().cents())
            .add(QStringLiteral("accounted_on"), before.accountedOn.toString(Qt::ISODate),
                 s.accountedOn.toString(Qt::ISODate));
        ETABLI_TRY(AuditTrail(m_db, m_clock)
                       .record(m_actor, AuditEntity::Subsidy, QString::number(id),
                               s.id == 0 ? AuditAction::Create : AuditAction::Update, c));
        return id;
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::Subsidy, input.id);
}

Result<QList<SubsidyDeadline>> SubsidyService::deadlines(const QDate& until) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    SubsidyFilter open;
    open.openOnly = true;
    auto subsidies = SubsidyRepository(m_db).list(open);
    if (!subsidies)
        return std::unexpected(subsidies.error());
    const QDate today = m_clock.today();
    QList<SubsidyDeadline> out;
    auto add = [&](const QDate& day, const QString& what, qint64 id) {
        if (day.isValid() && day <= until)
            out << SubsidyDeadline{day, what, id, day < today};
    };
    for (const Subsidy& s : *subsidies) {
        const QString name = QStringLiteral("%1 — %2").arg(s.funderName, s.programme);
        if (s.decision == SubsidyDecision::Pending) {
            // A decision is usually known within four months.
            add(s.requestedOn.addMonths(4), tr("Decision awaited: %1").arg(name), s.id);
            continue;
        }
        for (const SubsidyInstalment& i : s.instalments)
            if (!i.isReceived())
                add(i.expectedOn, tr("Instalment of %1 expected: %2").arg(i.expected.format(), name), s.id);
        add(s.reportDue, tr("Final account to send: %1").arg(name), s.id);
    }
    std::sort(out.begin(), out.end(),
              [](const SubsidyDeadline& a, const SubsidyDeadline& b) { return a.day < b.day; });
    return out;
}

} // namespace etabli
