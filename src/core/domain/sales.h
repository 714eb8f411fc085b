#pragma once

#include "domain/catalogue.h"
#include "domain/codes.h"
#include "domain/customerkind.h"
#include "domain/legal.h"
#include "domain/money.h"
#include "domain/school.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace etabli {

// One entry of the directory: an organisation (company, public body,
// association) or a private person, with the roles other modules use.
struct Contact
{
    qint64 id = 0;
    bool person = false;
    CustomerKind kind = CustomerKind::Company; // organisations; persons: Other (see customerKind())
    QString name;                              // organisation name, or the person's last name
    QString firstName;                         // persons only
    QString siret;
    QString legalForm; // companies: SAS, SARL, SA… (a company's tax receipt names it)
    QString addressLine1;
    QString addressLine2;
    QString postcode;
    QString city;
    QString phone;
    QString email;
    QString notes;
    bool customer = false;
    bool host = false;
    bool donor = false;
    bool funder = false;
    bool supplier = false;
    int version = 0;

    QString displayName() const { return contactDisplayName(name, firstName, person); }
    // A business customer (everyone but private persons): late-payment mentions apply.
    bool professional() const { return !person; }
    CustomerKind customerKind() const { return person ? CustomerKind::Person : kind; }
    QString postalAddress() const;
};

struct Vehicle
{
    qint64 id = 0;
    qint64 contactId = 0;
    QString plate; // normalised: "AB-123-CD"
    QString make;
    QString model;
    QString tyreSize; // normalised: "205/55 R16 91V"
    int version = 0;
};

// French identifiers and formats, with the reason when refused.
class SalesFormats
{
    Q_DECLARE_TR_FUNCTIONS(SalesFormats)

public:
    // 14 digits with a valid Luhn key (La Poste's establishments excepted, as INSEE does).
    static Status checkSiret(const QString& siret);
    // "AB-123-CD" (SIV, since 2009) from "ab123cd", "AB 123 CD"…; older FNI plates
    // ("1234 AB 39", "123 ABC 75") are kept as typed, upper case.
    static Result<QString> normalisePlate(const QString& plate);
    // "205/55 R16 91V": width/aspect, construction, rim, load index and speed symbol.
    static Result<QString> normaliseTyreSize(const QString& size);
};

// What a document of the sales' chain is, and where it stands.
enum class InvoiceKind
{
    Invoice,
    Credit, // a credit note
};
enum class InvoiceStatus
{
    Draft,  // changeable, no number
    Issued, // numbered, chained, frozen
};
enum class PaymentMethod
{
    Cash,
    Cheque,
    Transfer,
    Card,
};

template <> struct Codes<InvoiceKind>
{
    static constexpr CodeEntry<InvoiceKind> entries[] = {
        {InvoiceKind::Invoice, "invoice", QT_TRANSLATE_NOOP("etabli::Codes", "Invoice")},
        {InvoiceKind::Credit, "credit", QT_TRANSLATE_NOOP("etabli::Codes", "Credit note")},
    };
};
template <> struct Codes<InvoiceStatus>
{
    static constexpr CodeEntry<InvoiceStatus> entries[] = {
        {InvoiceStatus::Draft, "draft", QT_TRANSLATE_NOOP("etabli::Codes", "Draft")},
        {InvoiceStatus::Issued, "issued", QT_TRANSLATE_NOOP("etabli::Codes", "Issued")},
    };
};
template <> struct Codes<PaymentMethod>
{
    static constexpr CodeEntry<PaymentMethod> entries[] = {
        {PaymentMethod::Cash, "cash", QT_TRANSLATE_NOOP("etabli::Codes", "Cash")},
        {PaymentMethod::Cheque, "cheque", QT_TRANSLATE_NOOP("etabli::Codes", "Cheque")},
        {PaymentMethod::Transfer, "transfer", QT_TRANSLATE_NOOP("etabli::Codes", "Transfer")},
        {PaymentMethod::Card, "card", QT_TRANSLATE_NOOP("etabli::Codes", "Card")},
    };
};

// "Draft invoice", "Credit note"…: what a document of the chain is, as its lists name it.
QString documentLabel(InvoiceKind kind, InvoiceStatus status);

struct InvoiceLine
{
    qint64 catalogueItemId = 0;
    QString label;
    qint64 quantityThousandths = 1000; // negative on a credit note
    Unit unit = Unit::Piece;
    Money unitPrice; // excluding VAT
    int vatRateBp = 2000;
    QString vatExemption; // why a 0 % line carries no VAT when the school charges it (art. 242 nonies A 13°)

    // quantity × unit price, rounded half away from zero to the cent.
    Money total() const;
};

struct VatAmount
{
    int rateBp = 0;
    Money base;
    Money vat;
};

struct InvoiceTotals
{
    Money excl;
    QList<VatAmount> vat; // one per rate, by rate
    Money vatTotal;
    Money incl;

    // VAT per rate on the sum of that rate's line totals, rounded half away
    // from zero; none when the regime charges no VAT.
    static InvoiceTotals compute(const QList<InvoiceLine>& lines, VatRegime regime);
};

struct Invoice
{
    static constexpr int CurrentHashVersion = 2;

    qint64 id = 0;
    InvoiceKind kind = InvoiceKind::Invoice;
    InvoiceStatus status = InvoiceStatus::Draft;
    QString number; // "F2026-0001", "A2026-0001"; empty for drafts
    qint64 contactId = 0;
    qint64 creditedInvoiceId = 0;
    QString creditedNumber; // filled when read
    QDate issueDate;
    QDate dueDate;
    QString customerName; // frozen at issue (drafts: the contact's current details)
    QString customerAddress;
    QString customerSiret;
    std::optional<CustomerKind> customerKind; // frozen at issue; none before schema 16
    bool professional = false;
    VatRegime vatRegime = VatRegime::Franchise;
    QString vatMention;
    QString paymentTerms;
    QString reference;       // the school's own reference (the work order)
    QString buyerReference;  // the customer's own order number ("Votre référence")
    QString deliveryAddress; // when not the customer's address
    Operations operations = Operations::Services;
    QDate serviceFrom;        // the day of the sale or service, or the first day of its period
    QDate serviceTo;          // the last day of the period (invalid: one day)
    QString chorusEngagement; // public bodies: engagement number (Chorus Pro)
    QString chorusService;    // public bodies: service code (Chorus Pro)
    QString notes;
    QList<InvoiceLine> lines;
    InvoiceTotals totals;
    // Frozen at issue (hash version 2): the seller as it was and the legal
    // mentions printed at the foot. Drafts: the school's current identity
    // and the mentions it would print.
    SchoolIdentity seller;
    QStringList mentions;
    QString prevHash;
    QString hash;
    int hashVersion = CurrentHashVersion; // 1: issued before schema 16 (no seller, no mentions)
    QString issuedBy;
    QString issuedAt;
    int version = 0;

    bool isIssued() const { return status == InvoiceStatus::Issued; }
    bool isCredit() const { return kind == InvoiceKind::Credit; }
    bool isPublicBody() const { return customerKind == CustomerKind::Public; }
    // The buyer's SIREN: the first nine digits of the SIRET.
    QString customerSiren() const { return customerSiret.left(9); }
};

struct Payment
{
    qint64 id = 0;
    qint64 invoiceId = 0;
    QDate day;
    PaymentMethod method = PaymentMethod::Cheque;
    Money amount; // negative: the reversal of an earlier payment
    QString bank;
    QString chequeNumber;
    qint64 reversesPaymentId = 0;
    QString reason;
    QString recordedBy;
    QString recordedAt;
    QString hash;
    int hashVersion = 2; // 1: recorded before schema 16 (recordedAt not covered)
};

// A cheque received and not yet handed to the bank (or on a deposit slip).
struct ChequeToDeposit
{
    qint64 paymentId = 0;
    QDate day;
    QString bank;
    QString chequeNumber;
    QString drawer; // the customer
    QString invoiceNumber;
    Money amount;
};

// SHA-256 (hex) of what an issued document or a payment says, chained to
// the previous one: changing any stored field breaks the chain from there.
// Version 2 (schema 16) covers everything printed and who acted when.
QString invoiceHash(const Invoice& invoice, const QString& prevHash);
// The same with the seller's identity as already written (sellerJson()):
// `check` serialises each different seller once, not each invoice's.
QString invoiceHash(const Invoice& invoice, const QString& prevHash, const QByteArray& sellerJson);
QString paymentHash(const Payment& payment, const QString& prevHash);

// An issued invoice with something still due, and how late it is.
struct Receivable
{
    qint64 invoiceId = 0;
    QString number;
    qint64 contactId = 0;
    QString customer;
    QDate issueDate;
    QDate dueDate;
    Money total;
    Money due;
    int daysLate = 0; // days past the due date (0 or less: not yet due)

    // 0: not yet due, 1: 1–30 days late, 2: 31–60, 3: 61–90, 4: over 90.
    int bucket() const
    {
        return daysLate <= 0 ? 0 : daysLate <= 30 ? 1 : daysLate <= 60 ? 2 : daysLate <= 90 ? 3 : 4;
    }
};

// Where an issued invoice stands.
struct InvoiceBalance
{
    Money total;    // incl. VAT
    Money credited; // issued credit notes (positive)
    Money paid;
    Money cashPaid; // net cash payments (the legal ceiling applies to them)
    Money due() const { return total - credited - paid; }
};

QString operationsCode(Operations o);
Operations operationsFromCode(const QString& code);

} // namespace etabli
