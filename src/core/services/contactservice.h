#pragma once

#include "domain/sales.h"
#include "domain/user.h"
#include "storage/contactrepository.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Clock;
class Database;

// The directory of contacts (customers, internship hosts, donors, funders,
// suppliers) and the customers' vehicles. Reading needs sales.read or
// trainees.read; writing sales.write or trainees.write. A likely duplicate
// (same SIRET, or same name and postcode) asks for confirmation.
class ContactService
{
    Q_DECLARE_TR_FUNCTIONS(ContactService)

public:
    ContactService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Result<Page<Contact>> page(const ContactFilter& filter, const PageRequest& request) const;
    Result<qint64> count(const ContactFilter& filter, int cap = 10000) const;
    Result<Contact> get(qint64 id) const;
    Result<qint64> add(const Contact& contact, bool confirmedDuplicate = false);
    Status update(const Contact& contact, bool confirmedDuplicate = false);

    Result<QList<Vehicle>> vehicles(qint64 contactId) const;
    Result<Vehicle> findVehicle(const QString& plate) const;
    Result<qint64> saveVehicle(const Vehicle& vehicle);

    // Whether the account may see, or change, the directory.
    Status mayRead() const;
    Status mayWrite() const;
    // The checks of a contact's fields (name, SIRET, e-mail, postcode), its
    // SIRET written without spaces; no look at the directory.
    static Status normalise(Contact& contact);

private:
    Status validate(Contact& contact, bool confirmedDuplicate) const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
