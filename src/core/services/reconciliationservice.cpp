#include "services/reconciliationservice.h"

#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "services/donationservice.h"
#include "services/invoiceservice.h"
#include "storage/bankrepository.h"
#include "storage/contactrepository.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/text.h"

#include <QRegularExpression>
#include <QSet>

namespace etabli {

namespace {

using Proposal = ReconciliationService::Proposal;

// How far a deposit slip's day may be before the bank credits it, and a gift
// recorded by hand from the day the bank shows it.
constexpr int kDepositDays = 45;
constexpr int kGiftDays = 20;
// Unpaid invoices of the same amount looked at.
constexpr int kSameAmount = 20;

QStringList wordsOf(const QString& text)
{
    QString folded = text::fold(text);
    folded.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral(" "));
    return folded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// The words of a name that tell it: without legal forms and small words.
QStringList nameWords(const QString& name)
{
    static const QSet<QString> noise = {
        QStringLiteral("sarl"),       QStringLiteral("sas"),     QStringLiteral("sasu"),
        QStringLiteral("eurl"),       QStringLiteral("sa"),      QStringLiteral("sci"),
        QStringLiteral("ste"),        QStringLiteral("societe"), QStringLiteral("ets"),
        QStringLiteral("de"),         QStringLiteral("des"),     QStringLiteral("du"),
        QStringLiteral("la"),         QStringLiteral("le"),      QStringLiteral("les"),
        QStringLiteral("et"),         QStringLiteral("m"),       QStringLiteral("mme"),
        QStringLiteral("mr"),         QStringLiteral("l"),       QStringLiteral("d"),
        QStringLiteral("association")};
    QStringList out;
    for (const QString& w : wordsOf(name)) {
        if (!noise.contains(w) && !out.contains(w))
            out << w;
    }
    return out;
}

// Whether the wording names someone: every telling word of the name is in
// it, one of them at least four letters long.
bool names(const QSet<QString>& words, const QStringList& name)
{
    if (name.isEmpty())
        return false;
    bool long4 = false;
    for (const QString& w : name) {
        if (!words.contains(w))
            return false;
        long4 = long4 || w.size() >= 4;
    }
    return long4;
}

// The invoice numbers a wording gives: "F2026-0012", "FACT F2026 12",
// "F20260012", "facture 2026-0012".
QStringList invoiceNumbers(const QString& label)
{
    static const QRegularExpression withSeries(
        QStringLiteral("(?<![A-Z0-9])F\\s*(20\\d\\d)\\s*[-/_. ]?\\s*(\\d{1,6})(?![0-9])"));
    static const QRegularExpression bare(QStringLiteral("(?<![A-Z0-9])(20\\d\\d)-(\\d{1,6})(?![0-9])"));
    const QString upper = label.toUpper();
    QStringList out;
    for (const QRegularExpression* re : {&withSeries, &bare}) {
        auto it = re->globalMatch(upper);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString number = QStringLiteral("F%1-%2")
                                       .arg(m.captured(1))
                                       .arg(m.captured(2).toInt(), 4, 10, QLatin1Char('0'));
            if (!out.contains(number))
                out << number;
        }
    }
    return out;
}

// The donors, found by the longest telling word of their name.
struct Donors
{
    struct Donor
    {
        qint64 id = 0;
        QString name;
        QStringList words;
    };
    QList<Donor> all;
    QHash<QString, QList<qsizetype>> byWord;

    static Result<Donors> read(Database& db)
    {
        auto contacts = ContactRepository(db).donorNames();
        if (!contacts)
            return std::unexpected(contacts.error());
        Donors d;
        for (const Contact& c : *contacts) {
            Donor donor{c.id, c.displayName(), nameWords(c.displayName())};
            if (donor.words.isEmpty())
                continue;
            const QString key =
                *std::max_element(donor.words.cbegin(), donor.words.cend(),
                                  [](const QString& a, const QString& b) { return a.size() < b.size(); });
            d.byWord[key] << d.all.size();
            d.all << donor;
        }
        return d;
    }

    QList<const Donor*> namedIn(const QSet<QString>& words) const
    {
        QList<const Donor*> out;
        for (const QString& w : words) {
            for (const qsizetype i : byWord.value(w)) {
                if (names(words, all.at(i).words))
                    out << &all.at(i);
            }
        }
        return out;
    }
};

QString invoiceLabel(const Receivable& r)
{
    return ReconciliationService::tr("Invoice %1 — %2, %3 due").arg(r.number, r.customer, r.due.format());
}

QString depositLabel(const BankRepository::DepositCandidate& d)
{
    return ReconciliationService::tr("Deposit slip no. %1 of %2 — %n cheque(s), %3", nullptr, d.cheques)
        .arg(d.id)
        .arg(text::frenchDate(d.day), d.total.format());
}

QString giftLabel(const BankRepository::GiftCandidate& g)
{
    return ReconciliationService::tr("Gift from %1 of %2 recorded on %3")
        .arg(g.donor, g.amount.format(), text::frenchDate(g.day));
}

QString newGiftLabel(const QString& donor)
{
    return ReconciliationService::tr("New gift from %1").arg(donor);
}

void sortBest(QList<Proposal>& list)
{
    std::stable_sort(list.begin(), list.end(),
                     [](const Proposal& a, const Proposal& b) { return a.score > b.score; });
}

Result<QList<Proposal>> proposalsFor(Database& db, const StatementLine& line, const Donors& donors)
{
    QList<Proposal> out;
    if (line.state != BankLineState::Open || !line.line.isCredit())
        return out;
    BankRepository repo(db);
    const Money amount = line.line.amount;
    const QDate day = line.line.day;
    const QStringList labelWords = wordsOf(line.line.label);
    const QSet<QString> words(labelWords.cbegin(), labelWords.cend());
    const auto add = [&out](Proposal p) {
        for (Proposal& q : out) {
            if (q == p) {
                q.score = std::max(q.score, p.score);
                return;
            }
        }
        out << p;
    };
    // Invoices by their number in the wording.
    auto numbered = repo.invoicesNumbered(invoiceNumbers(line.line.label));
    if (!numbered)
        return std::unexpected(numbered.error());
    for (const Receivable& r : *numbered) {
        if (amount > r.due)
            continue; // more than is due: not this one alone
        const bool named = names(words, nameWords(r.customer));
        QStringList why{ReconciliationService::tr("its number in the wording")};
        if (amount == r.due)
            why << ReconciliationService::tr("the amount due");
        else
            why << ReconciliationService::tr("part of the amount due");
        if (named)
            why << ReconciliationService::tr("the customer named");
        add({Proposal::Kind::Invoice, r.invoiceId, invoiceLabel(r), why.join(QStringLiteral(", ")),
             60 + (amount == r.due ? 30 : 0) + (named ? 10 : 0)});
    }
    // Invoices whose remaining due is the amount.
    auto same = repo.invoicesDue(amount, kSameAmount);
    if (!same)
        return std::unexpected(same.error());
    for (const Receivable& r : *same) {
        const bool named = names(words, nameWords(r.customer));
        add({Proposal::Kind::Invoice, r.invoiceId, invoiceLabel(r),
             named ? ReconciliationService::tr("the amount due, the customer named")
                   : ReconciliationService::tr("the amount due only"),
             40 + (named ? 40 : 0)});
    }
    // Deposit slips of that total made in the weeks before.
    auto deposits = repo.depositsOf(amount, day.addDays(-kDepositDays), day);
    if (!deposits)
        return std::unexpected(deposits.error());
    const bool saysDeposit =
        words.contains(QStringLiteral("remise")) || words.contains(QStringLiteral("cheques")) ||
        words.contains(QStringLiteral("chq")) || words.contains(QStringLiteral("cheque"));
    for (const auto& d : *deposits)
        add({Proposal::Kind::Deposit, d.id, depositLabel(d),
             saysDeposit ? ReconciliationService::tr("the slip's total, a deposit of cheques")
                         : ReconciliationService::tr("the slip's total"),
             70 + (saysDeposit ? 15 : 0)});
    // Gifts recorded by hand, and new gifts of the donors named.
    auto gifts = repo.giftsOf(amount, day.addDays(-kGiftDays), day.addDays(kGiftDays));
    if (!gifts)
        return std::unexpected(gifts.error());
    for (const auto& g : *gifts) {
        const bool named = names(words, nameWords(g.donor));
        add({Proposal::Kind::ExistingGift, g.id, giftLabel(g),
             named ? ReconciliationService::tr("the gift's amount, the donor named")
                   : ReconciliationService::tr("the gift's amount only"),
             50 + (named ? 35 : 0)});
    }
    for (const Donors::Donor* d : donors.namedIn(words)) {
        bool recorded = false;
        for (const auto& g : *gifts)
            recorded = recorded || names(words, nameWords(g.donor));
        if (!recorded)
            add({Proposal::Kind::NewGift, d->id, newGiftLabel(d->name),
                 ReconciliationService::tr("a donor named in the wording"), 45});
    }
    sortBest(out);
    return out;
}

} // namespace

const Proposal* ReconciliationService::preferred(const QList<Proposal>& proposals)
{
    if (proposals.isEmpty())
        return nullptr;
    if (proposals.size() > 1 && proposals.at(1).score >= proposals.at(0).score)
        return nullptr; // as good as another: the office chooses
    return &proposals.first();
}

Result<QList<Proposal>> ReconciliationService::proposals(const StatementLine& line) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    auto donors = Donors::read(m_db);
    if (!donors)
        return std::unexpected(donors.error());
    return proposalsFor(m_db, line, *donors);
}

Result<QHash<qint64, QList<Proposal>>> ReconciliationService::proposals(qint64 statementId) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    auto lines = BankRepository(m_db).lines(statementId);
    if (!lines)
        return std::unexpected(lines.error());
    auto donors = Donors::read(m_db);
    if (!donors)
        return std::unexpected(donors.error());
    QHash<qint64, QList<Proposal>> out;
    for (const StatementLine& l : *lines) {
        auto p = proposalsFor(m_db, l, *donors);
        if (!p)
            return std::unexpected(p.error());
        if (!p->isEmpty())
            out.insert(l.id, *p);
    }
    return out;
}

Result<QList<Proposal>> ReconciliationService::choices(const StatementLine& line, const QString& search) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    QList<Proposal> out;
    if (!line.line.isCredit())
        return out;
    const Money amount = line.line.amount;
    const QString key = text::fold(search.trimmed());
    auto aging = InvoiceService(m_db, m_clock, m_actor).receivables();
    if (!aging)
        return std::unexpected(aging.error());
    for (const Receivable& r : aging->invoices) {
        if (r.due < amount)
            continue;
        if (!key.isEmpty() && !text::fold(r.number).contains(key) && !text::fold(r.customer).contains(key) &&
            !text::fold(r.due.format()).contains(key))
            continue;
        out << Proposal{Proposal::Kind::Invoice, r.invoiceId, invoiceLabel(r), QString(), 0};
    }
    BankRepository repo(m_db);
    auto deposits = repo.depositsOf(amount, line.line.day.addDays(-kDepositDays), line.line.day);
    if (!deposits)
        return std::unexpected(deposits.error());
    for (const auto& d : *deposits)
        out << Proposal{Proposal::Kind::Deposit, d.id, depositLabel(d), QString(), 0};
    auto gifts = repo.giftsOf(amount, line.line.day.addDays(-kGiftDays), line.line.day.addDays(kGiftDays));
    if (!gifts)
        return std::unexpected(gifts.error());
    for (const auto& g : *gifts)
        out << Proposal{Proposal::Kind::ExistingGift, g.id, giftLabel(g), QString(), 0};
    if (m_actor.can(permission::FundingWrite)) {
        auto donors = Donors::read(m_db);
        if (!donors)
            return std::unexpected(donors.error());
        for (const Donors::Donor& d : donors->all) {
            if (key.isEmpty() || text::fold(d.name).contains(key))
                out << Proposal{Proposal::Kind::NewGift, d.id, newGiftLabel(d.name), QString(), 0};
        }
    }
    return out;
}

Result<StatementLine> ReconciliationService::openCredit(qint64 lineId) const
{
    auto line = BankRepository(m_db).line(lineId);
    if (!line)
        return line;
    if (line->state != BankLineState::Open)
        return fail(
            Error::Code::Conflict,
            tr("This line is reconciled already (%1): undo that first.")
                .arg(line->state == BankLineState::Matched ? line->matchedWith : labelOf(line->state)));
    if (!line->line.isCredit())
        return fail(Error::Code::InvalidInput,
                    tr("Money taken out of the account is not reconciled here: set the line aside."));
    return line;
}

Status ReconciliationService::confirm(qint64 lineId, const Proposal& proposal)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    if (proposal.kind == Proposal::Kind::NewGift || proposal.kind == Proposal::Kind::ExistingGift)
        ETABLI_TRY(AccessControl::require(m_actor, permission::FundingWrite));
    return inTransaction(m_db, [&]() -> Status {
        auto line = openCredit(lineId);
        if (!line)
            return std::unexpected(line.error());
        BankRepository repo(m_db);
        const Money amount = line->line.amount;
        const QString now = m_clock.nowIso();
        using MatchKind = BankRepository::MatchKind;
        switch (proposal.kind) {
        case Proposal::Kind::Invoice: {
            Payment p;
            p.invoiceId = proposal.id;
            p.day = line->line.day;
            p.method = PaymentMethod::Transfer;
            p.amount = amount;
            auto id = InvoiceService(m_db, m_clock, m_actor).recordPayment(p);
            if (!id)
                return std::unexpected(id.error());
            ETABLI_TRY(repo.match(lineId, MatchKind::Payment, *id, m_actor.login, now));
            break;
        }
        case Proposal::Kind::Deposit: {
            auto slips = repo.depositsOf(amount, QDate(1900, 1, 1), line->line.day);
            if (!slips)
                return std::unexpected(slips.error());
            const bool fits = std::any_of(slips->cbegin(), slips->cend(),
                                          [&proposal](const auto& d) { return d.id == proposal.id; });
            if (!fits)
                return fail(Error::Code::InvalidInput,
                            tr("Deposit slip no. %1 does not total %2, or is matched already.")
                                .arg(proposal.id)
                                .arg(amount.format()));
            ETABLI_TRY(repo.match(lineId, MatchKind::Deposit, proposal.id, m_actor.login, now));
            break;
        }
        case Proposal::Kind::ExistingGift: {
            auto gift = DonationService(m_db, m_clock, m_actor).donation(proposal.id);
            if (!gift)
                return std::unexpected(gift.error());
            if (gift->amount != amount)
                return fail(Error::Code::InvalidInput, tr("This gift is of %1, the bank credited %2.")
                                                           .arg(gift->amount.format(), amount.format()));
            ETABLI_TRY(repo.match(lineId, MatchKind::Donation, proposal.id, m_actor.login, now));
            break;
        }
        case Proposal::Kind::NewGift: {
            Donation d;
            d.contactId = proposal.id;
            d.day = line->line.day;
            d.amount = amount;
            d.method = GiftMethod::Transfer;
            d.nature = GiftNature::Cash;
            auto id = DonationService(m_db, m_clock, m_actor).record(d);
            if (!id)
                return std::unexpected(id.error());
            ETABLI_TRY(repo.match(lineId, MatchKind::Donation, *id, m_actor.login, now));
            break;
        }
        }
        ChangeSet c;
        c.set(QStringLiteral("line"), lineId).set(QStringLiteral("matched_with"), proposal.label);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::BankStatement, QString::number(line->statementId),
                    AuditAction::Update, c);
    });
}

Status ReconciliationService::setAside(qint64 lineId)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    return inTransaction(m_db, [&]() -> Status {
        auto line = BankRepository(m_db).line(lineId);
        if (!line)
            return std::unexpected(line.error());
        ETABLI_TRY(BankRepository(m_db).setIgnored(lineId, true, m_actor.login, m_clock.nowIso()));
        ChangeSet c;
        c.set(QStringLiteral("line"), lineId).set(QStringLiteral("state"), codeOf(BankLineState::Ignored));
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::BankStatement, QString::number(line->statementId),
                    AuditAction::Update, c);
    });
}

Status ReconciliationService::reopen(qint64 lineId)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    return inTransaction(m_db, [&]() -> Status {
        auto line = BankRepository(m_db).line(lineId);
        if (!line)
            return std::unexpected(line.error());
        ETABLI_TRY(BankRepository(m_db).setIgnored(lineId, false, m_actor.login, m_clock.nowIso()));
        ChangeSet c;
        c.set(QStringLiteral("line"), lineId).set(QStringLiteral("state"), codeOf(BankLineState::Open));
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::BankStatement, QString::number(line->statementId),
                    AuditAction::Update, c);
    });
}

Status ReconciliationService::unmatch(qint64 lineId, const QString& reason)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    if (reason.trimmed().isEmpty())
        return fail(Error::Code::InvalidInput, tr("Say why the match is undone."));
    return inTransaction(m_db, [&]() -> Status {
        BankRepository repo(m_db);
        auto line = repo.line(lineId);
        if (!line)
            return std::unexpected(line.error());
        if (line->state != BankLineState::Matched)
            return fail(Error::Code::InvalidInput, tr("This line is not matched with anything."));
        ETABLI_TRY(repo.clearMatch(lineId));
        if (line->paymentId != 0) {
            auto reversed =
                InvoiceService(m_db, m_clock, m_actor).reversePayment(line->paymentId, reason.trimmed());
            if (!reversed)
                return std::unexpected(reversed.error());
        }
        ChangeSet c;
        c.set(QStringLiteral("line"), lineId)
            .set(QStringLiteral("unmatched"), line->matchedWith)
            .set(QStringLiteral("reason"), reason.trimmed());
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::BankStatement, QString::number(line->statementId),
                    AuditAction::Update, c);
    });
}

} // namespace etabli
