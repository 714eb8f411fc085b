#pragma once

#include "domain/codes.h"

#include <QByteArray>
#include <QString>

namespace etabli {

// An address as printed, one line per part ("8 rue Jacquard\n39100 Dole").
QString postalAddress(const QString& line1, const QString& line2, const QString& postcode,
                      const QString& city);

// An IBAN as printed, in groups of four ("FR76 3000 …").
QString ibanGrouped(const QString& iban);

// The school's VAT regime, a legal choice (../docs/decisions.md, 30).
enum class VatRegime
{
    Franchise,   // franchise en base (art. 293 B): no VAT under the thresholds
    Assujetti,   // subject to VAT: charged per line, VAT number required
    Association, // non-profit association outside VAT (art. 261-7-1° b)
};

// Whether the lines of an invoice carry VAT under this regime.
inline bool chargesVat(VatRegime r)
{
    return r == VatRegime::Assujetti;
}

// The mention an invoice prints under this regime (none when VAT is charged).
inline QString vatMentionFor(VatRegime r)
{
    switch (r) {
    case VatRegime::Franchise:
        return QStringLiteral("TVA non applicable, art. 293 B du CGI");
    case VatRegime::Association:
        return QStringLiteral("TVA non applicable, art. 261-7-1° b du CGI");
    case VatRegime::Assujetti:
        break;
    }
    return {};
}

// The school's identity and the settings that belong to its database.
struct SchoolIdentity
{
    QString name;
    QString organisationName; // the association that runs it (ECCOFOR)
    QString addressLine1;
    QString addressLine2;
    QString postcode;
    QString city;
    QString phone;
    QString email;
    QString website;
    QString siret; // 14 digits, or empty
    QString rna;   // "W" + 9 digits, or empty
    QByteArray logo;
    QString logoMime;
    VatRegime vatRegime = VatRegime::Franchise;
    QString vatNumber;
    QString vatMention = defaultVatMention(); // follows the regime (vatMentionFor)
    bool vatOnDebits = false;                 // "option pour le paiement de la taxe d'après les débits"
    QString iban; // the account customers pay transfers into, without spaces; or empty
    QString bic;  // its bank's BIC, 8 or 11 characters; or empty
    int fiscalYearStartMonth = 1;
    int schoolYearStartMonth = 9;
    bool mayIssueTaxReceipts = false;
    QString statutoryObject;           // the association's object, as its statutes say (tax receipts)
    QString receiptSignatoryName;      // who signs the tax receipts
    QString receiptSignatoryCapacity;  // and as what ("Président", "Directrice par délégation")
    QString consumerMediator;          // name and website, printed on quotes to private persons
    int retentionTraineeYears = 5;     // anonymise trainees this long after they left
    int retentionInvoiceYears = 10;    // keep invoices at least this long
    int retentionCandidateMonths = 12; // anonymise candidates not admitted this long after the decision
    int version = 0;                   // optimistic locking: 0 = never saved

    static QString defaultVatMention() { return vatMentionFor(VatRegime::Franchise); }
    // The address on one line per part, as printed ("8 rue Jacquard\n39100 Dole").
    QString postalAddress() const;
    // The IBAN as printed, in groups of four ("FR76 3000 …").
    QString ibanGrouped() const { return etabli::ibanGrouped(iban); }
    // The seller block an invoice freezes at issue (no logo), and back.
    QByteArray sellerJson() const;
    static SchoolIdentity fromSellerJson(const QByteArray& json);
    // The beneficiary block a tax receipt freezes at issue (names, address,
    // SIREN/RNA, statutory object), and back.
    QByteArray beneficiaryJson() const;
    static SchoolIdentity fromBeneficiaryJson(const QByteArray& json);
    bool operator==(const SchoolIdentity&) const = default;
};

template <> struct Codes<VatRegime>
{
    static constexpr CodeEntry<VatRegime> entries[] = {
        {VatRegime::Franchise, "franchise",
         QT_TRANSLATE_NOOP("etabli::Codes", "Franchise en base (art. 293 B of the CGI)")},
        {VatRegime::Assujetti, "assujetti", QT_TRANSLATE_NOOP("etabli::Codes", "Subject to VAT")},
        {VatRegime::Association, "association",
         QT_TRANSLATE_NOOP("etabli::Codes",
                           "Non-profit association outside VAT (art. 261-7-1° b of the CGI)")},
    };
};

// The school's targets for the fundamentals of an école de production:
// about two thirds of the presence time in the workshop, at most about
// twelve young people per master trainer, the share of production hours
// on customers' orders the school aims at (basis points: 6667 = 66,67 %).
struct FundamentalTargets
{
    int practiceBp = 6667;
    int traineesPerMaster = 12;
    int customerOrderBp = 6000;
    bool operator==(const FundamentalTargets&) const = default;
};

} // namespace etabli
