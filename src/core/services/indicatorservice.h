#pragma once

#include "domain/section.h"
#include "domain/user.h"
#include "reports/indicators.h"
#include "reports/narrative.h"
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
    // Each with its label on screen (referenceLabel: a new database's in the interface's language).
    Result<QList<ReferenceValue>> references() const;
    static QString referenceLabel(const QString& stored);
    // settings.edit; a value needs its source and year, or is cleared (valueBp -1).
    Status saveReference(const ReferenceValue& value);

    // The activity report's narrative of a school year ("2025-2026"); empty
    // parts when nothing was written. reports.read to read, reports.write to save.
    Result<ReportNarrative> narrative(const QString& schoolYear) const;
    Status saveNarrative(const ReportNarrative& narrative);

    // The section of that name (any case), or NotFound in French.
    static Result<Section> sectionNamed(Database& db, const QString& name);

    // "2013-2014" or "2013" → 2013; 0 when the text is not a school year.
    static int startYearOf(const QString& schoolYear);

    // The table of the indicators beside the year before, in French (shared
    // by the Rapports page, the activity report and the CSV).
    static QList<IndicatorRow> rows(const Indicators& indicators);
    // The three fundamentals beside their targets and the year before.
    static QList<FundamentalRow> fundamentals(const Indicators& indicators);
    // A school year's presence of each trainee of a section (or all), in
    // the workshop and in class (half-days present or late), name order.
    struct Practice
    {
        QString trainee; // "DUPONT Léa"
        QString section;
        int workshop = 0;
        int inClass = 0;
        double share() const
        {
            return workshop + inClass == 0 ? -1 : double(workshop) / (workshop + inClass);
        }
    };
    Result<QList<Practice>> practice(const QString& schoolYear, const QString& section = {}) const;
    // The indicators a funder may ask for in a subsidy's account: JSON key →
    // French label; and an indicator's value in French ("6", "83,3 %").
    static QList<std::pair<QString, QString>> askableIndicators();
    static QString valueOf(const Indicators& indicators, const QString& key);
    // What an account shows when the funder named no indicator.
    static QStringList defaultAskedIndicators();
    // French percentage ("83,3 %"), "—" for a rate that cannot be computed (-1).
    static QString percent(double rate);

    // The stable keys of `etabli-cli report indicators --format json`.
    static QJsonObject toJson(const Indicators& indicators);
    // The JSON key of a stored exit reason ("dropped_out" → "dropout").
    static QString exitKey(const QString& storedReason);
    static QStringList exitKeys();

private:
    Result<Indicators> compute(int startYear, int startMonth, qint64 sectionId,
                               const QString& sectionName) const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
