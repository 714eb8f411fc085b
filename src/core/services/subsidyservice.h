#pragma once

#include "domain/budget.h"
#include "domain/user.h"
#include "storage/subsidyrepository.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Clock;
class Database;

// What is due soon on the subsidies: a final account to send, an
// instalment to come, a decision awaited.
struct SubsidyDeadline
{
    QDate day;
    QString what; // French, for the list
    qint64 subsidyId = 0;
    bool late = false;
};

// Subsidies from the request to the final account. The status follows from
// the facts entered (decision, instalments received, account sent); the
// instalments never exceed the granted amount; the money of a closed
// financial year stays as it was. funding.read to read, funding.write to write.
class SubsidyService
{
    Q_DECLARE_TR_FUNCTIONS(SubsidyService)

public:
    SubsidyService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Result<QList<Subsidy>> list(const SubsidyFilter& filter) const;
    Result<Subsidy> get(qint64 id) const;
    // Inserts (id 0) or updates; the final account is due six months after
    // the end of the financial year unless another day is given.
    Result<qint64> save(const Subsidy& subsidy);
    // Accounts to send, instalments and decisions expected, up to `until`
    // (those already late included), soonest first.
    Result<QList<SubsidyDeadline>> deadlines(const QDate& until) const;

private:
    Status validate(Subsidy& subsidy) const;
    Status validateAction(Subsidy& subsidy) const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
