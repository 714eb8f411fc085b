#pragma once

#include "domain/codes.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace etabli {

// What a young person has learnt (issue 23): the skill framework of a
// certification (référentiel), and the master trainers' evaluations.

// The four steps of the federation's booklet, in order.
enum class CompetenceLevel
{
    NotStarted,
    InProgress,
    Acquired,
    Mastered
};

template <> struct Codes<CompetenceLevel>
{
    static constexpr CodeEntry<CompetenceLevel> entries[] = {
        {CompetenceLevel::NotStarted, "not_started", QT_TRANSLATE_NOOP("etabli::Codes", "not started")},
        {CompetenceLevel::InProgress, "in_progress", QT_TRANSLATE_NOOP("etabli::Codes", "being acquired")},
        {CompetenceLevel::Acquired, "acquired", QT_TRANSLATE_NOOP("etabli::Codes", "acquired")},
        {CompetenceLevel::Mastered, "mastered", QT_TRANSLATE_NOOP("etabli::Codes", "mastered")},
    };
};

// An observable criterion of a competence ("the torque is checked with the
// wrench").
struct CompetenceCriterion
{
    qint64 id = 0;
    QString code;
    QString title;
};

struct Competence
{
    qint64 id = 0;
    QString code; // unique in the framework: "C2.3"
    QString title;
    QList<CompetenceCriterion> criteria;
};

// A block of competences (a CAP's professional block).
struct CompetenceBlock
{
    qint64 id = 0;
    QString code; // "B1"
    QString title;
    QList<Competence> competences;
};

// The framework of a certification, in its order.
struct SkillFramework
{
    qint64 certificationId = 0;
    QString certificationCode; // "CAP MV"
    QString certificationTitle;
    bool demo = false; // the demo's plausible example, not the official text
    QList<CompetenceBlock> blocks;

    int competenceCount() const
    {
        int n = 0;
        for (const CompetenceBlock& b : blocks)
            n += static_cast<int>(b.competences.size());
        return n;
    }
    const Competence* competence(qint64 id) const
    {
        for (const CompetenceBlock& b : blocks)
            for (const Competence& c : b.competences)
                if (c.id == id)
                    return &c;
        return nullptr;
    }
};

// A trainee evaluated on a competence. Never changed: a new one is
// recorded; the latest (by day, then by id) counts.
struct CompetenceEvaluation
{
    qint64 id = 0;
    qint64 traineeId = 0;
    qint64 competenceId = 0;
    CompetenceLevel level = CompetenceLevel::NotStarted;
    QDate day;
    qint64 evaluatorId = 0; // app_user; 0 when the account is gone
    QString evaluatorName;
    QString comment;
    QString recordedAt;
    QList<qint64> evidence; // production_entry ids: the real jobs behind it
};

// A job of the production log in which a trainee practised a competence
// (through a workshop skill mapped onto it).
struct EvidenceEntry
{
    qint64 entryId = 0;
    QDate day;
    QString reference; // the order's or the entry's reference
    bool customerOrder = false;
    int minutes = 0; // the trainee's time on it
};

// A section's group on a certification's framework: the class view the
// trainers fill and read (the quick-entry grid, the heat map).
struct ClassLearning
{
    using Key = QPair<qint64, qint64>; // (trainee, competence)
    struct Learner
    {
        qint64 traineeId = 0;
        QString lastName;
        QString firstName;
        QDate entry;
    };
    qint64 sectionId = 0;
    SkillFramework framework;
    QList<Learner> trainees;                 // those enrolled in the section, in name order
    QHash<Key, CompetenceEvaluation> latest; // without their evidence
    QHash<Key, int> jobs;                    // jobs of the log that practised it

    std::optional<CompetenceEvaluation> latestOf(qint64 traineeId, qint64 competenceId) const
    {
        const auto it = latest.constFind(Key(traineeId, competenceId));
        return it == latest.cend() ? std::nullopt : std::optional(*it);
    }
    int jobsOf(qint64 traineeId, qint64 competenceId) const
    {
        return jobs.value(Key(traineeId, competenceId));
    }
};

} // namespace etabli
