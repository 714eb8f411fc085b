#pragma once

#include <optional>
#include <QFlags>
#include <QList>
#include <QString>

namespace etabli {

// What a committed change was about, as the screens that show it care: a
// page reloads when a kind it shows changed (Session::dataChanged). The
// audit trail's entities map onto these (AuditTrail::kindOf).
enum class DataKind : unsigned
{
    School = 1u << 0,     // identity, settings, sections, skills
    Users = 1u << 1,      // accounts, sessions
    Trainees = 1u << 2,   // records, guardians, notes, career (internships, outcomes…)
    Attendance = 1u << 3, // the register
    Catalogue = 1u << 4,  // the workshops' articles
    Production = 1u << 5, // the production log
    Staff = 1u << 6,      // team, volunteers and their hours
    Contacts = 1u << 7,   // the directory and vehicles
    Quotes = 1u << 8,     //
    WorkOrders = 1u << 9, //
    Invoices = 1u << 10,  // invoices, credit notes, payments, closings
    TyreHotel = 1u << 11, // stored tyre sets
    Gifts = 1u << 12,     // gifts, receipts, members and their dues
    Budget = 1u << 13,    // financial years, budget, apprenticeship tax, reference values
    Subsidies = 1u << 14, //
    Reports = 1u << 15,   // narratives of the reports
    Audit = 1u << 16,     // the trail itself (every change adds to it)
};
Q_DECLARE_FLAGS(DataKinds, DataKind)
Q_DECLARE_OPERATORS_FOR_FLAGS(DataKinds)

// Every kind: a new database, a reconnect, another user.
inline constexpr DataKinds allDataKinds()
{
    return DataKinds::fromInt(0x1ffffu);
}

// Between PCs on a PostgreSQL server each kind travels on its own channel
// (LISTEN/NOTIFY): "etabli_trainees"… The kinds, one by one, and their channels.
QList<DataKind> dataKindsIn(DataKinds kinds);
QString channelOf(DataKind kind);
std::optional<DataKind> kindOfChannel(const QString& channel);

} // namespace etabli
