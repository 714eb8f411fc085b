#pragma once

#include "reports/dashboardsummary.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace etabli::print {

// The dashboard summary as a printable document (HTML for QTextDocument).
class DashboardDocument
{
    Q_DECLARE_TR_FUNCTIONS(DashboardDocument)

public:
    static QString title();
    static QString html(const DashboardSummary& summary, const QDate& today);
};

} // namespace etabli::print
