#include "services/contactservice.h"

#include "services/audittrail.h"
#include "storage/transaction.h"
#include "util/clock.h"

#include <QRegularExpression>

namespace etabli {

Status ContactService::mayRead() const
{
    if (m_actor.can(permission::SalesRead) || m_actor.can(permission::TraineesRead))
        return {};
    return fail(Error::Code::AccessDenied, tr("Your account may not see the contacts."));
}

Status ContactService::mayWrite() const
{
    if (m_actor.can(permission::SalesWrite) || m_actor.can(permission::TraineesWrite))
        return {};
    return fail(Error::Code::AccessDenied, tr("Your account may not change the contacts."));
}

Status ContactService::normalise(Contact& c)
{
    if (c.name.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput,
                    c.person ? tr("The last name is required.") : tr("The name is required."));
    if (c.kind == CustomerKind::Person) { // "a person" said through the kind
        c.person = true;
        c.kind = CustomerKind::Other;
    }
    c.siret = QString(c.siret).remove(QLatin1Char(' '));
    if (!c.siret.isEmpty()) {
        if (auto r = SalesFormats::checkSiret(c.siret); !r)
            return r;
    }
    const QString email = c.email.trimmed();
    if (!email.isEmpty() && (!email.contains(QLatin1Char('@')) || email.contains(QLatin1Char(' '))))
        return fail(Error::Code::InvalidInput, tr("“%1” is not an e-mail address.").arg(email));
    if (!c.postcode.trimmed().isEmpty()) {
        static const QRegularExpression postcode(QStringLiteral("^(\\d{5}|\\d{4}|[A-Z0-9 -]{3,10})$"));
        if (!postcode.match(c.postcode.trimmed().toUpper()).hasMatch())
            return fail(Error::Code::InvalidInput, tr("“%1” is not a postcode.").arg(c.postcode.trimmed()));
    }
    return {};
}

Status ContactService::validate(Contact& c, bool confirmedDuplicate) const
{
    ETABLI_TRY(normalise(c));
    if (!confirmedDuplicate) {
        auto same = ContactRepository(m_db).lookalikes(c);
        if (!same)
            return std::unexpected(same.error());
        if (!same->isEmpty()) {
            const Contact& other = same->first();
            const bool bySiret = !c.siret.isEmpty() && other.siret == c.siret;
            return fail(Error::Code::NeedsConfirmation,
                        (bySiret ? tr("“%1” already has the SIRET %2.").arg(other.displayName(), c.siret)
                                 : tr("“%1” (%2) is already in the directory.")
                                       .arg(other.displayName(), other.postcode)) +
                            QLatin1Char('\n') + tr("Record this contact all the same?"));
        }
    }
    return {};
}

Result<Page<Contact>> ContactService::page(const ContactFilter& filter, const PageRequest& request) const
{
    ETABLI_TRY(mayRead());
    return ContactRepository(m_db).page(filter, request);
}

Result<qint64> ContactService::count(const ContactFilter& filter, int cap) const
{
    ETABLI_TRY(mayRead());
    return ContactRepository(m_db).count(filter, cap);
}

Result<Contact> ContactService::get(qint64 id) const
{
    ETABLI_TRY(mayRead());
    return ContactRepository(m_db).get(id);
}

Result<qint64> ContactService::add(const Contact& input, bool confirmedDuplicate)
{
    ETABLI_TRY(mayWrite());
    Contact c = input;
    ETABLI_TRY(validate(c, confirmedDuplicate));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        auto id = ContactRepository(m_db).insert(c, m_clock.nowIso());
        if (!id)
            return id;
        ChangeSet changes;
        changes.set(QStringLiteral("name"), c.displayName(), Privacy::Personal)
            .set(QStringLiteral("kind"), codeOf(c.customerKind()))
            .set(QStringLiteral("siret"), c.siret);
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::Contact, QString::number(*id), AuditAction::Create, changes));
        return id;
    });
}

Status ContactService::update(const Contact& input, bool confirmedDuplicate)
{
    if (auto r = mayWrite(); !r)
        return r;
    Contact c = input;
    if (auto r = validate(c, confirmedDuplicate); !r)
        return r;
    auto saved = inTransaction(m_db, [&]() -> Status {
        ContactRepository repo(m_db);
        auto before = repo.get(c.id);
        if (!before)
            return std::unexpected(before.error());
        if (auto r = repo.update(c, m_clock.nowIso()); !r)
            return r;
        ChangeSet changes;
        changes.add(QStringLiteral("name"), before->displayName(), c.displayName(), Privacy::Personal)
            .add(QStringLiteral("kind"), codeOf(before->customerKind()), codeOf(c.customerKind()))
            .add(QStringLiteral("siret"), before->siret, c.siret)
            .add(QStringLiteral("legal_form"), before->legalForm, c.legalForm.trimmed())
            .add(QStringLiteral("address"), before->postalAddress(), c.postalAddress(), Privacy::Personal)
            .add(QStringLiteral("phone"), before->phone, c.phone.trimmed(), Privacy::Personal)
            .add(QStringLiteral("email"), before->email, c.email.trimmed(), Privacy::Personal);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Contact, QString::number(c.id), AuditAction::Update, changes);
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::Contact, c.id);
}

Result<QList<Vehicle>> ContactService::vehicles(qint64 contactId) const
{
    ETABLI_TRY(mayRead());
    return ContactRepository(m_db).vehicles(contactId);
}

Result<Vehicle> ContactService::findVehicle(const QString& plate) const
{
    ETABLI_TRY(mayRead());
    auto normal = SalesFormats::normalisePlate(plate);
    if (!normal)
        return std::unexpected(normal.error());
    return ContactRepository(m_db).vehicleByPlate(*normal);
}

Result<qint64> ContactService::saveVehicle(const Vehicle& input)
{
    ETABLI_TRY(mayWrite());
    Vehicle v = input;
    auto plate = SalesFormats::normalisePlate(v.plate);
    if (!plate)
        return std::unexpected(plate.error());
    v.plate = *plate;
    if (!v.tyreSize.trimmed().isEmpty()) {
        auto size = SalesFormats::normaliseTyreSize(v.tyreSize);
        if (!size)
            return std::unexpected(size.error());
        v.tyreSize = *size;
    }
    return inTransaction(m_db, [&]() -> Result<qint64> {
        ContactRepository repo(m_db);
        qint64 id = v.id;
        if (id == 0) {
            auto added = repo.insertVehicle(v, m_clock.nowIso());
            if (!added)
                return added;
            id = *added;
        } else if (auto r = repo.updateVehicle(v, m_clock.nowIso()); !r) {
            return std::unexpected(r.error());
        }
        ChangeSet changes;
        changes.set(QStringLiteral("plate"), v.plate, Privacy::Personal)
            .set(QStringLiteral("tyre_size"), v.tyreSize)
            .set(QStringLiteral("contact_id"), v.contactId);
        // A plate is about its owner.
        ETABLI_TRY(AuditTrail(m_db, m_clock)
                       .record(m_actor, AuditEntity::Vehicle, QString::number(id),
                               v.id == 0 ? AuditAction::Create : AuditAction::Update, changes,
                               QStringLiteral("contact:%1").arg(v.contactId)));
        return id;
    });
}

} // namespace etabli
