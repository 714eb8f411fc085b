#include "storage/contactrepository.h"

#include "storage/database.h"
#include "storage/pagedquery.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"
#include "storage/textsearch.h"
#include "util/text.h"

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

// Organisations by their folded name; persons by last name then first name.
QString nameKey(const Contact& c)
{
    return c.person ? text::personSortKey(c.name, c.firstName) : text::fold(c.name);
}

void bindContact(SqlQuery& q, const Contact& c)
{
    q.bind(QStringLiteral("person"), c.person ? 1 : 0)
        .bind(QStringLiteral("kind"), codeOf(c.person ? CustomerKind::Other : c.kind))
        .bind(QStringLiteral("name"), c.name.trimmed())
        .bind(QStringLiteral("name_key"), nameKey(c))
        .bind(QStringLiteral("first_name"), c.person ? c.firstName.trimmed() : QString())
        .bind(QStringLiteral("siret"), QString(c.siret).remove(QLatin1Char(' ')))
        .bind(QStringLiteral("address1"), c.addressLine1.trimmed())
        .bind(QStringLiteral("address2"), c.addressLine2.trimmed())
        .bind(QStringLiteral("postcode"), c.postcode.trimmed())
        .bind(QStringLiteral("city_key"), text::fold(c.city.trimmed()))
        .bind(QStringLiteral("city"), c.city.trimmed())
        .bind(QStringLiteral("phone"), c.phone.trimmed())
        .bind(QStringLiteral("email"), c.email.trimmed())
        .bind(QStringLiteral("notes"), c.notes.trimmed())
        .bind(QStringLiteral("legal_form"), c.person ? QString() : c.legalForm.trimmed())
        .bind(QStringLiteral("customer"), c.customer ? 1 : 0)
        .bind(QStringLiteral("host"), c.host ? 1 : 0)
        .bind(QStringLiteral("donor"), c.donor ? 1 : 0)
        .bind(QStringLiteral("funder"), c.funder ? 1 : 0)
        .bind(QStringLiteral("supplier"), c.supplier ? 1 : 0);
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

Result<qint64> ContactRepository::insert(const Contact& c, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "INSERT INTO contact (person, kind, name, name_key, first_name, siret, address_line1, "
        "address_line2, "
        "postcode, city, city_key, phone, email, notes, is_customer, is_host, is_donor, is_funder, "
        "is_supplier, legal_form, version, created_at, updated_at) VALUES (:person, :kind, :name, "
        ":name_key, "
        ":first_name, "
        ":siret, :address1, :address2, :postcode, :city, :city_key, :phone, :email, :notes, :customer, "
        ":host, "
        ":donor, "
        ":funder, :supplier, :legal_form, 1, :now, :now) RETURNING id")));
    bindContact(q, c);
    q.bind(QStringLiteral("now"), nowIso);
    return q.execReturningId();
}

Status ContactRepository::update(const Contact& c, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "UPDATE contact SET person = :person, kind = :kind, name = :name, name_key = :name_key, "
            "first_name = "
            ":first_name, siret = :siret, address_line1 = :address1, address_line2 = :address2, postcode = "
            ":postcode, "
            "city = :city, city_key = :city_key, phone = :phone, email = :email, notes = :notes, is_customer "
            "= :customer, is_host "
            "= :host, "
            "is_donor = :donor, is_funder = :funder, is_supplier = :supplier, legal_form = :legal_form, "
            "version = version + 1, updated_at = :now "
            "WHERE id = :id AND version = :version"));
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
        .bind(QStringLiteral("name_key"), nameKey(c))
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
