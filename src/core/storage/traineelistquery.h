#pragma once

#include "domain/paging.h"
#include "domain/trainee.h"
#include "util/error.h"

#include <limits>
#include <optional>
#include <QDate>
#include <QList>
#include <QString>

namespace etabli {

class Database;

// What the "Jeunes" list asks for: filtered, sorted and paged in SQL.
struct TraineeFilter
{
    QString text;                        // accent-insensitive, anywhere in "last first"
    qint64 sectionId = 0;                // 0: all
    QList<qint64> sectionIds;            // when not empty: only these (trainers)
    int cohortYear = 0;                  // school year of entry, 0: all
    std::optional<TraineeStatus> status; // none: all
    bool includeArchived = false;

    enum class Sort
    {
        Name,
        BirthDate,
        Section,
        Cohort,
        StudyYear,
        Status,
        EntryDate,
        ExitDate
    };
    Sort sort = Sort::Name;
    bool ascending = true;
};

struct TraineeRow
{
    qint64 id = 0;
    QString lastName;
    QString firstName;
    QDate birthDate;
    QString sex;
    QString section;
    qint64 sectionId = 0;
    int cohortYear = 0;
    int studyYear = 0;
    TraineeStatus status = TraineeStatus::Candidate;
    QDate entryDate;
    QDate exitDate;
    bool archived = false;
};

class TraineeListQuery
{
public:
    explicit TraineeListQuery(Database& db) : m_db(db) {}
    // A page in the filter's order (keyset: see sql::PagedQuery).
    Result<Page<TraineeRow>> page(const TraineeFilter& filter, const PageRequest& request) const;
    // The trainees the filter matches, counted up to `cap` (cap + 1: more); exact by default.
    Result<qint64> count(const TraineeFilter& filter, int cap = std::numeric_limits<int>::max() - 1) const;
    // The school years that have trainees, newest first.
    Result<QList<int>> cohorts() const;

private:
    Database& m_db;
};

} // namespace etabli
