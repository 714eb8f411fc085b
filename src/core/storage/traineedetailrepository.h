#pragma once

#include "domain/trainee.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Database;

// A trainee's guardians and follow-up notes (sensitive), and the referral list.
class TraineeDetailRepository
{
    Q_DECLARE_TR_FUNCTIONS(TraineeDetailRepository)

public:
    explicit TraineeDetailRepository(Database& db) : m_db(db) {}

    Result<QList<Guardian>> guardians(qint64 traineeId) const;
    Result<qint64> insertGuardian(const Guardian& g, const QString& nowIso);
    Status updateGuardian(const Guardian& g, const QString& nowIso);
    Status removeGuardian(qint64 guardianId, qint64 traineeId);

    Result<QList<FollowUpNote>> notes(qint64 traineeId) const;
    Result<qint64> insertNote(const FollowUpNote& note);

    Result<QList<Referral>> referrals() const;
    Result<qint64> insertReferral(const QString& name);

private:
    Database& m_db;
};

} // namespace etabli
