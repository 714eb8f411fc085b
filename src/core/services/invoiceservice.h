#pragma once

#include "domain/sales.h"
#include "domain/user.h"
#include "storage/invoicerepository.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Clock;
class Database;

// Invoices and credit notes under French rules, and their payments.
// Drafts are free to change; issuing gives the next number of the year's
// series (F2026-0001, credit notes A2026-0001) in the same transaction,
// freezes the document (the database refuses any later change) and chains
// it by hash to the previous one. sales.read to read, sales.write to write.
class InvoiceService
{
    Q_DECLARE_TR_FUNCTIONS(InvoiceService)

public:
    static constexpr int DefaultPaymentDays = 30;
    // The legal maximum of payment terms (C. com. L441-10): 60 days after
    // issue, or 45 days end of month, whichever is later.
    static constexpr int MaxPaymentDays = 60;
    static constexpr int MaxPaymentDaysEndOfMonth = 45;
    static constexpr qint64 MaxQuantityThousandths = 1'000'000'000; // a million units
    static constexpr qint64 MaxUnitPriceCents = 1'000'000'000;      // ten million euros

    InvoiceService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Result<Page<InvoiceRow>> page(const InvoiceFilter& filter, const PageRequest& request) const;
    Result<qint64> count(const InvoiceFilter& filter, int cap = 10000) const;
    // A draft shows the customer's and the school's current details, as it would be issued.
    Result<Invoice> get(qint64 id) const;
    Result<Invoice> getByNumber(const QString& number) const;

    // Creates (id 0) or changes a draft invoice or credit note.
    Result<qint64> saveDraft(const Invoice& draft);
    Status deleteDraft(qint64 id);
    // Issues a draft: returns its number. Refused, naming every missing
    // item, when a mandatory mention is missing (missingForIssue).
    Result<QString> issue(qint64 draftId);
    // What issuing the draft should warn about, without refusing it: the
    // civil year's turnover passing the regime's threshold. Empty: nothing.
    Result<QString> issueWarning(qint64 draftId) const;

    // The civil year's invoiced turnover (issued invoices less credit notes,
    // excl. VAT) against the regime's thresholds.
    struct TurnoverCheck
    {
        int year = 0;
        VatRegime regime = VatRegime::Franchise;
        Money goods;    // invoices of goods
        Money services; // invoices of services or mixed (counted as services: the lower threshold)
        Money total() const { return goods + services; }
        bool exceeded = false;
        QString message; // French, when exceeded: what it means and what to do
    };
    Result<TurnoverCheck> turnoverCheck(int year) const;

    // Records that an issued invoice or credit note is printed (or written
    // as PDF) and returns it with whether this copy is a duplicate (it was
    // printed before).
    struct PrintCopy
    {
        Invoice invoice;
        bool duplicate = false;
    };
    Result<PrintCopy> printCopy(qint64 invoiceId);
    // A draft credit note for an issued invoice: all its lines, or the given
    // ones (positive quantities, turned negative).
    Result<qint64> draftCreditNote(qint64 invoiceId, const QList<InvoiceLine>& lines = {});

    Result<InvoiceBalance> balance(qint64 invoiceId) const;
    Result<QList<Payment>> payments(qint64 invoiceId) const;
    Result<QList<Payment>> paymentsBetween(const QDate& from, const QDate& to) const;
    // A payment on an issued invoice; never more than what is due.
    Result<qint64> recordPayment(const Payment& payment);
    // Cancels a payment recorded by mistake: a negative payment with the reason.
    Result<qint64> reversePayment(qint64 paymentId, const QString& reason);

    // What customers still owe, by age (as of today): the totals of all, and
    // the unpaid invoices themselves, oldest due date first (at most `limit`
    // of them; 0: all).
    struct Aging
    {
        QList<Receivable> invoices;
        Money buckets[5]; // not yet due, 1–30, 31–60, 61–90, over 90 days late
        Money total;
        qint64 count = 0;     // unpaid invoices in all
        qint64 customers = 0; // customers who owe something
    };
    Result<Aging> receivables(qint64 contactId = 0, int limit = 0) const;
    static QString bucketLabel(int bucket);

    // Cheques received and not handed to the bank yet.
    Result<QList<ChequeToDeposit>> chequesToDeposit() const;
    // Puts these cheques on a deposit slip dated today; returns the slip's id.
    Result<qint64> depositCheques(const QList<qint64>& paymentIds);
    Result<QList<ChequeToDeposit>> depositSlip(qint64 depositId) const;

    Result<InvoiceRepository::ChainReport> verifyChains() const;

    // The state of a line of the list: draft, paid, late, to be paid; a credit note.
    static QString rowStatusLabel(const InvoiceRow& row, const QDate& today);
    // An issued invoice whose due date has passed with something still due.
    static bool isLate(const InvoiceRow& row, const QDate& today);
    // The late-payment mention printed for business customers, and for public bodies.
    static QString latePaymentMention();
    static QString publicLatePaymentMention();
    static QString operationsLabel(Operations operations);

    // What an invoice takes from its customer and from the school at issue
    // (a draft shows them as they would be issued): the customer's block,
    // the seller block, the VAT regime and mention, the totals, the mentions.
    static void fillParties(Invoice& invoice, const SchoolIdentity& school, const Contact& customer);
    // The legal mentions printed at the foot of the invoice, in order.
    static QStringList legalMentions(const Invoice& invoice);
    // The mandatory items an invoice lacks to be issued (French, one each).
    static QStringList missingForIssue(const Invoice& invoice);
    // The default payment terms: cash is offered only under the ceiling.
    static QString defaultPaymentTerms(const QDate& dueDate, const Money& total, const Money& cashCeiling);
    // The latest due date the law allows for an invoice issued on `issueDate`.
    static QDate latestDueDate(const QDate& issueDate);

private:
    Status validateLines(const Invoice& invoice) const;
    Status fillFromContactAndSchool(Invoice& invoice) const;
    Result<Money> cashCeiling() const;
    // Sets exceeded and the message of a turnover against the regime's thresholds.
    Status judgeTurnover(TurnoverCheck& check) const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
