#include "storage/traineedetailrepository.h"

#include "storage/database.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "util/text.h"

namespace etabli {

namespace {
void bindGuardian(SqlQuery& q, const Guardian& g)
{
    q.bind(QStringLiteral("last_name"), g.lastName.trimmed())
        .bind(QStringLiteral("first_name"), g.firstName.trimmed())
        .bind(QStringLiteral("relation"), codeOf(g.relation))
        .bind(QStringLiteral("phone"), g.phone.trimmed())
        .bind(QStringLiteral("email"), g.email.trimmed())
        .bind(QStringLiteral("address"), g.address.trimmed());
}
} // namespace

Result<QList<Guardian>> TraineeDetailRepository::guardians(qint64 traineeId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT id, trainee_id, last_name, first_name, relation, phone, email, "
                                 "address, version FROM guardian WHERE trainee_id = :id ORDER BY id")));
    q.bind(QStringLiteral("id"), traineeId);
    ETABLI_TRY(q.exec());
    QList<Guardian> out;
    while (q.next()) {
        Guardian g;
        sql::RowReader col(q);
        g.id = col.int64();
        g.traineeId = col.int64();
        g.lastName = col.text();
        g.firstName = col.text();
        g.relation = col.code(GuardianRelation::Other);
        g.phone = col.text();
        g.email = col.text();
        g.address = col.text();
        g.version = col.integer();
        out << g;
    }
    return out;
}

Result<qint64> TraineeDetailRepository::insertGuardian(const Guardian& g, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("INSERT INTO guardian (trainee_id, last_name, first_name, "
                                        "relation, phone, email, address, version, "
                                        "created_at, updated_at) VALUES (:trainee_id, :last_name, "
                                        ":first_name, :relation, :phone, :email, "
                                        ":address, 1, :now, :now) RETURNING id")));
    bindGuardian(q, g);
    q.bind(QStringLiteral("trainee_id"), g.traineeId).bind(QStringLiteral("now"), nowIso);
    return q.execReturningId();
}

Status TraineeDetailRepository::updateGuardian(const Guardian& g, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "UPDATE guardian SET last_name = :last_name, first_name = :first_name, relation = :relation, "
            "phone = :phone, email = :email, address = :address, version = version + 1, updated_at = :now "
            "WHERE id = :id AND trainee_id = :trainee_id AND version = :version"));
        !r)
        return r;
    bindGuardian(q, g);
    q.bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), g.id)
        .bind(QStringLiteral("trainee_id"), g.traineeId)
        .bind(QStringLiteral("version"), g.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This guardian was changed meanwhile on another computer."));
    return {};
}

Status TraineeDetailRepository::removeGuardian(qint64 guardianId, qint64 traineeId)
{
    SqlQuery q(m_db);
    if (auto r =
            q.prepare(QStringLiteral("DELETE FROM guardian WHERE id = :id AND trainee_id = :trainee_id"));
        !r)
        return r;
    q.bind(QStringLiteral("id"), guardianId).bind(QStringLiteral("trainee_id"), traineeId);
    return q.exec();
}

Result<QList<FollowUpNote>> TraineeDetailRepository::notes(qint64 traineeId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT id, trainee_id, written_at, author_login, body FROM follow_up_note "
                                 "WHERE trainee_id = :id ORDER BY written_at DESC, id DESC")));
    q.bind(QStringLiteral("id"), traineeId);
    ETABLI_TRY(q.exec());
    QList<FollowUpNote> out;
    while (q.next())
        out << FollowUpNote{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                            q.value(3).toString(), q.value(4).toString()};
    return out;
}

Result<qint64> TraineeDetailRepository::insertNote(const FollowUpNote& n)
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("INSERT INTO follow_up_note (trainee_id, written_at, author_login, body) "
                                 "VALUES (:trainee_id, :at, :author, :body) RETURNING id")));
    q.bind(QStringLiteral("trainee_id"), n.traineeId)
        .bind(QStringLiteral("at"), n.writtenAt)
        .bind(QStringLiteral("author"), n.author)
        .bind(QStringLiteral("body"), n.body.trimmed());
    return q.execReturningId();
}

Result<QList<Referral>> TraineeDetailRepository::referrals() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(QStringLiteral("SELECT id, name, active FROM referral ORDER BY position, name_key")));
    QList<Referral> out;
    while (q.next())
        out << Referral{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toInt() != 0};
    return out;
}

Result<qint64> TraineeDetailRepository::insertReferral(const QString& name)
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("INSERT INTO referral (name, name_key, position) VALUES (:name, :key, "
                                 "(SELECT COALESCE(MAX(position), 0) + 1 FROM referral)) RETURNING id")));
    q.bind(QStringLiteral("name"), name.trimmed()).bind(QStringLiteral("key"), text::fold(name));
    auto id = q.execReturningId();
    if (!id && id.error().code == Error::Code::Conflict)
        return fail(Error::Code::Conflict, tr("“%1” is already in the list.").arg(name.trimmed()));
    return id;
}

} // namespace etabli
