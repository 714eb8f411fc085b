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

    // "Premiers pas": what a new school does first, and what it has done.
    struct FirstSteps
    {
        bool identity = false;  // the school's SIRET and address
        bool sections = false;  // at least one workshop
        bool team = false;      // an account beside the director's
        bool trainees = false;  // trainees entered or imported
        bool catalogue = false; // catalogue items
        bool done() const { return identity && sections && team && trainees && catalogue; }
    };
    FirstSteps firstSteps;
};

} // namespace etabli
