#pragma once

#include "domain/paging.h"
#include "domain/sales.h"
#include "util/error.h"

#include <functional>
#include <QCoreApplication>
#include <QList>

namespace etabli {

class Database;

struct ContactFilter
{
    QString text; // name, first name, city or postcode, accents ignored
    QString role; // customer, host, donor, funder, supplier; empty: all
};

// The directory of contacts and the customers' vehicles.
class ContactRepository
{
    Q_DECLARE_TR_FUNCTIONS(ContactRepository)

public:
    explicit ContactRepository(Database& db) : m_db(db) {}

    // A page of the directory, by name (keyset: see sql::PagedQuery).
    Result<Page<Contact>> page(const ContactFilter& filter, const PageRequest& request) const;
    // The contacts the filter matches, counted up to `cap` (cap + 1: more).
    Result<qint64> count(const ContactFilter& filter, int cap) const;
    Result<Contact> get(qint64 id) const;
    Result<qint64> insert(const Contact& contact, const QString& nowIso);
    // Many at once (an import), in the caller's transaction: their ids in
    // order. `progress` hears the count written every thousand; false stops
    // (an error with an empty message). The contacts are the caller's (not
    // copied: an import's hundred thousand lines).
    Result<QList<qint64>> insertAll(const QList<const Contact*>& contacts, const QString& nowIso,
                                    const std::function<bool(qsizetype)>& progress = {});
    // The whole directory, by id (an import compares its lines with it).
    Result<QList<Contact>> everyone() const;
    // The donors, their names only (id, name, first name, person): what a
    // bank statement's wording is compared with.
    Result<QList<Contact>> donorNames() const;
    // What two contacts of the same name share: organisations' folded name,
    // persons' last then first name.
    static QString nameKey(const Contact& contact);
    // Schema 26: every contact's folded town (city_key), which its search text holds.
    Status fillCityKeys();
    Status update(const Contact& contact, const QString& nowIso);
    // Other contacts with the same SIRET, or the same name and postcode.
    Result<QList<Contact>> lookalikes(const Contact& contact) const;

    Result<QList<Vehicle>> vehicles(qint64 contactId) const;
    // By plate, typed in any usual form (the normalised key is compared).
    Result<Vehicle> vehicleByPlate(const QString& plateKey) const;
    Result<qint64> insertVehicle(const Vehicle& vehicle, const QString& nowIso);
    Status updateVehicle(const Vehicle& vehicle, const QString& nowIso);

private:
    Database& m_db;
};

} // namespace etabli
