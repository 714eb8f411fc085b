#pragma once

#include "domain/learning.h"
#include "domain/user.h"
#include "util/error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>

namespace etabli {

class Clock;
class Database;

// The skill frameworks of the certifications (issue 23, item 1): read, and
// loaded from a spreadsheet "bloc;code;compétence;critère" — a line per
// criterion, or per competence when it has none; a competence on several
// lines gathers their criteria. The block cell is its code and title ("B1 –
// Réaliser une intervention"), or the code alone with an "intitulé du bloc"
// column beside it.
class FrameworkService
{
    Q_DECLARE_TR_FUNCTIONS(FrameworkService)

public:
    FrameworkService(Database& db, const Clock& clock, UserContext actor)
        : m_db(db), m_clock(clock), m_actor(std::move(actor))
    {
    }

    // The file's blocks, competences and criteria, in its order; writes
    // nothing. Refused whole, each line named, when a line has no block, no
    // code or no competence, or a code is already another competence's.
    static Result<QList<CompetenceBlock>> read(const QByteArray& bytes);

    // The certification's framework (anyone who sees the trainees).
    Result<SkillFramework> framework(qint64 certificationId) const;
    // The certification's framework made these blocks (learning.frameworks):
    // matched by code — a block or competence keeps its number, so its
    // evaluations and workshop skills stay with it, and takes the file's
    // title and place; new ones are added; one the file leaves out is
    // removed, unless evaluations or workshop skills name it (refused,
    // nothing written). Criteria are the file's. `demo`: the demo's example.
    Status replace(qint64 certificationId, const QList<CompetenceBlock>& blocks, bool demo = false);

    // The workshop skills mapped onto each competence of the certification.
    Result<QHash<qint64, QList<qint64>>> skillMapping(qint64 certificationId) const;
    // The competence practised by these workshop skills (learning.frameworks):
    // their jobs become the evidence proposed for it.
    Status setSkills(qint64 competenceId, QList<qint64> skillIds);

private:
    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor;
};

} // namespace etabli
