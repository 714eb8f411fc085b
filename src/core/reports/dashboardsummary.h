#pragma once

#include <QList>
#include <QString>

namespace etabli {

// What the dashboard shows: plain data, built by DashboardService.
struct DashboardSummary
{
    struct Section
    {
        QString name;
        qint64 enrolled = 0;
        qint64 candidates = 0;
    };

    QString schoolName;
    QString schoolYearLabel; // "2026-2027"
    qint64 activeSections = 0;
    qint64 enrolled = 0;
    qint64 candidates = 0;
    qint64 entrantsThisYear = 0;
    qint64 exitsThisYear = 0;
    qint64 traineesEver = 0;
    QList<Section> sections;
};

} // namespace etabli
