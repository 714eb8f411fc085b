#include "services/auditwording.h"

#include "domain/money.h"
#include "domain/school.h"
#include "domain/trainee.h"
#include "services/audittrail.h"
#include "services/catalogueservice.h"
#include "services/donationservice.h"
#include "services/invoiceservice.h"
#include "services/orderservice.h"
#include "services/productionservice.h"
#include "services/schoolservice.h"
#include "services/staffservice.h"
#include "services/subsidyservice.h"
#include "services/traineeservice.h"
#include "storage/auditrepository.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

namespace etabli {

namespace {

struct Word
{
    const char* code;
    const char* label;
};

// Fields as the forms label them.
const Word kFields[] = {
    {"account", QT_TRANSLATE_NOOP("AuditWording", "Account")},
    {"accounted_on", QT_TRANSLATE_NOOP("AuditWording", "Accounted for on")},
    {"active", QT_TRANSLATE_NOOP("AuditWording", "Active")},
    {"activity", QT_TRANSLATE_NOOP("AuditWording", "Activity")},
    {"address", QT_TRANSLATE_NOOP("AuditWording", "Address")},
    {"address_line1", QT_TRANSLATE_NOOP("AuditWording", "Address")},
    {"address_line2", QT_TRANSLATE_NOOP("AuditWording", "Address (continued)")},
    {"amount_cents", QT_TRANSLATE_NOOP("AuditWording", "Amount")},
    {"archived", QT_TRANSLATE_NOOP("AuditWording", "Archived")},
    {"bic", QT_TRANSLATE_NOOP("AuditWording", "BIC")},
    {"birth_date", QT_TRANSLATE_NOOP("AuditWording", "Date of birth")},
    {"capacity", QT_TRANSLATE_NOOP("AuditWording", "Places")},
    {"category", QT_TRANSLATE_NOOP("AuditWording", "Category")},
    {"certifications", QT_TRANSLATE_NOOP("AuditWording", "Certifications prepared")},
    {"cheques", QT_TRANSLATE_NOOP("AuditWording", "Cheques")},
    {"city", QT_TRANSLATE_NOOP("AuditWording", "City")},
    {"closed", QT_TRANSLATE_NOOP("AuditWording", "Closed")},
    {"code", QT_TRANSLATE_NOOP("AuditWording", "Code")},
    {"cohort_year", QT_TRANSLATE_NOOP("AuditWording", "School year of entry")},
    {"consumer_mediator", QT_TRANSLATE_NOOP("AuditWording", "Consumer mediator")},
    {"contact_id", QT_TRANSLATE_NOOP("AuditWording", "Contact")},
    {"copy", QT_TRANSLATE_NOOP("AuditWording", "Copy")},
    {"created", QT_TRANSLATE_NOOP("AuditWording", "Records created")},
    {"corrects_entry_id", QT_TRANSLATE_NOOP("AuditWording", "Entry corrected")},
    {"date_in", QT_TRANSLATE_NOOP("AuditWording", "Brought in on")},
    {"date_out", QT_TRANSLATE_NOOP("AuditWording", "Given back on")},
    {"day", QT_TRANSLATE_NOOP("AuditWording", "Day")},
    {"decision", QT_TRANSLATE_NOOP("AuditWording", "Decision")},
    {"description", QT_TRANSLATE_NOOP("AuditWording", "Description")},
    {"difficulties", QT_TRANSLATE_NOOP("AuditWording", "Difficulties")},
    {"display_name", QT_TRANSLATE_NOOP("AuditWording", "Name")},
    {"email", QT_TRANSLATE_NOOP("AuditWording", "E-mail")},
    {"end_date", QT_TRANSLATE_NOOP("AuditWording", "End")},
    {"entry", QT_TRANSLATE_NOOP("AuditWording", "Entry")},
    {"entry_date", QT_TRANSLATE_NOOP("AuditWording", "Date of entry")},
    {"exit_date", QT_TRANSLATE_NOOP("AuditWording", "Date of exit")},
    {"exit_reason", QT_TRANSLATE_NOOP("AuditWording", "Reason for leaving")},
    {"expected_cents", QT_TRANSLATE_NOOP("AuditWording", "Amount expected")},
    {"file", QT_TRANSLATE_NOOP("AuditWording", "File")},
    {"financial_year_id", QT_TRANSLATE_NOOP("AuditWording", "Financial year")},
    {"first_name", QT_TRANSLATE_NOOP("AuditWording", "First name")},
    {"fiscal_year_start_month", QT_TRANSLATE_NOOP("AuditWording", "First month of the financial year")},
    {"form", QT_TRANSLATE_NOOP("AuditWording", "Form of the gift")},
    {"funder_id", QT_TRANSLATE_NOOP("AuditWording", "Funder")},
    {"granted_cents", QT_TRANSLATE_NOOP("AuditWording", "Amount granted")},
    {"guardian", QT_TRANSLATE_NOOP("AuditWording", "Legal guardian")},
    {"half_day_minutes", QT_TRANSLATE_NOOP("AuditWording", "A half-day in the workshop")},
    {"highlights", QT_TRANSLATE_NOOP("AuditWording", "Highlights")},
    {"iban", QT_TRANSLATE_NOOP("AuditWording", "IBAN")},
    {"identity", QT_TRANSLATE_NOOP("AuditWording", "Identity")},
    {"invoice", QT_TRANSLATE_NOOP("AuditWording", "Invoice")},
    {"invoice_id", QT_TRANSLATE_NOOP("AuditWording", "Invoice")},
    {"job", QT_TRANSLATE_NOOP("AuditWording", "Job")},
    {"joined_on", QT_TRANSLATE_NOOP("AuditWording", "Member since")},
    {"kept_aside", QT_TRANSLATE_NOOP("AuditWording", "Kept aside")},
    {"kind", QT_TRANSLATE_NOOP("AuditWording", "Kind")},
    {"label", QT_TRANSLATE_NOOP("AuditWording", "Label")},
    {"last_name", QT_TRANSLATE_NOOP("AuditWording", "Last name")},
    {"left_on", QT_TRANSLATE_NOOP("AuditWording", "Left on")},
    {"legal_form", QT_TRANSLATE_NOOP("AuditWording", "Legal form")},
    {"lines", QT_TRANSLATE_NOOP("AuditWording", "Lines")},
    {"locked_until", QT_TRANSLATE_NOOP("AuditWording", "Locked until")},
    {"login", QT_TRANSLATE_NOOP("AuditWording", "Login")},
    {"logo", QT_TRANSLATE_NOOP("AuditWording", "Logo")},
    {"materials", QT_TRANSLATE_NOOP("AuditWording", "Materials")},
    {"may_issue_tax_receipts", QT_TRANSLATE_NOOP("AuditWording", "May issue tax receipts")},
    {"member_id", QT_TRANSLATE_NOOP("AuditWording", "Member")},
    {"method", QT_TRANSLATE_NOOP("AuditWording", "Method of payment")},
    {"minutes", QT_TRANSLATE_NOOP("AuditWording", "Time")},
    {"missing", QT_TRANSLATE_NOOP("AuditWording", "Missing")},
    {"name", QT_TRANSLATE_NOOP("AuditWording", "Name")},
    {"nature", QT_TRANSLATE_NOOP("AuditWording", "Nature of the gift")},
    {"note", QT_TRANSLATE_NOOP("AuditWording", "Note")},
    {"notes", QT_TRANSLATE_NOOP("AuditWording", "Notes")},
    {"number", QT_TRANSLATE_NOOP("AuditWording", "Number")},
    {"organisation_name", QT_TRANSLATE_NOOP("AuditWording", "Managing association")},
    {"outlook", QT_TRANSLATE_NOOP("AuditWording", "Outlook")},
    {"outputs", QT_TRANSLATE_NOOP("AuditWording", "What was made")},
    {"paid_cents", QT_TRANSLATE_NOOP("AuditWording", "Amount paid")},
    {"paid_on", QT_TRANSLATE_NOOP("AuditWording", "Paid on")},
    {"password", QT_TRANSLATE_NOOP("AuditWording", "Password")},
    {"period", QT_TRANSLATE_NOOP("AuditWording", "Period")},
    {"phone", QT_TRANSLATE_NOOP("AuditWording", "Telephone")},
    {"place", QT_TRANSLATE_NOOP("AuditWording", "Place")},
    {"plate", QT_TRANSLATE_NOOP("AuditWording", "Number plate")},
    {"position", QT_TRANSLATE_NOOP("AuditWording", "Position in the list")},
    {"postcode", QT_TRANSLATE_NOOP("AuditWording", "Postcode")},
    {"programme", QT_TRANSLATE_NOOP("AuditWording", "Programme")},
    {"read", QT_TRANSLATE_NOOP("AuditWording", "Read")},
    {"reason", QT_TRANSLATE_NOOP("AuditWording", "Reason")},
    {"receipt_signatory_capacity", QT_TRANSLATE_NOOP("AuditWording", "Capacity of the receipts' signatory")},
    {"receipt_signatory_name", QT_TRANSLATE_NOOP("AuditWording", "Receipts' signatory")},
    {"received_cents", QT_TRANSLATE_NOOP("AuditWording", "Amount received")},
    {"received_on", QT_TRANSLATE_NOOP("AuditWording", "Received on")},
    {"reference", QT_TRANSLATE_NOOP("AuditWording", "Reference")},
    {"referral_id", QT_TRANSLATE_NOOP("AuditWording", "Referral")},
    {"requested_cents", QT_TRANSLATE_NOOP("AuditWording", "Amount requested")},
    {"retention_candidate_months", QT_TRANSLATE_NOOP("AuditWording", "Candidates kept (months)")},
    {"retention_invoice_years", QT_TRANSLATE_NOOP("AuditWording", "Invoices kept (years)")},
    {"retention_trainee_years", QT_TRANSLATE_NOOP("AuditWording", "Trainees kept (years)")},
    {"reverses", QT_TRANSLATE_NOOP("AuditWording", "Cancels")},
    {"rna", QT_TRANSLATE_NOOP("AuditWording", "RNA number")},
    {"role", QT_TRANSLATE_NOOP("AuditWording", "Role")},
    {"school_year_start_month", QT_TRANSLATE_NOOP("AuditWording", "School year starts in")},
    {"season", QT_TRANSLATE_NOOP("AuditWording", "Season")},
    {"section_id", QT_TRANSLATE_NOOP("AuditWording", "Section")},
    {"sections", QT_TRANSLATE_NOOP("AuditWording", "Sections")},
    {"sex", QT_TRANSLATE_NOOP("AuditWording", "Sex")},
    {"siret", QT_TRANSLATE_NOOP("AuditWording", "SIRET")},
    {"skills", QT_TRANSLATE_NOOP("AuditWording", "Skills")},
    {"source", QT_TRANSLATE_NOOP("AuditWording", "Source")},
    {"staff_id", QT_TRANSLATE_NOOP("AuditWording", "Team member")},
    {"start_date", QT_TRANSLATE_NOOP("AuditWording", "Start")},
    {"status", QT_TRANSLATE_NOOP("AuditWording", "Status")},
    {"statutory_object", QT_TRANSLATE_NOOP("AuditWording", "Statutory object")},
    {"study_year", QT_TRANSLATE_NOOP("AuditWording", "Year of the course")},
    {"target_gifts_bp", QT_TRANSLATE_NOOP("AuditWording", "Target share of gifts")},
    {"target_production_bp", QT_TRANSLATE_NOOP("AuditWording", "Target share of sales")},
    {"target_subsidies_bp", QT_TRANSLATE_NOOP("AuditWording", "Target share of subsidies")},
    {"total_cents", QT_TRANSLATE_NOOP("AuditWording", "Total")},
    {"total_excl_cents", QT_TRANSLATE_NOOP("AuditWording", "Total excluding VAT")},
    {"total_incl_cents", QT_TRANSLATE_NOOP("AuditWording", "Total including VAT")},
    {"trade", QT_TRANSLATE_NOOP("AuditWording", "Trade")},
    {"trainees", QT_TRANSLATE_NOOP("AuditWording", "Trainees")},
    {"trainer_staff_id", QT_TRANSLATE_NOOP("AuditWording", "Trainer")},
    {"tyre_size", QT_TRANSLATE_NOOP("AuditWording", "Tyre size")},
    {"unit", QT_TRANSLATE_NOOP("AuditWording", "Unit")},
    {"unit_price_cents", QT_TRANSLATE_NOOP("AuditWording", "Unit price excluding VAT")},
    {"user_id", QT_TRANSLATE_NOOP("AuditWording", "User account")},
    {"value_bp", QT_TRANSLATE_NOOP("AuditWording", "Value")},
    {"vat_mention", QT_TRANSLATE_NOOP("AuditWording", "Mention on invoices")},
    {"vat_number", QT_TRANSLATE_NOOP("AuditWording", "VAT number")},
    {"vat_on_debits", QT_TRANSLATE_NOOP("AuditWording", "VAT on debits")},
    {"vat_rate_bp", QT_TRANSLATE_NOOP("AuditWording", "VAT rate")},
    {"vat_regime", QT_TRANSLATE_NOOP("AuditWording", "VAT regime")},
    {"vehicle_id", QT_TRANSLATE_NOOP("AuditWording", "Vehicle")},
    {"volunteer_hour_value_cents", QT_TRANSLATE_NOOP("AuditWording", "Value of a volunteer's hour")},
    {"website", QT_TRANSLATE_NOOP("AuditWording", "Website")},
    {"work_order_id", QT_TRANSLATE_NOOP("AuditWording", "Work order")},
    {"year", QT_TRANSLATE_NOOP("AuditWording", "Year")},
};

QHash<QString, const char*> lookup(const Word* words, std::size_t count)
{
    QHash<QString, const char*> t;
    for (std::size_t i = 0; i < count; ++i)
        t.insert(QString::fromLatin1(words[i].code), words[i].label);
    return t;
}

const QStringList kBooleans = {QStringLiteral("active"),
                               QStringLiteral("archived"),
                               QStringLiteral("closed"),
                               QStringLiteral("kept_aside"),
                               QStringLiteral("may_issue_tax_receipts"),
                               QStringLiteral("vat_on_debits"),
                               QStringLiteral("professional"),
                               QStringLiteral("person")};

// The code of a list as the form of `entity` names it; empty when not one.
QString codeLabel(std::optional<AuditEntity> entity, const QString& field, const QString& code)
{
    if (field == QLatin1String("status")) {
        if (entity == AuditEntity::Trainee)
            return labelOf(fromCode(code, TraineeStatus::Candidate));
        if (entity == AuditEntity::Subsidy)
            return labelOfCode<SubsidyStatus>(code);
        if (entity == AuditEntity::Invoice)
            return labelOfCode<InvoiceStatus>(code);
        if (entity == AuditEntity::Quote)
            return labelOfCode<QuoteStatus>(code);
        if (entity == AuditEntity::WorkOrder)
            return labelOfCode<WorkOrderStatus>(code);
    }
    if (field == QLatin1String("decision") && entity == AuditEntity::Subsidy)
        return labelOfCode<SubsidyDecision>(code);
    if (field == QLatin1String("read"))
        return code == QLatin1String("notes")       ? AuditWording::tr("follow-up notes")
               : code == QLatin1String("guardians") ? AuditWording::tr("legal guardians")
                                                    : QString();
    if (field == QLatin1String("exit_reason"))
        return labelOfCode<ExitReason>(code);
    if (field == QLatin1String("vat_regime"))
        return labelOfCode<VatRegime>(code);
    if (field == QLatin1String("method"))
        return entity == AuditEntity::Donation || entity == AuditEntity::MembershipDue
                   ? labelOfCode<GiftMethod>(code)
                   : labelOfCode<PaymentMethod>(code);
    if (field == QLatin1String("unit"))
        return labelOfCode<Unit>(code);
    if (field == QLatin1String("job"))
        return labelOfCode<StaffJob>(code);
    if (field == QLatin1String("account") && entity == AuditEntity::Session)
        return code == QLatin1String("unknown")  ? AuditWording::tr("unknown login")
               : code == QLatin1String("locked") ? AuditWording::tr("account locked")
               : code == QLatin1String("known")  ? AuditWording::tr("wrong password")
                                                 : QString();
    if (field == QLatin1String("kind")) {
        if (entity == AuditEntity::Contact)
            return labelOfCode<CustomerKind>(code);
        if (entity == AuditEntity::Staff)
            return labelOfCode<StaffKind>(code);
        if (entity == AuditEntity::Production)
            return labelOfCode<ProductionKind>(code);
    }
    return {};
}

} // namespace

QString AuditWording::fieldLabel(const QString& field)
{
    static const auto fields = lookup(kFields, std::size(kFields));
    if (auto it = fields.constFind(field); it != fields.cend())
        return QCoreApplication::translate("AuditWording", *it);
    return field;
}

bool AuditWording::isInternal(const QString& field)
{
    return field == QLatin1String("id") || field == QLatin1String("version") ||
           field.endsWith(QLatin1String("_key")) || field.contains(QLatin1String("hash")) ||
           field == QLatin1String("secret") || field == QLatin1String("password_hash");
}

bool AuditWording::isReference(const QString& field)
{
    return field.endsWith(QLatin1String("_id"));
}

QString AuditWording::value(std::optional<AuditEntity> entity, const QString& field, const QVariant& v)
{
    if (!v.isValid() || v.isNull() || v.toString().isEmpty())
        return QStringLiteral("—");
    const QString text = v.toString();
    if (AuditRepository::isDigest(text) || text == ChangeSet::masked())
        return tr("(personal data, masked)");
    const QLocale locale;
    if (field.endsWith(QLatin1String("_cents")))
        return Money::fromCents(v.toLongLong()).format(locale);
    if (field.endsWith(QLatin1String("_bp")))
        return locale.toString(v.toDouble() / 100.0, 'f', v.toLongLong() % 100 == 0 ? 0 : 2) +
               QStringLiteral(" %");
    if (kBooleans.contains(field) || v.typeId() == QMetaType::Bool)
        return v.toBool() || text == QLatin1String("1") ? tr("yes") : tr("no");
    static const QRegularExpression day(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    static const QRegularExpression moment(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}"));
    if (day.match(text).hasMatch())
        return QDate::fromString(text, Qt::ISODate).toString(QStringLiteral("dd/MM/yyyy"));
    if (moment.match(text).hasMatch())
        return QDateTime::fromString(text, Qt::ISODate)
            .toLocalTime()
            .toString(QStringLiteral("dd/MM/yyyy HH:mm"));
    if (const QString label = codeLabel(entity, field, text); !label.isEmpty() && label != text)
        return label;
    return text;
}

QString AuditWording::changes(std::optional<AuditEntity> entity, const QString& json)
{
    if (json.isEmpty())
        return {};
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    QStringList parts;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (isInternal(it.key()))
            continue;
        const QJsonArray pair = it.value().toArray();
        if (isReference(it.key())) {
            parts << tr("%1: changed").arg(fieldLabel(it.key()));
            continue;
        }
        const QString before = value(entity, it.key(), pair.at(0).toVariant());
        const QString after = value(entity, it.key(), pair.at(1).toVariant());
        parts << (pair.at(0).isNull() ? tr("%1: %2").arg(fieldLabel(it.key()), after)
                                      : tr("%1: %2 → %3").arg(fieldLabel(it.key()), before, after));
    }
    return parts.join(QStringLiteral(" ; "));
}

} // namespace etabli
