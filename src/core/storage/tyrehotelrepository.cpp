#include "storage/tyrehotelrepository.h"

#include "storage/database.h"
#include "storage/pagedquery.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "storage/sqlvalues.h"
#include "util/text.h"

namespace etabli {

namespace {

using sql::idOrNull;
using sql::isoOrNull;

const QString setFields = QStringLiteral(
    "s.id, s.vehicle_id, s.contact_id, v.plate, c.name, c.first_name, c.person, c.phone, s.season, "
    "s.tyre_size, "
    "s.brand, s.tyre_count, s.with_rims, s.rack, s.row_no, s.level_no, s.date_in, s.date_out, s.fee_item_id, "
    "s.invoice_id, i.number, s.notes, s.version");
const QString setTables = QStringLiteral("tyre_set s JOIN vehicle v ON v.id = s.vehicle_id JOIN contact c ON "
                                         "c.id = s.contact_id LEFT JOIN invoice i ON i.id = s.invoice_id");
const QString columns = QStringLiteral("SELECT ") + setFields + QStringLiteral(" FROM ") + setTables;

TyreSet readSet(const SqlQuery& q)
{
    TyreSet s;
    sql::RowReader col(q);
    s.id = col.int64();
    s.vehicleId = col.int64();
    s.contactId = col.int64();
    s.plate = col.text();
    s.customerName = col.contactName();
    s.customerPhone = col.text();
    s.season = col.code(TyreSeason::Winter);
    s.tyreSize = col.text();
    s.brand = col.text();
    s.tyreCount = col.integer();
    s.withRims = col.flag();
    s.rack = col.text();
    s.row = col.integer();
    s.level = col.integer();
    s.dateIn = col.date();
    s.dateOut = col.date();
    s.feeItemId = col.int64();
    s.invoiceId = col.int64();
    s.invoiceNumber = col.text();
    s.notes = col.text();
    s.version = col.integer();
    return s;
}

// The hotel's list: the sets in storage by place (rack, row, level), the
// others newest first; searched by plate or customer; a page at a time
// through the matching index (schema 25).
sql::PagedQuery listQuery(const TyreSetFilter& f)
{
    sql::Where where;
    if (f.season)
        where.add(QStringLiteral("s.season = :season"), {{QStringLiteral("season"), codeOf(*f.season)}});
    if (f.state == TyreSetFilter::State::Stored)
        where.add(QStringLiteral("s.date_out IS NULL"));
    else if (f.state == TyreSetFilter::State::Returned)
        where.add(QStringLiteral("s.date_out IS NOT NULL"));
    const QString typed = f.text.trimmed();
    if (!typed.isEmpty()) {
        // A plate in any form ("ab123cd", "AB-123-CD") or a customer's name.
        QString key;
        for (const QChar c : typed)
            if (c.isLetterOrNumber())
                key += c.toUpper();
        where.add(QStringLiteral("(v.plate_key LIKE :plate OR c.name_key LIKE :name)"),
                  {{QStringLiteral("plate"), key + QLatin1Char('%')},
                   {QStringLiteral("name"), sql::Where::containsPattern(typed)}});
    }
    if (f.state == TyreSetFilter::State::Stored)
        return sql::PagedQuery(
            setFields, setTables, where,
            QStringList{QStringLiteral("s.rack"), QStringLiteral("s.row_no"), QStringLiteral("s.level_no")},
            QStringLiteral("s.id"), sql::PagedQuery::Order::Ascending);
    return sql::PagedQuery(setFields, setTables, where, QStringLiteral("s.date_in"), QStringLiteral("s.id"));
}

} // namespace

Status TyreHotelRepository::writeTyres(qint64 setId, const QList<int>& treadTenths)
{
    SqlQuery del(m_db);
    if (auto r = del.prepare(QStringLiteral("DELETE FROM tyre_set_tyre WHERE set_id = :id")); !r)
        return r;
    del.bind(QStringLiteral("id"), setId);
    if (auto r = del.exec(); !r)
        return r;
    SqlQuery ins(m_db);
    if (auto r = ins.prepare(QStringLiteral(
            "INSERT INTO tyre_set_tyre (set_id, position, tread_tenths) VALUES (:set, :position, :tread)"));
        !r)
        return r;
    for (int i = 0; i < treadTenths.size(); ++i) {
        ins.bind(QStringLiteral("set"), setId)
            .bind(QStringLiteral("position"), i + 1)
            .bind(QStringLiteral("tread"), treadTenths.at(i));
        if (auto r = ins.exec(); !r)
            return r;
    }
    return {};
}

Result<qint64> TyreHotelRepository::insert(const TyreSet& s, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("INSERT INTO tyre_set (vehicle_id, contact_id, season, tyre_size, "
                                        "brand, tyre_count, with_rims, rack, row_no, "
                                        "level_no, date_in, date_out, fee_item_id, invoice_id, notes, "
                                        "version, created_at, updated_at) VALUES "
                                        "(:vehicle, :contact, :season, :size, :brand, :count, :rims, "
                                        ":rack, :row, :level, :in, :out, :fee, :invoice, "
                                        ":notes, 1, :now, :now) RETURNING id")));
    q.bind(QStringLiteral("vehicle"), s.vehicleId)
        .bind(QStringLiteral("contact"), s.contactId)
        .bind(QStringLiteral("season"), codeOf(s.season))
        .bind(QStringLiteral("size"), s.tyreSize)
        .bind(QStringLiteral("brand"), s.brand.trimmed())
        .bind(QStringLiteral("count"), s.tyreCount)
        .bind(QStringLiteral("rims"), s.withRims ? 1 : 0)
        .bind(QStringLiteral("rack"), s.rack)
        .bind(QStringLiteral("row"), s.row)
        .bind(QStringLiteral("level"), s.level)
        .bind(QStringLiteral("in"), s.dateIn.toString(Qt::ISODate))
        .bind(QStringLiteral("out"), isoOrNull(s.dateOut))
        .bind(QStringLiteral("fee"), idOrNull(s.feeItemId))
        .bind(QStringLiteral("invoice"), idOrNull(s.invoiceId))
        .bind(QStringLiteral("notes"), s.notes.trimmed())
        .bind(QStringLiteral("now"), nowIso);
    auto id = q.execReturningId();
    if (!id)
        return id;
    ETABLI_TRY(writeTyres(*id, s.treadTenths));
    return id;
}

Status TyreHotelRepository::update(const TyreSet& s, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("UPDATE tyre_set SET season = :season, tyre_size = :size, brand = "
                                          ":brand, tyre_count = :count, with_rims = "
                                          ":rims, rack = :rack, row_no = :row, level_no = :level, date_in = "
                                          ":in, date_out = :out, fee_item_id = :fee, "
                                          "invoice_id = :invoice, notes = :notes, version = version + 1, "
                                          "updated_at = :now WHERE id = :id AND version = "
                                          ":version"));
        !r)
        return r;
    q.bind(QStringLiteral("season"), codeOf(s.season))
        .bind(QStringLiteral("size"), s.tyreSize)
        .bind(QStringLiteral("brand"), s.brand.trimmed())
        .bind(QStringLiteral("count"), s.tyreCount)
        .bind(QStringLiteral("rims"), s.withRims ? 1 : 0)
        .bind(QStringLiteral("rack"), s.rack)
        .bind(QStringLiteral("row"), s.row)
        .bind(QStringLiteral("level"), s.level)
        .bind(QStringLiteral("in"), s.dateIn.toString(Qt::ISODate))
        .bind(QStringLiteral("out"), isoOrNull(s.dateOut))
        .bind(QStringLiteral("fee"), idOrNull(s.feeItemId))
        .bind(QStringLiteral("invoice"), idOrNull(s.invoiceId))
        .bind(QStringLiteral("notes"), s.notes.trimmed())
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), s.id)
        .bind(QStringLiteral("version"), s.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This set of tyres was changed meanwhile on another computer."));
    return writeTyres(s.id, s.treadTenths);
}

Result<TyreSet> TyreHotelRepository::get(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(columns + QStringLiteral(" WHERE s.id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This set of tyres does not exist."));
    TyreSet s = readSet(q);
    q.finish();
    SqlQuery t(m_db);
    ETABLI_TRY(t.prepare(
        QStringLiteral("SELECT tread_tenths FROM tyre_set_tyre WHERE set_id = :id ORDER BY position")));
    t.bind(QStringLiteral("id"), id);
    ETABLI_TRY(t.exec());
    while (t.next())
        s.treadTenths << t.value(0).toInt();
    return s;
}

Result<Page<TyreSet>> TyreHotelRepository::list(const TyreSetFilter& filter, const PageRequest& request) const
{
    auto page = listQuery(filter).read<TyreSet>(m_db, request, readSet);
    if (!page || page->rows.isEmpty())
        return page;
    // The treads of each set on the page (the list shows the smallest).
    QList<qint64> ids;
    for (const TyreSet& s : std::as_const(page->rows))
        ids << s.id;
    SqlQuery t(m_db);
    ETABLI_TRY(t.prepare(QStringLiteral("SELECT set_id, tread_tenths FROM tyre_set_tyre WHERE set_id IN (%1) "
                                        "ORDER BY set_id, position")
                             .arg(SqlQuery::listPlaceholders(QStringLiteral("id"), ids.size()))));
    t.bindList(QStringLiteral("id"), ids);
    ETABLI_TRY(t.exec());
    while (t.next())
        for (TyreSet& s : page->rows)
            if (s.id == t.value(0).toLongLong())
                s.treadTenths << t.value(1).toInt();
    return page;
}

Result<qint64> TyreHotelRepository::count(const TyreSetFilter& filter, int cap) const
{
    return listQuery(filter).count(m_db, cap);
}

Result<qint64> TyreHotelRepository::storedAt(const QString& rack, int row, int level, qint64 exceptId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(
        QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM tyre_set WHERE rack = :rack AND row_no = :row "
                       "AND level_no = :level AND date_out IS NULL AND id <> :except")));
    q.bind(QStringLiteral("rack"), rack)
        .bind(QStringLiteral("row"), row)
        .bind(QStringLiteral("level"), level);
    q.bind(QStringLiteral("except"), exceptId);
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return v->toLongLong();
}

Result<qint64> TyreHotelRepository::storedForVehicle(qint64 vehicleId, qint64 exceptId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM tyre_set WHERE vehicle_id = :vehicle AND "
                                 "date_out IS NULL AND id <> :except")));
    q.bind(QStringLiteral("vehicle"), vehicleId).bind(QStringLiteral("except"), exceptId);
    auto v = q.execScalar();
    if (!v)
        return std::unexpected(v.error());
    return v->toLongLong();
}

Result<qint64> TyreHotelRepository::ownerOf(qint64 vehicleId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral("SELECT contact_id, plate FROM vehicle WHERE id = :id")));
    q.bind(QStringLiteral("id"), vehicleId);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This vehicle does not exist."));
    if (q.value(0).isNull())
        return fail(Error::Code::InvalidInput,
                    tr("The vehicle %1 has no owner in the directory: give it one first.")
                        .arg(q.value(1).toString()));
    return q.value(0).toLongLong();
}

} // namespace etabli
