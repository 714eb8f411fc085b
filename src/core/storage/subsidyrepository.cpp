#include "storage/subsidyrepository.h"

#include "storage/database.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"
#include "storage/sqlwhere.h"

#include <QHash>

namespace etabli {

namespace {

using sql::isoOrNull;

using sql::fromIso;

const QString columns = QStringLiteral(
    "SELECT s.id, s.funder_id, c.name, s.programme, s.financial_year_id, y.start_date, y.end_date, "
    "s.school_year, "
    "s.requested_cents, s.requested_on, s.decision, s.granted_cents, s.decided_on, s.agreement_ref, "
    "s.agreement_on, "
    "s.conditions, s.report_due, s.accounted_on, s.version, s.action_description, s.deviation_explanation, "
    "s.asked_indicators, s.action_start, s.action_end, s.action_place, s.beneficiaries, s.indirect_rule, "
    "s.signed_place, s.signed_on FROM subsidy s JOIN contact c ON c.id = s.funder_id JOIN "
    "financial_year y ON y.id = s.financial_year_id");

Subsidy readSubsidy(const SqlQuery& q)
{
    Subsidy s;
    sql::RowReader col(q);
    s.id = col.int64();
    s.funderId = col.int64();
    s.funderName = col.text();
    s.programme = col.text();
    s.financialYearId = col.int64();
    s.yearStart = col.date();
    s.yearEnd = col.date();
    s.schoolYear = col.text();
    s.requested = col.money();
    s.requestedOn = col.date();
    // The schema's CHECK admits only the codes this version knows.
    s.decision = col.code(SubsidyDecision::Pending);
    s.granted = Money::fromCents(col.int64());
    s.decidedOn = col.date();
    s.agreementRef = col.text();
    s.agreementOn = col.date();
    s.conditions = col.text();
    s.reportDue = col.date();
    s.accountedOn = col.date();
    s.version = col.integer();
    s.actionDescription = col.text();
    s.deviationExplanation = col.text();
    s.askedIndicators = col.text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    s.actionStart = col.date();
    s.actionEnd = col.date();
    s.actionPlace = col.text();
    s.beneficiaries = col.integer();
    s.indirectRule = col.text();
    s.signedPlace = col.text();
    s.signedOn = col.date();
    return s;
}

QVariant grantedOrNull(const Subsidy& s)
{
    return s.decision == SubsidyDecision::Granted ? QVariant(s.granted.cents())
                                                  : QVariant(QMetaType::fromType<qint64>());
}

void bindFields(SqlQuery& q, const Subsidy& s, const QString& nowIso)
{
    q.bind(QStringLiteral("funder"), s.funderId)
        .bind(QStringLiteral("programme"), s.programme.trimmed())
        .bind(QStringLiteral("year"), s.financialYearId)
        .bind(QStringLiteral("school_year"), s.schoolYear.trimmed())
        .bind(QStringLiteral("requested"), s.requested.cents())
        .bind(QStringLiteral("requested_on"), s.requestedOn.toString(Qt::ISODate))
        .bind(QStringLiteral("decision"), codeOf(s.decision))
        .bind(QStringLiteral("granted"), grantedOrNull(s))
        .bind(QStringLiteral("decided_on"), isoOrNull(s.decidedOn))
        .bind(QStringLiteral("agreement_ref"), s.agreementRef.trimmed())
        .bind(QStringLiteral("agreement_on"), isoOrNull(s.agreementOn))
        .bind(QStringLiteral("conditions"), s.conditions.trimmed())
        .bind(QStringLiteral("report_due"), s.reportDue.toString(Qt::ISODate))
        .bind(QStringLiteral("accounted_on"), isoOrNull(s.accountedOn))
        .bind(QStringLiteral("action"), s.actionDescription.trimmed())
        .bind(QStringLiteral("deviation"), s.deviationExplanation.trimmed())
        .bind(QStringLiteral("indicators"), s.askedIndicators.join(QLatin1Char(',')))
        .bind(QStringLiteral("action_start"), isoOrNull(s.actionStart))
        .bind(QStringLiteral("action_end"), isoOrNull(s.actionEnd))
        .bind(QStringLiteral("action_place"), s.actionPlace.trimmed())
        .bind(QStringLiteral("beneficiaries"), s.beneficiaries)
        .bind(QStringLiteral("indirect_rule"), s.indirectRule.trimmed())
        .bind(QStringLiteral("signed_place"), s.signedPlace.trimmed())
        .bind(QStringLiteral("signed_on"), isoOrNull(s.signedOn))
        .bind(QStringLiteral("now"), nowIso);
}

} // namespace

Result<qint64> SubsidyRepository::insert(const Subsidy& s, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "INSERT INTO subsidy (funder_id, programme, financial_year_id, school_year, requested_cents, "
        "requested_on, "
        "decision, granted_cents, decided_on, agreement_ref, agreement_on, conditions, report_due, "
        "accounted_on, "
        "action_description, deviation_explanation, asked_indicators, action_start, action_end, "
        "action_place, "
        "beneficiaries, indirect_rule, signed_place, signed_on, version, created_at, updated_at) VALUES "
        "(:funder, "
        ":programme, :year, :school_year, :requested, :requested_on, :decision, :granted, :decided_on, "
        ":agreement_ref, :agreement_on, :conditions, :report_due, :accounted_on, :action, :deviation, "
        ":indicators, "
        ":action_start, :action_end, :action_place, :beneficiaries, :indirect_rule, :signed_place, "
        ":signed_on, 1, "
        ":now, :now) RETURNING id")));
    bindFields(q, s, nowIso);
    auto id = q.execReturningId();
    if (!id)
        return id;
    ETABLI_TRY(writeInstalments(*id, s.instalments));
    ETABLI_TRY(writeBudget(*id, s.budget));
    return id;
}

Status SubsidyRepository::update(const Subsidy& s, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "UPDATE subsidy SET funder_id = :funder, programme = :programme, financial_year_id = :year, "
            "school_year = "
            ":school_year, requested_cents = :requested, requested_on = :requested_on, decision = :decision, "
            "granted_cents = :granted, decided_on = :decided_on, agreement_ref = :agreement_ref, "
            "agreement_on = "
            ":agreement_on, conditions = :conditions, report_due = :report_due, accounted_on = "
            ":accounted_on, "
            "action_description = :action, deviation_explanation = :deviation, asked_indicators = "
            ":indicators, "
            "action_start = :action_start, action_end = :action_end, action_place = :action_place, "
            "beneficiaries = "
            ":beneficiaries, indirect_rule = :indirect_rule, signed_place = :signed_place, signed_on = "
            ":signed_on, "
            "version = version + 1, updated_at = :now WHERE id = :id AND version = :version"));
        !r)
        return r;
    bindFields(q, s, nowIso);
    q.bind(QStringLiteral("id"), s.id).bind(QStringLiteral("version"), s.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This subsidy was changed meanwhile on another computer."));
    for (const char* table : {"subsidy_instalment", "subsidy_budget_line"}) {
        SqlQuery del(m_db);
        if (auto r = del.prepare(
                QStringLiteral("DELETE FROM %1 WHERE subsidy_id = :id").arg(QLatin1String(table)));
            !r)
            return r;
        del.bind(QStringLiteral("id"), s.id);
        if (auto r = del.exec(); !r)
            return r;
    }
    if (auto r = writeInstalments(s.id, s.instalments); !r)
        return r;
    return writeBudget(s.id, s.budget);
}

Status SubsidyRepository::writeBudget(qint64 subsidyId, const QList<ActionBudgetLine>& lines)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "INSERT INTO subsidy_budget_line (subsidy_id, position, part, account, label, forecast_cents, "
            "actual_cents) VALUES (:subsidy, :position, :part, :account, :label, :forecast, :actual)"));
        !r)
        return r;
    int position = 0;
    for (const ActionBudgetLine& l : lines) {
        q.bind(QStringLiteral("subsidy"), subsidyId)
            .bind(QStringLiteral("position"), ++position)
            .bind(QStringLiteral("part"), codeOf(l.part))
            .bind(QStringLiteral("account"), l.account.trimmed())
            .bind(QStringLiteral("label"), l.label.trimmed())
            .bind(QStringLiteral("forecast"), l.forecast.cents())
            .bind(QStringLiteral("actual"), l.actual.cents());
        if (auto r = q.exec(); !r)
            return r;
    }
    return {};
}

Status SubsidyRepository::readBudget(Subsidy& subsidy) const
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("SELECT part, account, label, forecast_cents, actual_cents FROM "
                                          "subsidy_budget_line WHERE subsidy_id = :id ORDER BY position"));
        !r)
        return r;
    q.bind(QStringLiteral("id"), subsidy.id);
    if (auto r = q.exec(); !r)
        return r;
    subsidy.budget.clear();
    while (q.next())
        subsidy.budget << ActionBudgetLine{fromCode(q.value(0).toString(), ActionBudgetPart::Expense),
                                           q.value(1).toString(), q.value(2).toString(),
                                           Money::fromCents(q.value(3).toLongLong()),
                                           Money::fromCents(q.value(4).toLongLong())};
    return {};
}

Status SubsidyRepository::writeInstalments(qint64 subsidyId, const QList<SubsidyInstalment>& instalments)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "INSERT INTO subsidy_instalment (subsidy_id, position, expected_on, expected_cents, received_on, "
            "received_cents) VALUES (:subsidy, :position, :expected_on, :expected, :received_on, "
            ":received)"));
        !r)
        return r;
    int position = 0;
    for (const SubsidyInstalment& i : instalments) {
        q.bind(QStringLiteral("subsidy"), subsidyId)
            .bind(QStringLiteral("position"), ++position)
            .bind(QStringLiteral("expected_on"), isoOrNull(i.expectedOn))
            .bind(QStringLiteral("expected"), i.expected.cents())
            .bind(QStringLiteral("received_on"), isoOrNull(i.receivedOn))
            .bind(QStringLiteral("received"),
                  i.isReceived() ? QVariant(i.received.cents()) : QVariant(QMetaType::fromType<qint64>()));
        if (auto r = q.exec(); !r)
            return r;
    }
    return {};
}

Status SubsidyRepository::readInstalments(QList<Subsidy>& subsidies) const
{
    if (subsidies.isEmpty())
        return {};
    QHash<qint64, qsizetype> index;
    QList<qint64> ids;
    for (qsizetype i = 0; i < subsidies.size(); ++i) {
        index.insert(subsidies[i].id, i);
        ids << subsidies[i].id;
    }
    SqlQuery q(m_db);
    if (auto r = q.prepare(
            QStringLiteral("SELECT id, subsidy_id, expected_on, expected_cents, received_on, "
                           "received_cents FROM subsidy_instalment WHERE subsidy_id IN (%1) ORDER BY "
                           "subsidy_id, position")
                .arg(SqlQuery::listPlaceholders(QStringLiteral("s"), ids.size())));
        !r)
        return r;
    q.bindList(QStringLiteral("s"), ids);
    if (auto r = q.exec(); !r)
        return r;
    while (q.next()) {
        SubsidyInstalment i;
        sql::RowReader col(q);
        i.id = col.int64();
        col.skip();
        i.expectedOn = col.date();
        i.expected = col.money();
        i.receivedOn = col.date();
        i.received = Money::fromCents(col.int64());
        subsidies[index.value(q.value(1).toLongLong())].instalments << i;
    }
    return {};
}

Result<Subsidy> SubsidyRepository::get(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(columns + QStringLiteral(" WHERE s.id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This subsidy does not exist."));
    QList<Subsidy> one{readSubsidy(q)};
    q.finish();
    ETABLI_TRY(readInstalments(one));
    // The action's budget is read with one subsidy (the account), not with lists.
    ETABLI_TRY(readBudget(one.first()));
    return one.first();
}

Result<QList<Subsidy>> SubsidyRepository::list(const SubsidyFilter& f) const
{
    sql::Where w;
    if (f.financialYearId != 0)
        w.add(QStringLiteral("s.financial_year_id = :year"), {{QStringLiteral("year"), f.financialYearId}});
    if (f.funderId != 0)
        w.add(QStringLiteral("s.funder_id = :funder"), {{QStringLiteral("funder"), f.funderId}});
    if (f.openOnly)
        w.add(QStringLiteral("s.decision <> :refused AND s.accounted_on IS NULL"),
              {{QStringLiteral("refused"), codeOf(SubsidyDecision::Refused)}});
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(columns + w.sql() + QStringLiteral(" ORDER BY s.requested_on DESC, s.id DESC")));
    w.apply(q);
    ETABLI_TRY(q.exec());
    QList<Subsidy> out;
    while (q.next())
        out << readSubsidy(q);
    ETABLI_TRY(readInstalments(out));
    return out;
}

} // namespace etabli
