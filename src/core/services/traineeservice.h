#pragma once

#include "domain/trainee.h"
#include "domain/user.h"
#include "storage/traineelistquery.h"
#include "storage/traineerepository.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Clock;
class Database;

// Trainees' records: validation, duplicates, roles (trainers see names and
// section of their own sections only; guardians and notes need
// trainees.sensitive), audit. Records of enrolled trainees are archived,
// never deleted.
class TraineeService
{
    Q_DECLARE_TR_FUNCTIONS(TraineeService)

public:
    TraineeService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Result<Page<TraineeRow>> page(TraineeFilter filter, const PageRequest& request) const;
    Result<qint64> count(TraineeFilter filter, int cap = 10000) const;
    Result<QList<int>> cohorts() const;

    Result<Trainee> get(qint64 id) const;
    // The trainee's stays at the school (entry, returns, changes of section), oldest first.
    Result<QList<TraineeRepository::Stay>> stays(qint64 id) const;
    // `confirmedAge`: the user confirmed an age at entry outside 14–25
    // (otherwise NeedsConfirmation comes back and nothing is written).
    Result<qint64> create(const Trainee& trainee, bool confirmedAge = false);
    Status update(const Trainee& trainee, bool confirmedAge = false);
    // "Passage en 2e année": the enrolled first-years who entered before the
    // current school year, by name.
    Result<QList<TraineeRow>> secondYearCandidates() const;
    // Moves these first-years to the second year, all of them or none.
    Status moveToSecondYear(const QList<qint64>& ids);
    Status setArchived(qint64 id, bool archived);
    Status remove(qint64 id);

    Result<QList<Guardian>> guardians(qint64 traineeId) const;
    Result<qint64> addGuardian(const Guardian& guardian);
    Status updateGuardian(const Guardian& guardian);
    Status removeGuardian(const Guardian& guardian);

    Result<QList<FollowUpNote>> notes(qint64 traineeId) const;
    Result<qint64> addNote(qint64 traineeId, const QString& body);

    Result<QList<Referral>> referrals() const;
    Result<qint64> addReferral(const QString& name);

    // Checks a record without writing it (used by create/update and imports).
    // `today` dates the age check when the record has no entry date (an
    // import reads the clock once for all its rows).
    Status validate(const Trainee& trainee, bool confirmedAge) const;
    Status validate(const Trainee& trainee, bool confirmedAge, const QDate& today) const;

private:
    Status recordRead(qint64 traineeId, const QString& part) const;
    Status requireTrainee(qint64 id, const QString& permission) const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
