#pragma once

#include <QString>
#include <QStringList>

namespace etabli {

// A section / atelier: a trade taught in a workshop.
struct Section
{
    qint64 id = 0;
    QString name;  // "Pneus et services"
    QString trade; // "Pneumatique"
    bool active = true;
    int position = 0;
    int capacity = 0;         // places; 0 = not set
    int halfDayMinutes = 210; // a half-day in the workshop: default hours in the log
    int version = 0;

    static QStringList defaultNames()
    {
        return {QStringLiteral("Pneus et services"), QStringLiteral("Métallerie")};
    }
};

} // namespace etabli
