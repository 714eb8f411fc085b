#include "services/tyrehotelservice.h"

#include "domain/sales.h"
#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "services/invoiceservice.h"
#include "storage/cataloguerepository.h"
#include "storage/contactrepository.h"
#include "storage/transaction.h"
#include "storage/tyrehotelrepository.h"
#include "util/clock.h"

#include <limits>
#include <QLocale>

namespace etabli {

QString TyreHotelService::placeLabel(const TyreSet& set)
{
    return tr("Rack %1 · row %2 · level %3").arg(set.rack).arg(set.row).arg(set.level);
}

QString TyreHotelService::formatTread(int tenths)
{
    return QLocale(QLocale::French, QLocale::France).toString(tenths / 10.0, 'f', 1);
}

int TyreHotelService::parseTread(const QString& text)
{
    QString t = text.trimmed();
    t.replace(QLatin1Char(','), QLatin1Char('.'));
    if (t.endsWith(QLatin1String("mm")))
        t.chop(2);
    bool ok = false;
    const double mm = t.trimmed().toDouble(&ok);
    if (!ok || mm < 0)
        return -1;
    return static_cast<int>(mm * 10 + 0.5);
}

Status TyreHotelService::mayRead() const
{
    if (m_actor.can(permission::SalesRead) || m_actor.can(permission::ProductionWrite))
        return {};
    return fail(Error::Code::AccessDenied, tr("Your account may not see the tyre hotel."));
}

Status TyreHotelService::mayWrite() const
{
    if (m_actor.can(permission::SalesWrite) || m_actor.can(permission::ProductionWrite))
        return {};
    return fail(Error::Code::AccessDenied, tr("Your account may not change the tyre hotel."));
}

Result<Page<TyreSet>> TyreHotelService::list(const TyreSetFilter& filter, const PageRequest& request) const
{
    ETABLI_TRY(mayRead());
    return TyreHotelRepository(m_db).list(filter, request);
}

Result<QList<TyreSet>> TyreHotelService::all(const TyreSetFilter& filter) const
{
    return readAll<TyreSet>([&](const PageRequest& r) { return list(filter, r); },
                            std::numeric_limits<qsizetype>::max());
}

Result<qint64> TyreHotelService::count(const TyreSetFilter& filter, int cap) const
{
    ETABLI_TRY(mayRead());
    return TyreHotelRepository(m_db).count(filter, cap);
}

Result<TyreSet> TyreHotelService::get(qint64 id) const
{
    ETABLI_TRY(mayRead());
    return TyreHotelRepository(m_db).get(id);
}

Result<TyreSet> TyreHotelService::findStored(const QString& plate) const
{
    ETABLI_TRY(mayRead());
    auto normal = SalesFormats::normalisePlate(plate);
    if (!normal)
        return std::unexpected(normal.error());
    auto vehicle = ContactRepository(m_db).vehicleByPlate(*normal);
    if (!vehicle)
        return std::unexpected(vehicle.error());
    TyreHotelRepository repo(m_db);
    auto id = repo.storedForVehicle(vehicle->id, 0);
    if (!id)
        return std::unexpected(id.error());
    if (*id == 0)
        return fail(Error::Code::NotFound, tr("No tyres of %1 are in storage.").arg(*normal));
    return repo.get(*id);
}

Status TyreHotelService::validate(TyreSet& s) const
{
    if (s.vehicleId == 0)
        return fail(Error::Code::InvalidInput, tr("Choose the vehicle (type its plate)."));
    if (!allOf<TyreSeason>().contains(s.season))
        return fail(Error::Code::InvalidInput, tr("Choose the season of the tyres."));
    auto size = SalesFormats::normaliseTyreSize(s.tyreSize);
    if (!size)
        return std::unexpected(size.error());
    s.tyreSize = *size;
    if (s.tyreCount < 1 || s.tyreCount > TyreSet::MaxTyres)
        return fail(Error::Code::InvalidInput, tr("A set holds 1 to %1 tyres.").arg(TyreSet::MaxTyres));
    if (s.treadTenths.size() != s.tyreCount)
        return fail(Error::Code::InvalidInput,
                    tr("Measure the tread of each of the %n tyre(s).", nullptr, s.tyreCount));
    for (int i = 0; i < s.treadTenths.size(); ++i) {
        if (s.treadTenths.at(i) < 0 || s.treadTenths.at(i) > TyreSet::MaxTreadTenths)
            return fail(Error::Code::InvalidInput,
                        tr("Tyre %1: a tread depth is between 0 and 20 mm.").arg(i + 1));
    }
    s.rack = s.rack.trimmed().toUpper();
    if (s.rack.isEmpty())
        return fail(Error::Code::InvalidInput, tr("Say where the set is stored: rack, row and level."));
    if (s.row < 1 || s.row > 999 || s.level < 1 || s.level > 99)
        return fail(Error::Code::InvalidInput,
                    tr("The row is between 1 and 999 and the level between 1 and 99."));
    if (!s.dateIn.isValid())
        return fail(Error::Code::InvalidInput, tr("Give the day the tyres came in."));
    if (s.dateIn > m_clock.today())
        return fail(Error::Code::InvalidInput, tr("The day the tyres came in cannot be in the future."));
    if (s.dateOut.isValid() && (s.dateOut < s.dateIn || s.dateOut > m_clock.today()))
        return fail(Error::Code::InvalidInput,
                    tr("The tyres go back after they came in, and not in the future."));
    return {};
}

Result<qint64> TyreHotelService::save(const TyreSet& input)
{
    ETABLI_TRY(mayWrite());
    TyreSet s = input;
    ETABLI_TRY(validate(s));
    auto saved = inTransaction(m_db, [&]() -> Result<qint64> {
        TyreHotelRepository repo(m_db);
        TyreSet before;
        if (s.id != 0) {
            auto stored = repo.get(s.id);
            if (!stored)
                return std::unexpected(stored.error());
            before = *stored;
            if (!before.stored())
                return fail(Error::Code::Conflict,
                            tr("This set went back to its owner on %1: it is kept as it was.")
                                .arg(before.dateOut.toString(QStringLiteral("dd/MM/yyyy"))));
            s.vehicleId = before.vehicleId;
            s.contactId = before.contactId;
            s.invoiceId = before.invoiceId;
        }
        if (s.stored()) {
            auto taken = repo.storedAt(s.rack, s.row, s.level, s.id);
            if (!taken)
                return std::unexpected(taken.error());
            if (*taken != 0) {
                auto other = repo.get(*taken);
                return fail(Error::Code::Conflict,
                            tr("%1 already holds the tyres of %2: choose another place.")
                                .arg(placeLabel(s), other ? other->plate : QString()));
            }
            auto twice = repo.storedForVehicle(s.vehicleId, s.id);
            if (!twice)
                return std::unexpected(twice.error());
            if (*twice != 0)
                return fail(Error::Code::Conflict, tr("Tyres of this vehicle are already in storage: give "
                                                      "them back first, or change that set."));
        }
        ChangeSet c;
        if (s.id == 0) {
            // The set belongs to the vehicle's owner.
            auto owner = repo.ownerOf(s.vehicleId);
            if (!owner)
                return std::unexpected(owner.error());
            s.contactId = *owner;
            auto id = repo.insert(s, m_clock.nowIso());
            if (!id)
                return id;
            c.set(QStringLiteral("vehicle_id"), s.vehicleId)
                .set(QStringLiteral("season"), codeOf(s.season))
                .set(QStringLiteral("place"), placeLabel(s))
                .set(QStringLiteral("date_in"), s.dateIn.toString(Qt::ISODate));
            ETABLI_TRY(
                AuditTrail(m_db, m_clock)
                    .record(m_actor, AuditEntity::TyreSet, QString::number(*id), AuditAction::Create, c));
            return id;
        }
        ETABLI_TRY(repo.update(s, m_clock.nowIso()));
        c.add(QStringLiteral("place"), placeLabel(before), placeLabel(s))
            .add(QStringLiteral("season"), codeOf(before.season), codeOf(s.season))
            .add(QStringLiteral("tyre_size"), before.tyreSize, s.tyreSize)
            .add(QStringLiteral("notes"), before.notes, s.notes.trimmed());
        ETABLI_TRY(AuditTrail(m_db, m_clock)
                       .record(m_actor, AuditEntity::TyreSet, QString::number(s.id), AuditAction::Update, c));
        return s.id;
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::TyreSet, input.id);
}

Status TyreHotelService::giveBack(qint64 setId, const QDate& day)
{
    if (auto r = mayWrite(); !r)
        return r;
    return inTransaction(m_db, [&]() -> Status {
        TyreHotelRepository repo(m_db);
        auto s = repo.get(setId);
        if (!s)
            return std::unexpected(s.error());
        if (!s->stored())
            return fail(Error::Code::Conflict, tr("This set already went back to its owner on %1.")
                                                   .arg(s->dateOut.toString(QStringLiteral("dd/MM/yyyy"))));
        if (!day.isValid() || day < s->dateIn || day > m_clock.today())
            return fail(Error::Code::InvalidInput,
                        tr("The tyres go back after they came in, and not in the future."));
        s->dateOut = day;
        if (auto r = repo.update(*s, m_clock.nowIso()); !r)
            return r;
        ChangeSet c;
        c.set(QStringLiteral("date_out"), day.toString(Qt::ISODate));
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::TyreSet, QString::number(setId), AuditAction::Update, c);
    });
}

Result<qint64> TyreHotelService::invoiceFee(qint64 setId)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        TyreHotelRepository repo(m_db);
        auto s = repo.get(setId);
        if (!s)
            return std::unexpected(s.error());
        if (s->invoiceId != 0)
            return fail(Error::Code::Conflict,
                        tr("The storage of this set is already invoiced (%1).")
                            .arg(s->invoiceNumber.isEmpty() ? tr("draft") : s->invoiceNumber));
        if (s->feeItemId == 0)
            return fail(Error::Code::InvalidInput, tr("Choose the storage fee from the catalogue first."));
        auto item = CatalogueRepository(m_db).get(s->feeItemId);
        if (!item)
            return std::unexpected(item.error());
        Invoice draft;
        draft.contactId = s->contactId;
        draft.reference = tr("Tyre storage %1, %2").arg(s->plate, labelOf(s->season).toLower());
        // The storage invoice names its period.
        draft.serviceFrom = s->dateIn;
        draft.serviceTo = storageEnd(*s);
        InvoiceLine line;
        line.catalogueItemId = item->id;
        line.label = tr("%1 — %2, %3").arg(item->label, s->plate, labelOf(s->season).toLower());
        line.unit = item->unit;
        line.quantityThousandths = 1000;
        line.unitPrice = item->unitPrice;
        line.vatRateBp = item->vatRateBp;
        draft.lines << line;
        auto id = InvoiceService(m_db, m_clock, m_actor).saveDraft(draft);
        if (!id)
            return id;
        s->invoiceId = *id;
        ETABLI_TRY(repo.update(*s, m_clock.nowIso()));
        ChangeSet c;
        c.set(QStringLiteral("invoice_id"), *id);
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::TyreSet, QString::number(setId), AuditAction::Update, c));
        return id;
    });
}

} // namespace etabli
