#pragma once

#include "domain/codes.h"

#include <algorithm>
#include <optional>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace etabli {

// The season a set of tyres is for; the codes are the database's.
enum class TyreSeason
{
    Summer,
    Winter,
    AllSeason
};
template <> struct Codes<TyreSeason>
{
    static constexpr CodeEntry<TyreSeason> entries[] = {
        {TyreSeason::Summer, "summer", QT_TRANSLATE_NOOP("etabli::Codes", "Summer")},
        {TyreSeason::Winter, "winter", QT_TRANSLATE_NOOP("etabli::Codes", "Winter")},
        {TyreSeason::AllSeason, "all_season", QT_TRANSLATE_NOOP("etabli::Codes", "All-season")},
    };
};

// A set of a customer's tyres stored for the season at the tyre hotel.
struct TyreSet
{
    static constexpr int MaxTyres = 8;
    static constexpr int MaxTreadTenths = 200; // 20 mm: more is a typing mistake

    qint64 id = 0;
    qint64 vehicleId = 0;
    qint64 contactId = 0;  // the vehicle's owner, filled when stored
    QString plate;         // filled when read
    QString customerName;  // filled when read
    QString customerPhone; // filled when read
    TyreSeason season = TyreSeason::Winter;
    QString tyreSize; // normalised: "205/55 R16 91V"
    QString brand;
    int tyreCount = 4;
    bool withRims = false;
    QList<int> treadTenths; // one per tyre, in tenths of a millimetre
    QString rack;           // "A"
    int row = 1;
    int level = 1;
    QDate dateIn;
    QDate dateOut; // invalid while stored
    qint64 feeItemId = 0;
    qint64 invoiceId = 0;
    QString invoiceNumber; // filled when read
    QString notes;
    int version = 0;

    bool stored() const { return !dateOut.isValid(); }
    int minTreadTenths() const
    {
        int m = MaxTreadTenths;
        for (int t : treadTenths)
            m = std::min(m, t);
        return treadTenths.isEmpty() ? 0 : m;
    }
};

struct TyreSetFilter
{
    enum class State
    {
        Stored,
        Returned
    };
    QString text;                               // plate (any form) or customer
    std::optional<TyreSeason> season;           // none: all
    std::optional<State> state = State::Stored; // none: all
};

} // namespace etabli
