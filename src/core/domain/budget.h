#pragma once

#include "domain/codes.h"
#include "domain/funding.h"
#include "domain/money.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace etabli {

// The two sides of the budget.
enum class BudgetKind
{
    Resource,
    Expense,
};

template <> struct Codes<BudgetKind>
{
    static constexpr CodeEntry<BudgetKind> entries[] = {
        {BudgetKind::Resource, "resource", QT_TRANSLATE_NOOP("etabli::Codes", "Resource")},
        {BudgetKind::Expense, "expense", QT_TRANSLATE_NOOP("etabli::Codes", "Expense")},
    };
};

// A line of the budget. Resources count in one part of the funding split
// (production, gifts, subsidies, other); the source says where the actual
// comes from: computed from the invoices, gifts, apprenticeship tax,
// subsidies or dues, or summed from dated entries.
struct BudgetCategory
{
    qint64 id = 0;
    BudgetKind kind = BudgetKind::Resource;
    QString code;       // production, donations, …, purchases, …
    QString name;       // French, as stored
    QString splitGroup; // production, gifts, subsidies, other, expense
    QString source;     // invoices, donations, sponsorship, apprenticeship_tax, subsidies, dues, entries
    int position = 0;
    bool active = true;

    bool isResource() const { return kind == BudgetKind::Resource; }
    bool takesEntries() const { return source == QLatin1String("entries"); }
};

// The forecast of a category for a financial year (one per funder for subsidies).
struct BudgetForecast
{
    qint64 id = 0;
    qint64 financialYearId = 0;
    qint64 categoryId = 0;
    qint64 funderId = 0;
    QString funderName; // filled when read
    Money amount;
    int version = 0;
};

// Other income or an expense on a day. A correction carries the opposite
// amount and names the entry it undoes.
struct BudgetEntry
{
    qint64 id = 0;
    QDate day;
    qint64 categoryId = 0;
    QString categoryName; // filled when read
    QString label;
    Money amount;
    qint64 contactId = 0;
    QString contactName; // filled when read
    QString reference;
    qint64 correctsEntryId = 0;
    qint64 correctedById = 0; // filled when read
    QString createdBy;
};

// The apprenticeship tax's balance a company gives the school for a year.
struct ApprenticeshipTax
{
    qint64 id = 0;
    qint64 contactId = 0;
    QString companyName; // filled when read
    int year = 0;
    Money expected;
    Money received;
    QDate receivedOn;
    QString note;
    int version = 0;
};

struct SubsidyInstalment
{
    qint64 id = 0;
    QDate expectedOn;
    Money expected;
    QDate receivedOn; // invalid: not received yet
    Money received;

    bool isReceived() const { return receivedOn.isValid(); }
};

// Where a line of a funded action's budget stands on Cerfa 15059: direct
// costs, indirect costs allocated to the action, the uses of voluntary
// contributions in kind (account 86), the resources, and the contributions in
// kind received (account 87).
enum class ActionBudgetPart
{
    Expense,
    IndirectCost,
    ContributionUse,
    Resource,
    ContributionResource
};
template <> struct Codes<ActionBudgetPart>
{
    static constexpr CodeEntry<ActionBudgetPart> entries[] = {
        {ActionBudgetPart::Expense, "expense",
         QT_TRANSLATE_NOOP3("etabli::Codes", "Expenses", "action budget")},
        {ActionBudgetPart::IndirectCost, "indirect", QT_TRANSLATE_NOOP("etabli::Codes", "Indirect costs")},
        {ActionBudgetPart::ContributionUse, "contribution_use",
         QT_TRANSLATE_NOOP("etabli::Codes", "Use of contributions in kind")},
        {ActionBudgetPart::Resource, "resource",
         QT_TRANSLATE_NOOP3("etabli::Codes", "Resources", "action budget")},
        {ActionBudgetPart::ContributionResource, "contribution_resource",
         QT_TRANSLATE_NOOP("etabli::Codes", "Contributions in kind received")},
    };
};

// One line of the funded action's budget: forecast and actual.
struct ActionBudgetLine
{
    ActionBudgetPart part = ActionBudgetPart::Expense;
    QString account; // "60", "864"…
    QString label;
    Money forecast;
    Money actual;
};

// The lines of Cerfa 15059, in its order, with nothing entered: a new
// action's budget to fill.
QList<ActionBudgetLine> cerfa15059Lines();

// The funder's answer to a subsidy request.
enum class SubsidyDecision
{
    Pending,
    Granted,
    Refused,
};
template <> struct Codes<SubsidyDecision>
{
    static constexpr CodeEntry<SubsidyDecision> entries[] = {
        {SubsidyDecision::Pending, "pending", QT_TRANSLATE_NOOP("etabli::Codes", "Awaited")},
        {SubsidyDecision::Granted, "granted", QT_TRANSLATE_NOOP3("etabli::Codes", "Granted", "subsidy")},
        {SubsidyDecision::Refused, "refused", QT_TRANSLATE_NOOP3("etabli::Codes", "Refused", "subsidy")},
    };
};

// Where a subsidy stands, from the facts entered (Subsidy::status); not
// stored, in the order the pipeline shows them.
enum class SubsidyStatus
{
    Requested,
    Granted,
    BeingPaid,
    Paid,
    Accounted,
    Refused,
};
template <> struct Codes<SubsidyStatus>
{
    static constexpr CodeEntry<SubsidyStatus> entries[] = {
        {SubsidyStatus::Requested, "requested", QT_TRANSLATE_NOOP3("etabli::Codes", "Requested", "subsidy")},
        {SubsidyStatus::Granted, "granted", QT_TRANSLATE_NOOP3("etabli::Codes", "Granted", "subsidy")},
        {SubsidyStatus::BeingPaid, "being_paid",
         QT_TRANSLATE_NOOP3("etabli::Codes", "Being paid", "subsidy")},
        {SubsidyStatus::Paid, "paid", QT_TRANSLATE_NOOP3("etabli::Codes", "Paid", "subsidy")},
        {SubsidyStatus::Accounted, "accounted",
         QT_TRANSLATE_NOOP3("etabli::Codes", "Accounted for", "subsidy")},
        {SubsidyStatus::Refused, "refused", QT_TRANSLATE_NOOP3("etabli::Codes", "Refused", "subsidy")},
    };
};

// A subsidy, from the request to the final account sent to the funder.
struct Subsidy
{
    qint64 id = 0;
    qint64 funderId = 0;
    QString funderName; // filled when read
    QString programme;
    qint64 financialYearId = 0;
    QDate yearStart; // filled when read: the financial year covered
    QDate yearEnd;
    QString schoolYear; // "2025-2026", optional
    Money requested;
    QDate requestedOn;
    SubsidyDecision decision = SubsidyDecision::Pending;
    Money granted;
    QDate decidedOn;
    QString agreementRef;
    QDate agreementOn;
    QString conditions;
    QDate reportDue;
    QDate accountedOn;
    // The final account (Cerfa n°15059): the action funded, the deviations
    // from its forecast explained, the indicators the funder asked for (the
    // indicators' JSON keys).
    QString actionDescription;
    QString deviationExplanation;
    QStringList askedIndicators;
    // The funded action (schema 20): when, where, for how many, its own
    // budget, and how its indirect costs were allocated; where and when the
    // account is signed.
    QDate actionStart;
    QDate actionEnd;
    QString actionPlace;
    int beneficiaries = 0;
    QString indirectRule;
    QList<ActionBudgetLine> budget; // empty: not entered
    QString signedPlace;
    QDate signedOn;
    QList<SubsidyInstalment> instalments;
    int version = 0;

    Money receivedTotal() const;
    Money expectedTotal() const;
    SubsidyStatus status() const;
};

// A member of the association and the years whose dues were paid.
struct Member
{
    qint64 id = 0;
    qint64 contactId = 0;
    QString name; // filled when read
    QDate joinedOn;
    QDate leftOn;
    int lastPaidYear = 0; // filled when read
    int version = 0;
};

struct MembershipDue
{
    qint64 id = 0;
    qint64 memberId = 0;
    int year = 0;
    Money amount;
    QDate paidOn;
    GiftMethod method = GiftMethod::Cheque;
};

} // namespace etabli
