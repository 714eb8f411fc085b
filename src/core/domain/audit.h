#pragma once

#include "domain/codes.h"

namespace etabli {

// What a row of the audit trail is about. The codes are in every school's
// trail (and in its hash chain): they never change. A trail written by a
// newer version may hold a code this one does not know; it is shown as is.
enum class AuditEntity
{
    School,
    Section,
    Skill,
    User,
    Session,
    Database,
    Trainee,
    Organisation,
    Attendance,
    Catalogue,
    Production,
    Staff,
    VolunteerHours,
    Contact,
    Vehicle,
    Quote,
    WorkOrder,
    Invoice,
    Payment,
    BankStatement,
    Closing,
    TyreSet,
    Donation,
    TaxReceipt,
    Member,
    MembershipDue,
    FinancialYear,
    BudgetEntry,
    BudgetForecast,
    ApprenticeshipTax,
    LegalAmount,
    LedgerAccount,
    ReferenceValue,
    Subsidy,
    ReportNarrative,
    Archive,
    Audit,
    Framework,
    Evaluation,
};

template <> struct Codes<AuditEntity>
{
    static constexpr CodeEntry<AuditEntity> entries[] = {
        {AuditEntity::School, "school",
         QT_TRANSLATE_NOOP3("etabli::Codes", "school settings", "audit trail")},
        {AuditEntity::Section, "section", QT_TRANSLATE_NOOP3("etabli::Codes", "section", "audit trail")},
        {AuditEntity::Skill, "skill", QT_TRANSLATE_NOOP3("etabli::Codes", "skill", "audit trail")},
        {AuditEntity::User, "user", QT_TRANSLATE_NOOP3("etabli::Codes", "user account", "audit trail")},
        {AuditEntity::Session, "session", QT_TRANSLATE_NOOP3("etabli::Codes", "session", "audit trail")},
        {AuditEntity::Database, "database", QT_TRANSLATE_NOOP3("etabli::Codes", "database", "audit trail")},
        {AuditEntity::Trainee, "trainee", QT_TRANSLATE_NOOP3("etabli::Codes", "trainee", "audit trail")},
        {AuditEntity::Organisation, "organisation",
         QT_TRANSLATE_NOOP3("etabli::Codes", "organisation", "audit trail")},
        {AuditEntity::Attendance, "attendance",
         QT_TRANSLATE_NOOP3("etabli::Codes", "attendance", "audit trail")},
        {AuditEntity::Catalogue, "catalogue",
         QT_TRANSLATE_NOOP3("etabli::Codes", "catalogue item", "audit trail")},
        {AuditEntity::Production, "production",
         QT_TRANSLATE_NOOP3("etabli::Codes", "production log entry", "audit trail")},
        {AuditEntity::Staff, "staff", QT_TRANSLATE_NOOP3("etabli::Codes", "team member", "audit trail")},
        {AuditEntity::VolunteerHours, "volunteer_hours",
         QT_TRANSLATE_NOOP3("etabli::Codes", "volunteer hours", "audit trail")},
        {AuditEntity::Contact, "contact", QT_TRANSLATE_NOOP3("etabli::Codes", "contact", "audit trail")},
        {AuditEntity::Vehicle, "vehicle", QT_TRANSLATE_NOOP3("etabli::Codes", "vehicle", "audit trail")},
        {AuditEntity::Quote, "quote", QT_TRANSLATE_NOOP3("etabli::Codes", "quote", "audit trail")},
        {AuditEntity::WorkOrder, "work_order",
         QT_TRANSLATE_NOOP3("etabli::Codes", "work order", "audit trail")},
        {AuditEntity::Invoice, "invoice", QT_TRANSLATE_NOOP3("etabli::Codes", "invoice", "audit trail")},
        {AuditEntity::Payment, "payment", QT_TRANSLATE_NOOP3("etabli::Codes", "payment", "audit trail")},
        {AuditEntity::BankStatement, "bank_statement",
         QT_TRANSLATE_NOOP3("etabli::Codes", "bank statement", "audit trail")},
        {AuditEntity::Closing, "closing", QT_TRANSLATE_NOOP3("etabli::Codes", "closing", "audit trail")},
        {AuditEntity::TyreSet, "tyre_set",
         QT_TRANSLATE_NOOP3("etabli::Codes", "set of tyres in storage", "audit trail")},
        {AuditEntity::Donation, "donation", QT_TRANSLATE_NOOP3("etabli::Codes", "gift", "audit trail")},
        {AuditEntity::TaxReceipt, "tax_receipt",
         QT_TRANSLATE_NOOP3("etabli::Codes", "tax receipt", "audit trail")},
        {AuditEntity::Member, "member", QT_TRANSLATE_NOOP3("etabli::Codes", "member", "audit trail")},
        {AuditEntity::MembershipDue, "membership_due",
         QT_TRANSLATE_NOOP3("etabli::Codes", "membership fee", "audit trail")},
        {AuditEntity::FinancialYear, "financial_year",
         QT_TRANSLATE_NOOP3("etabli::Codes", "financial year", "audit trail")},
        {AuditEntity::BudgetEntry, "budget_entry",
         QT_TRANSLATE_NOOP3("etabli::Codes", "budget entry", "audit trail")},
        {AuditEntity::BudgetForecast, "budget_forecast",
         QT_TRANSLATE_NOOP3("etabli::Codes", "budget forecast", "audit trail")},
        {AuditEntity::ApprenticeshipTax, "apprenticeship_tax",
         QT_TRANSLATE_NOOP3("etabli::Codes", "apprenticeship tax", "audit trail")},
        {AuditEntity::LegalAmount, "legal_amount",
         QT_TRANSLATE_NOOP3("etabli::Codes", "amount set by law", "audit trail")},
        {AuditEntity::LedgerAccount, "ledger_account",
         QT_TRANSLATE_NOOP3("etabli::Codes", "account of the chart", "audit trail")},
        {AuditEntity::ReferenceValue, "reference_value",
         QT_TRANSLATE_NOOP3("etabli::Codes", "reference value", "audit trail")},
        {AuditEntity::Subsidy, "subsidy", QT_TRANSLATE_NOOP3("etabli::Codes", "subsidy", "audit trail")},
        {AuditEntity::ReportNarrative, "report_narrative",
         QT_TRANSLATE_NOOP3("etabli::Codes", "report text", "audit trail")},
        {AuditEntity::Archive, "archive",
         QT_TRANSLATE_NOOP3("etabli::Codes", "year's archive", "audit trail")},
        {AuditEntity::Audit, "audit", QT_TRANSLATE_NOOP3("etabli::Codes", "audit trail", "audit trail")},
        {AuditEntity::Framework, "framework",
         QT_TRANSLATE_NOOP3("etabli::Codes", "skill framework", "audit trail")},
        {AuditEntity::Evaluation, "evaluation",
         QT_TRANSLATE_NOOP3("etabli::Codes", "evaluation", "audit trail")},
    };
};

// What was done to it.
enum class AuditAction
{
    Create,
    Update,
    Delete,
    Login,
    LoginFailed,
    Lock,
    Password,
    Export,
    Anonymise,
    Restore,
    Read,
};

template <> struct Codes<AuditAction>
{
    static constexpr CodeEntry<AuditAction> entries[] = {
        {AuditAction::Create, "create", QT_TRANSLATE_NOOP3("etabli::Codes", "created", "audit trail")},
        {AuditAction::Update, "update", QT_TRANSLATE_NOOP3("etabli::Codes", "changed", "audit trail")},
        {AuditAction::Delete, "delete", QT_TRANSLATE_NOOP3("etabli::Codes", "deleted", "audit trail")},
        {AuditAction::Login, "login", QT_TRANSLATE_NOOP3("etabli::Codes", "logged in", "audit trail")},
        {AuditAction::LoginFailed, "login_failed",
         QT_TRANSLATE_NOOP3("etabli::Codes", "failed login", "audit trail")},
        {AuditAction::Lock, "lock", QT_TRANSLATE_NOOP3("etabli::Codes", "account locked", "audit trail")},
        {AuditAction::Password, "password",
         QT_TRANSLATE_NOOP3("etabli::Codes", "password changed", "audit trail")},
        {AuditAction::Export, "export", QT_TRANSLATE_NOOP3("etabli::Codes", "exported", "audit trail")},
        {AuditAction::Anonymise, "anonymise",
         QT_TRANSLATE_NOOP3("etabli::Codes", "anonymised", "audit trail")},
        {AuditAction::Restore, "restore", QT_TRANSLATE_NOOP3("etabli::Codes", "restored", "audit trail")},
        {AuditAction::Read, "read", QT_TRANSLATE_NOOP3("etabli::Codes", "read", "audit trail")},
    };
};

} // namespace etabli
