#include "storage/schoolrepository.h"

#include "storage/database.h"
#include "storage/rowreader.h"
#include "storage/sqlquery.h"

#include <QHash>

namespace etabli {

Result<SchoolIdentity> SchoolRepository::load() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT name, organisation_name, address_line1, address_line2, postcode, city, phone, email, "
        "website, "
        "siret, rna, logo, logo_mime, vat_regime, vat_number, vat_mention, fiscal_year_start_month, "
        "school_year_start_month, may_issue_tax_receipts, version, retention_trainee_years, "
        "retention_invoice_years, vat_on_debits, statutory_object, receipt_signatory_name, "
        "receipt_signatory_capacity, consumer_mediator, retention_candidate_months, iban, bic FROM school "
        "WHERE id "
        "= 1")));
    ETABLI_TRY(q.exec());
    if (!q.next())
        return fail(Error::Code::NotFound, tr("The school has not been set up yet."));
    SchoolIdentity s;
    sql::RowReader col(q);
    s.name = col.text();
    s.organisationName = col.text();
    s.addressLine1 = col.text();
    s.addressLine2 = col.text();
    s.postcode = col.text();
    s.city = col.text();
    s.phone = col.text();
    s.email = col.text();
    s.website = col.text();
    s.siret = col.text();
    s.rna = col.text();
    s.logo = col.value().toByteArray();
    s.logoMime = col.text();
    s.vatRegime = col.code(VatRegime::Franchise);
    s.vatNumber = col.text();
    s.vatMention = col.text();
    s.fiscalYearStartMonth = col.integer();
    s.schoolYearStartMonth = col.integer();
    s.mayIssueTaxReceipts = col.flag();
    s.version = col.integer();
    s.retentionTraineeYears = col.integer();
    s.retentionInvoiceYears = col.integer();
    s.vatOnDebits = col.flag();
    s.statutoryObject = col.text();
    s.receiptSignatoryName = col.text();
    s.receiptSignatoryCapacity = col.text();
    s.consumerMediator = col.text();
    s.retentionCandidateMonths = col.integer();
    s.iban = col.text();
    s.bic = col.text();
    return s;
}

Result<int> SchoolRepository::save(const SchoolIdentity& s, const QString& nowIso)
{
    SqlQuery q(m_db);
    const bool insert = s.version == 0;
    const QString sql =
        insert
            ? QStringLiteral(
                  "INSERT INTO school (id, name, organisation_name, address_line1, address_line2, postcode, "
                  "city, "
                  "phone, email, website, siret, rna, logo, logo_mime, vat_regime, vat_number, vat_mention, "
                  "fiscal_year_start_month, school_year_start_month, may_issue_tax_receipts, vat_on_debits, "
                  "statutory_object, receipt_signatory_name, receipt_signatory_capacity, consumer_mediator, "
                  "iban, bic, version, created_at, updated_at) VALUES (1, :name, :organisation_name, "
                  ":address_line1, "
                  ":address_line2, :postcode, :city, :phone, :email, :website, :siret, :rna, :logo, "
                  ":logo_mime, "
                  ":vat_regime, :vat_number, :vat_mention, :fiscal_year_start_month, "
                  ":school_year_start_month, "
                  ":may_issue_tax_receipts, :vat_on_debits, :statutory_object, :receipt_signatory_name, "
                  ":receipt_signatory_capacity, :consumer_mediator, :iban, :bic, 1, :now, :now)")
            : QStringLiteral(
                  "UPDATE school SET name = :name, organisation_name = :organisation_name, "
                  "address_line1 = :address_line1, address_line2 = :address_line2, postcode = :postcode, "
                  "city = :city, phone = :phone, email = :email, website = :website, siret = :siret, rna = "
                  ":rna, "
                  "logo = :logo, logo_mime = :logo_mime, vat_regime = :vat_regime, vat_number = :vat_number, "
                  "vat_mention = :vat_mention, fiscal_year_start_month = :fiscal_year_start_month, "
                  "school_year_start_month = :school_year_start_month, "
                  "may_issue_tax_receipts = :may_issue_tax_receipts, vat_on_debits = :vat_on_debits, "
                  "statutory_object = :statutory_object, receipt_signatory_name = :receipt_signatory_name, "
                  "receipt_signatory_capacity = :receipt_signatory_capacity, consumer_mediator = "
                  ":consumer_mediator, iban = :iban, bic = :bic, version = version + 1, updated_at = :now "
                  "WHERE id = 1 AND version = "
                  ":version");
    ETABLI_TRY(q.prepare(sql));
    q.bind(QStringLiteral("name"), s.name.trimmed())
        .bind(QStringLiteral("organisation_name"), s.organisationName.trimmed())
        .bind(QStringLiteral("address_line1"), s.addressLine1.trimmed())
        .bind(QStringLiteral("address_line2"), s.addressLine2.trimmed())
        .bind(QStringLiteral("postcode"), s.postcode.trimmed())
        .bind(QStringLiteral("city"), s.city.trimmed())
        .bind(QStringLiteral("phone"), s.phone.trimmed())
        .bind(QStringLiteral("email"), s.email.trimmed())
        .bind(QStringLiteral("website"), s.website.trimmed())
        .bind(QStringLiteral("siret"), s.siret)
        .bind(QStringLiteral("rna"), s.rna)
        .bind(QStringLiteral("logo"),
              s.logo.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(s.logo))
        .bind(QStringLiteral("logo_mime"), s.logoMime)
        .bind(QStringLiteral("vat_regime"), codeOf(s.vatRegime))
        .bind(QStringLiteral("vat_number"), s.vatNumber.trimmed())
        .bind(QStringLiteral("vat_mention"), s.vatMention.trimmed())
        .bind(QStringLiteral("fiscal_year_start_month"), s.fiscalYearStartMonth)
        .bind(QStringLiteral("school_year_start_month"), s.schoolYearStartMonth)
        .bind(QStringLiteral("may_issue_tax_receipts"), s.mayIssueTaxReceipts ? 1 : 0)
        .bind(QStringLiteral("vat_on_debits"), s.vatOnDebits ? 1 : 0)
        .bind(QStringLiteral("statutory_object"), s.statutoryObject.trimmed())
        .bind(QStringLiteral("receipt_signatory_name"), s.receiptSignatoryName.trimmed())
        .bind(QStringLiteral("receipt_signatory_capacity"), s.receiptSignatoryCapacity.trimmed())
        .bind(QStringLiteral("consumer_mediator"), s.consumerMediator.trimmed())
        .bind(QStringLiteral("iban"), s.iban.trimmed())
        .bind(QStringLiteral("bic"), s.bic.trimmed())
        .bind(QStringLiteral("now"), nowIso);
    if (!insert)
        q.bind(QStringLiteral("version"), s.version);
    ETABLI_TRY(q.exec());
    if (!insert && q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("The school's settings were changed meanwhile on another computer. Reload them, then "
                       "make your change again."));
    return insert ? 1 : s.version + 1;
}

} // namespace etabli

namespace etabli {

Status SchoolRepository::saveRetention(int traineeYears, int invoiceYears, int candidateMonths,
                                       const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral(
            "UPDATE school SET retention_trainee_years = :trainee, retention_invoice_years = :invoice, "
            "retention_candidate_months = :candidate, version = version + 1, updated_at = :now WHERE id = "
            "1"));
        !r)
        return r;
    q.bind(QStringLiteral("trainee"), traineeYears)
        .bind(QStringLiteral("invoice"), invoiceYears)
        .bind(QStringLiteral("candidate"), candidateMonths)
        .bind(QStringLiteral("now"), nowIso);
    return q.exec();
}

Result<QList<LegalAmount>> SchoolRepository::legalAmounts() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(QStringLiteral("SELECT code, amount_cents, year, source, version FROM legal_amount")));
    QHash<QString, LegalAmount> byCode;
    while (q.next()) {
        LegalAmount a;
        a.amount = Money::fromCents(q.value(1).toLongLong());
        a.year = q.value(2).toInt();
        a.source = q.value(3).toString();
        a.version = q.value(4).toInt();
        byCode.insert(q.value(0).toString(), a);
    }
    QList<LegalAmount> out;
    for (LegalAmountKind k : allOf<LegalAmountKind>()) {
        if (!byCode.contains(codeOf(k)))
            return fail(Error::Code::Storage, tr("A legal amount is missing from the database: run a check."),
                        codeOf(k));
        LegalAmount a = byCode.value(codeOf(k));
        a.kind = k;
        out << a;
    }
    return out;
}

Status SchoolRepository::saveLegalAmount(const LegalAmount& a, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("UPDATE legal_amount SET amount_cents = :amount, year = :year, "
                                          "source = :source, version = version + 1, "
                                          "updated_at = :now WHERE code = :code AND version = :version"));
        !r)
        return r;
    q.bind(QStringLiteral("amount"), a.amount.cents())
        .bind(QStringLiteral("year"), a.year)
        .bind(QStringLiteral("source"), a.source.trimmed())
        .bind(QStringLiteral("now"), nowIso)
        .bind(QStringLiteral("code"), codeOf(a.kind))
        .bind(QStringLiteral("version"), a.version);
    if (auto r = q.exec(); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return fail(Error::Code::ChangedMeanwhile,
                    tr("This amount was changed meanwhile on another computer. Reload the "
                       "settings, then make your change again."));
    return {};
}

Result<FundamentalTargets> SchoolRepository::targets() const
{
    SqlQuery q(m_db);
    ETABLI_TRY(q.prepare(QStringLiteral(
        "SELECT target_practice_bp, target_trainees_per_master, target_customer_order_bp FROM school")));
    ETABLI_TRY(q.exec());
    FundamentalTargets t;
    if (q.next()) {
        t.practiceBp = q.value(0).toInt();
        t.traineesPerMaster = q.value(1).toInt();
        t.customerOrderBp = q.value(2).toInt();
    }
    return t;
}

Status SchoolRepository::saveTargets(const FundamentalTargets& targets, const QString& nowIso)
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("UPDATE school SET target_practice_bp = :practice, "
                                 "target_trainees_per_master = :group, target_customer_order_bp = :orders, "
                                 "updated_at = :now")));
    q.bind(QStringLiteral("practice"), targets.practiceBp)
        .bind(QStringLiteral("group"), targets.traineesPerMaster)
        .bind(QStringLiteral("orders"), targets.customerOrderBp)
        .bind(QStringLiteral("now"), nowIso);
    return q.exec();
}

} // namespace etabli
