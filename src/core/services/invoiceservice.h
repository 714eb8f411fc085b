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
    static constexpr qint64 MaxQuantityThousandths = 1'000'000'000; // a million units
    static constexpr qint64 MaxUnitPriceCents = 1'000'000'000;      // ten million euros

    InvoiceService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Result<QList<InvoiceRow>> list(const InvoiceFilter& filter, int limit, int offset) const;
    Result<qint64> count(const InvoiceFilter& filter) const;
    // A draft shows the customer's and the school's current details, as it would be issued.
    Result<Invoice> get(qint64 id) const;
    Result<Invoice> getByNumber(const QString& number) const;

    // Creates (id 0) or changes a draft invoice or credit note.
    Result<qint64> saveDraft(const Invoice& draft);
    Status deleteDraft(qint64 id);
    // Issues a draft: returns its number.
    Result<QString> issue(qint64 draftId);
    // A draft credit note for an issued invoice: all its lines, or the given
    // ones (positive quantities, turned negative).
    Result<qint64> draftCreditNote(qint64 invoiceId, const QList<InvoiceLine>& lines = {});

    Result<InvoiceBalance> balance(qint64 invoiceId) const;
    Result<QList<Payment>> payments(qint64 invoiceId) const;
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

    static QString methodLabel(const QString& method);
    static QString statusLabel(const QString& kind, const QString& status);
    // The late-payment mention printed for business customers.
    static QString latePaymentMention();

private:
    Status validateLines(const Invoice& invoice) const;
    Status fillFromContactAndSchool(Invoice& invoice) const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
