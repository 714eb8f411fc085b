#include "services/donationservice.h"

#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "services/financialyearservice.h"
#include "storage/contactrepository.h"
#include "storage/invoicerepository.h"
#include "storage/schoolrepository.h"
#include "storage/transaction.h"
#include "util/clock.h"

#include <limits>
#include <QLocale>

namespace etabli {

Status DonationService::checkOpenYear(const QDate& day) const
{
    return FinancialYearService::requireOpen(m_db, day);
}

Result<qint64> DonationService::record(const Donation& input)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingWrite));
    Donation d = input;
    if (d.contactId == 0)
        return fail(Error::Code::InvalidInput, tr("Choose the donor."));
    if (!d.day.isValid() || d.day > m_clock.today())
        return fail(Error::Code::InvalidInput, tr("Give the day of the gift (not in the future)."));
    if (d.amount.isNegative() || d.amount.isZero())
        return fail(Error::Code::InvalidInput, tr("The amount of a gift must be greater than zero."));
    if (!allOf<GiftNature>().contains(d.nature) || !allOf<GiftForm>().contains(d.form))
        return fail(Error::Code::InvalidInput, tr("Choose the nature and the form of the gift."));
    if (d.money()) {
        if (!fromCode<GiftMethod>(codeOf(d.method)))
            return fail(Error::Code::InvalidInput, tr("Choose how the gift was paid."));
        d.valuation.clear();
        d.proof.clear();
    } else {
        d.method = GiftMethod::Other;
        if (d.description.trimmed().isEmpty())
            return fail(
                Error::Code::InvalidInput,
                d.nature == GiftNature::ExpensesWaived
                    ? tr("Describe the expense the volunteer waives (what, when, for which activity).")
                : d.nature == GiftNature::Securities
                    ? tr("Name the securities given (company, number of shares).")
                    : tr("Describe what was given in kind (the amount is its value)."));
        if (d.valuation.trimmed().isEmpty())
            return fail(Error::Code::InvalidInput,
                        d.nature == GiftNature::ExpensesWaived
                            ? tr("Say how the expense was valued (receipts, the tax mileage scale…).")
                        : d.nature == GiftNature::Securities
                            ? tr("Say how the securities were valued (their price on the day of the gift).")
                            : tr("Say how the gift was valued (invoice, catalogue price, estimate…)."));
        if (d.nature == GiftNature::ExpensesWaived && d.proof.trimmed().isEmpty())
            return fail(Error::Code::InvalidInput,
                        tr("Name the proof kept for the waived expense: the receipts, and the volunteer's "
                           "written waiver of their reimbursement."));
    }
    return inTransaction(m_db, [&]() -> Result<qint64> {
        ETABLI_TRY(checkOpenYear(d.day));
        auto donor = ContactRepository(m_db).get(d.contactId);
        if (!donor)
            return std::unexpected(donor.error());
        if (d.nature == GiftNature::ExpensesWaived && !donor->person)
            return fail(Error::Code::InvalidInput,
                        tr("Waived expenses are a volunteer's gift: choose the person who incurred them."));
        if (!d.reference.trimmed().isEmpty()) {
            auto twin = FundingRepository(m_db).donationByReference(d.reference);
            if (!twin)
                return std::unexpected(twin.error());
            if (*twin != 0)
                return fail(
                    Error::Code::Conflict,
                    tr("The gift with the reference “%1” is already recorded.").arg(d.reference.trimmed()));
        }
        auto id = FundingRepository(m_db).insertDonation(d, m_clock.nowIso());
        if (!id)
            return id;
        ChangeSet c;
        c.set(QStringLiteral("contact_id"), d.contactId)
            .set(QStringLiteral("day"), d.day.toString(Qt::ISODate))
            .set(QStringLiteral("amount_cents"), d.amount.cents())
            .set(QStringLiteral("nature"), codeOf(d.nature))
            .set(QStringLiteral("form"), codeOf(d.form))
            .set(QStringLiteral("reference"), d.reference.trimmed());
        ETABLI_TRY(AuditTrail(m_db, m_clock)
                       .record(m_actor, AuditEntity::Donation, QString::number(*id), AuditAction::Create, c));
        return id;
    });
}

Result<Donation> DonationService::donation(qint64 id) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return FundingRepository(m_db).donation(id);
}

Result<Page<Donation>> DonationService::donations(const DonationFilter& filter,
                                                  const PageRequest& request) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return FundingRepository(m_db).donations(filter, request);
}

Result<qint64> DonationService::count(const DonationFilter& filter, int cap) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return FundingRepository(m_db).countDonations(filter, cap);
}

Status DonationService::mayIssue() const
{
    if (auto r = AccessControl::require(m_actor, permission::FundingWrite); !r)
        return r;
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    if (!school->mayIssueTaxReceipts)
        return fail(
            Error::Code::InvalidInput,
            tr("The school may not issue tax receipts: only a body of general interest may, and the settings "
               "say it is not one."));
    QStringList missing;
    if (school->statutoryObject.trimmed().isEmpty())
        missing << tr("the association's object, as its statutes say");
    if (school->receiptSignatoryName.trimmed().isEmpty() ||
        school->receiptSignatoryCapacity.trimmed().isEmpty())
        missing << tr("the name and capacity of the person who signs the receipts");
    if (school->rna.isEmpty() && school->siret.isEmpty())
        missing << tr("the school's RNA or SIRET number");
    if (!missing.isEmpty())
        return fail(
            Error::Code::InvalidInput,
            tr("A tax receipt cannot be issued yet: the settings lack\n– %1\nComplete them (Settings → "
               "School), then issue it again.")
                .arg(missing.join(QStringLiteral("\n– "))));
    return {};
}

Result<qint64> DonationService::issue(TaxReceipt t, const QList<qint64>& donationIds)
{
    FundingRepository repo(m_db);
    InvoiceRepository counters(m_db);
    // The beneficiary and the signatory as printed, frozen with the receipt.
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    t.beneficiary = QString::fromUtf8(school->beneficiaryJson());
    t.signatoryName = school->receiptSignatoryName.trimmed();
    t.signatoryCapacity = school->receiptSignatoryCapacity.trimmed();
    t.hashVersion = 3;
    t.issueDate = m_clock.today();
    t.year = t.issueDate.year();
    auto sequence = counters.takeNumber(QStringLiteral("R"), t.year);
    if (!sequence)
        return std::unexpected(sequence.error());
    auto position = counters.takeNumber(QStringLiteral("receipt-chain"), 0);
    if (!position)
        return std::unexpected(position.error());
    auto tip = repo.receiptTip();
    if (!tip)
        return std::unexpected(tip.error());
    if (tip->position != *position - 1)
        return fail(Error::Code::Storage,
                    tr("The chain of tax receipts is inconsistent: run a check of the database."));
    t.sequence = *sequence;
    t.chainPosition = *position;
    t.number = QStringLiteral("R%1-%2").arg(t.year).arg(*sequence, 4, 10, QLatin1Char('0'));
    t.issuedBy = m_actor.login;
    t.prevHash = tip->hash;
    t.hash = receiptHash(t, t.prevHash);
    auto id = repo.insertReceipt(t);
    if (!id)
        return id;
    if (!t.isCancellation()) {
        ETABLI_TRY(repo.attachReceipt(donationIds, *id, m_clock.nowIso()));
    }
    ChangeSet c;
    c.set(QStringLiteral("number"), t.number)
        .set(QStringLiteral("kind"), codeOf(t.kind))
        .set(QStringLiteral("total_cents"), t.total.cents());
    ETABLI_TRY(AuditTrail(m_db, m_clock)
                   .record(m_actor, AuditEntity::TaxReceipt, QString::number(*id), AuditAction::Create, c));
    return id;
}

namespace {

ReceiptLine lineOf(const Donation& d)
{
    return ReceiptLine{d.id,          d.day,  d.amount,    d.method, d.nature,
                       d.description, d.form, d.valuation, d.proof};
}

} // namespace

// The donor as the receipt prints them, frozen at issue. The model follows
// the donor: a private person gets Cerfa 11580 (articles 200 and 978), a
// company Cerfa 16216 (article 238 bis), which names its legal form and
// SIREN; public bodies and associations are neither.
Status DonationService::fillDonor(TaxReceipt& t, const Contact& donor)
{
    t.contactId = donor.id;
    t.donorName = donor.displayName();
    t.donorAddress = donor.postalAddress();
    t.donorCompany = !donor.person;
    t.donorSiren = donor.person ? QString() : donor.siret.left(9);
    t.donorLegalForm = donor.person ? QString() : donor.legalForm.trimmed();
    if (donor.person)
        return {};
    if (donor.customerKind() != CustomerKind::Company)
        return fail(Error::Code::InvalidInput,
                    tr("%1 is not a company: tax receipts are for private persons (Cerfa 11580) and for "
                       "companies (Cerfa 16216). A public body or an association gets a letter of thanks, "
                       "not a tax receipt. If it is a company, say so in its card in the directory.")
                        .arg(donor.displayName()));
    QStringList missing;
    if (t.donorSiren.isEmpty())
        missing << tr("its SIREN (the SIRET's first nine digits)");
    if (t.donorLegalForm.isEmpty())
        missing << tr("its legal form (SAS, SARL, SA…)");
    if (!missing.isEmpty())
        return fail(Error::Code::InvalidInput,
                    tr("The receipt of a company (Cerfa 16216) names the company's legal form and SIREN; the "
                       "card of %1 lacks\n– %2\nComplete it in the directory (Sales and customers → "
                       "Contacts), then issue the receipt again.")
                        .arg(donor.displayName(), missing.join(QStringLiteral("\n– "))));
    return {};
}

Result<qint64> DonationService::issueReceipt(qint64 donationId)
{
    ETABLI_TRY(mayIssue());
    return inTransaction(m_db, [&]() -> Result<qint64> {
        auto d = FundingRepository(m_db).donation(donationId);
        if (!d)
            return std::unexpected(d.error());
        if (d->receiptId != 0)
            return fail(Error::Code::Conflict,
                        tr("This gift already has the receipt %1.").arg(d->receiptNumber));
        auto donor = ContactRepository(m_db).get(d->contactId);
        if (!donor)
            return std::unexpected(donor.error());
        TaxReceipt t;
        ETABLI_TRY(fillDonor(t, *donor));
        t.lines = {lineOf(*d)};
        t.total = d->amount;
        return issue(t, {d->id});
    });
}

Result<qint64> DonationService::issueAnnualReceipt(qint64 contactId, int year)
{
    ETABLI_TRY(mayIssue());
    return inTransaction(m_db, [&]() -> Result<qint64> {
        auto donor = ContactRepository(m_db).get(contactId);
        if (!donor)
            return std::unexpected(donor.error());
        DonationFilter f;
        f.contactId = contactId;
        f.from = QDate(year, 1, 1);
        f.to = QDate(year, 12, 31);
        f.unreceiptedOnly = true;
        const FundingRepository funding(m_db);
        auto gifts = readAll<Donation>([&](const PageRequest& r) { return funding.donations(f, r); },
                                       std::numeric_limits<qsizetype>::max());
        if (!gifts)
            return std::unexpected(gifts.error());
        if (gifts->isEmpty())
            return fail(Error::Code::InvalidInput,
                        tr("%1 has no gift of %2 without a receipt.").arg(donor->displayName()).arg(year));
        TaxReceipt t;
        ETABLI_TRY(fillDonor(t, *donor));
        QList<qint64> ids;
        for (auto it = gifts->crbegin(); it != gifts->crend(); ++it) { // oldest first
            t.lines << lineOf(*it);
            t.total += it->amount;
            ids << it->id;
        }
        return issue(t, ids);
    });
}

Result<qint64> DonationService::cancelReceipt(qint64 receiptId, const QString& reason)
{
    ETABLI_TRY(mayIssue());
    if (reason.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("Say why the receipt is cancelled."));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        FundingRepository repo(m_db);
        auto original = repo.receipt(receiptId);
        if (!original)
            return std::unexpected(original.error());
        if (original->isCancellation())
            return fail(Error::Code::InvalidInput, tr("%1 is itself a cancellation.").arg(original->number));
        if (original->cancelledById != 0)
            return fail(
                Error::Code::Conflict,
                tr("%1 is already cancelled by %2.").arg(original->number, original->cancelledByNumber));
        TaxReceipt t = *original;
        t.id = 0;
        t.kind = ReceiptKind::Cancellation;
        t.cancelsReceiptId = original->id;
        t.reason = reason.trimmed();
        auto id = issue(t, {});
        if (!id)
            return id;
        ETABLI_TRY(repo.detachReceipt(original->id, m_clock.nowIso()));
        return id;
    });
}

Result<TaxReceipt> DonationService::receipt(qint64 id) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return FundingRepository(m_db).receipt(id);
}

Result<QList<qint64>> DonationService::receiptIds(int year) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return FundingRepository(m_db).receiptIds(year);
}

Result<qint64> DonationService::receiptId(const QString& number) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return FundingRepository(m_db).receiptId(number);
}

Result<QString> DonationService::verifyReceipts() const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    return FundingRepository(m_db).verifyReceipts();
}

} // namespace etabli
