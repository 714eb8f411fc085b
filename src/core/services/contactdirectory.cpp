#include "services/contactdirectory.h"

#include "storage/contactrepository.h"

namespace etabli {

QString ContactDirectory::nameKey(const Contact& c)
{
    return ContactRepository::nameKey(c) + QLatin1Char('\n') + c.postcode.trimmed();
}

Result<ContactDirectory> ContactDirectory::read(Database& db)
{
    auto all = ContactRepository(db).everyone();
    if (!all)
        return std::unexpected(all.error());
    ContactDirectory d;
    d.m_bySiret.reserve(all->size());
    d.m_byName.reserve(all->size());
    d.m_byEmail.reserve(all->size());
    d.m_byId.reserve(all->size());
    for (const Contact& c : std::as_const(*all))
        d.add(c);
    return d;
}

void ContactDirectory::add(const Contact& c)
{
    const qsizetype i = m_contacts.size();
    m_contacts << c;
    m_byId.insert(c.id, i);
    // The first recorded wins: the one the office has known longest.
    if (!c.siret.isEmpty() && !m_bySiret.contains(c.siret))
        m_bySiret.insert(c.siret, i);
    const QString key = nameKey(c);
    if (!m_byName.contains(key))
        m_byName.insert(key, i);
    const QString email = c.email.trimmed().toLower();
    if (!email.isEmpty() && !m_byEmail.contains(email))
        m_byEmail.insert(email, i);
}

const Contact* ContactDirectory::twinOf(const Contact& c, const QString& key, bool* bySiret) const
{
    if (!c.siret.isEmpty()) {
        if (const auto it = m_bySiret.constFind(c.siret); it != m_bySiret.cend()) {
            *bySiret = true;
            return &m_contacts.at(*it);
        }
    }
    if (const auto it = m_byName.constFind(key); it != m_byName.cend()) {
        *bySiret = false;
        return &m_contacts.at(*it);
    }
    return nullptr;
}

const Contact* ContactDirectory::byEmail(const QString& email) const
{
    const auto it = m_byEmail.constFind(email.trimmed().toLower());
    return it == m_byEmail.cend() ? nullptr : &m_contacts.at(*it);
}

Contact* ContactDirectory::byId(qint64 id)
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.cend() ? nullptr : &m_contacts[*it];
}

} // namespace etabli
