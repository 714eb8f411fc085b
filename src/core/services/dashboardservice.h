#pragma once

#include "reports/dashboardsummary.h"
#include "util/error.h"

#include <QDate>

namespace etabli {

class Database;

class DashboardService
{
public:
    explicit DashboardService(Database& db) : m_db(db) {}
    Result<DashboardSummary> summary(const QDate& today) const;

private:
    Database& m_db;
};

} // namespace etabli
