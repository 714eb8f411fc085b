#pragma once

#include "domain/bank.h"
#include "domain/sales.h"
#include "domain/user.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QHash>

namespace etabli {

class Clock;
class Database;

// What each credit of a statement is (issue 22, item 3). For an open line
// it proposes, best first: an unpaid invoice (its number in the wording,
// its remaining due equal to the amount, its customer named), a deposit
// slip of cheques whose total is the amount, a gift of that amount recorded
// by hand, or a new gift from a donor the wording names. The office
// confirms one: an invoice gets a payment by transfer dated by the
// statement, a new gift is recorded, a deposit slip or a gift recorded
// before is marked as received. A line is matched once, and what it is
// matched with is matched by no other line. sales.write; gifts funding.write.
class ReconciliationService
{
    Q_DECLARE_TR_FUNCTIONS(ReconciliationService)

public:
    ReconciliationService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    struct Proposal
    {
        enum class Kind
        {
            Invoice,      // id: the invoice; a payment is recorded
            Deposit,      // id: the deposit slip
            ExistingGift, // id: the gift recorded by hand
            NewGift,      // id: the donor; a gift is recorded
        };
        Kind kind = Kind::Invoice;
        qint64 id = 0;
        QString label; // French: "Facture F2026-0012 — Garage des Salines, reste dû 240,00 €"
        QString why;   // French: "numéro dans le libellé, montant égal au reste dû"
        int score = 0;
        bool operator==(const Proposal& other) const { return kind == other.kind && id == other.id; }
    };

    // A score from which a proposal is taken as sure (shown plainly; below,
    // "à vérifier").
    static constexpr int SureScore = 70;

    // The proposals of an open credit line, best first (none for a debit,
    // a line matched or set aside).
    Result<QList<Proposal>> proposals(const StatementLine& line) const;
    // Those of every line of a statement, by line id.
    Result<QHash<qint64, QList<Proposal>>> proposals(qint64 statementId) const;
    // The proposal Enter confirms: the best, when no other is as good.
    static const Proposal* preferred(const QList<Proposal>& proposals);

    // Every possible match of a line, for the office to choose from when
    // the proposals are not it: the unpaid invoices (their number, customer
    // or amount containing `search`; all, oldest first, when empty), deposit
    // slips of its amount, gifts of its amount, and the donors `search` names.
    Result<QList<Proposal>> choices(const StatementLine& line, const QString& search) const;

    // Confirms: records what it takes and marks the line matched, all or
    // nothing. Refused in French when the line is no longer open, what it is
    // matched with is taken already, or the amount does not fit.
    Status confirm(qint64 lineId, const Proposal& proposal);
    // Sets a line aside (bank charges, a transfer between accounts) or back.
    Status setAside(qint64 lineId);
    Status reopen(qint64 lineId);
    // Undoes a match made by mistake: a payment recorded from the line is
    // reversed with `reason`; a gift stays recorded (corrected with the
    // gifts); the line is open again.
    Status unmatch(qint64 lineId, const QString& reason);

private:
    Result<StatementLine> openCredit(qint64 lineId) const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor;
};

} // namespace etabli
