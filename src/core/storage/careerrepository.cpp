#include "storage/careerrepository.h"

#include "storage/database.h"
#include "storage/sqlquery.h"
#include "util/text.h"

namespace etabli {

namespace {

// What an internship's INSERT and UPDATE both write.
void bindInternship(SqlQuery& q, const Internship& i, const QString& nowIso)
{
    q.bind(QStringLiteral("organisation"), i.organisationId)
        .bind(QStringLiteral("tutor"), i.tutor.trimmed())
        .bind(QStringLiteral("start"), i.start.toString(Qt::ISODate))
        .bind(QStringLiteral("end"), i.end.toString(Qt::ISODate))
        .bind(QStringLiteral("schedule"), i.schedule.trimmed())
        .bind(QStringLiteral("assessment"), i.assessment.trimmed())
        .bind(QStringLiteral("grade"), i.grade.trimmed())
        .bind(QStringLiteral("now"), nowIso);
}

QVariant dateOrNull(const QDate& d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

QDate dateOf(const QVariant& v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

} // namespace

Result<QList<Organisation>> CareerRepository::searchOrganisations(const QString& textIn, int limit) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("SELECT id, name, kind, siret, address_line1, postcode, city, phone, email "
                       "FROM contact WHERE name_key LIKE :pattern AND person = 0 ORDER BY name_key, id "
                       "LIMIT :limit")));
    QString pattern = text::fold(textIn);
    pattern.remove(QLatin1Char('%')).remove(QLatin1Char('_'));
    q.bind(QStringLiteral("pattern"), QLatin1Char('%') + pattern + QLatin1Char('%'))
        .bind(QStringLiteral("limit"), limit);
    ETABLI_TRY(q.exec());
    QList<Organisation> out;
    while (q.next())
        out << Organisation{q.value(0).toLongLong(),
                            q.value(1).toString(),
                            fromCode(q.value(2).toString(), CustomerKind::Other),
                            q.value(3).toString(),
                            q.value(4).toString(),
                            q.value(5).toString(),
                            q.value(6).toString(),
                            q.value(7).toString(),
                            q.value(8).toString()};
    return out;
}

Result<qint64> CareerRepository::insertOrganisation(const Organisation& o, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "INSERT INTO contact (name, name_key, kind, siret, address_line1, postcode, city, city_key, "
        "phone, "
        "email, is_host, version, created_at, updated_at) VALUES (:name, :key, :kind, :siret, :address, "
        ":postcode, :city, :city_key, :phone, :email, 1, 1, :now, :now) RETURNING id")));
    q.bind(QStringLiteral("name"), o.name.trimmed())
        .bind(QStringLiteral("key"), text::fold(o.name))
        .bind(QStringLiteral("kind"), codeOf(o.kind == CustomerKind::Person ? CustomerKind::Other : o.kind))
        .bind(QStringLiteral("siret"), o.siret)
        .bind(QStringLiteral("address"), o.addressLine1.trimmed())
        .bind(QStringLiteral("postcode"), o.postcode.trimmed())
        .bind(QStringLiteral("city"), o.city.trimmed())
        .bind(QStringLiteral("city_key"), text::fold(o.city.trimmed()))
        .bind(QStringLiteral("phone"), o.phone.trimmed())
        .bind(QStringLiteral("email"), o.email.trimmed())
        .bind(QStringLiteral("now"), nowIso);
    return q.execReturningId();
}

Result<QList<Internship>> CareerRepository::internships(qint64 traineeId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT i.id, i.trainee_id, i.organisation_id, o.name, i.tutor, i.start_date, i.end_date, "
        "i.schedule, "
        "i.assessment, i.grade, i.version FROM internship i JOIN contact o ON o.id = i.organisation_id "
        "WHERE i.trainee_id = :id ORDER BY i.start_date, i.id")));
    q.bind(QStringLiteral("id"), traineeId);
    ETABLI_TRY(q.exec());
    QList<Internship> out;
    while (q.next())
        out << Internship{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                          q.value(3).toString(),   q.value(4).toString(),   dateOf(q.value(5)),
                          dateOf(q.value(6)),      q.value(7).toString(),   q.value(8).toString(),
                          q.value(9).toString(),   q.value(10).toInt()};
    return out;
}

Result<qint64> CareerRepository::insertInternship(const Internship& i, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "INSERT INTO internship (trainee_id, organisation_id, tutor, start_date, end_date, schedule, "
        "assessment, "
        "grade, version, created_at, updated_at) VALUES (:trainee, :organisation, :tutor, :start, :end, "
        ":schedule, :assessment, :grade, 1, :now, :now) RETURNING id")));
    bindInternship(q, i, nowIso);
    q.bind(QStringLiteral("trainee"), i.traineeId);
    return q.execReturningId();
}

Status CareerRepository::updateInternship(const Internship& i, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "UPDATE internship SET organisation_id = :organisation, tutor = :tutor, start_date = :start, "
            "end_date = :end, schedule = :schedule, assessment = :assessment, grade = :grade, "
            "version = version + 1, updated_at = :now WHERE id = :id AND trainee_id = :trainee "
            "AND version = :version"));
        !r)
        return r;
    bindInternship(q, i, nowIso);
    q.bind(QStringLiteral("id"), i.id)
        .bind(QStringLiteral("trainee"), i.traineeId)
        .bind(QStringLiteral("version"), i.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This internship was changed meanwhile on another computer: open the record again."));
    return {};
}

Status CareerRepository::removeInternship(qint64 id, qint64 traineeId)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("DELETE FROM internship WHERE id = :id AND trainee_id = :trainee"));
        !r)
        return r;
    q.bind(QStringLiteral("id"), id).bind(QStringLiteral("trainee"), traineeId);
    return q.exec();
}

Result<QList<Certification>> CareerRepository::certifications() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(QStringLiteral("SELECT id, code, title, active FROM certification ORDER BY id")));
    QList<Certification> out;
    while (q.next())
        out << Certification{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toInt() != 0};
    return out;
}

Result<qint64> CareerRepository::insertCertification(const Certification& c)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "INSERT INTO certification (code, title, active) VALUES (:code, :title, 1) RETURNING id")));
    q.bind(QStringLiteral("code"), c.code.trimmed()).bind(QStringLiteral("title"), c.title.trimmed());
    auto id = q.execReturningId();
    if (!id && id.error().code == Error::Code::Conflict)
        return fail(Error::Code::Conflict,
                    tr("The certification “%1” is already in the catalogue.").arg(c.code));
    return id;
}

Result<QList<TraineeCertification>> CareerRepository::traineeCertifications(qint64 traineeId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("SELECT tc.id, tc.trainee_id, tc.certification_id, c.code, tc.session_year, "
                       "tc.result, tc.result_date "
                       "FROM trainee_certification tc JOIN certification c ON c.id = tc.certification_id "
                       "WHERE tc.trainee_id = :id ORDER BY tc.session_year, c.code")));
    q.bind(QStringLiteral("id"), traineeId);
    ETABLI_TRY(q.exec());
    QList<TraineeCertification> out;
    while (q.next())
        out << TraineeCertification{
            q.value(0).toLongLong(), q.value(1).toLongLong(),
            q.value(2).toLongLong(), q.value(3).toString(),
            q.value(4).toInt(),      fromCode(q.value(5).toString(), CertificationResult::Registered),
            dateOf(q.value(6))};
    return out;
}

Result<qint64> CareerRepository::upsertTraineeCertification(const TraineeCertification& c)
{
    SqlQuery& q = m_statements.prepare(QStringLiteral(
        "INSERT INTO trainee_certification (trainee_id, certification_id, session_year, result, result_date) "
        "VALUES (:trainee, :certification, :session, :result, :date) ON CONFLICT (trainee_id, "
        "certification_id, session_year) DO UPDATE SET result = excluded.result, result_date = "
        "excluded.result_date RETURNING id"));
    q.bind(QStringLiteral("trainee"), c.traineeId)
        .bind(QStringLiteral("certification"), c.certificationId)
        .bind(QStringLiteral("session"), c.sessionYear)
        .bind(QStringLiteral("result"), codeOf(c.result))
        .bind(QStringLiteral("date"), dateOrNull(c.resultDate));
    return q.execReturningId();
}

Status CareerRepository::removeTraineeCertification(qint64 id, qint64 traineeId)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(
            QStringLiteral("DELETE FROM trainee_certification WHERE id = :id AND trainee_id = :trainee"));
        !r)
        return r;
    q.bind(QStringLiteral("id"), id).bind(QStringLiteral("trainee"), traineeId);
    return q.exec();
}

Result<QList<Outcome>> CareerRepository::outcomes(qint64 traineeId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT id, trainee_id, milestone, situation, employer, contact_date FROM "
                                 "outcome WHERE trainee_id = :id ORDER BY id")));
    q.bind(QStringLiteral("id"), traineeId);
    ETABLI_TRY(q.exec());
    QList<Outcome> out;
    while (q.next())
        out << Outcome{q.value(0).toLongLong(),
                       q.value(1).toLongLong(),
                       fromCode(q.value(2).toString(), OutcomeMilestone::Exit),
                       fromCode(q.value(3).toString(), OutcomeSituation::Unknown),
                       q.value(4).toString(),
                       dateOf(q.value(5))};
    return out;
}

Status CareerRepository::upsertOutcome(const Outcome& o)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "INSERT INTO outcome (trainee_id, milestone, situation, employer, contact_date) VALUES "
            "(:trainee, "
            ":milestone, :situation, :employer, :date) ON CONFLICT (trainee_id, milestone) DO UPDATE SET "
            "situation = excluded.situation, employer = excluded.employer, contact_date = "
            "excluded.contact_date"));
        !r)
        return r;
    q.bind(QStringLiteral("trainee"), o.traineeId)
        .bind(QStringLiteral("milestone"), codeOf(o.milestone))
        .bind(QStringLiteral("situation"), codeOf(o.situation))
        .bind(QStringLiteral("employer"), o.employer.trimmed())
        .bind(QStringLiteral("date"), dateOrNull(o.contactDate));
    return q.exec();
}

Result<QList<FollowUpDue>> CareerRepository::dueFollowUps(const QDate& today,
                                                          const QList<qint64>& sectionIds) const
{
    QList<FollowUpDue> out;
    for (const auto& [milestone, months] :
         {std::pair{OutcomeMilestone::SixMonths, 6}, std::pair{OutcomeMilestone::TwelveMonths, 12}}) {
        const QString sections =
            sectionIds.isEmpty()
                ? QString()
                : QStringLiteral(" AND t.section_id IN (%1)")
                      .arg(SqlQuery::listPlaceholders(QStringLiteral("s"), sectionIds.size()));
        SqlQuery q(m_db);
        // Due from the date, and for two more months; those older than that
        // are listed too until someone records "unknown".
        ETABLI_TRY(q.prepare(
            QStringLiteral(
                "SELECT t.id, t.last_name, t.first_name, COALESCE(s.name, ''), t.exit_date FROM trainee "
                "t "
                "LEFT JOIN section s ON s.id = t.section_id WHERE t.status = 'left' AND t.anonymised_at "
                "IS NULL "
                "AND t.exit_date IS NOT NULL AND t.exit_date <= :limit AND t.exit_date >= :oldest%1 "
                "AND NOT EXISTS (SELECT 1 FROM outcome o WHERE o.trainee_id = t.id AND o.milestone = "
                ":milestone) "
                "ORDER BY t.exit_date, t.sort_key")
                .arg(sections)));
        q.bind(QStringLiteral("limit"), today.addMonths(-months).toString(Qt::ISODate))
            .bind(QStringLiteral("oldest"), today.addMonths(-months - 6).toString(Qt::ISODate))
            .bind(QStringLiteral("milestone"), codeOf(milestone));
        q.bindList(QStringLiteral("s"), sectionIds);
        ETABLI_TRY(q.exec());
        while (q.next()) {
            const QDate exit = dateOf(q.value(4));
            out << FollowUpDue{q.value(0).toLongLong(),
                               QStringLiteral("%1 %2").arg(q.value(1).toString(), q.value(2).toString()),
                               q.value(3).toString(),
                               exit,
                               milestone,
                               exit.addMonths(months)};
        }
    }
    std::sort(out.begin(), out.end(),
              [](const FollowUpDue& a, const FollowUpDue& b) { return a.dueDate < b.dueDate; });
    return out;
}

} // namespace etabli
