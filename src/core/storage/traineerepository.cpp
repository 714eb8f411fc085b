#include "storage/traineerepository.h"

#include "storage/batchinsert.h"
#include "storage/database.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"
#include "util/text.h"

#include <algorithm>
#include <QSqlRecord>

namespace etabli {

namespace {

// The columns a record's values fill, in the order of traineeValues().
const QStringList& traineeColumns()
{
    static const QStringList columns{
        QStringLiteral("last_name"),  QStringLiteral("first_name"),  QStringLiteral("sort_key"),
        QStringLiteral("birth_date"), QStringLiteral("sex"),         QStringLiteral("address_line1"),
        QStringLiteral("postcode"),   QStringLiteral("city"),        QStringLiteral("phone"),
        QStringLiteral("email"),      QStringLiteral("section_id"),  QStringLiteral("cohort_year"),
        QStringLiteral("study_year"), QStringLiteral("status"),      QStringLiteral("entry_date"),
        QStringLiteral("exit_date"),  QStringLiteral("referral_id"), QStringLiteral("exit_reason")};
    return columns;
}

QVariantList traineeValues(const Trainee& t)
{
    const QVariant noText(QMetaType::fromType<QString>());
    return {t.lastName.trimmed(),
            t.firstName.trimmed(),
            text::personSortKey(t.lastName, t.firstName),
            sql::isoOrNull(t.birthDate),
            t.sex.isEmpty() ? noText : QVariant(t.sex),
            t.addressLine1.trimmed(),
            t.postcode.trimmed(),
            t.city.trimmed(),
            t.phone.trimmed(),
            t.email.trimmed(),
            sql::idOrNull(t.sectionId),
            sql::idOrNull(t.cohortYear),
            sql::idOrNull(t.studyYear),
            codeOf(t.status),
            sql::isoOrNull(t.entryDate),
            sql::isoOrNull(t.exitDate),
            sql::idOrNull(t.referralId),
            t.exitReason == ExitReason::None ? noText : QVariant(codeOf(t.exitReason))};
}

void bindTrainee(SqlQuery& q, const Trainee& t)
{
    const QVariantList values = traineeValues(t);
    const QStringList& columns = traineeColumns();
    for (qsizetype i = 0; i < columns.size(); ++i)
        q.bind(columns.at(i), values.at(i));
}

const QStringList& stayColumns()
{
    static const QStringList columns{QStringLiteral("trainee_id"), QStringLiteral("section_id"),
                                     QStringLiteral("kind"),       QStringLiteral("start_date"),
                                     QStringLiteral("end_date"),   QStringLiteral("exit_reason")};
    return columns;
}

QVariantList stayValues(const TraineeRepository::Stay& s, qint64 traineeId)
{
    return {traineeId,
            sql::idOrNull(s.sectionId),
            codeOf(s.kind),
            sql::iso(s.start),
            sql::isoOrNull(s.end),
            s.exitReason == ExitReason::None ? QVariant(QMetaType::fromType<QString>())
                                             : QVariant(codeOf(s.exitReason))};
}

} // namespace

Result<qint64> TraineeRepository::insert(const Trainee& t, const QString& nowIso)
{
    SqlQuery& q = m_statements.prepare(QStringLiteral(
        "INSERT INTO trainee (last_name, first_name, sort_key, birth_date, sex, address_line1, postcode, "
        "city, "
        "phone, email, section_id, cohort_year, study_year, status, entry_date, exit_date, referral_id, "
        "exit_reason, version, created_at, updated_at) VALUES (:last_name, :first_name, :sort_key, "
        ":birth_date, "
        ":sex, :address_line1, :postcode, :city, :phone, :email, :section_id, :cohort_year, :study_year, "
        ":status, :entry_date, :exit_date, :referral_id, :exit_reason, 1, :now, :now) RETURNING id"));
    bindTrainee(q, t);
    q.bind(QStringLiteral("now"), nowIso);
    auto id = q.execReturningId();
    if (!id)
        return id;
    Trainee written = t;
    written.id = *id;
    ETABLI_TRY(syncStays(written, nullptr, QDate::fromString(nowIso.left(10), Qt::ISODate)));
    return id;
}

Result<QList<qint64>> TraineeRepository::insertAll(const QList<Trainee>& trainees, const QString& nowIso,
                                                   Failed* failed)
{
    QList<qint64> ids;
    ids.reserve(trainees.size());
    if (m_db.dialect() == Database::Dialect::SQLite) {
        for (qsizetype i = 0; i < trainees.size(); ++i) {
            auto id = insert(trainees.at(i), nowIso);
            if (!id) {
                if (failed)
                    *failed = Failed{i, i};
                return std::unexpected(id.error());
            }
            ids << *id;
        }
        return ids;
    }
    if (trainees.isEmpty())
        return ids;
    {
        SqlQuery q(m_db);
        ETABLI_TRY(q.prepare(QStringLiteral("SELECT nextval(pg_get_serial_sequence('trainee', 'id')) "
                                            "FROM generate_series(1, :count)")));
        q.bind(QStringLiteral("count"), static_cast<qint64>(trainees.size()));
        ETABLI_TRY(q.exec());
        while (q.next())
            ids << q.value(0).toLongLong();
        std::sort(ids.begin(), ids.end());
    }
    QStringList columns{QStringLiteral("id")};
    columns << traineeColumns() << QStringLiteral("version") << QStringLiteral("created_at")
            << QStringLiteral("updated_at");
    BatchInsert people(m_db, QStringLiteral("trainee"), columns);
    BatchInsert stays(m_db, QStringLiteral("trainee_stay"), stayColumns());
    const auto failedAt = [&](qsizetype i, const Error& error) -> Result<QList<qint64>> {
        if (failed) {
            const qsizetype first = i - i % people.rowsPerStatement();
            *failed = Failed{first, std::min(first + people.rowsPerStatement(), trainees.size()) - 1};
        }
        return std::unexpected(error);
    };
    // A stay refers to its person: it goes once the person's row is written.
    QList<QVariantList> waiting;
    const auto addWaiting = [&]() -> Status {
        for (QVariantList& stay : waiting)
            ETABLI_TRY(stays.add(std::move(stay)));
        waiting.clear();
        return {};
    };
    for (qsizetype i = 0; i < trainees.size(); ++i) {
        const Trainee& t = trainees.at(i);
        QVariantList values{ids.at(i)};
        values << traineeValues(t) << 1 << nowIso << nowIso;
        if (auto r = people.add(std::move(values)); !r)
            return failedAt(i, r.error());
        if (const auto stay = firstStay(t))
            waiting << stayValues(*stay, ids.at(i));
        if (people.pending() > 0)
            continue;
        if (auto r = addWaiting(); !r)
            return failedAt(i, r.error());
    }
    const qsizetype last = trainees.size() - 1;
    if (auto r = people.flush(); !r)
        return failedAt(last, r.error());
    if (auto r = addWaiting(); !r)
        return failedAt(last, r.error());
    if (auto r = stays.flush(); !r)
        return failedAt(last, r.error());
    return ids;
}

Status TraineeRepository::update(const Trainee& t, const QString& nowIso)
{
    auto before = load(t.id);
    if (!before)
        return std::unexpected(before.error());
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "UPDATE trainee SET last_name = :last_name, first_name = :first_name, sort_key = :sort_key, "
            "birth_date = :birth_date, sex = :sex, address_line1 = :address_line1, postcode = :postcode, "
            "city = :city, phone = :phone, email = :email, section_id = :section_id, cohort_year = "
            ":cohort_year, "
            "study_year = :study_year, status = :status, entry_date = :entry_date, exit_date = :exit_date, "
            "referral_id = :referral_id, exit_reason = :exit_reason, version = version + 1, updated_at = "
            ":now "
            "WHERE id = :id AND version = :version"));
        !r)
        return r;
    bindTrainee(q, t);
    q.bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), t.id)
        .bind(QStringLiteral("version"), t.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This record was changed meanwhile on another computer. Close it and open it again."));
    return syncStays(t, &*before, QDate::fromString(nowIso.left(10), Qt::ISODate));
}

Result<QList<TraineeRepository::Stay>> TraineeRepository::stays(qint64 traineeId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT id, section_id, kind, start_date, end_date, exit_reason FROM "
                                        "trainee_stay WHERE trainee_id = :id ORDER BY start_date, id")));
    q.bind(QStringLiteral("id"), traineeId);
    ETABLI_TRY(q.exec());
    QList<Stay> out;
    while (q.next())
        out << Stay{q.value(0).toLongLong(),
                    q.value(1).toLongLong(),
                    fromCode(q.value(2).toString(), StayKind::Entry),
                    sql::fromIso(q.value(3)),
                    sql::fromIso(q.value(4)),
                    fromCode(q.value(5).toString(), ExitReason::None)};
    return out;
}

Status TraineeRepository::writeStay(const Stay& s, qint64 traineeId)
{
    const QString sql =
        s.id == 0
            ? QStringLiteral("INSERT INTO trainee_stay (trainee_id, section_id, kind, start_date, end_date, "
                             "exit_reason) VALUES (:trainee_id, :section_id, :kind, :start_date, :end_date, "
                             ":exit_reason)")
            : QStringLiteral("UPDATE trainee_stay SET section_id = :section_id, kind = :kind, start_date = "
                             ":start_date, end_date = :end_date, exit_reason = :exit_reason WHERE id = :id "
                             "AND trainee_id = :trainee_id");
    SqlQuery& q = m_statements.prepare(sql);
    const QVariantList values = stayValues(s, traineeId);
    const QStringList& columns = stayColumns();
    for (qsizetype i = 0; i < columns.size(); ++i)
        q.bind(columns.at(i), values.at(i));
    if (s.id != 0)
        q.bind(QStringLiteral("id"), s.id);
    return q.exec();
}

std::optional<TraineeRepository::Stay> TraineeRepository::firstStay(const Trainee& t)
{
    const bool counts = (t.status == TraineeStatus::Enrolled || t.status == TraineeStatus::Left) &&
                        t.entryDate.isValid() && (!t.exitDate.isValid() || t.exitDate >= t.entryDate);
    if (!counts)
        return std::nullopt;
    const bool left = t.status == TraineeStatus::Left;
    return Stay{0,
                t.sectionId,
                StayKind::Entry,
                t.entryDate,
                left ? t.exitDate : QDate(),
                left ? t.exitReason : ExitReason::None};
}

Status TraineeRepository::syncStays(const Trainee& t, const Trainee* before, const QDate& today)
{
    const std::optional<Stay> first = firstStay(t);
    auto existing = before ? stays(t.id) : Result<QList<Stay>>(QList<Stay>{});
    if (!existing)
        return std::unexpected(existing.error());
    if (!first) {
        // Back to candidate (a correction): the stays recorded go with it.
        if (existing->isEmpty())
            return {};
        SqlQuery del(m_db);
        if (auto r = del.prepare(QStringLiteral("DELETE FROM trainee_stay WHERE trainee_id = :id")); !r)
            return r;
        del.bind(QStringLiteral("id"), t.id);
        return del.exec();
    }
    const bool left = t.status == TraineeStatus::Left;
    const QDate exit = left ? t.exitDate : QDate();
    const ExitReason reason = left ? t.exitReason : ExitReason::None;
    if (existing->isEmpty())
        return writeStay(*first, t.id);

    Stay current = existing->last();
    if (before && before->status == TraineeStatus::Left && t.status == TraineeStatus::Enrolled &&
        current.end.isValid()) {
        // Came back: a new stay from the return (the new entry day when it was
        // moved past the last exit, else today).
        QDate start = t.entryDate > current.end ? t.entryDate : today;
        if (start <= current.end)
            start = current.end.addDays(1);
        return writeStay(Stay{0, t.sectionId, StayKind::Return, start, QDate(), ExitReason::None}, t.id);
    }
    if (before && before->status == TraineeStatus::Enrolled && t.status == TraineeStatus::Enrolled &&
        t.sectionId != current.sectionId && today > current.start && !current.end.isValid()) {
        // Changed section: the stay so far ends yesterday, a transfer starts today.
        current.end = today.addDays(-1);
        current.exitReason = ExitReason::None;
        if (auto r = writeStay(current, t.id); !r)
            return r;
        return writeStay(Stay{0, t.sectionId, StayKind::Transfer, today, QDate(), ExitReason::None}, t.id);
    }
    // Any other change corrects the current stay: its section, its end, and
    // (while it is the only one) its start.
    if (existing->size() == 1)
        current.start = t.entryDate;
    current.sectionId = t.sectionId;
    current.end = exit.isValid() ? std::max(exit, current.start) : QDate();
    current.exitReason = current.end.isValid() ? reason : ExitReason::None;
    return writeStay(current, t.id);
}

Result<Trainee> TraineeRepository::load(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT id, last_name, first_name, birth_date, sex, address_line1, postcode, city, phone, email, "
        "section_id, cohort_year, study_year, status, entry_date, exit_date, referral_id, exit_reason, "
        "archived_at, anonymised_at, version FROM trainee WHERE id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("No trainee has the number %1.").arg(id));
    Trainee t;
    sql::RowReader col(q);
    t.id = col.int64();
    t.lastName = col.text();
    t.firstName = col.text();
    t.birthDate = col.date();
    t.sex = col.text();
    t.addressLine1 = col.text();
    t.postcode = col.text();
    t.city = col.text();
    t.phone = col.text();
    t.email = col.text();
    t.sectionId = col.int64();
    t.cohortYear = col.integer();
    t.studyYear = col.integer();
    t.status = col.code(TraineeStatus::Candidate);
    t.entryDate = col.date();
    t.exitDate = col.date();
    t.referralId = col.int64();
    t.exitReason = col.code(ExitReason::None);
    t.archived = !col.text().isEmpty();
    t.anonymised = !col.text().isEmpty();
    t.version = col.integer();
    return t;
}

Result<qint64> TraineeRepository::findIdentity(const QString& lastName, const QString& firstName,
                                               const QDate& birthDate, qint64 exceptId) const
{
    if (!birthDate.isValid())
        return 0;
    SqlQuery& q = m_statements.prepare(
        QStringLiteral("SELECT id FROM trainee WHERE sort_key = :sort_key AND birth_date = :birth "
                       "AND anonymised_at IS NULL AND id <> :except"));
    q.bind(QStringLiteral("sort_key"), text::personSortKey(lastName, firstName))
        .bind(QStringLiteral("birth"), birthDate.toString(Qt::ISODate))
        .bind(QStringLiteral("except"), exceptId);
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return v->toLongLong();
}

QString TraineeRepository::identityKey(const QString& lastName, const QString& firstName,
                                       const QDate& birthDate)
{
    return text::personSortKey(lastName, firstName) + QLatin1Char('|') + sql::iso(birthDate);
}

Result<QHash<QString, qint64>> TraineeRepository::identities() const
{
    SqlQuery q(m_db);
    q.setForwardOnly(true);
    ETABLI_TRY(
        q.exec(QStringLiteral("SELECT id, sort_key, birth_date FROM trainee WHERE anonymised_at IS NULL "
                              "AND birth_date IS NOT NULL")));
    QHash<QString, qint64> out;
    while (q.next())
        out.insert(q.value(1).toString() + QLatin1Char('|') + q.value(2).toString(), q.value(0).toLongLong());
    return out;
}

Status TraineeRepository::setArchived(qint64 id, bool archived, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r =
            q.prepare(QStringLiteral("UPDATE trainee SET archived_at = :archived, version = version + 1, "
                                     "updated_at = :now WHERE id = :id"));
        !r)
        return r;
    q.bind(QStringLiteral("archived"), archived ? QVariant(nowIso) : QVariant(QMetaType(QMetaType::QString)))
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), id);
    return q.exec();
}

Status TraineeRepository::remove(qint64 id)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(
            QStringLiteral("DELETE FROM trainee WHERE id = :id AND status IN ('candidate', 'refused')"));
        !r)
        return r;
    q.bind(QStringLiteral("id"), id);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(
            Error::Code::Conflict,
            tr("Only a candidate who was never enrolled can be deleted: archive the record instead."));
    return {};
}

Result<qint64> TraineeRepository::count() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT count(*) FROM trainee")));
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return v->toLongLong();
}

} // namespace etabli

namespace etabli {

namespace {

TraineeRepository::Hit readHit(const SqlQuery& q)
{
    TraineeRepository::Hit h;
    sql::RowReader col(q);
    h.id = col.int64();
    h.lastName = col.text();
    h.firstName = col.text();
    h.birthDate = col.date();
    h.section = col.text();
    h.exitDate = col.date();
    h.anonymised = !col.text().isEmpty();
    h.refused = col.text() == QLatin1String("refused");
    return h;
}

const QString kHitSelect = QStringLiteral("SELECT t.id, t.last_name, t.first_name, t.birth_date, "
                                          "COALESCE(s.name, ''), t.exit_date, t.anonymised_at, t.status "
                                          "FROM trainee t LEFT JOIN section s ON s.id = t.section_id ");

} // namespace

Result<QVariantMap> TraineeRepository::row(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT * FROM trainee WHERE id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("No trainee has the number %1.").arg(id));
    QVariantMap map;
    const QSqlRecord record = q.raw().record();
    for (int i = 0; i < record.count(); ++i)
        map.insert(record.fieldName(i), q.value(i));
    return map;
}

Result<QList<TraineeRepository::Hit>> TraineeRepository::search(const QString& textIn, int limit) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(kHitSelect + QStringLiteral("WHERE t.sort_key LIKE :pattern ORDER BY t.sort_key, t.id "
                                              "LIMIT :limit")));
    QString pattern = text::fold(textIn);
    pattern.replace(QLatin1Char('%'), QString()).replace(QLatin1Char('_'), QString());
    q.bind(QStringLiteral("pattern"), QLatin1Char('%') + pattern + QLatin1Char('%'))
        .bind(QStringLiteral("limit"), limit);
    ETABLI_TRY(q.exec());
    QList<Hit> out;
    while (q.next())
        out << readHit(q);
    return out;
}

Result<QList<TraineeRepository::Hit>> TraineeRepository::retentionDue(const QDate& leftBefore,
                                                                      const QDate& refusedBefore) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(kHitSelect + QStringLiteral("WHERE t.anonymised_at IS NULL AND ((t.status <> 'refused' "
                                              "AND t.exit_date < :left) OR (t.status = 'refused' AND "
                                              "t.exit_date < :refused)) ORDER BY t.exit_date, t.id")));
    q.bind(QStringLiteral("left"), leftBefore.toString(Qt::ISODate))
        .bind(QStringLiteral("refused"), refusedBefore.toString(Qt::ISODate));
    ETABLI_TRY(q.exec());
    QList<Hit> out;
    while (q.next())
        out << readHit(q);
    return out;
}

Status TraineeRepository::anonymise(qint64 id, const QString& nowIso)
{
    // Guardians and follow-up notes identify the young person: they go. What
    // the statistics count stays, without the names and free texts: the
    // internships' dates and host, the outcomes' situation, attendance codes.
    for (const char* statement :
         {"DELETE FROM guardian WHERE trainee_id = :id", "DELETE FROM follow_up_note WHERE trainee_id = :id",
          "UPDATE internship SET tutor = '', schedule = '', assessment = '' WHERE trainee_id = :id",
          "UPDATE outcome SET employer = '' WHERE trainee_id = :id",
          "UPDATE attendance SET comment = '' WHERE trainee_id = :id AND comment <> ''",
          // The levels stay (what was learnt, counted); the trainers' words about them go.
          "UPDATE competence_evaluation SET comment = '' WHERE trainee_id = :id AND comment <> ''"}) {
        SqlQuery q(m_db);
        if (auto r = q.prepare(QLatin1String(statement)); !r)
            return r;
        q.bind(QStringLiteral("id"), id);
        if (auto r = q.exec(); !r)
            return r;
    }
    const QString last = QStringLiteral("Anonyme");
    const QString first = QStringLiteral("n°%1").arg(id);
    SqlQuery q(m_db);
    // The birth date keeps only its year (ages at entry stay right within a year).
    if (auto r = q.prepare(
            QStringLiteral("UPDATE trainee SET last_name = :last, first_name = :first, sort_key = :sort_key, "
                           "birth_date = CASE WHEN birth_date IS NULL THEN NULL ELSE substr(birth_date, 1, "
                           "4) || '-07-01' END, "
                           "address_line1 = '', postcode = CASE WHEN length(postcode) >= 2 THEN "
                           "substr(postcode, 1, 2) ELSE '' END, "
                           "city = '', phone = '', email = '', referral_id = NULL, anonymised_at = :now, "
                           "version = version + 1, "
                           "updated_at = :now "
                           "WHERE id = :id AND anonymised_at IS NULL"));
        !r)
        return r;
    q.bind(QStringLiteral("last"), last)
        .bind(QStringLiteral("first"), first)
        .bind(QStringLiteral("sort_key"), text::personSortKey(last, first))
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), id);
    return q.exec();
}

} // namespace etabli
