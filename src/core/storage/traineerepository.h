#pragma once

#include "domain/trainee.h"
#include "util/error.h"

#include <QCoreApplication>

namespace etabli {

class Database;

// Trainees' core records. The trainees module adds search lists and the rest.
class TraineeRepository
{
    Q_DECLARE_TR_FUNCTIONS(TraineeRepository)

public:
    explicit TraineeRepository(Database& db) : m_db(db) {}

    Result<qint64> insert(const Trainee& trainee, const QString& nowIso);
    Result<qint64> count() const;

private:
    Database& m_db;
};

} // namespace etabli
