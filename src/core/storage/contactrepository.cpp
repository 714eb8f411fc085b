#include "storage/contactrepository.h"

#include "storage/batchinsert.h"
#include "storage/database.h"
#include "storage/pagedquery.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "storage/textsearch.h"
#include "util/text.h"

#include <algorithm>

namespace etabli {

namespace {

const QString contactFields = QStringLiteral(
    "id, person, kind, name, first_name, siret, address_line1, address_line2, postcode, city, phone, email, "
    "notes, is_customer, is_host, is_donor, is_funder, is_supplier, version, legal_form");
const QString contactColumns = QStringLiteral("SELECT ") + contactFields + QStringLiteral(" FROM contact");

Contact readContact(const SqlQuery& q)
{
    Contact c;
    sql::RowReader col(q);
    c.id = col.int64();
    c.person = col.flag();
    c.kind = col.code(CustomerKind::Other);
    c.name = col.text();
    c.firstName = col.text();
    c.siret = col.text();
    c.addressLine1 = col.text();
    c.addressLine2 = col.text();
    c.postcode = col.text();
    c.city = col.text();
    c.phone = col.text();
    c.email = col.text();
    c.notes = col.text();
    c.customer = col.flag();
    c.host = col.flag();
    c.donor = col.flag();
    c.funder = col.flag();
    c.supplier = col.flag();
    c.version = col.integer();
    c.legalForm = col.text();
    return c;
}

// The columns a contact's values fill, in the order of contactValues().
const QStringList& contactWriteColumns()
{
    static const QStringList columns{
        QStringLiteral("person"),        QStringLiteral("kind"),          QStringLiteral("name"),
        QStringLiteral("name_key"),      QStringLiteral("first_name"),    QStringLiteral("siret"),
        QStringLiteral("address_line1"), QStringLiteral("address_line2"), QStringLiteral("postcode"),
        QStringLiteral("city"),          QStringLiteral("city_key"),      QStringLiteral("phone"),
        QStringLiteral("email"),         QStringLiteral("notes"),         QStringLiteral("is_customer"),
        QStringLiteral("is_host"),       QStringLiteral("is_donor"),      QStringLiteral("is_funder"),
        QStringLiteral("is_supplier"),   QStringLiteral("legal_form")};
    return columns;
}

QVariantList contactValues(const Contact& c)
{
    return {c.person ? 1 : 0,
            codeOf(c.person ? CustomerKind::Other : c.kind),
            c.name.trimmed(),
            ContactRepository::nameKey(c),
            c.person ? c.firstName.trimmed() : QString(),
            QString(c.siret).remove(QLatin1Char(' ')),
            c.addressLine1.trimmed(),
            c.addressLine2.trimmed(),
            c.postcode.trimmed(),
            c.city.trimmed(),
            text::fold(c.city.trimmed()),
            c.phone.trimmed(),
            c.email.trimmed(),
            c.notes.trimmed(),
            c.customer ? 1 : 0,
            c.host ? 1 : 0,
            c.donor ? 1 : 0,
            c.funder ? 1 : 0,
            c.supplier ? 1 : 0,
            c.person ? QString() : c.legalForm.trimmed()};
}

void bindContact(SqlQuery& q, const Contact& c)
{
    const QVariantList values = contactValues(c);
    const QStringList& columns = contactWriteColumns();
    for (qsizetype i = 0; i < columns.size(); ++i)
        q.bind(columns.at(i), values.at(i));
}

QString contactPlaceholders()
{
    QStringList names;
    for (const QString& column : contactWriteColumns())
        names << QLatin1Char(':') + column;
    return names.join(QStringLiteral(", "));
}

// The directory: by name (folded), searched by name, town or postcode,
// filtered by role, a page at a time through the matching index (schema 25).
Result<sql::PagedQuery> listQuery(const Database& db, const ContactFilter& f)
{
    sql::Where where;
    // The name, the town and the postcode, through the search table (schema 26).
    const sql::TextSearch search(db, QStringLiteral("contact_search"), f.text);
    ETABLI_TRY(search.addTo(where, QStringLiteral("id")));
    static const QStringList roles = {QStringLiteral("customer"), QStringLiteral("host"),
                                      QStringLiteral("donor"), QStringLiteral("funder"),
                                      QStringLiteral("supplier")};
    if (roles.contains(f.role))
        where.add(QStringLiteral("is_%1 = 1").arg(f.role));
    sql::PagedQuery query(contactFields, QStringLiteral("contact"), where, QStringLiteral("name_key"),
                          QStringLiteral("id"), sql::PagedQuery::Order::Ascending);
    if (!search.isEmpty() && !roles.contains(f.role))
        query.countBy([search](int cap) { return search.count(cap); });
    return query;
}

} // namespace

Result<Page<Contact>> ContactRepository::page(const ContactFilter& filter, const PageRequest& request) const
{
    auto query = listQuery(m_db, filter);
    if (!query)
        return std::unexpected(query.error());
    return query->read<Contact>(m_db, request, readContact);
}

Result<qint64> ContactRepository::count(const ContactFilter& filter, int cap) const
{
    auto query = listQuery(m_db, filter);
    if (!query)
        return std::unexpected(query.error());
    return query->count(m_db, cap);
}

Status ContactRepository::fillCityKeys()
{
    SqlQuery towns(m_db);
    if (auto r = towns.exec(QStringLiteral("SELECT DISTINCT city FROM contact")); !r)
        return r;
    QStringList cities;
    while (towns.next())
        cities << towns.value(0).toString();
    towns.finish();
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("UPDATE contact SET city_key = :key WHERE city = :city")); !r)
        return r;
    for (const QString& city : std::as_const(cities)) {
        q.clearBindings();
        q.bind(QStringLiteral("key"), text::fold(city.trimmed())).bind(QStringLiteral("city"), city);
        if (auto r = q.exec(); !r)
            return r;
    }
    return {};
}

Result<Contact> ContactRepository::get(qint64 id) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(contactColumns + QStringLiteral(" WHERE id = :id")));
    q.bind(QStringLiteral("id"), id);
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("This contact no longer exists."));
    return readContact(q);
}

QString ContactRepository::nameKey(const Contact& c)
{
    // Organisations by their folded name; persons by last name then first name.
    return c.person ? text::personSortKey(c.name, c.firstName) : text::fold(c.name);
}

Result<qint64> ContactRepository::insert(const Contact& c, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("INSERT INTO contact (%1, version, created_at, updated_at) VALUES (%2, 1, "
                                 ":now, :now) RETURNING id")
                      .arg(contactWriteColumns().join(QStringLiteral(", ")), contactPlaceholders())));
    bindContact(q, c);
    q.bind(QStringLiteral("now"), nowIso);
    return q.execReturningId();
}

Result<QList<qint64>> ContactRepository::insertAll(const QList<const Contact*>& contacts,
                                                   const QString& nowIso,
                                                   const std::function<bool(qsizetype)>& progress)
{
    QList<qint64> ids;
    ids.reserve(contacts.size());
    if (contacts.isEmpty())
        return ids;
    QStringList columns{QStringLiteral("id")};
    columns << contactWriteColumns() << QStringLiteral("version") << QStringLiteral("created_at")
            << QStringLiteral("updated_at");
    if (m_db.dialect() == Database::Dialect::SQLite) {
        // The directory's search index (an FTS5 table kept by a trigger)
        // writes its pending entries out at the end of every statement: a
        // statement per contact made a hundred thousand tiny segments (6 000
        // rows/s). The rows go first to a temporary table, then into the
        // directory in one statement. Their ids follow the largest one: the
        // write transaction keeps any other writer out meanwhile.
        SqlQuery q(m_db);
        ETABLI_TRY(q.exec(QStringLiteral("DROP TABLE IF EXISTS temp.contact_import")));
        ETABLI_TRY(q.exec(
            QStringLiteral("CREATE TEMP TABLE contact_import (%1)").arg(columns.join(QStringLiteral(", ")))));
        auto largest = q.exec(QStringLiteral("SELECT COALESCE(max(id), 0) FROM contact"));
        if (!largest)
            return std::unexpected(largest.error());
        const qint64 base = q.next() ? q.value(0).toLongLong() : 0;
        q.finish();
        BatchInsert rows(m_db, QStringLiteral("contact_import"), columns);
        for (qsizetype i = 0; i < contacts.size(); ++i) {
            ids << base + 1 + i;
            QVariantList values{ids.last()};
            values << contactValues(*contacts.at(i)) << 1 << nowIso << nowIso;
            ETABLI_TRY(rows.add(std::move(values)));
            if (progress && i % 1000 == 999 && !progress(i + 1))
                return fail(Error::Code::Generic, QString());
        }
        ETABLI_TRY(rows.flush());
        const QString list = columns.join(QStringLiteral(", "));
        ETABLI_TRY(q.exec(
            QStringLiteral("INSERT INTO contact (%1) SELECT %1 FROM contact_import ORDER BY id").arg(list)));
        ETABLI_TRY(q.exec(QStringLiteral("DROP TABLE temp.contact_import")));
        return ids;
    }
    {
        SqlQuery q(m_db);
        ETABLI_TRY(q.prepare(QStringLiteral("SELECT nextval(pg_get_serial_sequence('contact', 'id')) "
                                            "FROM generate_series(1, :count)")));
        q.bind(QStringLiteral("count"), static_cast<qint64>(contacts.size()));
        ETABLI_TRY(q.exec());
        while (q.next())
            ids << q.value(0).toLongLong();
        std::sort(ids.begin(), ids.end());
    }
    BatchInsert rows(m_db, QStringLiteral("contact"), columns);
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        QVariantList values{ids.at(i)};
        values << contactValues(*contacts.at(i)) << 1 << nowIso << nowIso;
        ETABLI_TRY(rows.add(std::move(values)));
        if (progress && i % 1000 == 999 && !progress(i + 1))
            return fail(Error::Code::Generic, QString());
    }
    ETABLI_TRY(rows.flush());
    return ids;
}

Result<QList<Contact>> ContactRepository::everyone() const
{
    SqlQuery q(m_db);
    q.setForwardOnly(true);
    ETABLI_TRY(q.exec(contactColumns + QStringLiteral(" ORDER BY id")));
    QList<Contact> out;
    while (q.next())
        out << readContact(q);
    return out;
}

Result<QList<Contact>> ContactRepository::donorNames() const
{
    SqlQuery q(m_db);
    q.setForwardOnly(true);
    ETABLI_TRY(
        q.exec(QStringLiteral("SELECT id, name, first_name, person FROM contact WHERE is_donor = 1 ORDER BY "
                              "name_key, id")));
    QList<Contact> out;
    while (q.next()) {
        sql::RowReader col(q);
        Contact c;
        c.id = col.int64();
        c.name = col.text();
        c.firstName = col.text();
        c.person = col.flag();
        c.donor = true;
        out << c;
    }
    return out;
}

Status ContactRepository::update(const Contact& c, const QString& nowIso)
{
    SqlQuery q(m_db);
    QStringList assignments;
    for (const QString& column : contactWriteColumns())
        assignments << QStringLiteral("%1 = :%1").arg(column);
    if (auto r = q.prepare(QStringLiteral("UPDATE contact SET %1, version = version + 1, updated_at = :now "
                                          "WHERE id = :id AND version = :version")
                               .arg(assignments.join(QStringLiteral(", "))));
        !r)
        return r;
    bindContact(q, c);
    q.bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), c.id)
        .bind(QStringLiteral("version"), c.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This contact was changed meanwhile on another computer."));
    return {};
}

Result<QList<Contact>> ContactRepository::lookalikes(const Contact& c) const
{
    SqlQuery q(m_db);
    const QString siret = QString(c.siret).remove(QLatin1Char(' '));
    ETABLI_TRY(
        q.prepare(contactColumns + QStringLiteral(" WHERE id <> :id AND ((siret <> '' AND siret = :siret) OR "
                                                  "(name_key = :name_key AND postcode = :postcode)) "
                                                  "ORDER BY id LIMIT 5")));
    q.bind(QStringLiteral("id"), c.id)
        .bind(QStringLiteral("siret"), siret)
        .bind(QStringLiteral("name_key"), ContactRepository::nameKey(c))
        .bind(QStringLiteral("postcode"), c.postcode.trimmed());
    ETABLI_TRY(q.exec());
    QList<Contact> out;
    while (q.next())
        out << readContact(q);
    return out;
}

namespace {
const QString vehicleColumns =
    QStringLiteral("SELECT id, contact_id, plate, make, model, tyre_size, version FROM vehicle");

Vehicle readVehicle(const SqlQuery& q)
{
    return Vehicle{q.value(0).toLongLong(), q.value(1).isNull() ? 0 : q.value(1).toLongLong(),
                   q.value(2).toString(),   q.value(3).toString(),
                   q.value(4).toString(),   q.value(5).toString(),
                   q.value(6).toInt()};
}

QString plateKey(const QString& plate)
{
    QString key;
    for (const QChar c : plate) {
        if (c.isLetterOrNumber())
            key += c.toUpper();
    }
    return key;
}
} // namespace

Result<QList<Vehicle>> ContactRepository::vehicles(qint64 contactId) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(vehicleColumns + QStringLiteral(" WHERE contact_id = :contact ORDER BY plate_key")));
    q.bind(QStringLiteral("contact"), contactId);
    ETABLI_TRY(q.exec());
    QList<Vehicle> out;
    while (q.next())
        out << readVehicle(q);
    return out;
}

Result<Vehicle> ContactRepository::vehicleByPlate(const QString& plate) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(vehicleColumns + QStringLiteral(" WHERE plate_key = :key")));
    q.bind(QStringLiteral("key"), plateKey(plate));
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("No vehicle has the plate “%1”.").arg(plate.trimmed()));
    return readVehicle(q);
}

Result<qint64> ContactRepository::insertVehicle(const Vehicle& v, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "INSERT INTO vehicle (contact_id, plate, plate_key, make, model, tyre_size, version, created_at, "
        "updated_at) VALUES (:contact, :plate, :key, :make, :model, :size, 1, :now, :now) RETURNING id")));
    q.bind(QStringLiteral("contact"),
           v.contactId == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(v.contactId))
        .bind(QStringLiteral("plate"), v.plate)
        .bind(QStringLiteral("key"), plateKey(v.plate))
        .bind(QStringLiteral("make"), v.make.trimmed())
        .bind(QStringLiteral("model"), v.model.trimmed())
        .bind(QStringLiteral("size"), v.tyreSize)
        .bind(QStringLiteral("now"), nowIso);
    auto id = q.execReturningId();
    if (!id && id.error().code == Error::Code::Conflict)
        return fail(Error::Code::Conflict,
                    tr("A vehicle with the plate “%1” is already recorded.").arg(v.plate));
    return id;
}

Status ContactRepository::updateVehicle(const Vehicle& v, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("UPDATE vehicle SET contact_id = :contact, plate = :plate, "
                                          "plate_key = :key, make = :make, model = :model, "
                                          "tyre_size = :size, version = version + 1, updated_at = :now WHERE "
                                          "id = :id AND version = :version"));
        !r)
        return r;
    q.bind(QStringLiteral("contact"),
           v.contactId == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(v.contactId))
        .bind(QStringLiteral("plate"), v.plate)
        .bind(QStringLiteral("key"), plateKey(v.plate))
        .bind(QStringLiteral("make"), v.make.trimmed())
        .bind(QStringLiteral("model"), v.model.trimmed())
        .bind(QStringLiteral("size"), v.tyreSize)
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("id"), v.id)
        .bind(QStringLiteral("version"), v.version);
    if (auto r = q.exec(); !r) {
        if (r.error().code == Error::Code::Conflict)
            return fail(Error::Code::Conflict,
                        tr("A vehicle with the plate “%1” is already recorded.").arg(v.plate));
        return r;
    }
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This vehicle was changed meanwhile on another computer."));
    return {};
}

} // namespace etabli
