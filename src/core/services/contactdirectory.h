#pragma once

#include "domain/sales.h"
#include "util/error.h"

#include <QHash>
#include <QList>

namespace etabli {

class Database;

// The whole directory in memory, found by the keys an import compares a
// line with: the SIRET, the name (folded) with the postcode — the rule of
// the contact form's "already in the directory?" — and the e-mail address.
// Read once per import (and again inside its transaction): a hundred
// thousand contacts are a fraction of a second, where one query per line
// would be minutes on a server.
class ContactDirectory
{
public:
    static Result<ContactDirectory> read(Database& db);

    // The recorded contact a line looks like: by SIRET first, then by name
    // and postcode. `bySiret` says which.
    const Contact* twinOf(const Contact& contact, bool* bySiret) const
    {
        return twinOf(contact, nameKey(contact), bySiret);
    }
    // The same, its name key already folded (an import's hundred thousand lines).
    const Contact* twinOf(const Contact& contact, const QString& key, bool* bySiret) const;
    // By e-mail address, case ignored (an online payer's).
    const Contact* byEmail(const QString& email) const;
    Contact* byId(qint64 id);
    // A contact written during the import, found by the next lines.
    void add(const Contact& contact);

    // The key of the name and postcode rule.
    static QString nameKey(const Contact& contact);

private:
    QList<Contact> m_contacts;
    QHash<QString, qsizetype> m_bySiret;
    QHash<QString, qsizetype> m_byName;
    QHash<QString, qsizetype> m_byEmail;
    QHash<qint64, qsizetype> m_byId;
};

} // namespace etabli
