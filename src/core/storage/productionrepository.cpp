#include "storage/productionrepository.h"

#include "storage/database.h"
#include "storage/pagedquery.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"
#include "storage/textsearch.h"
#include "util/text.h"

namespace etabli {

namespace {

using sql::fromIso;
using sql::iso;

QString personName(const QVariant& last, const QVariant& first)
{
    const QString f = first.toString();
    return f.isEmpty() ? last.toString() : last.toString() + QLatin1Char(' ') + f;
}

// The conditions of a filter over production_entry (alias e), with their
// binds; `allowed`: the sections a trainer may see (empty: all).
Result<sql::Where> productionWhere(const Database& db, const ProductionFilter& f,
                                   const QList<qint64>& allowed, bool traineeOnEntry = true)
{
    sql::Where w;
    if (f.sectionId != 0)
        w.add(QStringLiteral("e.section_id = :section"), {{QStringLiteral("section"), f.sectionId}});
    if (!allowed.isEmpty()) {
        QList<std::pair<QString, QVariant>> binds;
        for (qsizetype i = 0; i < allowed.size(); ++i)
            binds.append({QStringLiteral("s%1").arg(i), allowed.at(i)});
        w.add(QStringLiteral("e.section_id IN (%1)")
                  .arg(SqlQuery::listPlaceholders(QStringLiteral("s"), allowed.size())),
              binds);
    }
    if (f.from.isValid())
        w.add(QStringLiteral("e.day >= :from"), {{QStringLiteral("from"), iso(f.from)}});
    if (f.to.isValid())
        w.add(QStringLiteral("e.day <= :to"), {{QStringLiteral("to"), iso(f.to)}});
    if (f.kind)
        w.add(QStringLiteral("e.kind = :kind"), {{QStringLiteral("kind"), codeOf(*f.kind)}});
    // The reference, through the search table (schema 26).
    ETABLI_TRY(sql::TextSearch(db, QStringLiteral("production_search"), f.reference)
                   .addTo(w, QStringLiteral("e.id")));
    if (f.traineeId != 0 && traineeOnEntry) {
        // IN (…) rather than EXISTS: the trainee's index drives the query.
        w.add(QStringLiteral("e.id IN (SELECT ft.entry_id FROM production_trainee ft WHERE ft.trainee_id = "
                             ":trainee)"),
              {{QStringLiteral("trainee"), f.traineeId}});
    }
    return w;
}

// The log's list: newest first, a page at a time through (day, id) or
// (section, day, id) (schema 25).
Result<sql::PagedQuery> logQuery(const Database& db, const ProductionFilter& f, const QList<qint64>& sections)
{
    auto where = productionWhere(db, f, sections);
    if (!where)
        return std::unexpected(where.error());
    sql::PagedQuery query(
        QStringLiteral(
            "e.id, e.day, e.section_id, s.name, e.kind, e.reference, st.last_name, st.first_name, "
            "e.author_login, (SELECT COUNT(*) FROM production_trainee c WHERE c.entry_id = e.id), "
            "(SELECT COALESCE(SUM(c.minutes), 0) FROM production_trainee c WHERE c.entry_id = e.id), "
            "(SELECT COALESCE(SUM(c.minutes), 0) FROM production_trainee c WHERE c.entry_id = e.id "
            "AND c.trainee_id = :me)"),
        QStringLiteral(
            "production_entry e JOIN section s ON s.id = e.section_id LEFT JOIN staff st ON st.id = "
            "e.trainer_staff_id"),
        *where, QStringLiteral("e.day"), QStringLiteral("e.id"));
    query.bindInSelect(QStringLiteral("me"), f.traineeId);
    // Every entry has its workshop, at most one trainer: the conditions read
    // the entries alone (the pager's count, PostgreSQL's page).
    query.countFrom(QStringLiteral("production_entry e"));
    return query;
}

ProductionSummary summaryFrom(const SqlQuery& q)
{
    ProductionSummary s;
    sql::RowReader col(q);
    s.id = col.int64();
    s.day = col.date();
    s.sectionId = col.int64();
    s.sectionName = col.text();
    s.kind = col.code(ProductionKind::Order);
    s.reference = col.text();
    const QVariant trainerLast = col.value();
    const QVariant trainerFirst = col.value();
    // The trainer by first name then last name ("Paul Martin").
    s.trainerName = trainerLast.isNull() ? QString() : personName(trainerFirst, trainerLast);
    s.authorLogin = col.text();
    s.traineeCount = col.integer();
    s.minutes = col.int64();
    s.ownMinutes = col.int64();
    return s;
}

} // namespace

Result<QSet<std::pair<qint64, QDate>>> ProductionRepository::traineeDaysBefore(const QDate& day) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT DISTINCT pt.trainee_id, e.day FROM production_trainee pt JOIN "
                                 "production_entry e ON e.id = pt.entry_id WHERE e.day < :day")));
    q.bind(QStringLiteral("day"), day.toString(Qt::ISODate));
    ETABLI_TRY(q.exec());
    QSet<std::pair<qint64, QDate>> days;
    while (q.next())
        days.insert({q.value(0).toLongLong(), QDate::fromString(q.value(1).toString(), Qt::ISODate)});
    return days;
}

ProductionRepository::Writer::Writer(Database& db) : m_db(db) {}

ProductionRepository::Writer::~Writer() = default;

Status ProductionRepository::Writer::prepare()
{
    m_entry = std::make_unique<SqlQuery>(m_db);
    m_trainee = std::make_unique<SqlQuery>(m_db);
    m_output = std::make_unique<SqlQuery>(m_db);
    m_material = std::make_unique<SqlQuery>(m_db);
    m_skill = std::make_unique<SqlQuery>(m_db);
    if (auto r = m_entry->prepare(QStringLiteral("INSERT INTO production_entry (day, section_id, "
                                                 "trainer_staff_id, author_login, kind, order_id, reference, "
                                                 "notes, version, created_at, updated_at) VALUES (:day, "
                                                 ":section, :trainer, :author, :kind, :order, "
                                                 ":reference, :notes, 1, :now, :now) RETURNING id"));
        !r)
        return r;
    if (auto r = m_trainee->prepare(QStringLiteral("INSERT INTO production_trainee (entry_id, trainee_id, "
                                                   "minutes) VALUES (:entry, :trainee, :minutes)"));
        !r)
        return r;
    if (auto r = m_output->prepare(QStringLiteral(
            "INSERT INTO production_output (entry_id, catalogue_item_id, label, quantity_thousandths, unit) "
            "VALUES (:entry, :item, :label, :quantity, :unit)"));
        !r)
        return r;
    if (auto r = m_material->prepare(
            QStringLiteral("INSERT INTO production_material (entry_id, label, "
                           "quantity_thousandths, unit_cost_cents) VALUES (:entry, :label, "
                           ":quantity, :cost)"));
        !r)
        return r;
    return m_skill->prepare(
        QStringLiteral("INSERT INTO production_skill (entry_id, skill_id) VALUES (:entry, :skill)"));
}

Result<qint64> ProductionRepository::Writer::insert(const ProductionEntry& e, const QString& createdIso)
{
    if (!m_entry) {
        ETABLI_TRY(prepare());
    }
    SqlQuery& q = *m_entry;
    q.bind(QStringLiteral("day"), iso(e.day))
        .bind(QStringLiteral("section"), e.sectionId)
        .bind(QStringLiteral("trainer"),
              e.trainerStaffId == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(e.trainerStaffId))
        .bind(QStringLiteral("author"), e.authorLogin)
        .bind(QStringLiteral("kind"), codeOf(e.kind))
        .bind(QStringLiteral("order"),
              e.orderId == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(e.orderId))
        .bind(QStringLiteral("reference"), e.reference.trimmed())
        .bind(QStringLiteral("notes"), e.notes.trimmed())
        .bind(QStringLiteral("now"), createdIso);
    auto id = q.execReturningId();
    if (!id)
        return id;
    ETABLI_TRY(writeLines(e, *id));
    return id;
}

Status ProductionRepository::Writer::writeLines(const ProductionEntry& e, qint64 id)
{
    if (!m_entry) {
        if (auto r = prepare(); !r)
            return r;
    }
    for (const ProductionTrainee& p : e.trainees) {
        m_trainee->bind(QStringLiteral("entry"), id)
            .bind(QStringLiteral("trainee"), p.traineeId)
            .bind(QStringLiteral("minutes"), p.minutes);
        if (auto r = m_trainee->exec(); !r)
            return r;
    }
    for (const ProductionOutput& p : e.outputs) {
        m_output->bind(QStringLiteral("entry"), id)
            .bind(QStringLiteral("item"), p.catalogueItemId == 0 ? QVariant(QMetaType::fromType<qint64>())
                                                                 : QVariant(p.catalogueItemId))
            .bind(QStringLiteral("label"), p.catalogueItemId == 0 ? p.label.trimmed() : QString())
            .bind(QStringLiteral("quantity"), p.quantityThousandths)
            .bind(QStringLiteral("unit"), codeOf(p.unit));
        if (auto r = m_output->exec(); !r)
            return r;
    }
    for (const ProductionMaterial& p : e.materials) {
        m_material->bind(QStringLiteral("entry"), id)
            .bind(QStringLiteral("label"), p.label.trimmed())
            .bind(QStringLiteral("quantity"), p.quantityThousandths)
            .bind(QStringLiteral("cost"), p.unitCost.cents());
        if (auto r = m_material->exec(); !r)
            return r;
    }
    for (qint64 skill : e.skillIds) {
        m_skill->bind(QStringLiteral("entry"), id).bind(QStringLiteral("skill"), skill);
        if (auto r = m_skill->exec(); !r)
            return r;
    }
    return {};
}

Result<qint64> ProductionRepository::insert(const ProductionEntry& e, const QString& nowIso)
{
    return Writer(m_db).insert(e, nowIso);
}

Status ProductionRepository::replace(const ProductionEntry& e, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("UPDATE production_entry SET day = :day, section_id = :section, "
                                          "trainer_staff_id = :trainer, kind = :kind, "
                                          "order_id = :order, reference = :reference, notes = :notes, "
                                          "version = version + 1, updated_at = :now "
                                          "WHERE id = :id AND version = :version"));
        !r)
        return r;
    q.bind(QStringLiteral("day"), iso(e.day))
        .bind(QStringLiteral("section"), e.sectionId)
        .bind(QStringLiteral("trainer"),
              e.trainerStaffId == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(e.trainerStaffId))
        .bind(QStringLiteral("kind"), codeOf(e.kind))
        .bind(QStringLiteral("order"),
              e.orderId == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(e.orderId))
        .bind(QStringLiteral("reference"), e.reference.trimmed())
        .bind(QStringLiteral("notes"), e.notes.trimmed())
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), e.id)
        .bind(QStringLiteral("version"), e.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This entry was changed meanwhile on another computer."));
    if (auto r = deleteLines(e.id); !r)
        return r;
    return Writer(m_db).writeLines(e, e.id);
}

Status ProductionRepository::remove(qint64 id)
{
    if (auto r = deleteLines(id); !r)
        return r;
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("DELETE FROM production_entry WHERE id = :id")); !r)
        return r;
    q.bind(QStringLiteral("id"), id);
    return q.exec();
}

Status ProductionRepository::deleteLines(qint64 id)
{
    for (const char* table :
         {"production_trainee", "production_output", "production_material", "production_skill"}) {
        SqlQuery q(m_db);
        if (auto r =
                q.prepare(QStringLiteral("DELETE FROM %1 WHERE entry_id = :id").arg(QLatin1String(table)));
            !r)
            return r;
        q.bind(QStringLiteral("id"), id);
        if (auto r = q.exec(); !r)
            return r;
    }
    return {};
}

Result<ProductionEntry> ProductionRepository::get(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("SELECT id, day, section_id, trainer_staff_id, author_login, kind, reference, "
                       "notes, version, created_at, order_id FROM production_entry WHERE id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This entry of the production log no longer exists."));
    ProductionEntry e;
    sql::RowReader col(q);
    e.id = col.int64();
    e.day = col.date();
    e.sectionId = col.int64();
    e.trainerStaffId = col.int64();
    e.authorLogin = col.text();
    e.kind = col.code(ProductionKind::Order);
    e.reference = col.text();
    e.notes = col.text();
    e.version = col.integer();
    e.createdAt = col.text();
    e.orderId = col.int64();

    SqlQuery t(m_db);
    ETABLI_TRY(t.prepare(QStringLiteral(
        "SELECT pt.trainee_id, pt.minutes, t.last_name, t.first_name FROM production_trainee pt "
        "JOIN trainee t ON t.id = pt.trainee_id WHERE pt.entry_id = :id ORDER BY t.sort_key, t.id")));
    t.bind(QStringLiteral("id"), id);
    ETABLI_TRY(t.exec());
    while (t.next())
        e.trainees << ProductionTrainee{t.value(0).toLongLong(), t.value(1).toInt(),
                                        personName(t.value(2), t.value(3))};

    SqlQuery o(m_db);
    ETABLI_TRY(o.prepare(QStringLiteral(
        "SELECT o.catalogue_item_id, c.code, COALESCE(c.label, o.label), o.quantity_thousandths, o.unit "
        "FROM production_output o LEFT JOIN catalogue_item c ON c.id = o.catalogue_item_id "
        "WHERE o.entry_id = :id ORDER BY o.id")));
    o.bind(QStringLiteral("id"), id);
    ETABLI_TRY(o.exec());
    while (o.next()) {
        ProductionOutput p;
        sql::RowReader output(o);
        p.catalogueItemId = output.int64();
        p.code = output.text();
        p.label = output.text();
        p.quantityThousandths = output.int64();
        p.unit = output.code(Unit::Piece);
        e.outputs << p;
    }

    SqlQuery m(m_db);
    ETABLI_TRY(m.prepare(
        QStringLiteral("SELECT label, quantity_thousandths, unit_cost_cents FROM production_material "
                       "WHERE entry_id = :id ORDER BY id")));
    m.bind(QStringLiteral("id"), id);
    ETABLI_TRY(m.exec());
    while (m.next())
        e.materials << ProductionMaterial{m.value(0).toString(), m.value(1).toLongLong(),
                                          Money::fromCents(m.value(2).toLongLong())};

    SqlQuery s(m_db);
    ETABLI_TRY(s.prepare(
        QStringLiteral("SELECT skill_id FROM production_skill WHERE entry_id = :id ORDER BY skill_id")));
    s.bind(QStringLiteral("id"), id);
    ETABLI_TRY(s.exec());
    while (s.next())
        e.skillIds << s.value(0).toLongLong();
    return e;
}

Result<Page<ProductionSummary>> ProductionRepository::list(const ProductionFilter& filter,
                                                           const QList<qint64>& sections,
                                                           const PageRequest& request) const
{
    auto query = logQuery(m_db, filter, sections);
    if (!query)
        return std::unexpected(query.error());
    auto page = query->read<ProductionSummary>(m_db, request, summaryFrom);
    if (!page)
        return page;
    ETABLI_TRY(addOutputsAndTrainees(page->rows));
    return page;
}

Status ProductionRepository::addOutputsAndTrainees(QList<ProductionSummary>& out) const
{
    QHash<qint64, qsizetype> index;
    for (qsizetype i = 0; i < out.size(); ++i)
        index.insert(out.at(i).id, i);
    if (out.isEmpty())
        return {};
    const QList<qint64> ids = index.keys();

    // The page's outputs and trainees, joined in C++ (portable across SQLite and PostgreSQL).
    SqlQuery o(m_db);
    if (auto r =
            o.prepare(QStringLiteral("SELECT o.entry_id, COALESCE(c.code, o.label), o.quantity_thousandths "
                                     "FROM production_output o LEFT JOIN catalogue_item c ON "
                                     "c.id = o.catalogue_item_id WHERE o.entry_id IN (%1) ORDER BY o.id")
                          .arg(SqlQuery::listPlaceholders(QStringLiteral("e"), ids.size())));
        !r)
        return r;
    o.bindList(QStringLiteral("e"), ids);
    if (auto r = o.exec(); !r)
        return r;
    while (o.next()) {
        ProductionSummary& s = out[index.value(o.value(0).toLongLong())];
        if (!s.outputs.isEmpty())
            s.outputs += QStringLiteral(", ");
        s.outputs +=
            QStringLiteral("%1 × %2").arg(o.value(1).toString(), Quantities::format(o.value(2).toLongLong()));
    }
    SqlQuery t(m_db);
    if (auto r = t.prepare(
            QStringLiteral("SELECT pt.entry_id, t.last_name, t.first_name FROM production_trainee pt "
                           "JOIN trainee t ON t.id = pt.trainee_id WHERE pt.entry_id IN (%1) "
                           "ORDER BY t.sort_key, t.id")
                .arg(SqlQuery::listPlaceholders(QStringLiteral("e"), ids.size())));
        !r)
        return r;
    t.bindList(QStringLiteral("e"), ids);
    if (auto r = t.exec(); !r)
        return r;
    while (t.next()) {
        ProductionSummary& s = out[index.value(t.value(0).toLongLong())];
        if (!s.trainees.isEmpty())
            s.trainees += QStringLiteral(", ");
        s.trainees += personName(t.value(1), t.value(2));
    }
    return {};
}

Result<qint64> ProductionRepository::count(const ProductionFilter& filter, const QList<qint64>& sections,
                                           int cap) const
{
    auto query = logQuery(m_db, filter, sections);
    if (!query)
        return std::unexpected(query.error());
    return query->count(m_db, cap);
}

Result<QHash<qint64, QList<ProductionTrainee>>>
ProductionRepository::traineesOf(const QList<qint64>& entryIds) const
{
    QHash<qint64, QList<ProductionTrainee>> out;
    if (entryIds.isEmpty())
        return out;
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT pt.entry_id, pt.trainee_id, pt.minutes, t.last_name, t.first_name "
                                 "FROM production_trainee pt JOIN trainee t ON t.id = pt.trainee_id WHERE "
                                 "pt.entry_id IN (%1) ORDER BY t.sort_key, t.id")
                      .arg(SqlQuery::listPlaceholders(QStringLiteral("e"), entryIds.size()))));
    q.bindList(QStringLiteral("e"), entryIds);
    ETABLI_TRY(q.exec());
    while (q.next())
        out[q.value(0).toLongLong()] << ProductionTrainee{q.value(1).toLongLong(), q.value(2).toInt(),
                                                          personName(q.value(3), q.value(4))};
    return out;
}

Result<QHash<qint64, int>> ProductionRepository::minutesOnDay(const QList<qint64>& traineeIds,
                                                              const QDate& day, qint64 exceptEntryId) const
{
    QHash<qint64, int> out;
    if (traineeIds.isEmpty())
        return out;
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT pt.trainee_id, SUM(pt.minutes) FROM production_trainee pt "
                                 "JOIN production_entry e ON e.id = pt.entry_id WHERE e.day = :day AND "
                                 "e.id <> :except AND pt.trainee_id IN (%1) GROUP BY pt.trainee_id")
                      .arg(SqlQuery::listPlaceholders(QStringLiteral("t"), traineeIds.size()))));
    q.bindList(QStringLiteral("t"), traineeIds)
        .bind(QStringLiteral("day"), iso(day))
        .bind(QStringLiteral("except"), exceptEntryId);
    ETABLI_TRY(q.exec());
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toInt());
    return out;
}

Result<QHash<qint64, ProductionRepository::TraineeFacts>>
ProductionRepository::traineeFacts(const QList<qint64>& traineeIds) const
{
    QHash<qint64, TraineeFacts> out;
    if (traineeIds.isEmpty())
        return out;
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT id, last_name, first_name, section_id, entry_date, exit_date "
                                        "FROM trainee WHERE id IN (%1)")
                             .arg(SqlQuery::listPlaceholders(QStringLiteral("t"), traineeIds.size()))));
    q.bindList(QStringLiteral("t"), traineeIds);
    ETABLI_TRY(q.exec());
    while (q.next()) {
        TraineeFacts f;
        f.id = q.value(0).toLongLong();
        f.name = personName(q.value(1), q.value(2));
        f.sectionId = q.value(3).isNull() ? 0 : q.value(3).toLongLong();
        f.entry = fromIso(q.value(4));
        f.exit = fromIso(q.value(5));
        out.insert(f.id, f);
    }
    return out;
}

Result<ProductionFigures> ProductionRepository::figures(const ProductionFilter& filter,
                                                        const QList<qint64>& sections) const
{
    ProductionFigures out;
    // Trainee-level figures count only that trainee's time when one is given.
    auto entriesWhere = productionWhere(m_db, filter, sections);
    auto byTraineeWhere = productionWhere(m_db, filter, sections, false);
    if (!entriesWhere || !byTraineeWhere)
        return std::unexpected(entriesWhere ? byTraineeWhere.error() : entriesWhere.error());
    const sql::Where& entries = *entriesWhere;
    const sql::Where& byTrainee = *byTraineeWhere;
    const QString traineeClause =
        filter.traineeId != 0 ? QStringLiteral(" AND pt.trainee_id = :trainee") : QString();
    const auto bindTrainee = [&](SqlQuery& q) {
        if (filter.traineeId != 0)
            q.bind(QStringLiteral("trainee"), filter.traineeId);
    };
    // A trainee is credited with their share of what an entry made and used:
    // their minutes over the entry's (the whole when they worked alone).
    const QString shareJoin =
        filter.traineeId != 0
            ? QStringLiteral(
                  " JOIN production_trainee me ON me.entry_id = e.id AND me.trainee_id = :share "
                  "JOIN (SELECT entry_id, SUM(minutes) AS minutes FROM production_trainee GROUP BY "
                  "entry_id) tot ON tot.entry_id = e.id")
            : QString();
    const auto shared = [&](const QString& amount) {
        return filter.traineeId != 0
                   ? QStringLiteral("CASE WHEN tot.minutes > 0 THEN (%1 * me.minutes + tot.minutes / 2) / "
                                    "tot.minutes ELSE 0 END")
                         .arg(amount)
                   : amount;
    };
    const auto bindShare = [&](SqlQuery& q) {
        if (filter.traineeId != 0)
            q.bind(QStringLiteral("share"), filter.traineeId);
    };

    {
        SqlQuery q(m_db);
        ETABLI_TRY(q.prepare(
            QStringLiteral(
                "SELECT pt.trainee_id, t.last_name, t.first_name, e.kind, SUM(pt.minutes), COUNT(*) "
                "FROM production_entry e JOIN production_trainee pt ON pt.entry_id = e.id "
                "JOIN trainee t ON t.id = pt.trainee_id WHERE 1 = 1%1%2 "
                "GROUP BY pt.trainee_id, t.sort_key, t.last_name, t.first_name, e.kind "
                "ORDER BY t.sort_key, pt.trainee_id")
                .arg(byTrainee.andSql(), traineeClause)));
        byTrainee.apply(q);
        bindTrainee(q);
        ETABLI_TRY(q.exec());
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            if (out.trainees.isEmpty() || out.trainees.last().traineeId != id)
                out.trainees << TraineeHours{id, personName(q.value(1), q.value(2))};
            TraineeHours& h = out.trainees.last();
            const qint64 minutes = q.value(4).toLongLong();
            switch (fromCode(q.value(3).toString(), ProductionKind::Upkeep)) {
            case ProductionKind::Order:
                h.orderMinutes += minutes;
                break;
            case ProductionKind::Exercise:
                h.exerciseMinutes += minutes;
                break;
            case ProductionKind::Upkeep:
                h.upkeepMinutes += minutes;
                break;
            }
            h.entries += q.value(5).toInt();
        }
    }
    {
        SqlQuery q(m_db);
        ETABLI_TRY(q.prepare(
            QStringLiteral("SELECT sk.id, sk.label, COUNT(DISTINCT e.id), COUNT(DISTINCT pt.trainee_id), "
                           "SUM(pt.minutes), s.name "
                           "FROM production_entry e JOIN production_skill ps ON ps.entry_id = e.id "
                           "JOIN skill sk ON sk.id = ps.skill_id JOIN section s ON s.id = sk.section_id "
                           "JOIN production_trainee pt ON pt.entry_id = e.id "
                           "WHERE 1 = 1%1%2 GROUP BY sk.id, sk.label, sk.label_key, s.name ORDER BY "
                           "sk.label_key, s.name")
                .arg(byTrainee.andSql(), traineeClause)));
        byTrainee.apply(q);
        bindTrainee(q);
        ETABLI_TRY(q.exec());
        while (q.next())
            out.skills << SkillPractice{q.value(0).toLongLong(), q.value(1).toString(),
                                        q.value(5).toString(),   q.value(2).toInt(),
                                        q.value(3).toInt(),      q.value(4).toLongLong()};
    }
    {
        SqlQuery q(m_db);
        ETABLI_TRY(q.prepare(
            QStringLiteral(
                "SELECT o.catalogue_item_id, c.code, COALESCE(c.label, o.label), o.unit, "
                "SUM(%2), c.unit_price_cents FROM production_entry e "
                "JOIN production_output o ON o.entry_id = e.id LEFT JOIN catalogue_item c ON c.id = "
                "o.catalogue_item_id%3"
                "%1 GROUP BY o.catalogue_item_id, c.code, c.label, o.label, o.unit, c.unit_price_cents "
                "ORDER BY c.code, o.label")
                .arg(entries.sql(), shared(QStringLiteral("o.quantity_thousandths")), shareJoin)));
        entries.apply(q);
        bindShare(q);
        ETABLI_TRY(q.exec());
        while (q.next()) {
            OutputTotal o;
            sql::RowReader col(q);
            o.catalogueItemId = col.int64();
            o.code = col.text();
            o.label = col.text();
            o.unit = col.code(Unit::Piece);
            o.quantityThousandths = col.int64();
            const qint64 price = col.int64();
            o.value = ProductionMaterial{{}, o.quantityThousandths, Money::fromCents(price)}.cost();
            out.outputs << o;
        }
    }
    // Materials: each line rounded to the cent, as on the entry.
    QHash<QString, Money> materialsByReference;
    {
        SqlQuery q(m_db);
        ETABLI_TRY(q.prepare(
            QStringLiteral(
                "SELECT e.reference, SUM(%2) "
                "FROM production_entry e JOIN production_material m ON m.entry_id = e.id%3%1 GROUP BY "
                "e.reference")
                .arg(entries.sql(),
                     shared(QStringLiteral("((m.quantity_thousandths * m.unit_cost_cents + 500) / 1000)")),
                     shareJoin)));
        entries.apply(q);
        bindShare(q);
        ETABLI_TRY(q.exec());
        while (q.next()) {
            const Money m = Money::fromCents(q.value(1).toLongLong());
            materialsByReference.insert(q.value(0).toString(), m);
            out.materials += m;
        }
    }
    {
        SqlQuery q(m_db);
        ETABLI_TRY(q.prepare(
            QStringLiteral(
                "SELECT e.reference, COUNT(DISTINCT e.id), COUNT(DISTINCT pt.trainee_id), "
                "SUM(pt.minutes), "
                "MIN(e.day), MAX(e.day) FROM production_entry e JOIN production_trainee pt ON "
                "pt.entry_id = e.id "
                "WHERE e.reference <> ''%1%2 GROUP BY e.reference ORDER BY MAX(e.day) DESC, e.reference")
                .arg(byTrainee.andSql(), traineeClause)));
        byTrainee.apply(q);
        bindTrainee(q);
        ETABLI_TRY(q.exec());
        while (q.next()) {
            ReferenceHours h;
            sql::RowReader col(q);
            h.reference = col.text();
            h.entries = col.integer();
            h.trainees = col.integer();
            h.minutes = col.int64();
            h.first = col.date();
            h.last = col.date();
            h.materials = materialsByReference.value(h.reference);
            out.references << h;
        }
    }
    {
        SqlQuery q(m_db);
        ETABLI_TRY(
            q.prepare(QStringLiteral("SELECT COUNT(DISTINCT e.id), COALESCE(SUM(pt.minutes), 0) "
                                     "FROM production_entry e LEFT JOIN production_trainee pt ON "
                                     "pt.entry_id = e.id%1%2")
                          .arg(entries.sql(), filter.traineeId != 0
                                                  ? (entries.sql().isEmpty()
                                                         ? QStringLiteral(" WHERE pt.trainee_id = :trainee2")
                                                         : QStringLiteral(" AND pt.trainee_id = :trainee2"))
                                                  : QString())));
        entries.apply(q);
        if (filter.traineeId != 0)
            q.bind(QStringLiteral("trainee2"), filter.traineeId);
        ETABLI_TRY(q.exec());
        if (q.next()) {
            out.entries = q.value(0).toInt();
            out.minutes = q.value(1).toLongLong();
        }
    }
    return out;
}

Result<QList<Skill>> ProductionRepository::skills(qint64 sectionId, bool activeOnly) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT id, section_id, label, active FROM skill WHERE "
                                 "(:section = 0 OR section_id = :section2)%1 ORDER BY section_id, label_key")
                      .arg(activeOnly ? QStringLiteral(" AND active = 1") : QString())));
    q.bind(QStringLiteral("section"), sectionId).bind(QStringLiteral("section2"), sectionId);
    ETABLI_TRY(q.exec());
    QList<Skill> out;
    while (q.next())
        out << Skill{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                     q.value(3).toInt() != 0};
    return out;
}

Result<qint64> ProductionRepository::insertSkill(const Skill& s)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("INSERT INTO skill (section_id, label, label_key, active) VALUES "
                                        "(:section, :label, :key, :active) RETURNING id")));
    q.bind(QStringLiteral("section"), s.sectionId)
        .bind(QStringLiteral("label"), s.label.trimmed())
        .bind(QStringLiteral("key"), text::fold(s.label))
        .bind(QStringLiteral("active"), s.active ? 1 : 0);
    auto id = q.execReturningId();
    if (!id && id.error().code == Error::Code::Conflict)
        return fail(Error::Code::Conflict,
                    tr("The skill “%1” is already in this workshop's list.").arg(s.label.trimmed()));
    return id;
}

Status ProductionRepository::updateSkill(const Skill& s)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "UPDATE skill SET label = :label, label_key = :key, active = :active WHERE id = :id"));
        !r)
        return r;
    q.bind(QStringLiteral("label"), s.label.trimmed())
        .bind(QStringLiteral("key"), text::fold(s.label))
        .bind(QStringLiteral("active"), s.active ? 1 : 0)
        .bind(QStringLiteral("id"), s.id);
    if (auto r = q.exec(); !r) {
        if (r.error().code == Error::Code::Conflict)
            return fail(Error::Code::Conflict,
                        tr("The skill “%1” is already in this workshop's list.").arg(s.label.trimmed()));
        return r;
    }
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::NotFound, tr("This skill no longer exists."));
    return {};
}

} // namespace etabli
