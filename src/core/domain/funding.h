#pragma once

#include "domain/codes.h"
#include "domain/money.h"

#include <optional>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace etabli {

// How a gift of money or a member's dues were paid; a gift that is not money
// is "other". The codes are hashed into tax receipts: they never change.
enum class GiftMethod
{
    Cash,
    Cheque,
    Transfer,
    Card,
    Online, // schema 32: through a platform (HelloAsso…), a card payment it passes on
    Other,
};
template <> struct Codes<GiftMethod>
{
    static constexpr CodeEntry<GiftMethod> entries[] = {
        {GiftMethod::Cash, "cash", QT_TRANSLATE_NOOP("etabli::Codes", "Cash")},
        {GiftMethod::Cheque, "cheque", QT_TRANSLATE_NOOP("etabli::Codes", "Cheque")},
        {GiftMethod::Transfer, "transfer", QT_TRANSLATE_NOOP("etabli::Codes", "Transfer")},
        {GiftMethod::Card, "card", QT_TRANSLATE_NOOP("etabli::Codes", "Card")},
        {GiftMethod::Online, "online", QT_TRANSLATE_NOOP("etabli::Codes", "Online (card)")},
        {GiftMethod::Other, "other", QT_TRANSLATE_NOOP("etabli::Codes", "Other")},
    };
};

// The nature of a gift, as the Cerfa receipts ask it: money (numéraire),
// listed securities, or "other" — goods and services given in kind, and the
// expenses a volunteer incurred and expressly waived (abandon de frais).
enum class GiftNature
{
    Cash,
    Securities,
    InKind,
    ExpensesWaived
};
// The form of a gift, as the Cerfa receipts ask it. An ordinary gift by
// cheque, transfer or card is "other"; a declaration of manual gift is the
// donor's declaration to the tax office (form 2735).
enum class GiftForm
{
    AuthenticDeed,
    PrivateDeed,
    ManualDeclaration,
    Other
};

// The codes storage keeps, also hashed into receipts: they never change.
// An unknown code reads as money and "other".
template <> struct Codes<GiftNature>
{
    static constexpr CodeEntry<GiftNature> entries[] = {
        {GiftNature::Cash, "cash", QT_TRANSLATE_NOOP("etabli::Codes", "Money (numéraire)")},
        {GiftNature::Securities, "securities", QT_TRANSLATE_NOOP("etabli::Codes", "Listed securities")},
        {GiftNature::InKind, "in_kind",
         QT_TRANSLATE_NOOP("etabli::Codes", "Other: goods or services given in kind")},
        {GiftNature::ExpensesWaived, "expenses_waived",
         QT_TRANSLATE_NOOP("etabli::Codes", "Other: expenses waived by a volunteer")},
    };
};
// In the order the form offers them: the ordinary gift's first.
template <> struct Codes<GiftForm>
{
    static constexpr CodeEntry<GiftForm> entries[] = {
        {GiftForm::Other, "other", QT_TRANSLATE_NOOP("etabli::Codes", "Other form")},
        {GiftForm::ManualDeclaration, "manual_declaration",
         QT_TRANSLATE_NOOP("etabli::Codes", "Declaration of a manual gift")},
        {GiftForm::PrivateDeed, "private_deed", QT_TRANSLATE_NOOP("etabli::Codes", "Private deed")},
        {GiftForm::AuthenticDeed, "authentic_deed", QT_TRANSLATE_NOOP("etabli::Codes", "Authentic deed")},
    };
};

// A gift to the school: money; listed securities; goods and services given
// in kind; or the expenses a volunteer waived. What is not money is
// described, and says how its amount was valued; a volunteer's waived
// expenses also name their proof.
struct Donation
{
    qint64 id = 0;
    qint64 contactId = 0;
    QString donorName; // filled when read
    QDate day;
    Money amount; // the valuation of a gift that is not money
    GiftMethod method = GiftMethod::Cheque;
    GiftNature nature = GiftNature::Cash;
    GiftForm form = GiftForm::Other;
    QString description; // what was given (securities, goods, services, the expense waived)
    QString valuation;   // how its amount was valued (not money)
    QString proof;       // the proof kept (waived expenses: the receipts and the written waiver)
    QString purpose;     // restricted gift: what it is for
    QString reference;   // schema 32: the platform's reference of an online gift (unique), or empty
    qint64 receiptId = 0;
    QString receiptNumber; // filled when read
    int version = 0;

    bool money() const { return nature == GiftNature::Cash; }
};

// What a tax receipt covers, as it was when issued.
struct ReceiptLine
{
    ReceiptLine() = default;
    ReceiptLine(qint64 donation, const QDate& giftDay, Money giftAmount, GiftMethod giftMethod,
                GiftNature giftNature, QString giftDescription, std::optional<GiftForm> giftForm = {},
                QString giftValuation = {}, QString giftProof = {})
        : donationId(donation), day(giftDay), amount(giftAmount), method(giftMethod), nature(giftNature),
          description(std::move(giftDescription)), form(giftForm), valuation(std::move(giftValuation)),
          proof(std::move(giftProof))
    {
    }

    qint64 donationId = 0;
    QDate day;
    Money amount;
    GiftMethod method = GiftMethod::Other;
    GiftNature nature = GiftNature::Cash;
    QString description;
    // Since schema 19 (hash version 3).
    std::optional<GiftForm> form; // empty on receipts issued before
    QString valuation;
    QString proof;
};

// What a numbered record of the receipts' chain is.
enum class ReceiptKind
{
    Receipt,
    Cancellation,
};

template <> struct Codes<ReceiptKind>
{
    static constexpr CodeEntry<ReceiptKind> entries[] = {
        {ReceiptKind::Receipt, "receipt", QT_TRANSLATE_NOOP("etabli::Codes", "receipt")},
        {ReceiptKind::Cancellation, "cancellation", QT_TRANSLATE_NOOP("etabli::Codes", "cancellation")},
    };
};

// A tax receipt (reçu fiscal, content of Cerfa n°11580 for persons and
// n°16216 for businesses), or the record cancelling one.
struct TaxReceipt
{
    qint64 id = 0;
    ReceiptKind kind = ReceiptKind::Receipt;
    QString number; // "R2026-0001"
    int year = 0;
    int sequence = 0;
    qint64 contactId = 0;
    qint64 cancelsReceiptId = 0;
    QString cancelsNumber; // filled when read
    QDate issueDate;
    QString donorName;
    QString donorAddress;
    bool donorCompany = false; // article 238 bis CGI (Cerfa 16216); else articles 200 and 978 (Cerfa 11580)
    QString donorSiren;
    QString donorLegalForm; // companies, since schema 19
    Money total;
    QString reason; // of a cancellation
    QList<ReceiptLine> lines;
    int chainPosition = 0;
    QString prevHash;
    QString hash;
    QString issuedBy;
    qint64 cancelledById = 0; // filled when read: the record cancelling it
    QString cancelledByNumber;
    // Frozen at issue (schema 18): the beneficiary block as printed
    // (SchoolIdentity::beneficiaryJson) and who signed, as what.
    QString beneficiary;
    QString signatoryName;
    QString signatoryCapacity;
    // 1: issued before schema 18 (the three above not covered); 2: before
    // schema 19 (the donor's legal form and the lines' form, valuation and
    // proof not covered); 3: since.
    int hashVersion = 3;

    bool isCancellation() const { return kind == ReceiptKind::Cancellation; }
};

// SHA-256 (hex) of what a receipt says, chained to the previous one.
QString receiptHash(const TaxReceipt& receipt, const QString& prevHash);

// A financial year (exercice) and its targets (basis points of resources).
struct FinancialYear
{
    qint64 id = 0;
    QDate start;
    QDate end;
    bool closed = false;
    int targetProductionBp = 6000;
    int targetGiftsBp = 2000;
    int targetSubsidiesBp = 2000;
    int version = 0;

    bool contains(const QDate& day) const { return day >= start && day <= end; }
};

} // namespace etabli
