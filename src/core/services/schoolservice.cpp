#include "services/schoolservice.h"

#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "storage/careerrepository.h"
#include "storage/database.h"
#include "storage/metarepository.h"
#include "storage/schoolrepository.h"
#include "storage/sectionrepository.h"
#include "storage/transaction.h"
#include "util/clock.h"

#include <QRegularExpression>
#include <QSet>

namespace etabli {

QString SchoolService::normaliseDigits(const QString& text)
{
    QString out;
    for (const QChar c : text) {
        if (!c.isSpace() && c != QChar(0x00A0) && c != QChar(0x202F) && c != QLatin1Char('.') &&
            c != QLatin1Char('-'))
            out += c;
    }
    return out;
}

QString SchoolService::normaliseCode(const QString& text)
{
    return normaliseDigits(text).toUpper();
}

Status SchoolService::validateSiret(const QString& input)
{
    const QString siret = normaliseDigits(input);
    if (siret.isEmpty())
        return {};
    static const QRegularExpression digits(QStringLiteral("^\\d{14}$"));
    if (!digits.match(siret).hasMatch())
        return fail(Error::Code::InvalidInput,
                    tr("The SIRET must have 14 digits (“%1”).").arg(input.trimmed()));
    // Luhn key; La Poste's establishments (SIREN 356000000) use a sum divisible by 5.
    int sum = 0;
    for (int i = 0; i < 14; ++i) {
        int d = siret.at(13 - i).digitValue();
        if (i % 2 == 1) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    int plain = 0;
    for (const QChar c : siret)
        plain += c.digitValue();
    const bool laPoste = siret.startsWith(QLatin1String("356000000"));
    if ((laPoste && plain % 5 != 0) || (!laPoste && sum % 10 != 0))
        return fail(Error::Code::InvalidInput,
                    tr("The SIRET “%1” is not valid (wrong check digit).").arg(input.trimmed()));
    return {};
}

Status SchoolService::validateRna(const QString& input)
{
    const QString rna = normaliseDigits(input).toUpper();
    if (rna.isEmpty())
        return {};
    static const QRegularExpression pattern(QStringLiteral("^W\\d{9}$"));
    if (!pattern.match(rna).hasMatch())
        return fail(Error::Code::InvalidInput,
                    tr("The RNA number is W followed by 9 digits (“%1”).").arg(input.trimmed()));
    return {};
}

Status SchoolService::validateIban(const QString& input)
{
    const QString iban = normaliseCode(input);
    if (iban.isEmpty())
        return {};
    static const QRegularExpression shape(QStringLiteral("^[A-Z]{2}\\d{2}[A-Z0-9]{11,30}$"));
    if (!shape.match(iban).hasMatch())
        return fail(
            Error::Code::InvalidInput,
            tr("An IBAN is two letters, two digits and the account's number (“%1”).").arg(input.trimmed()));
    // The SEPA countries a French school's bank is likely to be in: their IBAN's length.
    static const QHash<QString, int> lengths = {
        {QStringLiteral("FR"), 27}, {QStringLiteral("MC"), 27}, {QStringLiteral("DE"), 22},
        {QStringLiteral("BE"), 16}, {QStringLiteral("LU"), 20}, {QStringLiteral("CH"), 21},
        {QStringLiteral("ES"), 24}, {QStringLiteral("IT"), 27}, {QStringLiteral("NL"), 18},
    };
    const int expected = lengths.value(iban.left(2), 0);
    if (expected != 0 && iban.size() != expected)
        return fail(Error::Code::InvalidInput, tr("An IBAN of %1 has %2 characters; “%3” has %4.")
                                                   .arg(iban.left(2))
                                                   .arg(expected)
                                                   .arg(input.trimmed())
                                                   .arg(iban.size()));
    // ISO 7064 mod 97-10: the first four characters moved to the end, letters as 10..35.
    const QString moved = iban.mid(4) + iban.left(4);
    int rest = 0;
    for (const QChar c : moved) {
        const int v = c.isDigit() ? c.digitValue() : c.unicode() - 'A' + 10;
        rest = (v >= 10 ? rest * 100 + v : rest * 10 + v) % 97;
    }
    if (rest != 1)
        return fail(Error::Code::InvalidInput,
                    tr("The IBAN “%1” is not valid (wrong check digits): copy it again from the bank's "
                       "statement.")
                        .arg(ibanGrouped(iban)));
    return {};
}

Status SchoolService::validateBic(const QString& input)
{
    const QString bic = normaliseCode(input);
    if (bic.isEmpty())
        return {};
    static const QRegularExpression shape(QStringLiteral("^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$"));
    if (!shape.match(bic).hasMatch())
        return fail(Error::Code::InvalidInput,
                    tr("A BIC has 8 or 11 letters and digits, the bank's code and its country's first "
                       "(“%1”).")
                        .arg(input.trimmed()));
    return {};
}

Status SchoolService::validate(const SchoolIdentity& s)
{
    if (s.name.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("The school's name is required."));
    if (s.name.trimmed().size() > 200)
        return fail(Error::Code::InvalidInput, tr("The school's name is too long (200 characters at most)."));
    if (auto r = validateSiret(s.siret); !r)
        return r;
    if (auto r = validateRna(s.rna); !r)
        return r;
    static const QRegularExpression postcode(QStringLiteral("^\\d{5}$"));
    if (!s.postcode.trimmed().isEmpty() && !postcode.match(s.postcode.trimmed()).hasMatch())
        return fail(Error::Code::InvalidInput, tr("The postcode must have 5 digits (“%1”).").arg(s.postcode));
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!s.email.trimmed().isEmpty() && !email.match(s.email.trimmed()).hasMatch())
        return fail(Error::Code::InvalidInput,
                    tr("The e-mail address “%1” is not valid.").arg(s.email.trimmed()));
    if (s.fiscalYearStartMonth < 1 || s.fiscalYearStartMonth > 12)
        return fail(Error::Code::InvalidInput,
                    tr("The first month of the financial year must be between 1 and 12."));
    if (s.schoolYearStartMonth < 1 || s.schoolYearStartMonth > 12)
        return fail(Error::Code::InvalidInput, tr("The school-year start month must be between 1 and 12."));
    if (!s.vatNumber.trimmed().isEmpty()) {
        static const QRegularExpression vat(QStringLiteral("^FR[0-9A-Z]{2}\\d{9}$"));
        if (!vat.match(normaliseCode(s.vatNumber)).hasMatch())
            return fail(Error::Code::InvalidInput,
                        tr("A French VAT number is FR, a two-character key and the SIREN's 9 digits (“%1”).")
                            .arg(s.vatNumber.trimmed()));
    }
    if (auto r = validateIban(s.iban); !r)
        return r;
    if (auto r = validateBic(s.bic); !r)
        return r;
    if (!s.bic.trimmed().isEmpty() && s.iban.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("Give the IBAN with the BIC: invoices print both."));
    if (s.vatOnDebits && !chargesVat(s.vatRegime))
        return fail(Error::Code::InvalidInput,
                    tr("The option to pay VAT on debits only exists for a school subject to VAT."));
    if (s.logo.size() > 2 * 1024 * 1024)
        return fail(Error::Code::InvalidInput, tr("The logo is too large (2 MB at most)."));
    return {};
}

QString SchoolService::vatRegimeExplanation(VatRegime regime)
{
    switch (regime) {
    case VatRegime::Franchise:
        return tr("No VAT is charged while the civil year's sales stay under the franchise thresholds "
                  "(below). "
                  "Invoices say “%1”. Établi warns when the turnover passes a threshold.")
            .arg(vatMentionFor(regime));
    case VatRegime::Assujetti:
        return tr(
            "VAT is charged on each line at its rate and declared to the tax office. The school's VAT number "
            "is required to issue an invoice; a line at 0 % must say why it is exempt.");
    case VatRegime::Association:
        return tr("A non-profit association whose commercial receipts stay under the threshold (below) "
                  "charges no "
                  "VAT. Invoices say “%1”. Établi warns when the turnover passes the threshold.")
            .arg(vatMentionFor(regime));
    }
    return {};
}

Result<FundamentalTargets> SchoolService::targets() const
{
    return SchoolRepository(m_db).targets();
}

Status SchoolService::saveTargets(const FundamentalTargets& targets)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SettingsEdit));
    if (targets.practiceBp < 0 || targets.practiceBp > 10000 || targets.customerOrderBp < 0 ||
        targets.customerOrderBp > 10000)
        return fail(Error::Code::InvalidInput, tr("A target share is between 0 and 100 %."));
    if (targets.traineesPerMaster < 1 || targets.traineesPerMaster > 100)
        return fail(Error::Code::InvalidInput,
                    tr("The target group per master trainer is between 1 and 100 young people."));
    return inTransaction(m_db, [&]() -> Status {
        auto before = SchoolRepository(m_db).targets();
        if (!before)
            return std::unexpected(before.error());
        ETABLI_TRY(SchoolRepository(m_db).saveTargets(targets, m_clock.nowIso()));
        ChangeSet c;
        c.add(QStringLiteral("target_practice_bp"), before->practiceBp, targets.practiceBp)
            .add(QStringLiteral("target_trainees_per_master"), before->traineesPerMaster,
                 targets.traineesPerMaster)
            .add(QStringLiteral("target_customer_order_bp"), before->customerOrderBp,
                 targets.customerOrderBp);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::School, QStringLiteral("1"), AuditAction::Update, c);
    });
}

Result<QList<LegalAmount>> SchoolService::legalAmounts() const
{
    return SchoolRepository(m_db).legalAmounts();
}

Result<LegalAmount> SchoolService::legalAmount(LegalAmountKind kind) const
{
    auto all = legalAmounts();
    if (!all)
        return std::unexpected(all.error());
    for (const LegalAmount& a : std::as_const(*all))
        if (a.kind == kind)
            return a;
    return fail(Error::Code::NotFound, labelOf(kind));
}

Status SchoolService::saveLegalAmount(const LegalAmount& amount)
{
    if (auto r = AccessControl::require(m_actor, permission::SettingsEdit); !r)
        return r;
    if (amount.amount.cents() <= 0)
        return fail(Error::Code::InvalidInput,
                    tr("“%1”: give an amount above zero.").arg(labelOf(amount.kind)));
    if (amount.year < 1990 || amount.year > 2200)
        return fail(Error::Code::InvalidInput,
                    tr("“%1”: give the year the amount applies from.").arg(labelOf(amount.kind)));
    if (amount.source.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput,
                    tr("“%1”: say where the amount comes from (the text of law).").arg(labelOf(amount.kind)));
    auto saved = inTransaction(m_db, [&]() -> Status {
        auto before = legalAmount(amount.kind);
        if (!before)
            return std::unexpected(before.error());
        if (auto r = SchoolRepository(m_db).saveLegalAmount(amount, m_clock.nowIso()); !r)
            return r;
        ChangeSet c;
        c.add(QStringLiteral("amount_cents"), before->amount.cents(), amount.amount.cents())
            .add(QStringLiteral("year"), before->year, amount.year)
            .add(QStringLiteral("source"), before->source, amount.source.trimmed());
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::LegalAmount, codeOf(amount.kind), AuditAction::Update, c);
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock)
        .explained(std::move(saved), AuditEntity::LegalAmount, codeOf(amount.kind));
}

Result<SchoolIdentity> SchoolService::identity() const
{
    return SchoolRepository(m_db).load();
}

Result<SchoolIdentity> SchoolService::saveIdentity(SchoolIdentity s)
{
    s.name = s.name.trimmed();
    s.siret = normaliseDigits(s.siret);
    s.rna = normaliseDigits(s.rna).toUpper();
    s.postcode = s.postcode.trimmed();
    s.vatNumber = normaliseCode(s.vatNumber);
    s.iban = normaliseCode(s.iban);
    s.bic = normaliseCode(s.bic);
    // The mention follows the regime: never a free text that could say the wrong thing.
    s.vatMention = vatMentionFor(s.vatRegime);
    ETABLI_TRY(AccessControl::require(m_actor, permission::SettingsEdit));
    ETABLI_TRY(validate(s));
    auto version = inTransaction(m_db, [&]() -> Result<int> {
        SchoolRepository repo(m_db);
        auto before = repo.load();
        if (!before)
            return std::unexpected(before.error());
        auto saved = repo.save(s, m_clock.nowIso());
        if (!saved)
            return saved;
        const SchoolIdentity& b = *before;
        ChangeSet c;
        c.add(QStringLiteral("name"), b.name, s.name)
            .add(QStringLiteral("organisation_name"), b.organisationName, s.organisationName.trimmed())
            .add(QStringLiteral("address_line1"), b.addressLine1, s.addressLine1.trimmed())
            .add(QStringLiteral("address_line2"), b.addressLine2, s.addressLine2.trimmed())
            .add(QStringLiteral("postcode"), b.postcode, s.postcode)
            .add(QStringLiteral("city"), b.city, s.city.trimmed())
            .add(QStringLiteral("phone"), b.phone, s.phone.trimmed())
            .add(QStringLiteral("email"), b.email, s.email.trimmed())
            .add(QStringLiteral("website"), b.website, s.website.trimmed())
            .add(QStringLiteral("siret"), b.siret, s.siret)
            .add(QStringLiteral("rna"), b.rna, s.rna)
            .add(QStringLiteral("logo"), b.logo, s.logo)
            .add(QStringLiteral("vat_regime"), codeOf(b.vatRegime), codeOf(s.vatRegime))
            .add(QStringLiteral("vat_number"), b.vatNumber, s.vatNumber.trimmed())
            .add(QStringLiteral("vat_mention"), b.vatMention, s.vatMention.trimmed())
            .add(QStringLiteral("vat_on_debits"), b.vatOnDebits ? 1 : 0, s.vatOnDebits ? 1 : 0)
            .add(QStringLiteral("iban"), b.iban, s.iban)
            .add(QStringLiteral("bic"), b.bic, s.bic)
            .add(QStringLiteral("fiscal_year_start_month"), b.fiscalYearStartMonth, s.fiscalYearStartMonth)
            .add(QStringLiteral("school_year_start_month"), b.schoolYearStartMonth, s.schoolYearStartMonth)
            .add(QStringLiteral("may_issue_tax_receipts"), b.mayIssueTaxReceipts, s.mayIssueTaxReceipts)
            .add(QStringLiteral("statutory_object"), b.statutoryObject, s.statutoryObject.trimmed())
            .add(QStringLiteral("receipt_signatory_name"), b.receiptSignatoryName,
                 s.receiptSignatoryName.trimmed())
            .add(QStringLiteral("receipt_signatory_capacity"), b.receiptSignatoryCapacity,
                 s.receiptSignatoryCapacity.trimmed())
            .add(QStringLiteral("consumer_mediator"), b.consumerMediator, s.consumerMediator.trimmed());
        ETABLI_TRY(AuditTrail(m_db, m_clock)
                       .record(m_actor, AuditEntity::School, QStringLiteral("1"), AuditAction::Update, c));
        return saved;
    });
    if (!version) // changed meanwhile on another PC: said with who and when
        return std::unexpected(
            AuditTrail(m_db, m_clock)
                .explainConflict(version.error(), AuditEntity::School, QStringLiteral("1")));
    s.version = *version;
    return s;
}

bool SchoolService::isDemo() const
{
    auto v = MetaRepository(m_db).value(QStringLiteral("demo"));
    return v && !v->isEmpty();
}

std::optional<DatabaseCopy::MovedTo> SchoolService::movedTo() const
{
    return DatabaseCopy::movedTo(m_db);
}

Result<QList<Section>> SchoolService::sections(bool activeOnly) const
{
    return SectionRepository(m_db).list(activeOnly);
}

Result<qint64> SchoolService::addSection(const QString& name, const QString& trade)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SettingsEdit));
    if (name.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("The section's name is required."));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        SectionRepository repo(m_db);
        auto existing = repo.list();
        if (!existing)
            return std::unexpected(existing.error());
        Section s;
        s.name = name.trimmed();
        s.trade = trade.trimmed();
        s.position = static_cast<int>(existing->size());
        auto id = repo.insert(s, m_clock.nowIso());
        if (!id)
            return id;
        ChangeSet c;
        c.set(QStringLiteral("name"), s.name).set(QStringLiteral("trade"), s.trade);
        ETABLI_TRY(AuditTrail(m_db, m_clock)
                       .record(m_actor, AuditEntity::Section, QString::number(*id), AuditAction::Create, c));
        return id;
    });
}

Status SchoolService::updateSection(const Section& section)
{
    if (auto r = AccessControl::require(m_actor, permission::SettingsEdit); !r)
        return r;
    if (section.name.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("The section's name is required."));
    if (section.capacity < 0 || section.capacity > 500)
        return fail(Error::Code::InvalidInput, tr("The capacity is between 0 and 500 places."));
    if (section.halfDayMinutes < 30 || section.halfDayMinutes > 480)
        return fail(Error::Code::InvalidInput,
                    tr("A half-day in the workshop lasts between 30 minutes and 8 hours."));
    auto saved = inTransaction(m_db, [&]() -> Status {
        SectionRepository repo(m_db);
        auto all = repo.list();
        if (!all)
            return std::unexpected(all.error());
        Section before;
        for (const Section& s : *all) {
            if (s.id == section.id)
                before = s;
        }
        if (auto r = repo.update(section, m_clock.nowIso()); !r)
            return r;
        ChangeSet c;
        c.add(QStringLiteral("name"), before.name, section.name.trimmed())
            .add(QStringLiteral("trade"), before.trade, section.trade.trimmed())
            .add(QStringLiteral("active"), before.active, section.active)
            .add(QStringLiteral("position"), before.position, section.position)
            .add(QStringLiteral("capacity"), before.capacity, section.capacity)
            .add(QStringLiteral("half_day_minutes"), before.halfDayMinutes, section.halfDayMinutes);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Section, QString::number(section.id), AuditAction::Update, c);
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::Section, section.id);
}

Status SchoolService::deleteSection(qint64 sectionId)
{
    if (auto r = AccessControl::require(m_actor, permission::SettingsEdit); !r)
        return r;
    return inTransaction(m_db, [&]() -> Status {
        SectionRepository repo(m_db);
        auto used = repo.countTrainees(sectionId);
        if (!used)
            return std::unexpected(used.error());
        if (*used > 0)
            return fail(Error::Code::Conflict,
                        tr("This section has trainees (%n): deactivate it instead of deleting it.", nullptr,
                           static_cast<int>(*used)));
        if (auto r = repo.remove(sectionId); !r)
            return r;
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Section, QString::number(sectionId), AuditAction::Delete);
    });
}

Result<QList<qint64>> SchoolService::preparedCertifications(qint64 sectionId) const
{
    auto all = preparedCertifications();
    if (!all)
        return std::unexpected(all.error());
    return all->value(sectionId);
}

Result<QHash<qint64, QList<qint64>>> SchoolService::preparedCertifications() const
{
    return SectionRepository(m_db).preparedCertifications();
}

Status SchoolService::setPreparedCertifications(qint64 sectionId, const QList<qint64>& certificationIds)
{
    if (auto r = AccessControl::require(m_actor, permission::SettingsEdit); !r)
        return r;
    return inTransaction(m_db, [&]() -> Status {
        auto catalogue = CareerRepository(m_db).certifications();
        if (!catalogue)
            return std::unexpected(catalogue.error());
        SectionRepository repo(m_db);
        auto before = repo.preparedCertifications();
        if (!before)
            return std::unexpected(before.error());
        // In the catalogue's order, each once; the trail names them by their short names.
        QList<qint64> ids;
        const auto codes = [&](const QList<qint64>& of) {
            QStringList out;
            for (const Certification& c : *catalogue) {
                if (of.contains(c.id))
                    out << c.code;
            }
            return out.join(QStringLiteral(", "));
        };
        for (const Certification& c : *catalogue) {
            if (certificationIds.contains(c.id))
                ids << c.id;
        }
        if (ids.size() != QSet<qint64>(certificationIds.begin(), certificationIds.end()).size())
            return fail(Error::Code::InvalidInput, tr("This certification is not in the catalogue."));
        if (auto r = repo.setPreparedCertifications(sectionId, ids); !r)
            return r;
        ChangeSet c;
        c.add(QStringLiteral("certifications"), codes(before->value(sectionId)), codes(ids));
        if (c.isEmpty())
            return {};
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Section, QString::number(sectionId), AuditAction::Update, c);
    });
}

} // namespace etabli
