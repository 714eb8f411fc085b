#include "domain/datakind.h"

#include <array>
#include <utility>

namespace etabli {

namespace {

// Channel names never change: PCs of two versions may share a server.
constexpr std::array<std::pair<DataKind, const char*>, 17> channels = {{
    {DataKind::School, "etabli_school"},
    {DataKind::Users, "etabli_users"},
    {DataKind::Trainees, "etabli_trainees"},
    {DataKind::Attendance, "etabli_attendance"},
    {DataKind::Catalogue, "etabli_catalogue"},
    {DataKind::Production, "etabli_production"},
    {DataKind::Staff, "etabli_staff"},
    {DataKind::Contacts, "etabli_contacts"},
    {DataKind::Quotes, "etabli_quotes"},
    {DataKind::WorkOrders, "etabli_work_orders"},
    {DataKind::Invoices, "etabli_invoices"},
    {DataKind::TyreHotel, "etabli_tyre_hotel"},
    {DataKind::Gifts, "etabli_gifts"},
    {DataKind::Budget, "etabli_budget"},
    {DataKind::Subsidies, "etabli_subsidies"},
    {DataKind::Reports, "etabli_reports"},
    {DataKind::Audit, "etabli_audit"},
}};

} // namespace

QList<DataKind> dataKindsIn(DataKinds kinds)
{
    QList<DataKind> out;
    for (const auto& [kind, name] : channels)
        if (kinds.testFlag(kind))
            out << kind;
    return out;
}

QString channelOf(DataKind kind)
{
    for (const auto& [k, name] : channels)
        if (k == kind)
            return QLatin1String(name);
    return {};
}

std::optional<DataKind> kindOfChannel(const QString& channel)
{
    for (const auto& [kind, name] : channels)
        if (channel == QLatin1String(name))
            return kind;
    return std::nullopt;
}

} // namespace etabli
