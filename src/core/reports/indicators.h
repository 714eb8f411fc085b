#pragma once

#include "domain/money.h"
#include "domain/school.h"

#include <memory>
#include <optional>
#include <QList>
#include <QMap>
#include <QString>

namespace etabli {

// A published figure the reports show beside the school's own.
struct ReferenceValue
{
    qint64 id = 0;
    QString code; // federation_exam_success, inserjeunes_apprentices
    QString label;
    int valueBp = -1; // basis points; -1: not typed yet
    QString source;
    int year = 0;
    int version = 0;

    bool isSet() const { return valueBp >= 0; }
};

// A school year's indicators, for all sections or one: plain data built by
// IndicatorService from the records, the register, the production log and
// the invoices. Keys are stable English codes; the GUI and the reports
// show French labels.
struct Indicators
{
    QString schoolYear; // "2013-2014"
    QString section;    // empty: all sections

    int entrants = 0;
    QMap<QString, int> entrantsBySection;
    QMap<QString, int> entrantsBySex;      // F, M, unknown
    QMap<int, int> entrantsByAge;          // age at entry (-1: unknown birth date)
    QMap<QString, int> entrantsByReferral; // the referral's name, or "" when unknown
    int enrolled = 0;                      // at any time in the year
    int continuing = 0;                    // still enrolled on the first day of the next year
    int exits = 0;
    QMap<QString, int> exitsByReason;                 // the JSON keys (apprenticeship, …, dropout, other)
    QMap<QString, QMap<QString, int>> certifications; // code → registered / passed / failed / absent
    double attendanceRate = -1;                       // attended ÷ recorded half-days; -1: none recorded
    QMap<QString, double> attendanceBySection;
    QMap<QString, double> attendanceByMonth; // "2014-03" → rate
    int internships = 0;
    int hostOrganisations = 0;
    QMap<QString, QMap<QString, int>> outcomes; // at_exit / months_6 / months_12 → situation → count
    double insertionRate = -1; // (job + apprenticeship + training) ÷ known, latest milestone; -1: none known
    qint64 productionMinutesOrders = 0;
    qint64 productionMinutesExercise = 0;
    qint64 productionMinutesUpkeep = 0;
    struct Output
    {
        QString code;
        QString label;
        QString unit;
        qint64 quantityThousandths = 0;
    };
    QList<Output> outputs;
    int orders = 0;
    int customers = 0;
    Money productionRevenue; // excl. VAT, net of credit notes
    int volunteers = 0;
    double volunteerHours = 0;

    // The fundamentals of an école de production, beside the school's targets.
    double practiceShare = -1;     // workshop ÷ (workshop + class) half-days of presence; -1: none
    double traineesPerMaster = -1; // on a school day: trainees present ÷ master trainers, averaged; -1: none
    double traineesPerMasterMax = -1; // the busiest day's
    double customerOrderShare = -1;   // production hours on customers' orders ÷ all; -1: none
    FundamentalTargets targets;

    QList<ReferenceValue> references;

    std::shared_ptr<Indicators> previous; // the year before (its own `previous` empty)

    qint64 productionMinutes() const
    {
        return productionMinutesOrders + productionMinutesExercise + productionMinutesUpkeep;
    }
};

// One of the fundamentals beside the school's target, as the Fondamentaux
// page and the funder pack show it.
struct FundamentalRow
{
    QString key; // its key in the indicators JSON
    QString label;
    QString now;
    QString target;
    QString before;
    std::optional<bool> met; // none: nothing recorded
};

// One line of the indicators' table, as the Rapports page and the printed
// activity report show it: a label, this year, the year before.
struct IndicatorRow
{
    QString label;
    QString now;
    QString before;
    bool heading = false;
    int indent = 0;
};

} // namespace etabli
