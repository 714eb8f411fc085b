#include "services/helloassoimportservice.h"

#include "io/csv.h"
#include "io/sheetreader.h"
#include "services/accesscontrol.h"
#include "services/contactdirectory.h"
#include "services/contactservice.h"
#include "services/donationservice.h"
#include "services/financialyearservice.h"
#include "services/importlines.h"
#include "storage/fundingrepository.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/text.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace etabli {

namespace {

QString helloAssoWord(const QString& s)
{
    static const QRegularExpression punctuation(QStringLiteral("[^a-z0-9]+"));
    return text::fold(s).replace(punctuation, QStringLiteral(" ")).trimmed();
}

enum class PaymentField
{
    Reference,
    Day,
    GiftAmount,
    Amount,
    Kind,
    Status,
    LastName,
    FirstName,
    Email,
    Address,
    Postcode,
    City,
    Company,
};

// The export's column names as helloAssoWord() folds them: HelloAsso's own,
// the payer's ("Nom payeur") or the donor's, in the words of its exports
// over the years.
const QHash<QString, PaymentField>& paymentHeaders()
{
    static const QHash<QString, PaymentField> headers = [] {
        QHash<QString, PaymentField> h;
        const auto add = [&h](PaymentField f, std::initializer_list<const char*> names) {
            for (const char* n : names)
                h.insert(QString::fromLatin1(n), f);
        };
        add(PaymentField::Reference,
            {"reference commande", "reference de la commande", "reference du paiement", "reference paiement",
             "reference", "numero de commande", "id paiement", "numero du paiement"});
        add(PaymentField::Day, {"date", "date du paiement", "date de paiement", "date de la commande"});
        add(PaymentField::GiftAmount, {"montant du don", "don"});
        add(PaymentField::Amount, {"montant", "montant total", "montant paye", "montant du paiement"});
        add(PaymentField::Kind, {"type", "type de paiement", "type d achat", "type de formulaire"});
        add(PaymentField::Status, {"statut", "statut du paiement", "etat", "etat du paiement"});
        add(PaymentField::LastName,
            {"nom", "nom payeur", "nom du payeur", "nom du donateur", "nom donateur"});
        add(PaymentField::FirstName,
            {"prenom", "prenom payeur", "prenom du payeur", "prenom du donateur", "prenom donateur"});
        add(PaymentField::Email,
            {"email", "email payeur", "adresse email", "e mail", "courriel", "email du payeur"});
        add(PaymentField::Address, {"adresse", "adresse payeur", "adresse du payeur"});
        add(PaymentField::Postcode, {"code postal", "code postal payeur", "cp"});
        add(PaymentField::City, {"ville", "ville payeur"});
        add(PaymentField::Company, {"societe", "raison sociale", "nom de l organisme", "organisme"});
        return h;
    }();
    return headers;
}

// A payment's state in HelloAsso's words (French export, or the API's).
HelloAssoImportService::Fate fateOfStatus(const QString& word)
{
    using Fate = HelloAssoImportService::Fate;
    static const QStringList paid = {QStringLiteral(""),          QStringLiteral("valide"),
                                     QStringLiteral("autorise"),  QStringLiteral("paye"),
                                     QStringLiteral("effectue"),  QStringLiteral("authorized"),
                                     QStringLiteral("processed"), QStringLiteral("registered"),
                                     QStringLiteral("succes"),    QStringLiteral("ok")};
    if (paid.contains(word))
        return Fate::Gift;
    if (word.startsWith(QLatin1String("rembours")) || word.startsWith(QLatin1String("refund")) ||
        word.contains(QLatin1String("remboursement")))
        return Fate::Refunded;
    return Fate::NotPaid;
}

bool isGiftKind(const QString& word)
{
    return word.isEmpty() || word == QLatin1String("don") || word == QLatin1String("dons") ||
           word == QLatin1String("donation") || word.startsWith(QLatin1String("don ")) ||
           word == QLatin1String("crowdfunding") || word == QLatin1String("collecte");
}

// A donor the directory does not know, as the file gives them: e-mail, name and postcode.
QString newDonorKey(const Contact& donor)
{
    return donor.email.trimmed().toLower() + QLatin1Char('\n') + ContactDirectory::nameKey(donor);
}

} // namespace

QString HelloAssoImportService::labelOf(Fate fate)
{
    switch (fate) {
    case Fate::Gift:
        return tr("gift to record");
    case Fate::AlreadyRecorded:
        return tr("already recorded");
    case Fate::Refunded:
        return tr("refunded: left out");
    case Fate::NotPaid:
        return tr("not paid: left out");
    case Fate::NotAGift:
        return tr("not a gift: left out");
    case Fate::Refused:
        return tr("refused");
    }
    return {};
}

int HelloAssoImportService::Preview::count(Fate fate) const
{
    return static_cast<int>(
        std::count_if(rows.begin(), rows.end(), [fate](const Row& r) { return r.fate == fate; }));
}

Money HelloAssoImportService::Preview::total() const
{
    Money sum;
    for (const Row& r : rows) {
        if (r.fate == Fate::Gift)
            sum = sum + r.amount;
    }
    return sum;
}

Result<HelloAssoImportService::Preview> HelloAssoImportService::prepare(const QByteArray& bytes) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingWrite));
    ETABLI_TRY(ContactService(m_db, m_clock, m_actor).mayWrite());
    auto table = sheet::read(bytes);
    if (!table)
        return std::unexpected(table.error());
    QHash<PaymentField, int> column;
    for (int i = 0; i < table->header.size(); ++i) {
        const auto found = paymentHeaders().constFind(helloAssoWord(table->header.at(i)));
        if (found != paymentHeaders().cend() && !column.contains(*found))
            column.insert(*found, i);
    }
    // A file whose columns changed is refused, saying which are missing.
    QStringList missing;
    if (!column.contains(PaymentField::Reference))
        missing << QStringLiteral("Référence commande");
    if (!column.contains(PaymentField::Day))
        missing << QStringLiteral("Date");
    if (!column.contains(PaymentField::Amount) && !column.contains(PaymentField::GiftAmount))
        missing << QStringLiteral("Montant");
    if (!column.contains(PaymentField::LastName) && !column.contains(PaymentField::Company))
        missing << QStringLiteral("Nom");
    if (!missing.isEmpty())
        return fail(Error::Code::InvalidInput,
                    tr("This is not a HelloAsso payments' export as Établi knows it: the column(s) %1 are "
                       "missing. Columns found: %2. Export the payments again from HelloAsso (Mes paiements, "
                       "Exporter), or rename the columns as the user guide says.")
                        .arg(missing.join(QStringLiteral(", ")), table->header.join(QStringLiteral(", "))));

    auto directory = ContactDirectory::read(m_db);
    if (!directory)
        return std::unexpected(directory.error());
    FundingRepository funding(m_db);
    const QDate today = m_clock.today();
    Preview preview;
    preview.encoding = table->encoding;
    QHash<QString, int> seen;      // references within the file
    QHash<QString, int> newDonors; // donors not in the directory: their first line
    for (qsizetype r = 0; r < table->rows.size(); ++r) {
        const QStringList& cells = table->rows.at(r);
        const auto cell = [&](PaymentField f) {
            const int i = column.value(f, -1);
            return i >= 0 && i < cells.size() ? cells.at(i).trimmed() : QString();
        };
        Row row;
        row.line = table->lines.at(r);
        QStringList problems;
        const QString reference = cell(PaymentField::Reference);
        if (reference.isEmpty())
            problems << tr("no reference");
        row.reference = QStringLiteral("HelloAsso %1").arg(reference);
        // "12/03/2026 14:35", "2026-03-12T14:35:00+01:00": the day only.
        const QString dayText =
            cell(PaymentField::Day).section(QRegularExpression(QStringLiteral("[ T]")), 0, 0);
        row.day = text::parseTypedDate(dayText, today);
        if (!row.day.isValid())
            problems << tr("“%1” is not a date").arg(cell(PaymentField::Day));
        else if (row.day > today)
            problems << tr("the day %1 is in the future").arg(text::frenchDate(row.day));
        const QString amountText = !cell(PaymentField::GiftAmount).isEmpty() ? cell(PaymentField::GiftAmount)
                                                                             : cell(PaymentField::Amount);
        if (auto amount = Money::parse(amountText); !amount)
            problems << amount.error().message;
        else
            row.amount = *amount;
        Contact& donor = row.donor;
        donor.donor = true;
        const QString company = cell(PaymentField::Company);
        donor.person = company.isEmpty();
        donor.kind = donor.person ? CustomerKind::Person : CustomerKind::Company;
        donor.name = donor.person ? cell(PaymentField::LastName) : company;
        donor.firstName = donor.person ? cell(PaymentField::FirstName) : QString();
        donor.email = cell(PaymentField::Email);
        donor.addressLine1 = cell(PaymentField::Address);
        donor.postcode = cell(PaymentField::Postcode);
        donor.city = cell(PaymentField::City);
        row.donorName = donor.displayName();
        for (const QString& c : cells) {
            if (csv::looksLikeFormula(c.trimmed()) && !c.trimmed().startsWith(QLatin1Char('+'))) {
                problems << tr("a cell looks like a spreadsheet formula (“%1”)").arg(c.trimmed().left(30));
                break;
            }
        }
        // What the line is: a paid gift, or something left out and said so.
        const QString kind = helloAssoWord(cell(PaymentField::Kind));
        const Fate status = fateOfStatus(helloAssoWord(cell(PaymentField::Status)));
        if (!isGiftKind(kind)) {
            row.fate = Fate::NotAGift;
            row.note = tr("“%1” is not a gift").arg(cell(PaymentField::Kind));
        } else if (status != Fate::Gift) {
            row.fate = status;
            row.note = tr("status “%1”").arg(cell(PaymentField::Status));
        } else if (!problems.isEmpty()) {
            row.fate = Fate::Refused;
            row.note = ImportLines::joinProblems(problems);
        } else if (const int earlier = seen.value(row.reference); earlier != 0) {
            row.fate = Fate::Refused;
            row.note = tr("the same reference as line %1").arg(earlier);
        } else {
            seen.insert(row.reference, row.line);
            auto recorded = funding.donationByReference(row.reference);
            if (!recorded)
                return std::unexpected(recorded.error());
            if (*recorded != 0) {
                row.fate = Fate::AlreadyRecorded;
                row.note = tr("gift n°%1").arg(*recorded);
            } else if (auto open = FinancialYearService::requireOpen(m_db, row.day); !open) {
                row.fate = Fate::Refused;
                row.note = open.error().message;
            } else if (auto valid = ContactService::normalise(donor); !valid) {
                row.fate = Fate::Refused;
                row.note = valid.error().message;
            } else {
                bool bySiret = false;
                const Contact* known = directory->byEmail(donor.email);
                if (!known || donor.email.isEmpty())
                    known = directory->twinOf(donor, &bySiret);
                if (known) {
                    row.donorId = known->id;
                    row.donorName = known->displayName();
                } else {
                    // A new donor's second gift: the donor is added once (apply).
                    const QString key = newDonorKey(donor);
                    if (const int first = newDonors.value(key); first != 0)
                        row.note = tr("the same donor as line %1").arg(first);
                    else
                        newDonors.insert(key, row.line);
                }
            }
        }
        preview.rows << std::move(row);
    }
    return preview;
}

Result<int> HelloAssoImportService::apply(const Preview& preview, bool skipInvalid)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingWrite));
    if (preview.count(Fate::Refused) > 0 && !skipInvalid) {
        QList<ImportLines::Refused> refused;
        for (const Row& r : preview.rows) {
            if (r.fate == Fate::Refused)
                refused.append({r.line, r.note});
        }
        return ImportLines::nothingImported(refused);
    }
    return inTransaction(m_db, [&]() -> Result<int> {
        ContactService contacts(m_db, m_clock, m_actor);
        DonationService gifts(m_db, m_clock, m_actor);
        // Donors added by this import, so that a second gift finds the first's donor.
        QHash<QString, qint64> added;
        QSet<qint64> madeDonors;
        int recorded = 0;
        for (const Row& row : preview.rows) {
            if (row.fate != Fate::Gift)
                continue;
            const auto lineError = [&row](const Error& e) {
                return Error{e.code, tr("Line %1: %2").arg(row.line).arg(e.message), e.detail};
            };
            qint64 donorId = row.donorId;
            const QString key = newDonorKey(row.donor);
            if (donorId == 0)
                donorId = added.value(key);
            if (donorId == 0) {
                auto id = contacts.add(row.donor, true);
                if (!id)
                    return std::unexpected(lineError(id.error()));
                donorId = *id;
                added.insert(key, donorId);
            } else if (!madeDonors.contains(donorId)) {
                // A customer who gives is a donor too.
                auto known = contacts.get(donorId);
                if (!known)
                    return std::unexpected(lineError(known.error()));
                if (!known->donor) {
                    Contact c = *known;
                    c.donor = true;
                    if (auto r = contacts.update(c, true); !r)
                        return std::unexpected(lineError(r.error()));
                }
                madeDonors.insert(donorId);
            }
            Donation d;
            d.contactId = donorId;
            d.day = row.day;
            d.amount = row.amount;
            d.method = GiftMethod::Online;
            d.nature = GiftNature::Cash;
            d.form = GiftForm::Other;
            d.reference = row.reference;
            if (auto id = gifts.record(d); !id)
                return std::unexpected(lineError(id.error()));
            ++recorded;
        }
        return recorded;
    });
}

} // namespace etabli
