#pragma once

#include "domain/paging.h"
#include "domain/production.h"
#include "util/error.h"

#include <memory>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <utility>

namespace etabli {

class Database;
class SqlQuery;

// The production log (journal d'atelier) and the skills lists. Rules live in
// ProductionService; this class reads and writes rows.
class ProductionRepository
{
    Q_DECLARE_TR_FUNCTIONS(ProductionRepository)

public:
    explicit ProductionRepository(Database& db) : m_db(db) {}

    // Writes the entry and its lines; returns the new id.
    Result<qint64> insert(const ProductionEntry& entry, const QString& nowIso);
    // Rewrites an entry and its lines; Conflict when `entry.version` is stale.
    Status replace(const ProductionEntry& entry, const QString& nowIso);
    Status remove(qint64 id);
    Result<ProductionEntry> get(qint64 id) const;

    // `sections`: the sections the reader may see (empty: all).
    // A page of the log, newest first (keyset: see sql::PagedQuery), with each entry's outputs and trainees.
    Result<Page<ProductionSummary>> list(const ProductionFilter& filter, const QList<qint64>& sections,
                                         const PageRequest& request) const;
    // The entries the filter matches, counted up to `cap` (cap + 1: more).
    Result<qint64> count(const ProductionFilter& filter, const QList<qint64>& sections, int cap) const;

    // The trainees of these entries with their minutes, by entry.
    Result<QHash<qint64, QList<ProductionTrainee>>> traineesOf(const QList<qint64>& entryIds) const;

    // Minutes already logged on a day for these trainees, except on one entry.
    Result<QHash<qint64, int>> minutesOnDay(const QList<qint64>& traineeIds, const QDate& day,
                                            qint64 exceptEntryId) const;

    struct TraineeFacts
    {
        qint64 id = 0;
        QString name;
        qint64 sectionId = 0;
        QDate entry;
        QDate exit;
    };
    Result<QHash<qint64, TraineeFacts>> traineeFacts(const QList<qint64>& traineeIds) const;

    // Derived figures over a filter (section, trainee, period, kind).
    Result<ProductionFigures> figures(const ProductionFilter& filter, const QList<qint64>& sections) const;

    Result<QList<Skill>> skills(qint64 sectionId, bool activeOnly) const;
    // Each trainee and day the log has at work, before `day`.
    Result<QSet<std::pair<qint64, QDate>>> traineeDaysBefore(const QDate& day) const;
    Result<qint64> insertSkill(const Skill& skill);
    Status updateSkill(const Skill& skill);

    // Writes many entries with statements prepared once (the demo's years of logs).
    class Writer
    {
    public:
        explicit Writer(Database& db);
        ~Writer();
        Writer(const Writer&) = delete;
        Writer& operator=(const Writer&) = delete;
        Status prepare();
        // `createdIso` stamps created_at and updated_at.
        Result<qint64> insert(const ProductionEntry& entry, const QString& createdIso);
        Status writeLines(const ProductionEntry& entry, qint64 id);

    private:
        Database& m_db;
        std::unique_ptr<SqlQuery> m_entry;
        std::unique_ptr<SqlQuery> m_trainee;
        std::unique_ptr<SqlQuery> m_output;
        std::unique_ptr<SqlQuery> m_material;
        std::unique_ptr<SqlQuery> m_skill;
    };

private:
    Status addOutputsAndTrainees(QList<ProductionSummary>& rows) const;
    Status deleteLines(qint64 id);

    Database& m_db;
};

} // namespace etabli
