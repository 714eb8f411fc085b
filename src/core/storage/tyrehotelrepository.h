#pragma once

#include "domain/paging.h"
#include "domain/tyrehotel.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Database;

// The tyre hotel's sets and their tyres.
class TyreHotelRepository
{
    Q_DECLARE_TR_FUNCTIONS(TyreHotelRepository)

public:
    explicit TyreHotelRepository(Database& db) : m_db(db) {}

    Result<qint64> insert(const TyreSet& set, const QString& nowIso);
    Status update(const TyreSet& set, const QString& nowIso);
    Result<TyreSet> get(qint64 id) const;
    // Ordered by place (rack, row, level) for stored sets, newest first otherwise.
    // (keyset: see sql::PagedQuery; the stored sets' cursor is their place.)
    Result<Page<TyreSet>> list(const TyreSetFilter& filter, const PageRequest& request) const;
    Result<qint64> count(const TyreSetFilter& filter, int cap) const;
    // The set stored at a place, if any (0: free); `exceptId` is ignored.
    Result<qint64> storedAt(const QString& rack, int row, int level, qint64 exceptId) const;
    // The set of that vehicle now in storage (0: none).
    Result<qint64> storedForVehicle(qint64 vehicleId, qint64 exceptId) const;

    // The contact who owns a vehicle (InvalidInput if none).
    Result<qint64> ownerOf(qint64 vehicleId) const;

private:
    Status writeTyres(qint64 setId, const QList<int>& treadTenths);

    Database& m_db;
};

} // namespace etabli
