#include "services/invoiceservice.h"

#include "io/facturx.h"
#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "services/closingservice.h"
#include "services/financialyearservice.h"
#include "services/schoolservice.h"
#include "storage/contactrepository.h"
#include "storage/schoolrepository.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/text.h"

#include <QLocale>

namespace etabli {

bool InvoiceService::isLate(const InvoiceRow& row, const QDate& today)
{
    return row.kind == InvoiceKind::Invoice && row.status == InvoiceStatus::Issued && row.due.cents() > 0 &&
           row.dueDate.isValid() && row.dueDate < today;
}

QString InvoiceService::rowStatusLabel(const InvoiceRow& row, const QDate& today)
{
    if (row.status != InvoiceStatus::Issued || row.kind != InvoiceKind::Invoice)
        return documentLabel(row.kind, row.status);
    if (row.due.cents() <= 0)
        return tr("Paid");
    return isLate(row, today) ? tr("Late") : tr("To be paid");
}

QString InvoiceService::latePaymentMention()
{
    return tr(
        "Late payment: penalties at three times the legal interest rate, and a fixed indemnity of 40 € for "
        "recovery costs (art. L441-10 and D441-5 of the Code de commerce).");
}

QString InvoiceService::publicLatePaymentMention()
{
    return tr("Late payment: interest at the European Central Bank's rate plus 8 points, and a fixed "
              "indemnity of 40 € "
              "for recovery costs (art. R2192-31 and D2192-35 of the Code de la commande publique).");
}

QString InvoiceService::operationsLabel(Operations operations)
{
    switch (operations) {
    case Operations::Goods:
        return tr("Sale of goods");
    case Operations::Services:
        return tr("Services");
    case Operations::Mixed:
        return tr("Goods and services");
    }
    return {};
}

namespace {

bool hasAddress(const QString& line1, const QString& postcode, const QString& city)
{
    return !line1.trimmed().isEmpty() && !postcode.trimmed().isEmpty() && !city.trimmed().isEmpty();
}

// The buyers whose SIREN an invoice must carry.
bool needsSiren(std::optional<CustomerKind> customerKind)
{
    return customerKind == CustomerKind::Company || customerKind == CustomerKind::Public;
}

} // namespace

void InvoiceService::fillParties(Invoice& inv, const SchoolIdentity& school, const Contact& contact)
{
    inv.customerName = contact.displayName();
    inv.customerAddress = contact.postalAddress();
    inv.customerSiret = contact.siret;
    inv.customerKind = contact.customerKind();
    inv.professional = contact.professional();
    inv.seller = school;
    inv.seller.logo.clear();
    inv.seller.logoMime.clear();
    inv.seller.vatMention = vatMentionFor(school.vatRegime);
    inv.vatRegime = school.vatRegime;
    inv.vatMention = inv.seller.vatMention;
    inv.totals = InvoiceTotals::compute(inv.lines, inv.vatRegime);
    inv.mentions = legalMentions(inv);
}

QStringList InvoiceService::legalMentions(const Invoice& inv)
{
    QStringList m;
    if (!chargesVat(inv.vatRegime))
        m << (inv.vatMention.isEmpty() ? vatMentionFor(inv.vatRegime) : inv.vatMention);
    else if (inv.seller.vatOnDebits)
        m << tr("Option for paying VAT on debits.");
    if (inv.isCredit())
        return m;
    if (!inv.paymentTerms.trimmed().isEmpty())
        m << inv.paymentTerms.trimmed();
    if (!inv.seller.iban.isEmpty())
        m << (inv.seller.bic.isEmpty()
                  ? tr("Payment by bank transfer: IBAN %1.").arg(inv.seller.ibanGrouped())
                  : tr("Payment by bank transfer: IBAN %1, BIC %2.")
                        .arg(inv.seller.ibanGrouped(), inv.seller.bic));
    if (inv.isPublicBody()) {
        m << publicLatePaymentMention();
        m << tr("No discount for early payment.");
    } else if (inv.professional) {
        m << latePaymentMention();
        m << tr("No discount for early payment.");
    }
    return m;
}

QStringList InvoiceService::missingForIssue(const Invoice& inv)
{
    QStringList missing;
    const SchoolIdentity& s = inv.seller;
    if (s.siret.trimmed().isEmpty())
        missing << tr("the school's SIRET (Settings)");
    if (!hasAddress(s.addressLine1, s.postcode, s.city))
        missing << tr("the school's address: street, postcode and town (Settings)");
    if (chargesVat(inv.vatRegime) && s.vatNumber.trimmed().isEmpty())
        missing << tr("the school's VAT number, required when subject to VAT (Settings)");
    if (inv.customerName.trimmed().isEmpty())
        missing << tr("the customer's name");
    const QStringList address = inv.customerAddress.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (address.size() < 2)
        missing << tr("the customer's address: street, postcode and town (Contacts)");
    if (needsSiren(inv.customerKind) && inv.customerSiret.trimmed().isEmpty())
        missing << tr(
            "the customer's SIRET, which gives its SIREN (required for a company or a public body)");
    if (chargesVat(inv.vatRegime)) {
        for (const InvoiceLine& l : inv.lines)
            if (l.vatRateBp == 0 && l.vatExemption.trimmed().isEmpty())
                missing << tr("why the line “%1” at 0 % is exempt from VAT").arg(l.label.trimmed());
    }
    return missing;
}

QString InvoiceService::defaultPaymentTerms(const QDate& dueDate, const Money& total,
                                            const Money& cashCeiling)
{
    return total > cashCeiling
               ? tr("Payment by %1, by cheque, transfer or card.").arg(text::frenchDate(dueDate))
               : tr("Payment by %1, by cheque, transfer, card or cash.").arg(text::frenchDate(dueDate));
}

QDate InvoiceService::latestDueDate(const QDate& issueDate)
{
    const QDate sixty = issueDate.addDays(MaxPaymentDays);
    QDate endOfMonth = issueDate.addDays(MaxPaymentDaysEndOfMonth);
    endOfMonth.setDate(endOfMonth.year(), endOfMonth.month(), endOfMonth.daysInMonth());
    return std::max(sixty, endOfMonth);
}

Result<Money> InvoiceService::cashCeiling() const
{
    auto ceiling = SchoolService(m_db, m_clock, m_actor).legalAmount(LegalAmountKind::CashCeiling);
    if (!ceiling)
        return std::unexpected(ceiling.error());
    return ceiling->amount;
}

Status InvoiceService::validateLines(const Invoice& inv) const
{
    if (inv.contactId == 0)
        return fail(Error::Code::InvalidInput, tr("Choose the customer."));
    for (const InvoiceLine& l : inv.lines) {
        if (l.label.trimmed().isEmpty())
            return fail(Error::Code::InvalidInput, tr("Every line needs a description."));
        if (l.quantityThousandths == 0)
            return fail(Error::Code::InvalidInput,
                        tr("“%1”: the quantity cannot be zero.").arg(l.label.trimmed()));
        if (!inv.isCredit() && l.quantityThousandths < 0)
            return fail(
                Error::Code::InvalidInput,
                tr("“%1”: a negative quantity is only possible on a credit note.").arg(l.label.trimmed()));
        if (inv.isCredit() && l.quantityThousandths > 0)
            return fail(Error::Code::InvalidInput,
                        tr("“%1”: a credit note takes back quantities (negative).").arg(l.label.trimmed()));
        if (std::abs(l.quantityThousandths) > MaxQuantityThousandths ||
            l.unitPrice.cents() > MaxUnitPriceCents)
            return fail(Error::Code::InvalidInput,
                        tr("“%1”: the amount is too large.").arg(l.label.trimmed()));
        if (l.unitPrice.isNegative())
            return fail(Error::Code::InvalidInput,
                        tr("“%1”: the unit price cannot be negative.").arg(l.label.trimmed()));
        if (l.vatRateBp < 0 || l.vatRateBp > 10000)
            return fail(Error::Code::InvalidInput,
                        tr("“%1”: the VAT rate is between 0 and 100 %.").arg(l.label.trimmed()));
        if (!allOf<Unit>().contains(l.unit))
            return fail(Error::Code::InvalidInput, tr("“%1”: choose the unit.").arg(l.label.trimmed()));
    }
    return {};
}

Status InvoiceService::fillFromContactAndSchool(Invoice& inv) const
{
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    auto contact = ContactRepository(m_db).get(inv.contactId);
    if (!contact)
        return std::unexpected(contact.error());
    fillParties(inv, *school, *contact);
    return {};
}

Result<Page<InvoiceRow>> InvoiceService::page(const InvoiceFilter& filter, const PageRequest& request) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return InvoiceRepository(m_db).page(filter, request);
}

Result<qint64> InvoiceService::count(const InvoiceFilter& filter, int cap) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return InvoiceRepository(m_db).count(filter, cap);
}

Result<Invoice> InvoiceService::get(qint64 id) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    auto inv = InvoiceRepository(m_db).get(id);
    if (inv && !inv->isIssued()) {
        ETABLI_TRY(fillFromContactAndSchool(*inv));
    }
    return inv;
}

Result<Invoice> InvoiceService::getByNumber(const QString& number) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return InvoiceRepository(m_db).getByNumber(number);
}

Result<qint64> InvoiceService::saveDraft(const Invoice& input)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    ETABLI_TRY(validateLines(input));
    auto saved = inTransaction(m_db, [&]() -> Result<qint64> {
        InvoiceRepository repo(m_db);
        Invoice inv = input;
        ETABLI_TRY(fillFromContactAndSchool(inv));
        ChangeSet c;
        c.set(QStringLiteral("contact_id"), inv.contactId)
            .set(QStringLiteral("lines"), static_cast<int>(inv.lines.size()))
            .set(QStringLiteral("total_incl_cents"), inv.totals.incl.cents());
        if (inv.id == 0) {
            auto id = repo.insertDraft(inv, m_clock.nowIso());
            if (!id)
                return id;
            ETABLI_TRY(
                AuditTrail(m_db, m_clock)
                    .record(m_actor, AuditEntity::Invoice, QString::number(*id), AuditAction::Create, c));
            return id;
        }
        auto stored = repo.get(inv.id);
        if (!stored)
            return std::unexpected(stored.error());
        if (stored->isIssued())
            return fail(
                Error::Code::Conflict,
                tr("The invoice %1 is issued: it cannot be changed any more; correct it with a credit note.")
                    .arg(stored->number));
        inv.kind = stored->kind;
        inv.creditedInvoiceId = stored->creditedInvoiceId;
        ETABLI_TRY(repo.updateDraft(inv, m_clock.nowIso()));
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::Invoice, QString::number(inv.id), AuditAction::Update, c));
        return inv.id;
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::Invoice, input.id);
}

Status InvoiceService::deleteDraft(qint64 id)
{
    if (auto r = AccessControl::require(m_actor, permission::SalesWrite); !r)
        return r;
    return inTransaction(m_db, [&]() -> Status {
        InvoiceRepository repo(m_db);
        auto stored = repo.get(id);
        if (!stored)
            return std::unexpected(stored.error());
        if (stored->isIssued())
            return fail(Error::Code::Conflict,
                        tr("The invoice %1 is issued: it is kept for ever; cancel it with a credit note.")
                            .arg(stored->number));
        if (auto r = repo.deleteDraft(id); !r)
            return r;
        ChangeSet c;
        c.set(QStringLiteral("contact_id"), stored->contactId)
            .set(QStringLiteral("total_incl_cents"), stored->totals.incl.cents());
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Invoice, QString::number(id), AuditAction::Delete, c);
    });
}

Result<QString> InvoiceService::issue(qint64 draftId)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    return inTransaction(m_db, [&]() -> Result<QString> {
        InvoiceRepository repo(m_db);
        auto stored = repo.get(draftId);
        if (!stored)
            return std::unexpected(stored.error());
        Invoice inv = *stored;
        if (inv.isIssued())
            return fail(Error::Code::Conflict,
                        tr("This invoice is already issued under the number %1.").arg(inv.number));
        if (inv.lines.isEmpty())
            return fail(Error::Code::InvalidInput, tr("An invoice needs at least one line."));
        ETABLI_TRY(validateLines(inv));
        ETABLI_TRY(fillFromContactAndSchool(inv));
        if (const QStringList missing = missingForIssue(inv); !missing.isEmpty())
            return fail(
                Error::Code::InvalidInput,
                tr("This document cannot be issued yet; it lacks:\n– %1\nComplete them, then issue it again.")
                    .arg(missing.join(QStringLiteral("\n– "))));
        // What is issued must also be valid as an electronic invoice (Factur-X).
        ETABLI_TRY(FacturX::checkExpressible(inv));
        const QDate today = m_clock.today();
        const int year = today.year();
        ETABLI_TRY(ClosingService::requireOpen(m_db, today));
        if (inv.isCredit()) {
            auto credited = repo.get(inv.creditedInvoiceId);
            if (!credited)
                return std::unexpected(credited.error());
            if (!credited->isIssued() || credited->isCredit())
                return fail(Error::Code::InvalidInput, tr("A credit note corrects an issued invoice."));
            auto already = repo.credited(credited->id);
            if (!already)
                return std::unexpected(already.error());
            const Money remaining = credited->totals.incl - *already;
            if (-inv.totals.incl > remaining)
                return fail(Error::Code::InvalidInput,
                            tr("This credit note (%1) is larger than what remains of the invoice %2 (%3).")
                                .arg((-inv.totals.incl).format(), credited->number, remaining.format()));
        } else if (!inv.totals.incl.isNegative() && inv.totals.incl.isZero()) {
            return fail(Error::Code::InvalidInput, tr("An invoice of 0,00 € is not issued."));
        } else if (inv.dueDate.isValid() && inv.dueDate > latestDueDate(today)) {
            return fail(
                Error::Code::InvalidInput,
                tr("The due date %1 is past the legal maximum of payment terms (60 days after the invoice, "
                   "or "
                   "45 days end of month: %2 at the latest, art. L441-10 of the Code de commerce). Choose an "
                   "earlier due date.")
                    .arg(text::frenchDate(inv.dueDate), text::frenchDate(latestDueDate(today))));
        }
        if (inv.serviceTo.isValid() && (!inv.serviceFrom.isValid() || inv.serviceTo < inv.serviceFrom))
            return fail(Error::Code::InvalidInput,
                        tr("The period of the service ends before it starts: check its dates."));
        auto last = repo.lastIssueDate(inv.kind, year);
        if (!last)
            return std::unexpected(last.error());
        if (last->isValid() && *last > today)
            return fail(Error::Code::Conflict,
                        tr("A document of this series is dated %1, after today: check the computer's date.")
                            .arg(text::frenchDate(*last)));
        // The number and the chain position are taken in this transaction:
        // a failure anywhere below rolls them back with the rest.
        const QString series = inv.isCredit() ? QStringLiteral("A") : QStringLiteral("F");
        auto sequence = repo.takeNumber(series, year);
        if (!sequence)
            return std::unexpected(sequence.error());
        auto position = repo.takeNumber(QStringLiteral("chain"), 0);
        if (!position)
            return std::unexpected(position.error());
        auto tip = repo.chainTip();
        if (!tip)
            return std::unexpected(tip.error());
        if (tip->position != *position - 1)
            return fail(Error::Code::Storage,
                        tr("The chain of invoices is inconsistent: run a check of the database."),
                        QStringLiteral("chain tip %1, position taken %2").arg(tip->position).arg(*position));
        inv.number = QStringLiteral("%1%2-%3").arg(series).arg(year).arg(*sequence, 4, 10, QLatin1Char('0'));
        inv.issueDate = today;
        if (inv.isCredit() || !inv.dueDate.isValid() || inv.dueDate < today)
            inv.dueDate = inv.isCredit() ? today : today.addDays(DefaultPaymentDays);
        if (!inv.serviceFrom.isValid())
            inv.serviceFrom = today;
        if (inv.paymentTerms.trimmed().isEmpty() && !inv.isCredit()) {
            auto ceiling = cashCeiling();
            if (!ceiling)
                return std::unexpected(ceiling.error());
            inv.paymentTerms = defaultPaymentTerms(inv.dueDate, inv.totals.incl, *ceiling);
        }
        inv.mentions = legalMentions(inv);
        inv.issuedBy = m_actor.login;
        inv.issuedAt = m_clock.nowIso();
        inv.hashVersion = Invoice::CurrentHashVersion;
        inv.prevHash = tip->hash;
        inv.hash = invoiceHash(inv, inv.prevHash);
        ETABLI_TRY(repo.markIssued(inv, year, *sequence, *position));
        ChangeSet c;
        c.add(QStringLiteral("status"), codeOf(InvoiceStatus::Draft), codeOf(InvoiceStatus::Issued))
            .set(QStringLiteral("number"), inv.number)
            .set(QStringLiteral("total_incl_cents"), inv.totals.incl.cents())
            .set(QStringLiteral("hash"), inv.hash);
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::Invoice, QString::number(inv.id), AuditAction::Update, c));
        return inv.number;
    });
}

Result<qint64> InvoiceService::draftCreditNote(qint64 invoiceId, const QList<InvoiceLine>& lines)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    auto invoice = InvoiceRepository(m_db).get(invoiceId);
    if (!invoice)
        return std::unexpected(invoice.error());
    if (!invoice->isIssued() || invoice->isCredit())
        return fail(Error::Code::InvalidInput, tr("A credit note corrects an issued invoice."));
    Invoice credit;
    credit.kind = InvoiceKind::Credit;
    credit.contactId = invoice->contactId;
    credit.creditedInvoiceId = invoice->id;
    credit.reference = invoice->number;
    for (InvoiceLine l : lines.isEmpty() ? invoice->lines : lines) {
        l.quantityThousandths = -std::abs(l.quantityThousandths);
        credit.lines << l;
    }
    return saveDraft(credit);
}

Result<InvoiceBalance> InvoiceService::balance(qint64 invoiceId) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return InvoiceRepository(m_db).balance(invoiceId);
}

Result<QList<Payment>> InvoiceService::payments(qint64 invoiceId) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return InvoiceRepository(m_db).payments(invoiceId);
}

Result<QList<Payment>> InvoiceService::paymentsBetween(const QDate& from, const QDate& to) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return InvoiceRepository(m_db).paymentsBetween(from, to);
}

Result<qint64> InvoiceService::recordPayment(const Payment& input)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    if (!input.amount.isNegative() && input.amount.isZero())
        return fail(Error::Code::InvalidInput, tr("The amount of a payment cannot be zero."));
    if (input.amount.isNegative())
        return fail(Error::Code::InvalidInput, tr("To cancel a payment, use “Reverse the payment”."));
    if (!input.day.isValid() || input.day > m_clock.today())
        return fail(Error::Code::InvalidInput, tr("A payment is recorded once received: give its day."));
    if (input.method == PaymentMethod::Cheque && input.chequeNumber.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("Give the cheque's number (and its bank)."));
    ETABLI_TRY(FinancialYearService::requireOpen(m_db, input.day));
    ETABLI_TRY(ClosingService::requireOpen(m_db, input.day));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        InvoiceRepository repo(m_db);
        // Serialises payments: the chain tip is read under this lock.
        ETABLI_TRY(repo.takeNumber(QStringLiteral("payment-chain"), 0));
        auto invoice = repo.get(input.invoiceId);
        if (!invoice)
            return std::unexpected(invoice.error());
        if (!invoice->isIssued())
            return fail(Error::Code::InvalidInput, tr("A draft is not paid: issue the invoice first."));
        if (invoice->isCredit())
            return fail(Error::Code::InvalidInput,
                        tr("A credit note is not paid: record the payment on the invoice."));
        auto balance = repo.balance(invoice->id);
        if (!balance)
            return std::unexpected(balance.error());
        if (input.amount > balance->due())
            return fail(Error::Code::InvalidInput,
                        tr("%1 is more than what remains due on %2 (%3).")
                            .arg(input.amount.format(), invoice->number, balance->due().format()));
        if (input.method == PaymentMethod::Cash) {
            auto ceiling = SchoolService(m_db, m_clock, m_actor).legalAmount(LegalAmountKind::CashCeiling);
            if (!ceiling)
                return std::unexpected(ceiling.error());
            if (balance->cashPaid + input.amount > ceiling->amount)
                return fail(Error::Code::InvalidInput,
                            tr("A debt cannot be paid in cash beyond %1 for a payer living in France (%2); "
                               "%3 already "
                               "paid in cash on %4. Take the rest by cheque, transfer or card.")
                                .arg(ceiling->amount.format(), ceiling->source, balance->cashPaid.format(),
                                     invoice->number));
        }
        Payment p = input;
        p.bank = p.bank.trimmed();
        p.chequeNumber = p.chequeNumber.trimmed();
        p.reason = QString();
        p.reversesPaymentId = 0;
        p.recordedBy = m_actor.login;
        auto id = repo.insertPayment(p, m_clock.nowIso());
        if (!id)
            return id;
        ChangeSet c;
        c.set(QStringLiteral("invoice"), invoice->number)
            .set(QStringLiteral("amount_cents"), p.amount.cents())
            .set(QStringLiteral("method"), codeOf(p.method));
        ETABLI_TRY(AuditTrail(m_db, m_clock)
                       .record(m_actor, AuditEntity::Payment, QString::number(*id), AuditAction::Create, c));
        return id;
    });
}

Result<qint64> InvoiceService::reversePayment(qint64 paymentId, const QString& reason)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    if (reason.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("Say why the payment is reversed."));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        InvoiceRepository repo(m_db);
        ETABLI_TRY(repo.takeNumber(QStringLiteral("payment-chain"), 0));
        auto original = repo.payment(paymentId);
        if (!original)
            return std::unexpected(original.error());
        if (original->amount.isNegative())
            return fail(Error::Code::InvalidInput, tr("This line already is a reversal."));
        for (const Payment& p : repo.payments(original->invoiceId).value_or(QList<Payment>{})) {
            if (p.reversesPaymentId == paymentId)
                return fail(Error::Code::Conflict, tr("This payment was already reversed."));
        }
        ETABLI_TRY(ClosingService::requireOpen(m_db, m_clock.today()));
        Payment p = *original;
        p.id = 0;
        p.day = m_clock.today();
        p.amount = -original->amount;
        p.reversesPaymentId = paymentId;
        p.reason = reason.trimmed();
        p.recordedBy = m_actor.login;
        auto id = repo.insertPayment(p, m_clock.nowIso());
        if (!id)
            return id;
        ChangeSet c;
        c.set(QStringLiteral("reverses"), paymentId)
            .set(QStringLiteral("amount_cents"), p.amount.cents())
            .set(QStringLiteral("reason"), p.reason);
        ETABLI_TRY(AuditTrail(m_db, m_clock)
                       .record(m_actor, AuditEntity::Payment, QString::number(*id), AuditAction::Create, c));
        return id;
    });
}

QString InvoiceService::bucketLabel(int bucket)
{
    switch (bucket) {
    case 0:
        return tr("Not yet due");
    case 1:
        return tr("1 to 30 days late");
    case 2:
        return tr("31 to 60 days late");
    case 3:
        return tr("61 to 90 days late");
    default:
        return tr("Over 90 days late");
    }
}

Result<InvoiceService::Aging> InvoiceService::receivables(qint64 contactId, int limit) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    InvoiceRepository repo(m_db);
    auto totals = repo.receivableTotals(m_clock.today(), contactId);
    if (!totals)
        return std::unexpected(totals.error());
    auto rows = repo.receivables(m_clock.today(), contactId, limit);
    if (!rows)
        return std::unexpected(rows.error());
    Aging a;
    a.invoices = *rows;
    for (int b = 0; b < 5; ++b) {
        a.buckets[b] = Money::fromCents(totals->buckets[b]);
        a.total += a.buckets[b];
    }
    a.count = totals->count;
    a.customers = totals->customers;
    return a;
}

Result<QList<ChequeToDeposit>> InvoiceService::chequesToDeposit() const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return InvoiceRepository(m_db).cheques(0);
}

Result<QList<ChequeToDeposit>> InvoiceService::depositSlip(qint64 depositId) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return InvoiceRepository(m_db).cheques(depositId);
}

Result<qint64> InvoiceService::depositCheques(const QList<qint64>& paymentIds)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    if (paymentIds.isEmpty())
        return fail(Error::Code::InvalidInput, tr("Tick the cheques handed to the bank."));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        InvoiceRepository repo(m_db);
        auto waiting = repo.cheques(0);
        if (!waiting)
            return std::unexpected(waiting.error());
        Money total;
        for (qint64 id : paymentIds) {
            const auto it = std::find_if(waiting->cbegin(), waiting->cend(),
                                         [id](const ChequeToDeposit& c) { return c.paymentId == id; });
            if (it == waiting->cend())
                return fail(Error::Code::InvalidInput,
                            tr("A cheque of the list is already deposited, reversed, or not a cheque."));
            total += it->amount;
        }
        auto id = repo.insertDeposit(m_clock.today(), paymentIds, m_actor.login, m_clock.nowIso());
        if (!id)
            return id;
        ChangeSet c;
        c.set(QStringLiteral("cheques"), static_cast<int>(paymentIds.size()))
            .set(QStringLiteral("total_cents"), total.cents());
        ETABLI_TRY(AuditTrail(m_db, m_clock)
                       .record(m_actor, AuditEntity::Payment, QStringLiteral("deposit-%1").arg(*id),
                               AuditAction::Create, c));
        return id;
    });
}

Status InvoiceService::judgeTurnover(TurnoverCheck& c) const
{
    SchoolService settings(m_db, m_clock, m_actor);
    c.exceeded = false;
    c.message.clear();
    if (c.regime == VatRegime::Franchise) {
        auto goods = settings.legalAmount(LegalAmountKind::FranchiseGoods);
        auto services = settings.legalAmount(LegalAmountKind::FranchiseServices);
        if (!goods || !services)
            return std::unexpected(!goods ? goods.error() : services.error());
        c.exceeded = c.total() > goods->amount || c.services > services->amount;
        if (c.exceeded)
            c.message =
                tr("The turnover invoiced in %1 (%2, of which %3 of services) passes the thresholds of the "
                   "franchise en base (%4 for sales, %5 for services; %6). The mention “%7” is no longer "
                   "true: ask your accountant, choose “Subject to VAT” in the settings and give the school's "
                   "VAT number.")
                    .arg(c.year)
                    .arg(c.total().format(), c.services.format(), goods->amount.format(),
                         services->amount.format(), goods->source, vatMentionFor(c.regime));
    } else if (c.regime == VatRegime::Association) {
        auto threshold = settings.legalAmount(LegalAmountKind::AssociationFranchise);
        if (!threshold)
            return std::unexpected(threshold.error());
        c.exceeded = c.total() > threshold->amount;
        if (c.exceeded)
            c.message =
                tr("The turnover invoiced in %1 (%2) passes the threshold under which a non-profit "
                   "association is outside VAT (%3; %4). The mention “%5” is no longer true: ask your "
                   "accountant, choose “Subject to VAT” in the settings and give the school's VAT number.")
                    .arg(c.year)
                    .arg(c.total().format(), threshold->amount.format(), threshold->source,
                         vatMentionFor(c.regime));
    }
    return {};
}

Result<InvoiceService::TurnoverCheck> InvoiceService::turnoverCheck(int year) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    auto sums = InvoiceRepository(m_db).turnover(year);
    if (!sums)
        return std::unexpected(sums.error());
    TurnoverCheck c;
    c.year = year;
    c.regime = school->vatRegime;
    c.goods = sums->goods;
    c.services = sums->services;
    ETABLI_TRY(judgeTurnover(c));
    return c;
}

Result<QString> InvoiceService::issueWarning(qint64 draftId) const
{
    auto draft = get(draftId);
    if (!draft)
        return std::unexpected(draft.error());
    const int year = m_clock.today().year();
    auto check = turnoverCheck(year);
    if (!check)
        return std::unexpected(check.error());
    if (check->exceeded || draft->isCredit())
        return check->message;
    // Would this invoice make the year pass the threshold?
    TurnoverCheck after = *check;
    (draft->operations == Operations::Goods ? after.goods : after.services) += draft->totals.excl;
    ETABLI_TRY(judgeTurnover(after));
    if (!after.exceeded)
        return QString();
    return tr("With this invoice, the turnover invoiced in %1 reaches %2 and passes the threshold of the "
              "school's VAT regime: the mention “%3” would no longer be true. Ask your accountant before "
              "issuing "
              "it.")
        .arg(year)
        .arg(after.total().format(), vatMentionFor(after.regime));
}

Result<InvoiceService::PrintCopy> InvoiceService::printCopy(qint64 invoiceId)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return inTransaction(m_db, [&]() -> Result<PrintCopy> {
        InvoiceRepository repo(m_db);
        auto inv = repo.get(invoiceId);
        if (!inv)
            return std::unexpected(inv.error());
        if (!inv->isIssued())
            return fail(Error::Code::InvalidInput,
                        tr("A draft is not printed as an invoice: issue it first."));
        auto before = repo.recordPrint(QStringLiteral("invoice"), invoiceId, m_actor.login, m_clock.nowIso());
        if (!before)
            return std::unexpected(before.error());
        return PrintCopy{*inv, *before > 0};
    });
}

Result<InvoiceRepository::ChainReport> InvoiceService::verifyChains() const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return InvoiceRepository(m_db).verifyChains();
}

} // namespace etabli
