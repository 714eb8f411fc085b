#pragma once

#include "domain/paging.h"
#include "domain/tyrehotel.h"
#include "domain/user.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Clock;
class Database;

// The tyre hotel: customers' sets of tyres stored for the season at a place
// (rack, row, level), found by plate, given back at the change of season,
// their storage fee invoiced from the catalogue. The office (sales.read,
// sales.write) and the workshops' trainers (production.write), who store the
// tyres, may read and write; invoicing the fee needs sales.write.
class TyreHotelService
{
    Q_DECLARE_TR_FUNCTIONS(TyreHotelService)

public:
    TyreHotelService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Result<Page<TyreSet>> list(const TyreSetFilter& filter, const PageRequest& request) const;
    // Every set the filter matches (the printed list).
    Result<QList<TyreSet>> all(const TyreSetFilter& filter) const;
    Result<qint64> count(const TyreSetFilter& filter, int cap = 10000) const;
    Result<TyreSet> get(qint64 id) const;
    // The set now stored for a plate typed in any form (NotFound if none).
    Result<TyreSet> findStored(const QString& plate) const;
    // A new set coming in (id 0) or changes to one (place, treads, notes…).
    Result<qint64> save(const TyreSet& set);
    // The customer takes the set back.
    Status giveBack(qint64 setId, const QDate& day);
    // A draft invoice of the storage fee to the vehicle's owner; returns its id.
    Result<qint64> invoiceFee(qint64 setId);

    static QString placeLabel(const TyreSet& set);
    // The period a storage fee covers: a season of six months from the day
    // the set came in (the deposit receipt and the storage invoice name it).
    static QDate storageEnd(const TyreSet& set) { return set.dateIn.addMonths(6).addDays(-1); }
    // "7,5" from 75 tenths.
    static QString formatTread(int tenths);
    // "7,5" or "7.5" → 75; -1 if not a number.
    static int parseTread(const QString& text);

private:
    Status mayRead() const;
    Status mayWrite() const;
    Status validate(TyreSet& set) const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
