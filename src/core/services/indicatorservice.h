#pragma once

#include "domain/user.h"
#include "reports/indicators.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace etabli {

class Clock;
class Database;

// A school year's indicators — entrants, enrolment, exits by reason,
// certifications, attendance, internships, outcomes and insertion rate,
// production, orders, customers, revenue, volunteers — each with the year
// before, for all sections or one, computed in SQL from what was entered.
// reports.read.
class IndicatorService
{
    Q_DECLARE_TR_FUNCTIONS(IndicatorService)

public:
    IndicatorService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    // `schoolYear` is "2013-2014" (or "2013"); `section` a section's name, or empty for all.
    Result<Indicators> indicators(const QString& schoolYear, const QString& section = {}) const;

    // The reference values (federation's exam success, InserJeunes), typed from their publications.
    Result<QList<ReferenceValue>> references() const;
    // settings.edit; a value needs its source and year, or is cleared (valueBp -1).
    Status saveReference(const ReferenceValue& value);

    // The stable keys of `etabli-cli report indicators --format json`.
    static QJsonObject toJson(const Indicators& indicators);
    // The JSON key of a stored exit reason ("dropped_out" → "dropout").
    static QString exitKey(const QString& storedReason);
    static QStringList exitKeys();

private:
    Result<Indicators> compute(int startYear, int startMonth, qint64 sectionId, const QString& sectionName) const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
